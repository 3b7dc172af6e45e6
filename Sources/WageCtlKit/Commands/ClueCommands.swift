import ArgumentParser
import Messages
import Workflow

/// `wagectl clue …`: report a wage-arrears clue.
struct ClueGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clue", abstract: "Clues (clue.report).", subcommands: [ClueReportCommand.self])
}

/// `clue.report`: a clue from any intake channel; hrss registers it as a case.
struct ClueReportCommand: MessageCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Report a wage-arrears clue to the office (clue.report).")
    static let messageType = MessageType.clueReport
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions

    @Option(help: "national_platform, hotline, petition, labour_inspection, walk_in, department, payroll or bank.") var channel: String
    @Option(name: .customLong("clue-ref"), help: "Your reference, unique per channel (a second report is the same case).") var clueRef: String
    @Option(name: .customLong("employer-name")) var employerName: String
    @Option(name: .customLong("employer-credit-code")) var employerCreditCode: String?
    @Option(name: .customLong("project-name")) var projectName: String?
    @Option(name: .customLong("project-location")) var projectLocation: String?
    @Option(name: .customLong("project-no"), help: "The registered project (项目编号) the clue is about; kept as given.") var projectNo: String?
    @Option(help: "construction, transport, water, agriculture, individual_business, manufacturing, services or other.") var sector: String
    @Option(name: .customLong("workers-count")) var workersCount: Int
    @Option(name: .customLong("amount-owed"), help: "Yuan, e.g. 125000.00.") var amountOwed: String
    @Option var description: String?
    @Option(name: .customLong("reporter-name")) var reporterName: String?
    @Option(name: .customLong("reporter-phone")) var reporterPhone: String?
    @Option(name: .customLong("reporter-id-number")) var reporterIDNumber: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact([
            "channel": P.s(channel), "clue_ref": P.s(clueRef),
            "employer": .compact(["name": P.s(employerName), "credit_code": P.s(employerCreditCode)]),
            "project": P.object(["name": P.s(projectName), "location": P.s(projectLocation)]),
            "sector": P.s(sector), "workers_count": P.i(workersCount), "amount_owed": P.s(amountOwed),
            "description": P.s(description),
            "reporter": P.object(["name": P.s(reporterName), "phone": P.s(reporterPhone), "id_number": P.s(reporterIDNumber)]),
            "project_no": P.s(projectNo),
        ])
    }
}
