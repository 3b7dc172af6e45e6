import ArgumentParser
import Messages
import Workflow

/// `case.transfer`: the office transfers a case to the responsible department.
struct CaseTransferCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "transfer", abstract: "Transfer a case to the responsible department (case.transfer, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "The sector; the router delivers to its responsible department.") var sector: String
    @Option(help: "The department (must be the sector's responsible one).") var to: String?
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> CaseTransfer {
        CaseTransfer(caseID: try context.caseID(target.caseRef), sector: try context.value("sector", sector),
                     to: try context.value("to", to), note: note)
    }
}

/// `case.close`: the office closes (销号) a resolved case.
struct CaseCloseCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "close", abstract: "Close a resolved case, 销号 (case.close, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> CaseClose {
        CaseClose(caseID: try context.caseID(target.caseRef), note: note)
    }
}

/// `case.assign_leader`: the office names the leader of a leader package (领导包案)
/// and its deadline (CONTRACT §7.3).
struct CaseAssignLeaderCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "assign-leader",
        abstract: "Name the leader of a case and the package's deadline (case.assign_leader, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option var leader: String
    @Option(name: .customLong("leader-department")) var leaderDepartment: String
    @Option(name: .customLong("due-on"),
            help: "YYYY-MM-DD, after today (default: the 10th working day after today, configuration case.leader_due_working_days).")
    var dueOn: String?
    @Option(name: .customLong("city-leader"), help: "The city leader who co-owns the package (分管市领导).") var cityLeader: String?

    func message(_ context: PayloadContext) throws -> CaseAssignLeader {
        CaseAssignLeader(caseID: try context.caseID(target.caseRef), leader: leader, leaderDepartment: leaderDepartment,
                         dueOn: try context.day("due_on", dueOn), cityLeader: cityLeader)
    }
}

/// `case.notice`: the office tells departments about a case.
struct CaseNoticeCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "notice", abstract: "Notify departments about a case (case.notice, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "The event, e.g. task_force_formed.") var event: String
    @Option(help: "A department to notify (repeat for several).") var notify: [String] = []
    @Option(help: "Detail as JSON (or plain text).") var detail: String?

    func message(_ context: PayloadContext) throws -> CaseNotice {
        var departments: [Principal] = []
        for (index, code) in notify.enumerated() { departments.append(try context.value("notify[\(index)]", code)) }
        return CaseNotice(caseID: try context.caseID(target.caseRef), event: event, notify: departments, detail: P.json(detail))
    }
}

/// `wagectl office …`: the office's own commands.
struct OfficeGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "office", abstract: "The wage-arrears office (根欠办).", subcommands: [OfficeSweepCommand.self])
}

/// `office.sweep`: evaluate every deadline as of a date.
struct OfficeSweepCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "sweep", abstract: "Evaluate every deadline as of a date (office.sweep, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(name: .customLong("as-of"), help: "YYYY-MM-DD (default: today).") var asOf: String?

    func message(_ context: PayloadContext) throws -> OfficeSweep { OfficeSweep(asOf: try context.day("as_of", asOf)) }
}
