/// `fund.deposit` (finance → finance): a budget allocation into the fund.
public struct FundDeposit: Sendable, Hashable {
    public var amount: Money
    public var note: String?
    public init(amount: Money, note: String? = nil) {
        self.amount = amount
        self.note = note
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(amount: try r.money("amount"), note: try r.optionalString("note"))
    }
}

/// What an advance pays for.
public enum FundPurpose: String, CaseIterable, Sendable, Hashable, Codable {
    case partialWages = "partial_wages"
    case livingCosts = "living_costs"
    case travelHome = "travel_home"
}

/// Why the fund must step in (seed 004 第十四条).
public enum FundReason: String, CaseIterable, Sendable, Hashable, Codable {
    case employerFled = "employer_fled"
    case temporaryInability = "temporary_inability"
    case approvedSpecial = "approved_special"
}

/// `fund.request` (hrss → finance): an advance 垫付 for a case.
public struct FundRequest: Sendable, Hashable {
    public var caseID: String
    public var requestNo: String
    public var amount: Money
    public var beneficiaries: Int
    public var purpose: FundPurpose
    public var reason: FundReason
    public init(caseID: String, requestNo: String, amount: Money, beneficiaries: Int, purpose: FundPurpose, reason: FundReason) {
        self.caseID = caseID
        self.requestNo = requestNo
        self.amount = amount
        self.beneficiaries = beneficiaries
        self.purpose = purpose
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(caseID: try r.string("case_id"), requestNo: try r.string("request_no"), amount: try r.money("amount"),
                  beneficiaries: try r.int("beneficiaries", minimum: 1), purpose: try r.enumeration("purpose"),
                  reason: try r.enumeration("reason"))
    }
}

/// The government's answer to a request.
public enum FundDecisionKind: String, CaseIterable, Sendable, Hashable, Codable {
    case approved, rejected
}

/// `fund.decision` (government → finance).
public struct FundDecision: Sendable, Hashable {
    public var requestNo: String
    public var decision: FundDecisionKind
    public var approver: String
    public var note: String?
    public init(requestNo: String, decision: FundDecisionKind, approver: String, note: String? = nil) {
        self.requestNo = requestNo
        self.decision = decision
        self.approver = approver
        self.note = note
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(requestNo: try r.string("request_no"), decision: try r.enumeration("decision"),
                  approver: try r.string("approver"), note: try r.optionalString("note"))
    }
}

/// `fund.disbursed` / `fund.rejected` (finance → hrss).
public struct FundAnswer: Sendable, Hashable {
    public var requestNo: String
    public var amount: Money
    public var reason: String?
    public init(requestNo: String, amount: Money, reason: String? = nil) {
        self.requestNo = requestNo
        self.amount = amount
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(requestNo: try r.string("request_no"), amount: try r.money("amount"), reason: try r.optionalString("reason"))
    }
    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["request_no": .string(requestNo), "amount": .money(amount), "reason": reason.map(JSONValue.string)])
    }
}

/// `fund.recovered` (hrss, finance → finance): repaid by the employer after 追偿.
public struct FundRecovered: Sendable, Hashable {
    public var requestNo: String
    public var amount: Money
    public init(requestNo: String, amount: Money) {
        self.requestNo = requestNo
        self.amount = amount
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(requestNo: try r.string("request_no"), amount: try r.money("amount"))
    }
}

/// `fund.writeoff` (government → finance): 核销 of what is still outstanding.
public struct FundWriteoff: Sendable, Hashable {
    public var requestNo: String
    public var approver: String
    public var reason: String
    public init(requestNo: String, approver: String, reason: String) {
        self.requestNo = requestNo
        self.approver = approver
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(requestNo: try r.string("request_no"), approver: try r.string("approver"), reason: try r.string("reason"))
    }
}

// MARK: - Catalogue entries (CONTRACT §3 emergency revolving fund)

extension FundDeposit: WireMessage {
    public static let wireType = MessageType.fundDeposit
    public static let fields: [FieldSpec] = [.req("amount", .money), .opt("note", .text)]
    public static let sample: JSONValue = ["amount": "500000.00", "note": "2026 budget"]
    public static let sampleSender = Principal.finance
    public var json: JSONValue { .compact(["amount": .money(amount), "note": note.map(JSONValue.string)]) }
}

extension FundRequest: WireMessage {
    public static let wireType = MessageType.fundRequest
    public static let fields: [FieldSpec] = [
        .req("case_id", .id), .req("request_no", .id), .req("amount", .money), .req("beneficiaries", .int(min: 1)),
        .req("purpose", .enumeration(FundPurpose.allCases.map(\.rawValue))),
        .req("reason", .enumeration(FundReason.allCases.map(\.rawValue)))]
    public static let sample: JSONValue = [
        "case_id": "C-0001", "request_no": "F-0001", "amount": "50000.00", "beneficiaries": 12,
        "purpose": "partial_wages", "reason": "employer_fled"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        ["case_id": .string(caseID), "request_no": .string(requestNo), "amount": .money(amount),
         "beneficiaries": .int(beneficiaries), "purpose": .string(purpose.rawValue), "reason": .string(reason.rawValue)]
    }
}

extension FundDecision: WireMessage {
    public static let wireType = MessageType.fundDecision
    public static let fields: [FieldSpec] = [
        .req("request_no", .id), .req("decision", .enumeration(FundDecisionKind.allCases.map(\.rawValue))),
        .req("approver", .text), .opt("note", .text)]
    public static let sample: JSONValue = ["request_no": "F-0001", "decision": "approved", "approver": "王区长"]
    public static let sampleSender = Principal.government
    public var json: JSONValue {
        .compact(["request_no": .string(requestNo), "decision": .string(decision.rawValue), "approver": .string(approver),
                  "note": note.map(JSONValue.string)])
    }
}

/// `fund.disbursed` (finance → hrss): the advance was paid out.
public struct FundDisbursed: WireMessage, Hashable {
    public var answer: FundAnswer
    public init(_ answer: FundAnswer) { self.answer = answer }
    public init(json: [String: JSONValue]) throws(RejectionReason) { self.init(try FundAnswer(json: json)) }
    public var json: JSONValue { answer.json }
    public static let wireType = MessageType.fundDisbursed
    public static let fields: [FieldSpec] = [.req("request_no", .id), .req("amount", .money), .opt("reason", .text)]
    public static let sample: JSONValue = ["request_no": "F-0001", "amount": "50000.00"]
    public static let sampleSender = Principal.finance
}

/// `fund.rejected` (finance → hrss): the request was refused or could not be covered.
public struct FundRejected: WireMessage, Hashable {
    public var answer: FundAnswer
    public init(_ answer: FundAnswer) { self.answer = answer }
    public init(json: [String: JSONValue]) throws(RejectionReason) { self.init(try FundAnswer(json: json)) }
    public var json: JSONValue { answer.json }
    public static let wireType = MessageType.fundRejected
    public static let fields: [FieldSpec] = FundDisbursed.fields
    public static let sample: JSONValue = ["request_no": "F-0001", "amount": "50000.00", "reason": "insufficient_fund"]
    public static let sampleSender = Principal.finance
}

extension FundRecovered: WireMessage {
    public static let wireType = MessageType.fundRecovered
    public static let fields: [FieldSpec] = [.req("request_no", .id), .req("amount", .money)]
    public static let sample: JSONValue = ["request_no": "F-0001", "amount": "20000.00"]
    public static let sampleSender = Principal.finance
    public var json: JSONValue { ["request_no": .string(requestNo), "amount": .money(amount)] }
}

extension FundWriteoff: WireMessage {
    public static let wireType = MessageType.fundWriteoff
    public static let fields: [FieldSpec] = [.req("request_no", .id), .req("approver", .text), .req("reason", .text)]
    public static let sample: JSONValue = ["request_no": "F-0001", "approver": "王区长", "reason": "employer insolvent"]
    public static let sampleSender = Principal.government
    public var json: JSONValue {
        ["request_no": .string(requestNo), "approver": .string(approver), "reason": .string(reason)]
    }
}
