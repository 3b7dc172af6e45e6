import Messages
import Workflow

/// The monthly report of seed 003 信息互通制度 (departments report by the 10th):
/// per department the case figures, and the fund, referrals, legal aid and
/// petitions of the month. Sections a principal may not read are nil.
struct MonthlyReport {
    /// One department's case figures for the month.
    struct Department {
        var code: String
        /// Cases transferred to it in the month (timeline `transferred`, detail.to).
        var received = 0
        /// Cases it resolved in the month.
        var resolved = 0
        /// Of those, resolved by their deadline and never escalated for lateness.
        var resolvedOnTime = 0
        /// Its cases closed (销号) in the month.
        var closed = 0
        /// Its cases open at the end of the month with the deadline passed.
        var overdue = 0
        /// Wages paid on the cases it resolved in the month.
        var recovered = Money.zero

        /// On-time share of resolved cases, nil when it resolved none.
        var onTimeRate: Double? { resolved == 0 ? nil : Double(resolvedOnTime) / Double(resolved) }
    }

    struct Fund {
        var requests = 0
        var rejected = 0
        var advanced = Money.zero
        var recovered = Money.zero
        var writtenOff = Money.zero
        /// Advances receivable at the end of the month.
        var outstanding = Money.zero
    }

    struct Referrals {
        var submitted = 0
        var incomplete = 0
        var filed = 0
        var notFiled = 0
        var measures = 0
        /// Awaiting a decision now, and of those past the deadline.
        var pending = 0
        var pendingOverdue = 0
    }

    struct LegalAid {
        var received = 0
        var assignedSameDay = 0
        var waiting = 0
        var sameDayRate: Double? { received == 0 ? nil : Double(assignedSameDay) / Double(received) }
    }

    struct Petitions {
        var received = 0
        var wageRelated = 0
        var collective = 0
    }

    /// `YYYY-MM`.
    var month: String
    var firstDay: Day
    /// The first day of the next month (exclusive bound).
    var endDay: Day
    /// Overdue is judged as of this day: the month's last day, or today in the current month.
    var asOf: Day
    /// Who compiled it (the principal or admin).
    var compiledBy: String
    var departments: [Department]
    var fund: Fund?
    var referrals: Referrals?
    var legalAid: LegalAid?
    var petitions: Petitions?
    /// Cases resolved in the month by disposition (CONTRACT §7.1), every
    /// disposition listed (0 when none), in the contract's order.
    var dispositions: [(CaseDisposition, Int)] = []

    var totals: Department {
        departments.reduce(into: Department(code: "total")) { t, d in
            t.received += d.received; t.resolved += d.resolved; t.resolvedOnTime += d.resolvedOnTime
            t.closed += d.closed; t.overdue += d.overdue; t.recovered += d.recovered
        }
    }

    /// Parses `YYYY-MM` into the month's first day and the next month's first day.
    static func bounds(of month: String) -> (Day, Day)? {
        let parts = month.split(separator: "-")
        guard parts.count == 2, parts[0].count == 4, parts[1].count == 2, let y = Int(parts[0]), let m = Int(parts[1]),
              let first = Day(year: y, month: m, day: 1),
              let next = m == 12 ? Day(year: y + 1, month: 1, day: 1) : Day(year: y, month: m + 1, day: 1)
        else { return nil }
        return (first, next)
    }
}

/// Number formats shared by the renderers.
enum ReportFormat {
    static func percent(_ rate: Double?) -> String {
        guard let rate else { return "–" }
        let tenths = Int((rate * 1000).rounded())
        return "\(tenths / 10).\(tenths % 10)%"
    }
}
