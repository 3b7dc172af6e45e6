import ArgumentParser
import Messages
import Workflow

/// The case id option of every case command: a uuid or a case number.
struct CaseRefOption: ParsableArguments {
    @Option(name: .customLong("case-id"), help: "The case id (uuid) or case number (WA-2026-000001).")
    var caseRef: String
}

/// `case.accept`: the assignee accepts a transferred case.
struct CaseAcceptCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "accept", abstract: "Accept a case transferred to you (case.accept).")
    static let messageType = MessageType.caseAccept
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption

    func payload(_ context: PayloadContext) throws -> JSONValue {
        ["case_id": .string(try context.caseID(target.caseRef))]
    }
}

/// `case.return`: the assignee gives a case back (e.g. not its duty).
struct CaseReturnCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "return", abstract: "Give a case back to the office (case.return).")
    static let messageType = MessageType.caseReturn
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "Why, e.g. not our duty.") var reason: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        ["case_id": .string(try context.caseID(target.caseRef)), "reason": .string(reason)]
    }
}

/// `case.progress`: the assignee reports progress.
struct CaseProgressCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "progress", abstract: "Report progress on a case (case.progress).")
    static let messageType = MessageType.caseProgress
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option var note: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        ["case_id": .string(try context.caseID(target.caseRef)), "note": .string(note)]
    }
}

/// `case.resolved`: the assignee reports the wages paid.
struct CaseResolveCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Report a case resolved: wages paid (case.resolved).")
    static let messageType = MessageType.caseResolved
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(name: .customLong("amount-paid"), help: "Yuan, e.g. 125000.00.") var amountPaid: String
    @Option(name: .customLong("workers-paid")) var workersPaid: Int
    @Option var note: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact(["case_id": .string(try context.caseID(target.caseRef)), "amount_paid": P.s(amountPaid),
                  "workers_paid": P.i(workersPaid), "note": P.s(note)])
    }
}

/// `case.escalate`: the assignee cannot resolve it alone (task force).
struct CaseEscalateCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "escalate", abstract: "Escalate a case to a task force (case.escalate).")
    static let messageType = MessageType.caseEscalate
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @Option(help: "Why it cannot be resolved alone.") var reason: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        ["case_id": .string(try context.caseID(target.caseRef)), "reason": .string(reason)]
    }
}
