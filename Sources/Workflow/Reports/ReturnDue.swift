import Messages

/// When a department's monthly return is due (seed 003 二(三)5: 每月10日前报送上月情况).
///
/// The due day is the day written in the rule, never moved: a 10th that falls on a
/// weekend or a holiday is still the 10th (`fallsOnRestDay` lets a report say so).
/// A return is late when it arrives after the due day (Asia/Shanghai dates), or
/// when it is still missing once the due day has passed.
public enum ReturnDue: Sendable, Hashable {
    /// Due on this day (1 ... 28) of the month after the month it reports.
    case dayOfNextMonth(Int)
    /// Reported when things happen (公安: incidents at any time): never due, never late.
    case anyTime

    /// The days a `dayOfNextMonth` rule may name: every month has them.
    public static let allowedDays = 1...28

    /// The due day of the return of `month`, or nil for `anyTime`.
    public func dueOn(_ month: Month) -> Day? {
        guard case .dayOfNextMonth(let day) = self else { return nil }
        let next = month.adding(months: 1)
        return Day(year: next.year, month: next.month, day: day)
    }

    /// Whether the return of `month` is late, given the day it was first submitted
    /// (nil while missing) and today.
    public func isLate(_ month: Month, submittedOn: Day?, today: Day) -> Bool {
        guard let due = dueOn(month) else { return false }
        if let submittedOn { return submittedOn > due }
        return today > due
    }

    /// Whether the return of `month` is missing and overdue as of `asOf`: the sweep
    /// then reminds the owing department (once).
    public func isOverdue(_ month: Month, submitted: Bool, asOf: Day) -> Bool {
        !submitted && isLate(month, submittedOn: nil, today: asOf)
    }

    /// Whether the due day of `month`'s return is not a working day in `calendar`.
    public func fallsOnRestDay(_ month: Month, calendar: WorkingCalendar) -> Bool {
        guard let due = dueOn(month) else { return false }
        return !calendar.isWorkday(due)
    }

    /// The month whose returns fall due in the month of `day` (the previous month).
    public static func reportedMonth(dueIn day: Day) -> Month { Month(of: day).previous }
}
