import ArgumentParser
import Messages
import Workflow

/// `account.opened`: the bank files the project's wage special account (备案).
struct AccountOpenCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "open", abstract: "File a project's wage special account (account.opened, bank).")
    static let defaultSender: Principal? = .bank
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(name: .customLong("bank-name"), help: "The bank branch.") var bankName: String
    @Option(name: .customLong("account-no"), help: "The account number.") var accountNo: String

    func message(_ context: PayloadContext) throws -> AccountOpened {
        AccountOpened(projectNo: projectNo, bankName: bankName, accountNo: accountNo)
    }
}

/// `account.funded`: labour cost paid into the special account for a month.
struct AccountFundCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "fund", abstract: "Record a month's labour cost paid into the special account (account.funded, bank).",
        discussion: "Below 30% of the progress payment (configuration) raises labour_share_low.")
    static let defaultSender: Principal? = .bank
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "The month, YYYY-MM.") var period: String
    @Option(name: .customLong("progress-payment"), help: "The project payment (工程款) of the period, yuan.") var progressPayment: String
    @Option(name: .customLong("labour-amount"), help: "Paid into the special account, yuan (≤ the progress payment).") var labourAmount: String

    func message(_ context: PayloadContext) throws -> AccountFunded {
        AccountFunded(projectNo: projectNo, period: try context.month("period", period),
                      progressPayment: try context.money("progress_payment", progressPayment),
                      labourAmount: try context.money("labour_amount", labourAmount))
    }
}

/// `account.alert`: the bank saw too little money, or money taken for something else.
struct AccountAlertCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert", abstract: "Report an alert on the special account (account.alert, bank).",
        discussion: "misappropriated (挪用) opens a case at once; insufficient (余额不足) raises a warning.")
    static let defaultSender: Principal? = .bank
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "insufficient or misappropriated.") var kind: String
    @Option var detail: String?

    func message(_ context: PayloadContext) throws -> AccountAlert {
        AccountAlert(projectNo: projectNo, kind: try context.value("kind", kind), detail: detail)
    }
}

/// `account.statement`: the month's statement of the special account.
struct AccountStatementCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "statement", abstract: "Record the month's statement of the special account (account.statement, bank).")
    static let defaultSender: Principal? = .bank
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The project number.") var projectNo: String
    @Option(help: "The month, YYYY-MM.") var month: String
    @Option(help: "Money in during the month, yuan (0.00 allowed).") var inflow: String
    @Option(help: "Money out during the month, yuan (0.00 allowed).") var outflow: String
    @Option(help: "The balance at the month's end, yuan (0.00 allowed).") var balance: String

    func message(_ context: PayloadContext) throws -> AccountStatement {
        AccountStatement(projectNo: projectNo, month: try context.month("month", month),
                         inflow: try context.amount("inflow", inflow), outflow: try context.amount("outflow", outflow),
                         balance: try context.amount("balance", balance))
    }
}

extension PayloadContext {
    /// A month (`2026-04`) for the field at `path`.
    func month(_ path: String, _ text: String) throws -> Month {
        guard let month = Month(iso: text.trimmingCharacters(in: .whitespaces)) else { throw UnparsableOption(path: path, text: text) }
        return month
    }

    /// An amount in yuan that may be zero (`0.00`), for the field at `path`.
    func amount(_ path: String, _ text: String) throws -> Money {
        guard let money = Money(yuan: text.trimmingCharacters(in: .whitespaces)) else { throw UnparsableOption(path: path, text: text) }
        return money
    }
}
