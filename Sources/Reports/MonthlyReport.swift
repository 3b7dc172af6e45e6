import Messages
import Workflow

/// The monthly report of seed 003 信息互通制度 (departments report by the 10th):
/// per department the case figures, and the fund, referrals, legal aid and
/// petitions of the month. Sections a principal may not read are nil.
public struct MonthlyReport: Sendable {
    /// One department's case figures for the month.
    public struct Department: Sendable, Codable {
        public var code: String
        /// Cases transferred to it in the month (timeline `transferred`, detail.to).
        public var received = 0
        /// Cases it resolved in the month.
        public var resolved = 0
        /// Of those, resolved by their deadline and never escalated for lateness.
        public var resolvedOnTime = 0
        /// Its cases closed (销号) in the month.
        public var closed = 0
        /// Its cases open at the end of the month with the deadline passed.
        public var overdue = 0
        /// Wages paid on the cases it resolved in the month.
        public var recovered = Money.zero

        /// On-time share of resolved cases, nil when it resolved none.
        public var onTimeRate: Double? { resolved == 0 ? nil : Double(resolvedOnTime) / Double(resolved) }
    }

    public struct Fund: Sendable, Codable {
        public var requests = 0
        public var rejected = 0
        public var advanced = Money.zero
        public var recovered = Money.zero
        public var writtenOff = Money.zero
        /// Advances receivable at the end of the month.
        public var outstanding = Money.zero
    }

    public struct Referrals: Sendable, Codable {
        public var submitted = 0
        public var incomplete = 0
        public var filed = 0
        public var notFiled = 0
        public var measures = 0
        /// Awaiting a decision now, and of those past the deadline.
        public var pending = 0
        public var pendingOverdue = 0
    }

    public struct LegalAid: Sendable, Codable {
        public var received = 0
        public var assignedSameDay = 0
        public var waiting = 0
        public var sameDayRate: Double? { received == 0 ? nil : Double(assignedSameDay) / Double(received) }
    }

    public struct Petitions: Sendable, Codable {
        public var received = 0
        public var wageRelated = 0
        public var collective = 0
    }

    /// `YYYY-MM`.
    public var month: String
    public var firstDay: Day
    /// The first day of the next month (exclusive bound).
    public var endDay: Day
    /// Overdue is judged as of this day: the month's last day, or today in the current month.
    public var asOf: Day
    /// Who compiled it (the principal or admin).
    public var compiledBy: String
    public var departments: [Department]
    public var fund: Fund?
    public var referrals: Referrals?
    public var legalAid: LegalAid?
    public var petitions: Petitions?
    /// Cases resolved in the month by disposition (CONTRACT §7.1), every
    /// disposition listed (0 when none), in the contract's order.
    public var dispositions: [(CaseDisposition, Int)] = []

    public var totals: Department {
        departments.reduce(into: Department(code: "total")) { t, d in
            t.received += d.received; t.resolved += d.resolved; t.resolvedOnTime += d.resolvedOnTime
            t.closed += d.closed; t.overdue += d.overdue; t.recovered += d.recovered
        }
    }

    /// Parses `YYYY-MM` into the month's first day and the next month's first day.
    public static func bounds(of month: String) -> (Day, Day)? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              let first = Day(year: y, month: m, day: 1),
              let next = m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1)
        else { return nil }
        return (first, next)
    }
}

/// Number formats shared by the renderers.
public enum ReportFormat {
    /// `66.7%`, or `–` when there is no rate.
    public static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
