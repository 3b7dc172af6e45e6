import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// `wagectl calendar load <csv>`: load a year of working-day exceptions into
/// `wage.calendar` (admin), audited.
struct CalendarLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load",
        abstract: "Load a calendar CSV (day,is_workday,note) into wage.calendar (operators; audited).",
        discussion: """
        The file lists the exceptions of whole years (holidays, make-up working days). Rows are inserted or \
        updated; a day of a year in the file that is stored but not in the file is removed (the file \
        replaces those years), unless --keep-others. Every worker uses the new calendar about a second after \
        it commits, without a restart (CONTRACT §7.4).
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The CSV file, e.g. deploy/calendar/CN-2027.csv.") var file: String
    @Flag(name: .customLong("keep-others"), help: "Keep stored days of those years that the file does not list.") var keepOthers = false

    func run() throws {
        guard let text = try? String(contentsOfFile: file, encoding: .utf8) else {
            throw WageCtlError(.usage, "cannot read \(file) as UTF-8 text", hint: "give the path of a calendar CSV")
        }
        let rows: [CalendarRow]
        do { rows = try CalendarCSV.parse(text) } catch {
            throw WageCtlError(.usage, "\(file):\(error.line): \(error.problem.rawValue)",
                               hint: "the format is a header line \(CalendarCSV.header), then YYYY-MM-DD,true|false,note")
        }
        let years = Array(Set(rows.map(\.day.year))).sorted()
        let session = Session(identity)
        defer { session.close() }
        let admin = try session.adminDatabase()
        let counts = try admin.transaction { db -> [String: Int] in
            var counts = ["inserted": 0, "updated": 0, "unchanged": 0, "removed": 0]
            for row in rows {
                let result = try db.execute(
                    """
                    INSERT INTO wage.calendar (day, is_workday, note) VALUES ($1::date, $2::boolean, $3)
                    ON CONFLICT (day) DO UPDATE SET is_workday = EXCLUDED.is_workday, note = EXCLUDED.note
                    WHERE (wage.calendar.is_workday, wage.calendar.note) IS DISTINCT FROM (EXCLUDED.is_workday, EXCLUDED.note)
                    RETURNING (xmax = 0) AS inserted
                    """, [row.day.iso, row.isWorkday, row.note])
                let key = try result.rows.first.map { try $0.bool("inserted") ? "inserted" : "updated" } ?? "unchanged"
                counts[key, default: 0] += 1
            }
            if !keepOthers {
                counts["removed"] = try db.execute(
                    "DELETE FROM wage.calendar WHERE extract(year FROM day)::int = ANY($1::int[]) AND NOT (day = ANY($2::date[]))",
                    [years.map(String.init), rows.map(\.day.iso)]).affectedRows
            }
            try OperatorAudit.record("calendar.load", subject: URL(fileURLWithPath: file).lastPathComponent,
                                     operator: operatorOptions.resolved, detail: [
                                        "file": .string(file), "years": .array(years.map(JSONValue.int)), "rows": .int(rows.count),
                                        "inserted": .int(counts["inserted"]!), "updated": .int(counts["updated"]!),
                                        "removed": .int(counts["removed"]!)], db: db)
            return counts
        }
        if output.json {
            var o: [String: JSONValue] = counts.mapValues(JSONValue.int)
            o["years"] = .array(years.map(JSONValue.int))
            o["rows"] = .int(rows.count)
            session.console.out(JSONPretty.render(.object(o)))
        } else {
            session.console.out("calendar \(years.map(String.init).joined(separator: ", ")): \(rows.count) days in \(file): "
                + "\(counts["inserted"]!) inserted, \(counts["updated"]!) updated, \(counts["unchanged"]!) unchanged, \(counts["removed"]!) removed")
        }
    }
}
