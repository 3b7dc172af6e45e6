import ArgumentParser
import Foundation
import Messages
import Workflow

/// The options of `roster import` and `payroll import`.
struct ImportOptions: ParsableArguments {
    @Flag(name: .customLong("dry-run"), help: "Read and check every row and message with the catalogue; send nothing.")
    var dryRun = false
    @Option(help: "A label mixed into the message ids: the same file with another --batch is sent anew (default none).")
    var batch = ""
    @Option(help: "Seconds to wait for the router's decisions after the last message.") var timeout: Double = 10
    @Option(help: "Seconds to wait for the office to apply or refuse the messages (0: do not wait).") var follow: Double = 5
    @Option(name: .customLong("actor"), help: "The person importing, sent as x-wage-actor (default $WAGE_ACTOR, else the login name).")
    var actor: String?

    init() {}

    var waits: MessageSender.Waits { .init(decision: max(0, timeout), follow: max(0, follow)) }
    var headers: [String: String] { ActorHeader.headers(actor) }
}

/// `wagectl roster import FILE.csv`: the real-name roster from the platform's export.
struct RosterImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a roster CSV as roster.enrol messages (platform, or the regulator).",
        discussion: """
        Header row, then one worker a row: \(RosterImport.columns.joined(separator: ",")) (id_number and \
        employer_credit_code may be empty; contract_signed true/false, 是/否, yes/no or 1/0; entered_on YYYY-MM-DD). \
        Up to \(RosterEnrol.maxWorkers) workers per message and project. A refused row is reported with its line \
        and reason and left out; the other rows are sent. Message ids follow from the content: a re-run sends the \
        same ids, which the office applies once. See docs/projects.md.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: ImportOptions
    @Argument(help: "The CSV file (UTF-8; a BOM is fine).") var file: String

    func run() throws {
        try ImportRunner(file: file, identity: identity, json: output.json, options: options, type: .rosterEnrol,
                         appliedIn: "roster", columns: RosterImport.columns, required: RosterImport.required) { table, today in
            RosterImport.plan(table, today: today, batch: options.batch)
        }.run()
    }
}

/// `wagectl payroll import FILE.csv`: monthly payrolls from the platform's export.
struct PayrollImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a payroll CSV as payroll.submitted messages (platform).",
        discussion: """
        Header row, then one worker's line a row: \(PayrollImport.columns.joined(separator: ",")) \
        (subcontractor_credit_code may be empty; month YYYY-MM; days 0-31; gross > 0 and 0 ≤ paid ≤ gross in yuan; \
        the two flags true/false). Rows with the same project_no, month and subcontractor (credit code, else name) \
        are one payroll and one message (at most \(PayrollSubmitted.maxLines) lines), sent whole or not at all. \
        Unpaid wages on a payroll open a case by themselves. See docs/projects.md.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var options: ImportOptions
    @Argument(help: "The CSV file (UTF-8; a BOM is fine).") var file: String

    func run() throws {
        try ImportRunner(file: file, identity: identity, json: output.json, options: options, type: .payrollSubmitted,
                         appliedIn: "payrolls", columns: PayrollImport.columns, required: PayrollImport.required) { table, today in
            PayrollImport.plan(table, today: today, batch: options.batch)
        }.run()
    }
}
