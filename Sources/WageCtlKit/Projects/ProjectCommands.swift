import ArgumentParser
import Foundation
import Messages
import Workflow

/// `project.register`: the sector's regulator enters a project in the ledger (台账).
struct ProjectRegisterCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "register", abstract: "Register a construction project (project.register, the sector's regulator).",
        discussion: """
        Sent as the principal of --as, which must be the regulator of --sector (construction → housing, \
        transport, water, agriculture). The office decides the wage deposit on the day it applies the \
        registration (§8.2). Example: wagectl --as housing project register P-2026-001 --name 滨江花园二期 \
        --sector construction --builder-name 某置业有限公司 --builder-credit-code 91500000MA5U111111 \
        --contractor-name 某建工集团有限公司 --contractor-credit-code 91500000MA5U222222 \
        --contract-amount 12000000.00 --permit-issued-on 2026-03-02
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number (1 to 64 characters, unique).") var projectNo: String
    @Option(help: "The project's name.") var name: String
    @Option(help: "construction, transport, water or agriculture.") var sector: String
    @Option(help: "Where the site is.") var location: String?
    @Option(help: "government, state_owned or private.") var investor: String?
    @Option(name: .customLong("builder-name"), help: "The builder (建设单位).") var builderName: String
    @Option(name: .customLong("builder-credit-code"), help: "The builder's unified social credit code.") var builderCode: String
    @Option(name: .customLong("contractor-name"), help: "The general contractor (施工总承包单位).") var contractorName: String
    @Option(name: .customLong("contractor-credit-code"), help: "The general contractor's credit code.") var contractorCode: String
    @Option(name: .customLong("contract-amount"), help: "The contract amount in yuan, e.g. 12000000.00.") var contractAmount: String
    @Option(name: .customLong("permit-issued-on"), help: "The construction permit's day, YYYY-MM-DD.") var permitIssuedOn: String
    @Option(name: .customLong("planned-completion"), help: "The planned completion day, YYYY-MM-DD.") var plannedCompletion: String?

    func message(_ context: PayloadContext) throws -> ProjectRegister {
        let sector: Sector = try context.value("sector", sector)
        return ProjectRegister(
            projectNo: projectNo, name: name, sector: sector, location: location,
            investor: try context.value("investor", investor), builder: Organisation(name: builderName, creditCode: builderCode),
            generalContractor: Organisation(name: contractorName, creditCode: contractorCode),
            contractAmount: try context.money("contract_amount", contractAmount),
            permitIssuedOn: try context.day("permit_issued_on", permitIssuedOn),
            plannedCompletion: try context.day("planned_completion", plannedCompletion))
    }
}

/// `project.completed`: its regulator reports the project complete (完工).
struct ProjectCompleteCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "complete", abstract: "Report a project complete (project.completed, its regulator).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(name: .customLong("completed-on"), help: "The completion day, YYYY-MM-DD (default: today).") var completedOn: String?

    func message(_ context: PayloadContext) throws -> ProjectCompleted {
        ProjectCompleted(projectNo: projectNo,
                         completedOn: try context.day("completed_on", completedOn) ?? Day(shanghai: Date()))
    }
}

/// `inspection.recorded`: hrss or the regulator records a site inspection (巡查).
struct InspectionRecordCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "record", abstract: "Record a site inspection (inspection.recorded, hrss or the regulator).",
        discussion: """
        Every measure counts as found in place unless named with --missing (repeat): real_name (实名制), \
        wage_clerk (劳资专管员), notice_board (维权告示牌), special_account (工资专用账户), payroll (按月足额发放). \
        A missing measure raises inspection_findings.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(name: .customLong("inspected-on"), help: "The inspection day, YYYY-MM-DD (default: today).") var inspectedOn: String?
    @Option(help: "A measure not found in place (repeat): \(InspectionChecks.names.joined(separator: ", ")).") var missing: [String] = []
    @Option(name: .customLong("workers-sampled"), help: "How many workers were asked.") var workersSampled: Int?
    @Option(help: "What was found.") var findings: String?

    func message(_ context: PayloadContext) throws -> InspectionRecorded {
        let day = try context.day("inspected_on", inspectedOn) ?? Day(shanghai: Date())
        return InspectionRecorded(projectNo: projectNo, inspectedOn: day, checks: try Self.checks(missing: missing),
                                  workersSampled: workersSampled, findings: findings)
    }

    /// Every check true except those named; an unknown name is `schema:checks.<name>`.
    static func checks(missing: [String]) throws -> InspectionChecks {
        let names = Set(missing.map { $0.trimmingCharacters(in: .whitespaces) })
        if let unknown = names.subtracting(InspectionChecks.names).sorted().first {
            throw UnparsableOption(path: "checks.\(unknown)", text: unknown)
        }
        return InspectionChecks(realName: !names.contains("real_name"), wageClerk: !names.contains("wage_clerk"),
                                noticeBoard: !names.contains("notice_board"),
                                specialAccount: !names.contains("special_account"), payroll: !names.contains("payroll"))
    }
}
