import Reports
import ArgumentParser
import Foundation
import Messages
import Workflow

/// `wagectl report monthly`: the monthly report of seed 003 信息互通制度.
struct ReportGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports.",
        subcommands: [MonthlyReportCommand.self, ReturnsReportCommand.self, ReportSubmitCommand.self,
                      WatchReportCommand.self, QuarterReportCommand.self])
}

struct MonthlyReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "monthly",
        abstract: "The monthly report per department (信息互通制度): a table, --csv, --json or --html FILE.",
        discussion: """
        Read from the contract views with the principal's grants: act as hrss (the office compiles it and \
        may read every view) or as admin. Sections the principal may not read say so. The figures of a \
        finished month are archived (wage.report_snapshots) the first time hrss or admin makes its report; \
        later runs reprint the archived figures and say so. --fresh recomputes from today's data without \
        changing the archive. A month that has not ended is provisional and not archived.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: ReportLanguageOption
    @Option(help: "The month, YYYY-MM (default: the previous month, Asia/Shanghai).") var month: String?
    @Flag(help: "Print CSV (UTF-8 with BOM, quoted; section,department,metric,value).") var csv = false
    @Option(help: "Also write a self-contained HTML page with charts to this file.") var html: String?
    @Flag(help: "Recompute from today's data instead of reprinting the archived figures (the archive is kept).") var fresh = false

    func run() throws {
        let lang = try language.resolved()
        try ViewRunner.run(identity) { session, db in
            let chosen = month ?? Self.previousMonth(of: Day(shanghai: Date()))
            let report: MonthlyReport, source: ReportArchive.Source
            do {
                let who = (try session.identity()).description
                (report, source) = try MonthlyReportMaker(db: db).make(month: chosen, compiledBy: who, madeBy: who,
                                                                        today: Day(shanghai: Date()), fresh: fresh)
            } catch let error as ReportError {
                throw WageCtlError(.usage, "--month: \(error)", hint: "e.g. --month 2026-11")
            }
            let note = source.note(lang)
            if let note { session.console.err(note) }
            if let html {
                let page = report.html(lang, issuer: try IssuingOffice.name(db: db), note: note)
                do { try page.write(toFile: html, atomically: true, encoding: .utf8) } catch {
                    throw WageCtlError(.failed, "cannot write \(html): \(error.localizedDescription)")
                }
                session.console.err("wrote \(html)")
            }
            if output.json {
                session.console.out(JSONPretty.render(source.annotated(report.json)))
            } else if csv {
                session.console.raw(report.csv(lang))
            } else {
                for line in report.textLines(lang) { session.console.out(line) }
            }
        }
    }

    /// `YYYY-MM` of the month before `day`.
    static func previousMonth(of day: Day) -> String {
        let previous = Day(year: day.year, month: day.month, day: 1)!.adding(days: -1)
        return String(previous.iso.prefix(7))
    }
}
