import Messages

/// A calendar quarter, `2026Q4`: its three months and its bounds.
public struct Quarter: Sendable, Equatable {
    public var year: Int
    /// 1 to 4.
    public var number: Int

    /// Parses `YYYYQn` (`2026Q4`; a lower-case `q` too).
    public init?(_ text: String) {
        let parts = text.uppercased().split(separator: "Q", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 4, let y = Int(parts[0]), let n = Int(parts[1]), (1...4).contains(n),
              (2000...2100).contains(y) else { return nil }
        year = y; number = n
    }

    /// The three months, `YYYY-MM`.
    public var months: [String] {
        (0..<3).map { i in
            let m = (number - 1) * 3 + 1 + i
            return "\(year)-" + (m < 10 ? "0\(m)" : "\(m)")
        }
    }

    /// The first day of the quarter and the first day after it.
    public var bounds: (Day, Day) {
        let first = MonthlyReport.bounds(of: months[0])!.0
        return (first, MonthlyReport.bounds(of: months[2])!.1)
    }

    /// `2026Q4`.
    public var code: String { "\(year)Q\(number)" }

    /// `2026年第四季度` / `2026 Q4`.
    public func name(_ lang: ReportLanguage) -> String {
        lang == .zh ? "\(year)年第\(["一", "二", "三", "四"][number - 1])季度" : "\(year) Q\(number)"
    }
}
