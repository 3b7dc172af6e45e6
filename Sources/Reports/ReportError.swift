/// Why a report could not be made (a code, a message, and what to do).
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A month that is not `YYYY-MM`.
    case badMonth(String)

    /// A stable code for logs and exit statuses.
    public var code: String {
        switch self {
        case .badMonth: return "bad_month"
        }
    }

    public var description: String {
        switch self {
        case .badMonth(let m): return "month '\(m)' is not YYYY-MM (e.g. 2026-11)"
        }
    }
}
