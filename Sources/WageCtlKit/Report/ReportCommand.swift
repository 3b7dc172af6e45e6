import Reports
import ArgumentParser
import Foundation
import Messages
import Workflow

/// `wagectl report monthly`: the monthly report of seed 003 信息互通制度.
struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports.", subcommands: [MonthlyReportCommand.self, ReturnsReportCommand.self, ReportSubmitCommand.self])
}

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly report per department (信息互通制度): a table, --csv, --json or --html FILE.",
        discussion: """
        Read from the contract views with the principal's grants: act as hrss (the office compiles it and \
        may read every view) or as admin. Sections the principal may not read say so.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The month, YYYY-MM (default: the previous month, Asia/Shanghai).") var month: String?
    @Flag(help: "Print CSV (section,department,metric,value).") var csv = false
    @Option(help: "Also write a self-contained HTML page with charts to this file.") var html: String?

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let chosen = month ?? Self.previousMonth(of: Day(shanghai: Date()))
            let report: MonthlyReport
            do {
                report = try MonthlyReportLoader(db: db).load(month: chosen, compiledBy: (try session.identity()).description)
            } catch let error as ReportError {
                throw WageCtlError(.usage, "--month: \(error)", hint: "e.g. --month 2026-11")
            }
            if let html {
                do { try report.html.write(toFile: html, atomically: true, encoding: .utf8) } catch {
                    throw WageCtlError(.failed, "cannot write \(html): \(error.localizedDescription)")
                }
                session.console.err("wrote \(html)")
            }
            if output.json {
                session.console.out(JSONPretty.render(report.json))
            } else if csv {
                session.console.out(String(report.csv.dropLast()))
            } else {
                for line in report.textLines { session.console.out(line) }
            }
        }
    }

    /// `YYYY-MM` of the month before `day`.
    static func previousMonth(of day: Day) -> String {
        let previous = Day(year: day.year, month: day.month, day: 1)!.adding(days: -1)
        return String(previous.iso.prefix(7))
    }
}
