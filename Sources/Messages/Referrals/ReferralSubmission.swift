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

extension ReferralSubmission: WireMessage {
    public static let wireType = MessageType.referralSubmit
    public static let fields: [FieldSpec] = [
        .req("case_id", .id), .req("referral_no", .id),
        .req("suspect", .object([.req("name", .text), .req("kind", .enumeration(SuspectKind.allCases.map(\.rawValue))),
                                 .opt("credit_code", .text), .opt("id_number", .text)])),
        .req("amount_owed", .money), .req("workers_count", .int(min: 1)),
        .req("order_to_pay", .object([.req("issued_on", .day), .req("pay_by", .day), .req("served", .bool)])),
        .req("evidence", .array(of: .object([.req("kind", .id), .req("title", .text)]), minCount: 0)),
    ]
    public static let sample: JSONValue = [
        "case_id": "C-0001", "referral_no": "R-0001", "suspect": ["name": "某建筑劳务有限公司", "kind": "company"],
        "amount_owed": "125000.00", "workers_count": 12,
        "order_to_pay": ["issued_on": "2026-01-05", "pay_by": "2026-01-15", "served": true],
        "evidence": [["kind": "referral_letter", "title": "移送书"], ["kind": "investigation_report", "title": "调查报告"],
                     ["kind": "order_to_pay", "title": "责令支付文书"], ["kind": "service_proof", "title": "送达证明"]]]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact([
            "case_id": .string(caseID), "referral_no": .string(referralNo),
            "suspect": .compact(["name": .string(suspect.name), "kind": .string(suspect.kind.rawValue),
                                 "credit_code": suspect.creditCode.map(JSONValue.string),
                                 "id_number": suspect.idNumber.map(JSONValue.string)]),
            "amount_owed": .money(amountOwed), "workers_count": .int(workersCount),
            "order_to_pay": ["issued_on": .day(orderToPay.issuedOn), "pay_by": .day(orderToPay.payBy),
                             "served": .bool(orderToPay.served)],
            "evidence": .array(evidence.map { ["kind": .string($0.kind), "title": .string($0.title)] }),
        ])
    }
}
