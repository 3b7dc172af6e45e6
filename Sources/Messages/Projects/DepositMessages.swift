/// The form a wage deposit is given in (工资保证金, CONTRACT §8.1 `form`).
public enum DepositForm: String, CaseIterable, Sendable, Hashable, Codable {
    /// 现金 (into the deposit account).
    case cash
    /// 银行保函.
    case bankGuarantee = "bank_guarantee"
    /// 工程担保 / 保证保险.
    case insurance
}

/// `deposit.paid` (hrss → hrss; §8.1, §8.2): the general contractor paid into the
/// project's wage deposit.
public struct DepositPaid: Sendable, Hashable {
    public var projectNo: String
    public var amount: Money
    public var form: DepositForm
    public var reference: String?

    public init(projectNo: String, amount: Money, form: DepositForm, reference: String? = nil) {
        self.projectNo = projectNo
        self.amount = amount
        self.form = form
        self.reference = reference
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), amount: try r.money("amount"), form: try r.enumeration("form"),
                  reference: try r.optionalString("reference"))
    }
}

/// `deposit.drawn` (hrss → hrss, regulator; §8.2): wages of case `caseID` paid out of
/// the deposit. More than the balance is `invalid_state`.
public struct DepositDrawn: Sendable, Hashable {
    public var projectNo: String
    public var amount: Money
    public var caseID: String
    public var note: String?

    public init(projectNo: String, amount: Money, caseID: String, note: String? = nil) {
        self.projectNo = projectNo
        self.amount = amount
        self.caseID = caseID
        self.note = note
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), amount: try r.money("amount"), caseID: try r.string("case_id"),
                  note: try r.optionalString("note"))
    }
}

/// `deposit.released` (hrss → hrss, regulator; §8.2): the deposit is returned (退还);
/// only for a completed project without an open linked case.
public struct DepositReleased: Sendable, Hashable {
    public var projectNo: String
    public var note: String?

    public init(projectNo: String, note: String? = nil) {
        self.projectNo = projectNo
        self.note = note
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), note: try r.optionalString("note"))
    }
}

// MARK: - Catalogue entries (CONTRACT §8.1)

extension DepositPaid: WireMessage {
    public static let wireType = MessageType.depositPaid
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("amount", .money),
        .req("form", .enumeration(DepositForm.allCases.map(\.rawValue))), .opt("reference", .text),
    ]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "amount": "240000.00", "form": "bank_guarantee", "reference": "保函 2026-017"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact(["project_no": .string(projectNo), "amount": .money(amount), "form": .string(form.rawValue),
                  "reference": reference.map(JSONValue.string)])
    }
}

extension DepositDrawn: WireMessage {
    public static let wireType = MessageType.depositDrawn
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("amount", .money), .req("case_id", .id), .opt("note", .text),
    ]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "amount": "36000.00", "case_id": "00000000-0000-4000-8000-000000000001",
        "note": "动用保证金支付拖欠工资"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact(["project_no": .string(projectNo), "amount": .money(amount), "case_id": .string(caseID),
                  "note": note.map(JSONValue.string)])
    }
}

extension DepositReleased: WireMessage {
    public static let wireType = MessageType.depositReleased
    public static let fields: [FieldSpec] = [.req("project_no", .projectNo), .opt("note", .text)]
    public static let sample: JSONValue = ["project_no": "P-2026-001", "note": "工程完工且未拖欠，退还保证金"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue { .compact(["project_no": .string(projectNo), "note": note.map(JSONValue.string)]) }
}
