/// Why a report could not be made (a code, a message, and what to do).
public enum ReportError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A month that is not `YYYY-MM`.
    case badMonth(String)
    /// A quarter that is not `YYYYQn`.
    case badQuarter(String)
    /// The archive did not keep a month's figures (e.g. the role may not write it).
    case notArchived(String)

    /// A stable code for logs and exit statuses.
    public var code: String {
        switch self {
        case .badMonth: return "bad_month"
        case .badQuarter: return "bad_quarter"
        case .notArchived: return "not_archived"
        }
    }

    public var description: String {
        switch self {
        case .badMonth(let m): return "month '\(m)' is not YYYY-MM (e.g. 2026-11)"
        case .badQuarter(let q): return "quarter '\(q)' is not YYYYQn (e.g. 2026Q4)"
        case .notArchived(let m): return "the figures of \(m) could not be archived in wage.report_snapshots"
        }
    }
}
