import Messages

/// Calendar periods of CONTRACT §7.8, counted from the same day: N months later is
/// the same day of the month N months on, or that month's last day; N years later is
/// the same date, with 29 February becoming 28 February. "Within one month", "6
/// months" and "3 years" all use this rule (the list rule's periods, §9).
public enum CalendarPeriod {
    /// `day` + `months` calendar months (negative: earlier), clamped to the last day of
    /// the target month (31 August + 6 months = 28 or 29 February).
    public static func adding(months: Int, to day: Day) -> Day {
        let index = day.year * 12 + (day.month - 1) + months
        let year = floorDiv(index, 12)
        let month = index - year * 12 + 1
        return clamped(year: year, month: month, day: day.day)
    }

    /// `day` + `years` calendar years (negative: earlier): the same date, 29 February
    /// becoming 28 February in a year that has none.
    public static func adding(years: Int, to day: Day) -> Day {
        clamped(year: day.year + years, month: day.month, day: day.day)
    }

    /// Whether `day` lies within the last `years` years as of `today`: `day` + `years`
    /// (this rule) is on or after `today` (and `day` is not after `today`).
    public static func isWithin(years: Int, before today: Day, _ day: Day) -> Bool {
        day <= today && adding(years: years, to: day) >= today
    }

    private static func clamped(year: Int, month: Int, day: Int) -> Day {
        var d = day
        while d > 28 {
            if let result = Day(year: year, month: month, day: d) { return result }
            d -= 1
        }
        return Day(year: year, month: month, day: d) ?? Day(ordinal: 0)  // only outside years 1...9999
    }

    private static func floorDiv(_ a: Int, _ b: Int) -> Int { a >= 0 ? a / b : -((-a + b - 1) / b) }
}
