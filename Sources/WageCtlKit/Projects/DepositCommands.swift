import ArgumentParser
import Messages
import Workflow

/// `deposit.paid`: the general contractor paid into the project's wage deposit.
struct DepositPayCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "pay", abstract: "Record a payment into a project's wage deposit (deposit.paid, hrss).")
    static let defaultSender: Principal? = .hrss
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "Yuan, e.g. 240000.00.") var amount: String
    @Option(help: "cash, bank_guarantee or insurance.") var form: String
    @Option(help: "The voucher, guarantee or policy number.") var reference: String?

    func message(_ context: PayloadContext) throws -> DepositPaid {
        DepositPaid(projectNo: projectNo, amount: try context.money("amount", amount), form: try context.value("form", form),
                    reference: reference)
    }
}

/// `deposit.drawn`: wages of a case paid out of the deposit (more than the balance is `invalid_state`).
struct DepositDrawCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "draw", abstract: "Pay a case's wages out of the deposit (deposit.drawn, hrss).",
        discussion: "The contractor must replenish it by the 15th working day after (configuration deposit.replenish_working_days).")
    static let defaultSender: Principal? = .hrss
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "Yuan, at most the balance.") var amount: String
    @Option(name: .customLong("case-id"), help: "The case whose wages are paid: case id or case number.") var caseRef: String
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> DepositDrawn {
        DepositDrawn(projectNo: projectNo, amount: try context.money("amount", amount), caseID: try context.caseID(caseRef),
                     note: note)
    }
}

/// `deposit.released`: the deposit is returned (退还) once the project is complete with no open case.
struct DepositReleaseCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "release", abstract: "Return a completed project's deposit (deposit.released, hrss).")
    static let defaultSender: Principal? = .hrss
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option var note: String?

    func message(_ context: PayloadContext) throws -> DepositReleased { DepositReleased(projectNo: projectNo, note: note) }
}
