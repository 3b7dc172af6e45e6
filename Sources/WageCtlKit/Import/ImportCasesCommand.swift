import ArgumentParser
import Foundation
import Messages

/// `wagectl import cases FILE.csv` (CONTRACT §7.7): sends one `case.import` per row
/// as hrss. Every row is checked first with the router's own rules (the catalogue
/// and the duty list in force); a refused row is reported with its reason and not
/// sent. Each row's message id is derived from its content, so a re-run imports
/// nothing twice. After sending it waits for the office to process every row and
/// reports the rows the router or the worker refused (`wage.rejections`).
struct ImportCasesCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cases",
        abstract: "Import earlier years' closed cases from a CSV file (case.import, hrss).",
        discussion: "Columns (header row, any order; * required): \(CaseImportCSV.columns.joined(separator: ", ")). See docs/wagectl.md.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Argument(help: "The CSV file (UTF-8).") var file: String
    @Flag(name: .customLong("dry-run"), help: "Check every row as the router would and send nothing.") var dryRun = false
    @Option(name: .long, help: "Seconds to wait for the office to process the sent rows.") var timeout: Double = 60
    @Option(name: .customLong("batch-size"), help: "Rows published per broker confirm.") var batchSize: Int = 100

    func run() throws {
        let text: String
        do {
            text = try String(contentsOfFile: file, encoding: .utf8)
        } catch {
            throw WageCtlError(.usage, "cannot read \(file) as UTF-8 text: \(error.localizedDescription)")
        }
        let rows: [CaseImportCSV.Row]
        do {
            rows = try CaseImportCSV.rows(text)
        } catch {
            throw WageCtlError(.usage, "\(file): \(error.description)", hint: "docs/wagectl.md describes the CSV format")
        }
        let session = Session(identity)
        defer { session.close() }
        var run = CaseImportRun(session: session, sender: try session.principal(), batchSize: max(1, batchSize))
        let results = try run.perform(rows, dryRun: dryRun, timeout: max(0, timeout))
        report(results, console: session.console)
        let failed = results.filter { $0.outcome.isFailure }.count
        if failed > 0 {
            throw WageCtlError(dryRun ? .refusedLocally : .refused, "\(failed) of \(results.count) rows not imported",
                               alreadyReported: true)
        }
    }

    func report(_ results: [CaseImportRun.RowResult], console: Console) {
        if output.json {
            console.out(JSONPretty.render(.array(results.map(\.json))))
            return
        }
        for result in results where result.outcome.isFailure {
            console.out("row \(result.line) (\(result.key)): \(result.outcome.text)")
        }
        var counts: [String: Int] = [:]
        for result in results { counts[result.outcome.summaryWord, default: 0] += 1 }
        let order = dryRun ? ["valid", "refused"] : ["imported", "already imported", "refused", "not processed yet"]
        let parts = order.compactMap { word in counts[word].map { "\($0) \(word)" } }
        console.out("\(results.count) rows: " + (parts.isEmpty ? "nothing to do" : parts.joined(separator: ", "))
                    + (dryRun ? " (dry run: nothing sent)" : ""))
    }
}
