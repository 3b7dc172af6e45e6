import Messages
/// The working-day calendar (CONTRACT §3, table `wage.calendar`): a day listed in
/// `overrides` is a working day iff its flag is true; a day not listed is a
/// working day iff it is Monday–Friday.
public struct WorkingCalendar: Sendable, Hashable {
    /// Listed days: `true` = working day (e.g. a make-up Saturday 调休上班),
    /// `false` = holiday.
    public let overrides: [Day: Bool]

    public init(overrides: [Day: Bool] = [:]) {
        self.overrides = overrides
    }

    /// A calendar from parsed CSV rows (see `CalendarCSV`).
    public init(rows: [CalendarRow]) {
        var o: [Day: Bool] = [:]
        for row in rows { o[row.day] = row.isWorkday }
        self.init(overrides: o)
    }

    /// Whether `day` is a working day.
    public func isWorkday(_ day: Day) -> Bool {
        overrides[day] ?? !day.isWeekend
    }

    /// The `n`th working day after `start`, not counting `start` itself
    /// (CONTRACT §3). For `n <= 0` the answer is `start`.
    public func nthWorkingDay(after start: Day, n: Int) -> Day {
        var day = start
        var remaining = n
        while remaining > 0 {
            day = day.adding(days: 1)
            if isWorkday(day) { remaining -= 1 }
        }
        return day
    }

    /// The working days in the closed range `from...to`, in order; empty when
    /// `from > to`.
    public func workingDays(from: Day, to: Day) -> [Day] {
        guard from <= to else { return [] }
        return (from.ordinal...to.ordinal).map(Day.init(ordinal:)).filter(isWorkday)
    }
}
