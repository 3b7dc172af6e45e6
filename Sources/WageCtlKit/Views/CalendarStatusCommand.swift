import ArgumentParser
import Store
import Messages
import Workflow

/// `wagectl calendar status`: the years of holidays loaded, the calendar's version,
/// and the `calendar_missing_year` warning (CONTRACT §7.4).
struct CalendarStatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "The years loaded into wage.calendar and the calendar_missing_year warning (§7.4).",
        discussion: """
        Workers use a change to the calendar about a second after it commits (no restart). The office's sweep \
        warns (calendar_missing_year) when the day 60 days ahead falls in a year with no rows: load that year's \
        State Council notice with `wagectl calendar load FILE.csv`.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let years = try db.execute(
                """
                SELECT extract(year FROM day)::int AS year, count(*)::int AS days,
                       (count(*) FILTER (WHERE NOT is_workday))::int AS holidays,
                       (count(*) FILTER (WHERE is_workday))::int AS make_up_days
                FROM wage.calendar GROUP BY 1 ORDER BY 1
                """).rows
            let version = try db.execute("SELECT version, changed_at::text AS changed_at FROM wage.reference_versions WHERE name = 'calendar'").rows.first
            let warnings = try db.execute(
                """
                SELECT warning_id, period, raised_at::text AS raised_at, detail->>'as_of' AS as_of
                FROM wage.warnings WHERE kind = 'calendar_missing_year' AND cleared_at IS NULL ORDER BY period
                """).rows
            if output.json {
                session.console.out(JSONPretty.render(.object([
                    "years": .array(try years.map { row in
                        .object(["year": .int(try row.int("year")), "days": .int(try row.int("days")),
                                 "holidays": .int(try row.int("holidays")), "make_up_days": .int(try row.int("make_up_days"))])
                    }),
                    "version": .int(Int(try version?.int64("version") ?? 0)),
                    "missing_years": .array(try warnings.map { .string(try $0.string("period")) }),
                ])))
                return
            }
            if years.isEmpty { session.console.out("wage.calendar is empty: every Monday-Friday counts as a working day") }
            for row in years {
                session.console.out("\(try row.int("year")): \(try row.int("holidays")) holidays, \(try row.int("make_up_days")) make-up working days")
            }
            if let version {
                session.console.out("version \(try version.int64("version")), changed \(try version.string("changed_at"))")
            }
            if warnings.isEmpty {
                session.console.out("no calendar_missing_year warning open")
            } else {
                for row in warnings {
                    session.console.out("WARNING calendar_missing_year \(try row.string("period")): no holidays loaded "
                        + "(raised \(try row.string("raised_at")) by the sweep as of \(row["as_of"] ?? "?")); "
                        + "load the State Council notice with `wagectl calendar load FILE.csv`")
                }
            }
        }
    }
}
