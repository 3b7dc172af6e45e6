import ArgumentParser
import Foundation
import Messages
import Workflow

/// `wagectl credit …`: the arrears blacklist (失信联合惩戒, CONTRACT §9).
struct CreditGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "credit", abstract: "Credit discipline: list, delist, show, check, listings, the yearly notice.",
        subcommands: [CreditListCommand.self, CreditDelistCommand.self, CreditShowCommand.self, CreditCheckCommand.self,
                      CreditListingsCommand.self, CreditNoticeCommand.self])
}

/// `credit.list`: hrss puts an employer on the blacklist for 3 years.
struct CreditListCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List an employer on the arrears blacklist for 3 years (credit.list, hrss).",
        discussion: """
        At least one basis case must show the listing condition: a criminal referral the police accepted for \
        review, or a linked collective-visit alert. Persons are readable by hrss only.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The employer's unified social credit code (统一社会信用代码).") var creditCode: String
    @Option(help: "The employer's name.") var name: String
    @Option(help: "A basis case: case id or case number (repeat; at least one).") var basis: [String] = []
    @Option(name: .customLong("decided-on"), help: "The day of the decision, YYYY-MM-DD (default: today).") var decidedOn: String?
    @Option(help: "A person named with the listing, NAME:ROLE, e.g. 张三:法定代表人 (repeat).") var person: [String] = []

    func message(_ context: PayloadContext) throws -> CreditList {
        guard !basis.isEmpty else { throw UnparsableOption(path: "basis", text: nil) }
        var ids: [String] = []
        for ref in basis { ids.append(try context.caseID(ref)) }
        var persons: [CreditPerson] = []
        for (i, text) in person.enumerated() {
            guard let p = Self.person(text) else { throw UnparsableOption(path: "persons[\(i)].role", text: text) }
            persons.append(p)
        }
        let day = try context.day("decided_on", decidedOn) ?? Day(shanghai: Date())
        return CreditList(creditCode: creditCode, name: name, basis: ids, decidedOn: day, persons: persons)
    }

    /// `NAME:ROLE` (a full-width `：` also separates); nil when either part is empty.
    static func person(_ text: String) -> CreditPerson? {
        guard let i = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        let name = text[..<i].trimmingCharacters(in: .whitespaces)
        let role = text[text.index(after: i)...].trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !role.isEmpty else { return nil }
        return CreditPerson(name: name, role: role)
    }
}

/// `credit.delist`: early removal after correction, or withdrawal of an error.
struct CreditDelistCommand: CatalogueCommand {
    static let configuration = CommandConfiguration(
        commandName: "delist", abstract: "Remove a listing early or withdraw it as an error (credit.delist, hrss).",
        discussion: """
        early_removal needs --corrected-on at least 6 months before today and every basis case resolved or \
        closed; error withdraws the listing at once.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var sending: SendOptions
    @Argument(help: "The listed credit code.") var creditCode: String
    @Option(help: "early_removal or error.") var reason: String
    @Option(name: .customLong("corrected-on"), help: "The day the employer corrected (required for early_removal).") var correctedOn: String?

    func message(_ context: PayloadContext) throws -> CreditDelist {
        let reason: CreditDelistReason = try context.value("reason", reason)
        let corrected = try context.day("corrected_on", correctedOn)
        if reason == .earlyRemoval, corrected == nil { throw UnparsableOption(path: "corrected_on", text: nil) }
        return CreditDelist(creditCode: creditCode, reason: reason, correctedOn: corrected)
    }
}
