/// Whether the suspect is a company or a person.
public enum SuspectKind: String, CaseIterable, Sendable, Hashable, Codable {
    case company, person
}

/// The suspect of a referral for 拒不支付劳动报酬罪. Personal data.
public struct Suspect: Sendable, Hashable {
    public var name: String
    public var kind: SuspectKind
    public var creditCode: String?
    public var idNumber: String?

    public init(name: String, kind: SuspectKind, creditCode: String? = nil, idNumber: String? = nil) {
        self.name = name
        self.kind = kind
        self.creditCode = creditCode
        self.idNumber = idNumber
    }
}

/// The order to pay 责令支付文书 that the employer ignored.
public struct OrderToPay: Sendable, Hashable {
    public var issuedOn: Day
    public var payBy: Day
    public var served: Bool

    public init(issuedOn: Day, payBy: Day, served: Bool) {
        self.issuedOn = issuedOn
        self.payBy = payBy
        self.served = served
    }
}

/// One piece of evidence; `kind` is free text, four kinds are required.
public struct Evidence: Sendable, Hashable {
    public var kind: String
    public var title: String

    public init(kind: String, title: String) {
        self.kind = kind
        self.title = title
    }
}

/// `referral.submit` (hrss → police): a criminal referral 移送.
public struct ReferralSubmission: Sendable, Hashable {
    public var caseID: String
    public var referralNo: String
    public var suspect: Suspect
    public var amountOwed: Money
    public var workersCount: Int
    public var orderToPay: OrderToPay
    public var evidence: [Evidence]

    public init(caseID: String, referralNo: String, suspect: Suspect, amountOwed: Money, workersCount: Int,
                orderToPay: OrderToPay, evidence: [Evidence]) {
        self.caseID = caseID
        self.referralNo = referralNo
        self.suspect = suspect
        self.amountOwed = amountOwed
        self.workersCount = workersCount
        self.orderToPay = orderToPay
        self.evidence = evidence
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let caseID = try r.string("case_id")
        let referralNo = try r.string("referral_no")
        let s = try r.object("suspect")
        let suspect = Suspect(name: try s.string("name"), kind: try s.enumeration("kind"),
                              creditCode: try s.optionalString("credit_code"), idNumber: try s.optionalString("id_number"))
        let amount = try r.money("amount_owed")
        let workers = try r.int("workers_count", minimum: 1)
        let o = try r.object("order_to_pay")
        let order = OrderToPay(issuedOn: try o.day("issued_on"), payBy: try o.day("pay_by"), served: try o.bool("served"))
        var evidence: [Evidence] = []
        for e in try r.objects("evidence") {
            evidence.append(Evidence(kind: try e.string("kind"), title: try e.string("title")))
        }
        self.init(caseID: caseID, referralNo: referralNo, suspect: suspect, amountOwed: amount, workersCount: workers,
                  orderToPay: order, evidence: evidence)
    }
}
