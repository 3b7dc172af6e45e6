import ArgumentParser

/// `wagectl project …`: construction projects (源头治理, CONTRACT §8).
struct ProjectGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "project", abstract: "Construction projects (§8): register, complete, show, list.",
        subcommands: [ProjectRegisterCommand.self, ProjectCompleteCommand.self, ProjectShowCommand.self,
                      ProjectListCommand.self])
}

/// `wagectl deposit …`: the wage deposit (工资保证金, §8.2).
struct DepositGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "deposit", abstract: "The wage deposit (§8.2): pay, draw, release (hrss).",
        subcommands: [DepositPayCommand.self, DepositDrawCommand.self, DepositReleaseCommand.self])
}

/// `wagectl account …`: the bank's messages on the wage special account (§8.3).
struct AccountGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "account",
        abstract: "The wage special account (§8.3): the bank's messages, for operators and tests (as bank).",
        subcommands: [AccountOpenCommand.self, AccountFundCommand.self, AccountAlertCommand.self,
                      AccountStatementCommand.self])
}

/// `wagectl roster …`: the real-name roster (实名制, §8.4).
struct RosterGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "roster", abstract: "The real-name roster (§8.4): import a CSV file.",
        subcommands: [RosterImportCommand.self])
}

/// `wagectl payroll …`: monthly payrolls (总包代发, §8.4).
struct PayrollGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "payroll", abstract: "Monthly payrolls (§8.4): import a CSV file.",
        subcommands: [PayrollImportCommand.self])
}

/// `wagectl inspection …`: site inspections (巡查, §8.5).
struct InspectionGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspection", abstract: "Site inspections (§8.5): record one.",
        subcommands: [InspectionRecordCommand.self])
}

/// `wagectl warnings …`: the warnings (欠薪预警, §8.6).
struct WarningsGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warnings", abstract: "Warnings (§8.6): list, clear (operators; audited).",
        subcommands: [WarningsListCommand.self, WarningsClearCommand.self])
}
