import ArgumentParser
import Foundation
import Messages
import Reports

/// `wagectl report watch --month M`: the monthly watch list (重点关注项目清单).
struct WatchReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "The monthly watch list of projects and cases at risk (重点关注项目清单): a table, --csv or --json.",
        discussion: """
        Every entry of wage.watch_list that was on the list at some time in the month: high-risk cases, task \
        forces, leader packages, projects with warnings, collective visits, listed employers. Act as hrss (the \
        view is the office's) or as admin.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: ReportLanguageOption
    @Option(help: "The month, YYYY-MM (default: the previous month, Asia/Shanghai).") var month: String?
    @Flag(help: "Print CSV (UTF-8 with BOM, every field quoted).") var csv = false

    func run() throws {
        let lang = try language.resolved()
        try ViewRunner.run(identity) { session, db in
            let chosen = month ?? MonthlyReportCommand.previousMonth(of: Day(shanghai: Date()))
            let list: WatchList
            do { list = try WatchListLoader(db: db).load(month: chosen) } catch let error as ReportError {
                throw WageCtlError(.usage, "--month: \(error)", hint: "e.g. --month 2026-11")
            }
            if output.json {
                session.console.out(JSONPretty.render(list.json))
            } else if csv {
                session.console.raw(list.csv(lang))
            } else {
                for line in list.textLines(lang) { session.console.out(line) }
            }
        }
    }
}
