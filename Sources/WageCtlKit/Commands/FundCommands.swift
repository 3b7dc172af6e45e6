import ArgumentParser
import Messages
import Workflow

/// The request number option of fund commands.
struct RequestNoOption: ParsableArguments {
    @Option(name: .customLong("request-no")) var requestNo: String
}

/// `fund.deposit`: finance puts budget money into the fund.
struct FundDepositCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "deposit", abstract: "Deposit budget money into the fund (fund.deposit, finance).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Option(help: "Yuan, e.g. 500000.00.") var amount: String
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> FundDeposit {
        FundDeposit(amount: try context.money("amount", amount), note: note)
    }
}

/// `fund.request`: hrss asks for an advance of wages (垫付).
struct FundRequestCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "request", abstract: "Request an advance from the fund (fund.request, hrss).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var target: CaseRefOption
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String
    @Option var beneficiaries: Int
    @Option(help: "partial_wages, living_costs or travel_home.") var purpose: String
    @Option(help: "employer_fled, temporary_inability or approved_special.") var reason: String

    func message(_ context: PayloadContext) throws -> FundRequest {
        FundRequest(caseID: try context.caseID(target.caseRef), requestNo: request.requestNo,
                    amount: try context.money("amount", amount), beneficiaries: beneficiaries,
                    purpose: try context.value("purpose", purpose), reason: try context.value("reason", reason))
    }
}

/// `fund.decision`: the government approves or rejects an advance.
struct FundDecideCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "decide", abstract: "Approve or reject an advance (fund.decision, government).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option(help: "approved or rejected.") var decision: String
    @Option(help: "Who decides (name).") var approver: String
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> FundDecision {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return FundDecision(requestNo: request.requestNo, decision: try context.value("decision", decision),
                            approver: approver, note: note)
    }
}

/// `fund.disbursed` / `fund.rejected`: finance answers a request (normally automatic).
struct FundAnswerOptions: ParsableArguments {
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String
    @Option var reason: String?

    func answer(_ context: PayloadContext) throws -> FundAnswer {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return FundAnswer(requestNo: request.requestNo, amount: try context.money("amount", amount), reason: reason)
    }
}

struct FundDisbursedCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "disbursed", abstract: "Tell hrss an advance was paid (fund.disbursed, finance; normally sent by worker-finance).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var answer: FundAnswerOptions
    func message(_ context: PayloadContext) throws -> FundDisbursed { FundDisbursed(try answer.answer(context)) }
}

struct FundRejectedCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "rejected", abstract: "Tell hrss an advance was refused (fund.rejected, finance; normally sent by worker-finance).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var answer: FundAnswerOptions
    func message(_ context: PayloadContext) throws -> FundRejected { FundRejected(try answer.answer(context)) }
}

/// `fund.recovered`: money recovered from the employer (追偿).
struct FundRecoveredCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "recovered", abstract: "Record money recovered from the employer (fund.recovered, hrss or finance).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option(help: "Yuan.") var amount: String

    func message(_ context: PayloadContext) throws -> FundRecovered {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return FundRecovered(requestNo: request.requestNo, amount: try context.money("amount", amount))
    }
}

/// `fund.writeoff`: the government writes off an advance a year after disbursement (核销).
struct FundWriteoffCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(commandName: "writeoff", abstract: "Write off an unrecoverable advance (fund.writeoff, government).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @OptionGroup var request: RequestNoOption
    @Option var approver: String
    @Option var reason: String

    func message(_ context: PayloadContext) throws -> FundWriteoff {
        context.caseOf("fund_overview", key: "request_no", value: request.requestNo)
        return FundWriteoff(requestNo: request.requestNo, approver: approver, reason: reason)
    }
}
