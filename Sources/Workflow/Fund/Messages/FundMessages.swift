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
