import ArgumentParser
import Messages
import Workflow

/// The case id option of every case command: a uuid or a case number.
struct CaseRefOption: ParsableArguments {
    @Option(name: .customLong("case-id"), help: "The case id (uuid) or case number (WA-2026-000001).")
    var caseRef: String
}

/// `case.accept`: the assignee accepts a transferred case.
struct CaseAcceptCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a case transferred to you (case.accept).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption

    func message(_ context: PayloadContext) throws -> CaseAccept { CaseAccept(caseID: try context.caseID(target.caseRef)) }
}

/// `case.return`: the assignee gives a case back (e.g. not its duty).
struct CaseReturnCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Give a case back to the office (case.return).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "Why, e.g. not our duty.") var reason: String

    func message(_ context: PayloadContext) throws -> CaseReturn {
        CaseReturn(caseID: try context.caseID(target.caseRef), reason: reason)
    }
}

/// `case.progress`: the assignee reports progress.
struct CaseProgressCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Report progress on a case (case.progress).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option var note: String

    func message(_ context: PayloadContext) throws -> CaseProgress {
        CaseProgress(caseID: try context.caseID(target.caseRef), note: note)
    }
}

/// `case.resolved`: the assignee reports the case resolved, with its disposition
/// (CONTRACT §7.1): wages paid, or closed without payment (unfounded, mediated …).
struct CaseResolveCommand: MessageCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Report a case resolved, paid or not (case.resolved).",
        discussion: """
            --disposition paid (the default) needs --amount-paid and --workers-paid; every other
            disposition (unfounded 线索不实, mediated 调解, arbitration 仲裁, litigation 诉讼,
            referred_police 移送公安, other_channel 其他渠道) needs --note, and the figures are optional.
            """)
    static let messageType = MessageType.caseResolved
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "paid, unfounded, mediated, arbitration, litigation, referred_police or other_channel (default paid).")
    var disposition: String?
    @Option(name: .customLong("amount-paid"), help: "Yuan, e.g. 125000.00.") var amountPaid: String?
    @Option(name: .customLong("workers-paid")) var workersPaid: Int?
    @Option var note: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact(["case_id": .string(try context.caseID(target.caseRef)), "disposition": P.s(disposition),
                  "amount_paid": P.s(amountPaid), "workers_paid": P.i(workersPaid), "note": P.s(note)])
    }
}

/// `case.escalate`: the assignee cannot resolve it alone (task force).
struct CaseEscalateCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate a case to a task force (case.escalate).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "Why it cannot be resolved alone.") var reason: String

    func message(_ context: PayloadContext) throws -> CaseEscalate {
        CaseEscalate(caseID: try context.caseID(target.caseRef), reason: reason)
    }
}
