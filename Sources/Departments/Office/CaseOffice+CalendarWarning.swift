import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// The sweep's calendar check (CONTRACT §7.4): raises `calendar_missing_year`
    /// for the year `asOf` + the look-ahead (configuration) falls in when
    /// `wage.calendar` has no row in it, and clears such warnings of years that
    /// have rows now.
    func checkCalendarCoverage(asOf: Day, context: HandlerContext) throws {
        let loaded = Set(try context.db.execute(
            "SELECT DISTINCT extract(year FROM day)::int AS year FROM wage.calendar").rows.map { try $0.int("year") })
        let lookahead = context.settings.calendarLookaheadDays
        let warnings = WarningRecorder(context: context)
        if let year = CalendarCoverage.missingYear(asOf: asOf, lookaheadDays: lookahead, yearsLoaded: loaded) {
            try warnings.raise(CalendarCoverage.warning(year: year, asOf: asOf, lookaheadDays: lookahead))
        }
        for key in try warnings.openKeys(of: [.calendarMissingYear]) {
            guard let period = key.period, let year = Int(period), loaded.contains(year) else { continue }
            try warnings.clear(key, by: "sweep", note: "calendar rows of \(year) loaded")
        }
    }
}
