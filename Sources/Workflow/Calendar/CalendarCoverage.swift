import Messages

/// Whether the working-day calendar reaches far enough ahead (CONTRACT §7.4): the
/// State Council publishes each year's holidays late in the year before; until its
/// notice is loaded, deadlines that run into that year would treat its holidays as
/// working days.
public enum CalendarCoverage {
    /// The year `asOf + lookaheadDays` falls in when `wage.calendar` has no row in
    /// it (`yearsLoaded`), else nil: the warning `calendar_missing_year`.
    public static func missingYear(asOf: Day, lookaheadDays: Int, yearsLoaded: Set<Int>) -> Int? {
        let year = asOf.adding(days: lookaheadDays).year
        return yearsLoaded.contains(year) ? nil : year
    }

    /// The warning for `year` (department hrss, period = the year).
    public static func warning(year: Int, asOf: Day, lookaheadDays: Int) -> Warning {
        Warning(kind: .calendarMissingYear, period: String(year), department: .hrss, detail: [
            "year": .int(year), "as_of": .string(asOf.iso), "lookahead_days": .int(lookaheadDays),
            "action": .string("wagectl calendar load <the State Council notice of \(year) as CSV>"),
        ])
    }
}
