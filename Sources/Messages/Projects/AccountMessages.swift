/// `account.opened` (bank → hrss, regulator; §8.1, §8.3): the wage special account
/// (工资专用账户) is filed (备案); a repeated filing replaces the earlier one.
public struct AccountOpened: Sendable, Hashable {
    public var projectNo: String
    public var bankName: String
    public var accountNo: String

    public init(projectNo: String, bankName: String, accountNo: String) {
        self.projectNo = projectNo
        self.bankName = bankName
        self.accountNo = accountNo
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), bankName: try r.string("bank_name"),
                  accountNo: try r.string("account_no"))
    }
}

/// `account.funded` (bank → hrss, regulator; §8.3): labour cost paid into the special
/// account for `period` out of the period's project payment (工程款).
public struct AccountFunded: Sendable, Hashable {
    public var projectNo: String
    public var period: Month
    public var progressPayment: Money
    /// At most `progressPayment` (`schema:labour_amount`).
    public var labourAmount: Money

    public init(projectNo: String, period: Month, progressPayment: Money, labourAmount: Money) {
        self.projectNo = projectNo
        self.period = period
        self.progressPayment = progressPayment
        self.labourAmount = labourAmount
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let projectNo = try r.string("project_no")
        let period = try r.month("period")
        let progress = try r.money("progress_payment")
        let labour = try r.money("labour_amount")
        guard labour <= progress else { throw .schema("labour_amount") }
        self.init(projectNo: projectNo, period: period, progressPayment: progress, labourAmount: labour)
    }
}

/// What the bank saw on a special account (§8.1 `account.alert` `kind`).
public enum AccountAlertKind: String, CaseIterable, Sendable, Hashable, Codable {
    /// 余额不足: not enough to pay the wages due.
    case insufficient
    /// 挪用: money taken out for something other than wages; opens a case at once.
    case misappropriated
}

/// `account.alert` (bank → hrss, regulator; §8.3).
public struct AccountAlert: Sendable, Hashable {
    public var projectNo: String
    public var kind: AccountAlertKind
    public var detail: String?

    public init(projectNo: String, kind: AccountAlertKind, detail: String? = nil) {
        self.projectNo = projectNo
        self.kind = kind
        self.detail = detail
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), kind: try r.enumeration("kind"),
                  detail: try r.optionalString("detail"))
    }
}

/// `account.statement` (bank → hrss; §8.3): the month's statement of the special
/// account; the figures may be zero.
public struct AccountStatement: Sendable, Hashable {
    public var projectNo: String
    public var month: Month
    public var inflow: Money
    public var outflow: Money
    public var balance: Money

    public init(projectNo: String, month: Month, inflow: Money, outflow: Money, balance: Money) {
        self.projectNo = projectNo
        self.month = month
        self.inflow = inflow
        self.outflow = outflow
        self.balance = balance
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), month: try r.month("month"), inflow: try r.amount("inflow"),
                  outflow: try r.amount("outflow"), balance: try r.amount("balance"))
    }
}

// MARK: - Catalogue entries (CONTRACT §8.1)

extension AccountOpened: WireMessage {
    public static let wireType = MessageType.accountOpened
    public static let fields: [FieldSpec] = [.req("project_no", .projectNo), .req("bank_name", .text), .req("account_no", .id)]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "bank_name": "某农村商业银行滨江支行", "account_no": "6217000011112222"]
    public static let sampleSender = Principal.bank
    public var json: JSONValue {
        ["project_no": .string(projectNo), "bank_name": .string(bankName), "account_no": .string(accountNo)]
    }
}

extension AccountFunded: WireMessage {
    public static let wireType = MessageType.accountFunded
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("period", .month), .req("progress_payment", .money),
        .req("labour_amount", .money),
    ]
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        guard let progress = object["progress_payment"]?.stringValue.flatMap(Money.init(yuan:)),
              let labour = object["labour_amount"]?.stringValue.flatMap(Money.init(yuan:)) else { return nil }
        return labour <= progress ? nil : "labour_amount"
    }
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "period": "2026-04", "progress_payment": "800000.00", "labour_amount": "260000.00"]
    public static let sampleSender = Principal.bank
    public var json: JSONValue {
        ["project_no": .string(projectNo), "period": .string(period.iso), "progress_payment": .money(progressPayment),
         "labour_amount": .money(labourAmount)]
    }
}

extension AccountAlert: WireMessage {
    public static let wireType = MessageType.accountAlert
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("kind", .enumeration(AccountAlertKind.allCases.map(\.rawValue))),
        .opt("detail", .text),
    ]
    public static let sample: JSONValue = ["project_no": "P-2026-001", "kind": "insufficient", "detail": "余额不足以支付4月工资"]
    public static let sampleSender = Principal.bank
    public var json: JSONValue {
        .compact(["project_no": .string(projectNo), "kind": .string(kind.rawValue), "detail": detail.map(JSONValue.string)])
    }
}

extension AccountStatement: WireMessage {
    public static let wireType = MessageType.accountStatement
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("month", .month), .req("inflow", .amount), .req("outflow", .amount),
        .req("balance", .amount),
    ]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "month": "2026-04", "inflow": "260000.00", "outflow": "0.00", "balance": "260000.00"]
    public static let sampleSender = Principal.bank
    public var json: JSONValue {
        ["project_no": .string(projectNo), "month": .string(month.iso), "inflow": .money(inflow),
         "outflow": .money(outflow), "balance": .money(balance)]
    }
}
