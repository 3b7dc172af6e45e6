import ArgumentParser
import Messages
import Workflow

/// The request number option of fund commands.
struct RequestNoOption: ParsableArguments {
    @Option(name: .customLong("request-no")) var requestNo: String
}

/// `fund.deposit`: finance puts budget money into the fund.
struct FundDepositCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "deposit", abstract: "Deposit budget money into the fund (fund.deposit, finance).")
    static let messageType = MessageType.fundDeposit
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(help: "Yuan, e.g. 500000.00.") var amount: String
    @Option var note: String?

    func payload(_ context: PayloadContext) throws -> JSONValue { .compact(["amount": P.s(amount), "note": P.s(note)]) }
}

/// `fund.request`: hrss asks for an advance of wages (垫付).
struct FundRequestCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Request an advance from the fund (fund.request, hrss).")
    static let messageType = MessageType.fundRequest
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String
    @Option var beneficiaries: Int
    @Option(help: "partial_wages, living_costs or travel_home.") var purpose: String
    @Option(help: "employer_fled, temporary_inability or approved_special.") var reason: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        .compact(["case_id": .string(try context.caseID(target.caseRef)), "request_no": P.s(request.requestNo),
                  "amount": P.s(amount), "beneficiaries": P.i(beneficiaries), "purpose": P.s(purpose), "reason": P.s(reason)])
    }
}

/// `fund.decision`: the government approves or rejects an advance.
struct FundDecideCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Approve or reject an advance (fund.decision, government).")
    static let messageType = MessageType.fundDecision
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option(help: "approved or rejected.") var decision: String
    @Option(help: "Who decides (name).") var approver: String
    @Option var note: String?

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return .compact(["request_no": P.s(request.requestNo), "decision": P.s(decision), "approver": P.s(approver), "note": P.s(note)])
    }
}

/// `fund.disbursed` / `fund.rejected`: finance answers a request (normally automatic).
struct FundAnswerOptions: ParsableArguments {
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String
    @Option var reason: String?

    func payload(_ context: PayloadContext) -> JSONValue {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return .compact(["request_no": P.s(request.requestNo), "amount": P.s(amount), "reason": P.s(reason)])
    }
}

struct FundDisbursedCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "disbursed", abstract: "Tell hrss an advance was paid (fund.disbursed, finance; normally sent by worker-finance).")
    static let messageType = MessageType.fundDisbursed
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var answer: FundAnswerOptions
    func payload(_ context: PayloadContext) throws -> JSONValue { answer.payload(context) }
}

struct FundRejectedCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "rejected", abstract: "Tell hrss an advance was refused (fund.rejected, finance; normally sent by worker-finance).")
    static let messageType = MessageType.fundRejected
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var answer: FundAnswerOptions
    func payload(_ context: PayloadContext) throws -> JSONValue { answer.payload(context) }
}

/// `fund.recovered`: money recovered from the employer (追偿).
struct FundRecoveredCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "recovered", abstract: "Record money recovered from the employer (fund.recovered, hrss or finance).")
    static let messageType = MessageType.fundRecovered
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return ["request_no": .string(request.requestNo), "amount": .string(amount)]
    }
}

/// `fund.writeoff`: the government writes off an advance a year after disbursement (核销).
struct FundWriteoffCommand: MessageCommand {
    static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Write off an unrecoverable advance (fund.writeoff, government).")
    static let messageType = MessageType.fundWriteoff
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option var approver: String
    @Option var reason: String

    func payload(_ context: PayloadContext) throws -> JSONValue {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return ["request_no": .string(request.requestNo), "approver": .string(approver), "reason": .string(reason)]
    }
}
