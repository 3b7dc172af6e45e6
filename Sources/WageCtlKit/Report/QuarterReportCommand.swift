import ArgumentParser
import Foundation
import Messages
import Reports
import Runtime
import Store

/// `wagectl report quarter --quarter 2026Q4 --html F`: the quarterly bulletin
/// 《劳动保障信息简报》 (seed 003 二(三)5), in Chinese unless `--lang en`.
struct QuarterReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "quarter",
        abstract: "The quarterly bulletin 《劳动保障信息简报》: three months' statistics, the departments' returns, the watch list.",
        discussion: """
        Act as hrss (or admin). Each month's figures come from the archive (wage.report_snapshots); a finished \
        month not yet archived is computed and archived now, as `report monthly` would; a month still running is \
        provisional. Writes one self-contained HTML page with charts (--html) and prints a summary.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var language: ReportLanguageOption
    @Option(help: "The quarter, YYYYQn (e.g. 2026Q4).") var quarter: String
    @Option(help: "Write the bulletin as a self-contained HTML page to this file.") var html: String?

    func run() throws {
        guard let chosen = Quarter(quarter) else {
            throw WageCtlError(.usage, "--quarter: \(ReportError.badQuarter(quarter))", hint: "e.g. --quarter 2026Q4")
        }
        let lang = try language.resolved(fallback: .zh)
        try ViewRunner.run(identity) { session, db in
            let who = (try session.identity()).description
            let today = Day(shanghai: Date())
            let months = try chosen.months.map { month in
                try MonthlyReportMaker(db: db).make(month: month, compiledBy: who, madeBy: who, today: today, fresh: false)
            }
            let (first, end) = chosen.bounds
            let watch = try WatchListLoader(db: db).load(from: first, to: end, label: chosen.code)
            let bulletin = QuarterlyBulletin(quarter: chosen, months: months.map { (report: $0.0, source: $0.1) },
                                             watch: watch, returnsHTML: try BulletinReturns.html(chosen, lang, db: db),
                                             issuer: try IssuingOffice.name(db: db))
            if let html {
                do { try Data(bulletin.html(lang).utf8).write(to: URL(fileURLWithPath: html)) } catch {
                    throw WageCtlError(.failed, "cannot write \(html): \(error.localizedDescription)")
                }
                session.console.err("wrote \(html)")
            }
            if output.json {
                session.console.out(JSONPretty.render(.object([
                    "quarter": .string(chosen.code),
                    "months": .array(months.map { $0.1.annotated($0.0.json) }),
                    "watch_list": watch.json,
                ])))
            } else {
                for line in bulletin.textLines(lang) { session.console.out(line) }
            }
        }
    }
}

/// The bulletin's returns section: `wage.report_returns` per month of the quarter,
/// one line per kind of the duty list in force; nil when the reader may not read it.
enum BulletinReturns {
    static func html(_ quarter: Quarter, _ lang: ReportLanguage, db: PGConnection) throws -> String? {
        do {
            guard let dutyList = try DutyListStore.inForce(db: db) else { return nil }
            let loader = ReturnsReportLoader(db: db, dutyList: dutyList)
            let reports = try quarter.months.compactMap(Month.init(iso:)).map { try loader.load(month: $0) }
            return ReturnsReport.bulletinHTML(reports, lang)
        } catch where ViewRunner.isDenied(error) {
            return nil
        }
    }
}
