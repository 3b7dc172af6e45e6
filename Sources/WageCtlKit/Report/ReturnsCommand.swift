import Foundation
import ArgumentParser
import Messages
import Reports
import Runtime
import Workflow

/// `wagectl report returns --month M`: which department returns of the month are in
/// and which are missing (信息互通, seed 003 二(三)5; `wage.report_returns`).
struct ReturnsReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "returns",
        abstract: "The departments' returns of a month: what is in and what is missing (wage.report_returns; hrss, government).",
        discussion: """
        Every kind of the duty list in force gets a line: submitted (on time or late), pending (not due yet), \
        missing (past its due day, the 10th of the next month as written; a 10th on a weekend or holiday is \
        marked) or, for kinds reported at any time, none this month.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "The month, YYYY-MM (default: the previous month, Asia/Shanghai).") var month: String?
    @Flag(help: "Print CSV (UTF-8 with a BOM, every field quoted).") var csv = false
    @OptionGroup var language: ReportLanguageOption

    func run() throws {
        let chosen = month ?? MonthlyReportCommand.previousMonth(of: Day(shanghai: Date()))
        guard let reported = Month(iso: chosen) else {
            throw WageCtlError(.usage, "--month '\(chosen)' is not YYYY-MM", hint: "e.g. --month 2026-11")
        }
        let lang = try language.resolved()
        try ViewRunner.run(identity) { session, db in
            guard let dutyList = try DutyListStore.inForce(db: db) else {
                throw WageCtlError(.failed, "no duty list is in force", hint: "start the router, or wagectl duty-list load")
            }
            let report = try ReturnsReportLoader(db: db, dutyList: dutyList).load(month: reported)
            if output.json {
                session.console.out(JSONPretty.render(report.json))
            } else if csv {
                session.console.out(String(report.csv(lang).dropLast(2)))
            } else {
                for line in report.textLines(lang) { session.console.out(line) }
            }
        }
    }
}
