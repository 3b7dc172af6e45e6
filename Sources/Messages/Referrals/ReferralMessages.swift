/// The outcome of the arrival check, as sent in `referral.receipt`.
public enum ReferralReceiptStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case acceptedForReview = "accepted_for_review"
    case incomplete
}

/// `referral.receipt` (police → hrss).
public struct ReferralReceipt: Sendable, Hashable {
    public var referralNo: String
    public var status: ReferralReceiptStatus
    /// What is missing, in the stable order of `ReferralCheck` (empty when accepted).
    public var missing: [String]
    /// Extension: the decision deadline, when accepted for review.
    public var decideBy: Day?

    public init(referralNo: String, status: ReferralReceiptStatus, missing: [String] = [], decideBy: Day? = nil) {
        self.referralNo = referralNo
        self.status = status
        self.missing = missing
        self.decideBy = decideBy
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(referralNo: try r.string("referral_no"), status: try r.enumeration("status"),
                  missing: try r.optionalStrings("missing") ?? [], decideBy: try r.optionalDay("decide_by"))
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["referral_no": .string(referralNo), "status": .string(status.rawValue),
                  "missing": .strings(missing), "decide_by": decideBy.map(JSONValue.day)])
    }
}

/// `referral.decision` (police → hrss): filed with a police case number, or not
/// filed with a reason (国务院令310号 第八条).
public struct ReferralDecision: Sendable, Hashable {
    public enum Verdict: Sendable, Hashable {
        case filed(policeCaseNo: String)
        case notFiled(reason: String)
    }

    public var referralNo: String
    public var verdict: Verdict

    public init(referralNo: String, verdict: Verdict) {
        self.referralNo = referralNo
        self.verdict = verdict
    }

    /// `police_case_no` is required when filed, `reason` when not filed.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let referralNo = try r.string("referral_no")
        switch try r.string("decision") {
        case "filed": self.init(referralNo: referralNo, verdict: .filed(policeCaseNo: try r.string("police_case_no")))
        case "not_filed": self.init(referralNo: referralNo, verdict: .notFiled(reason: try r.string("reason")))
        default: throw .schema("decision")
        }
    }
}

/// `referral.reconsider` (hrss → police): once, within 3 days of `not_filed` (第九条).
public struct ReferralReconsider: Sendable, Hashable {
    public var referralNo: String
    public var reason: String

    public init(referralNo: String, reason: String) {
        self.referralNo = referralNo
        self.reason = reason
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(referralNo: try r.string("referral_no"), reason: try r.string("reason"))
    }
}

/// The kind of a police measure.
public enum MeasureKind: String, CaseIterable, Sendable, Hashable, Codable {
    case freezeAccounts = "freeze_accounts"
    case controlSuspect = "control_suspect"
    case earlyIntervention = "early_intervention"
}

/// `referral.measure` (police → hrss).
public struct ReferralMeasure: Sendable, Hashable {
    public var referralNo: String
    public var kind: MeasureKind
    /// Free detail: a JSON string or object, kept as sent.
    public var detail: JSONValue?

    public init(referralNo: String, kind: MeasureKind, detail: JSONValue? = nil) {
        self.referralNo = referralNo
        self.kind = kind
        self.detail = detail
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let detail = r.value("detail")
        if let detail, detail.stringValue == nil, detail.objectValue == nil { throw .schema("detail") }
        self.init(referralNo: try r.string("referral_no"), kind: try r.enumeration("kind"), detail: detail)
    }
}

// MARK: - Catalogue entries (CONTRACT §3 criminal referrals)

extension ReferralReceipt: WireMessage {
    public static let wireType = MessageType.referralReceipt
    public static let fields: [FieldSpec] = [
        .req("referral_no", .id), .req("status", .enumeration(ReferralReceiptStatus.allCases.map(\.rawValue))),
        .opt("missing", .stringArray)]
    public static let sample: JSONValue = ["referral_no": "R-0001", "status": "incomplete", "missing": ["service_proof"]]
    public static let sampleSender = Principal.police
}

extension ReferralDecision: WireMessage {
    public static let wireType = MessageType.referralDecision
    /// `police_case_no` is required with `filed` and `reason` with `not_filed` (the
    /// police worker's decoder and the router agree on both).
    public static let fields: [FieldSpec] = [
        .req("referral_no", .id), .req("decision", .enumeration(["filed", "not_filed"])),
        FieldSpec("police_case_no", .requiredWhen(field: "decision", equals: "filed"), .id),
        FieldSpec("reason", .requiredWhen(field: "decision", equals: "not_filed"), .text)]
    public static let sample: JSONValue = ["referral_no": "R-0001", "decision": "filed", "police_case_no": "P-2026-01"]
    public static let sampleSender = Principal.police
    public var json: JSONValue {
        switch verdict {
        case .filed(let no): return ["referral_no": .string(referralNo), "decision": "filed", "police_case_no": .string(no)]
        case .notFiled(let reason):
            return ["referral_no": .string(referralNo), "decision": "not_filed", "reason": .string(reason)]
        }
    }
}

extension ReferralReconsider: WireMessage {
    public static let wireType = MessageType.referralReconsider
    public static let fields: [FieldSpec] = [.req("referral_no", .id), .req("reason", .text)]
    public static let sample: JSONValue = ["referral_no": "R-0001", "reason": "new evidence"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue { ["referral_no": .string(referralNo), "reason": .string(reason)] }
}

extension ReferralMeasure: WireMessage {
    public static let wireType = MessageType.referralMeasure
    public static let fields: [FieldSpec] = [
        .req("referral_no", .id), .req("kind", .enumeration(MeasureKind.allCases.map(\.rawValue))),
        .opt("detail", .text)]
    public static let sample: JSONValue = ["referral_no": "R-0001", "kind": "freeze_accounts", "detail": "冻结账户"]
    public static let sampleSender = Principal.police
    public var json: JSONValue {
        .compact(["referral_no": .string(referralNo), "kind": .string(kind.rawValue), "detail": detail])
    }
}
