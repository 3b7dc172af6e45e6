/// What a legal-aid application is about.
public enum LegalAidMatter: String, CaseIterable, Sendable, Hashable, Codable {
    /// Wage arrears: green channel, no means test (seed 004 第十六条).
    case wageArrears = "wage_arrears"
    case other
}

/// The applicant. Personal data.
public struct Applicant: Sendable, Hashable {
    public var name: String
    public var idNumber: String?
    public var phone: String?
    public init(name: String, idNumber: String? = nil, phone: String? = nil) {
        self.name = name
        self.idNumber = idNumber
        self.phone = phone
    }
}

/// `legalaid.request` (hrss, petitions, platform, justice → justice).
public struct LegalAidRequest: Sendable, Hashable {
    public var applicationNo: String
    public var caseID: String?
    public var applicant: Applicant
    public var matter: LegalAidMatter
    public init(applicationNo: String, caseID: String? = nil, applicant: Applicant, matter: LegalAidMatter) {
        self.applicationNo = applicationNo
        self.caseID = caseID
        self.applicant = applicant
        self.matter = matter
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let applicationNo = try r.string("application_no")
        let caseID = try r.optionalString("case_id")
        let a = try r.object("applicant")
        let applicant = Applicant(name: try a.string("name"), idNumber: try a.optionalString("id_number"),
                                  phone: try a.optionalString("phone"))
        self.init(applicationNo: applicationNo, caseID: caseID, applicant: applicant, matter: try r.enumeration("matter"))
    }
}

/// `legalaid.provider` (justice → justice): adds or updates a provider.
public struct LegalAidProviderUpdate: Sendable, Hashable {
    public var providerID: String
    public var name: String
    public var active: Bool
    public init(providerID: String, name: String, active: Bool) {
        self.providerID = providerID
        self.name = name
        self.active = active
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(providerID: try r.string("provider_id"), name: try r.string("name"), active: try r.bool("active"))
    }
}

/// The outcome of a means test.
public enum LegalAidDecisionKind: String, CaseIterable, Sendable, Hashable, Codable {
    case approved, denied
}

/// `legalaid.decision` (justice → justice).
public struct LegalAidDecision: Sendable, Hashable {
    public var applicationNo: String
    public var decision: LegalAidDecisionKind
    public var reason: String?
    public init(applicationNo: String, decision: LegalAidDecisionKind, reason: String? = nil) {
        self.applicationNo = applicationNo
        self.decision = decision
        self.reason = reason
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(applicationNo: try r.string("application_no"), decision: try r.enumeration("decision"),
                  reason: try r.optionalString("reason"))
    }
}

/// `legalaid.assigned` (justice → the principal in `to`).
public struct LegalAidAssigned: Sendable, Hashable {
    public var applicationNo: String
    public var to: Principal
    public var providerID: String
    public var providerName: String
    public init(applicationNo: String, to: Principal, providerID: String, providerName: String) {
        self.applicationNo = applicationNo
        self.to = to
        self.providerID = providerID
        self.providerName = providerName
    }
    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(applicationNo: try r.string("application_no"), to: try r.enumeration("to"),
                  providerID: try r.string("provider_id"), providerName: try r.string("provider_name"))
    }
    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        ["application_no": .string(applicationNo), "to": .principal(to), "provider_id": .string(providerID),
         "provider_name": .string(providerName)]
    }
}

// MARK: - Catalogue entries (CONTRACT §3 legal aid)

extension LegalAidRequest: WireMessage {
    public static let wireType = MessageType.legalaidRequest
    public static let fields: [FieldSpec] = [
        .req("application_no", .id), .opt("case_id", .id),
        .req("applicant", .object([.req("name", .text), .opt("id_number", .text), .opt("phone", .text)])),
        .req("matter", .enumeration(LegalAidMatter.allCases.map(\.rawValue)))]
    public static let sample: JSONValue = [
        "application_no": "LA-0001", "case_id": "C-0001", "applicant": ["name": "张三"], "matter": "wage_arrears"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        .compact(["application_no": .string(applicationNo), "case_id": caseID.map(JSONValue.string),
                  "applicant": .compact(["name": .string(applicant.name), "id_number": applicant.idNumber.map(JSONValue.string),
                                         "phone": applicant.phone.map(JSONValue.string)]),
                  "matter": .string(matter.rawValue)])
    }
}

extension LegalAidProviderUpdate: WireMessage {
    public static let wireType = MessageType.legalaidProvider
    public static let fields: [FieldSpec] = [.req("provider_id", .id), .req("name", .text), .req("active", .bool)]
    public static let sample: JSONValue = ["provider_id": "LAW-01", "name": "某律师事务所", "active": true]
    public static let sampleSender = Principal.justice
    public var json: JSONValue { ["provider_id": .string(providerID), "name": .string(name), "active": .bool(active)] }
}

extension LegalAidDecision: WireMessage {
    public static let wireType = MessageType.legalaidDecision
    public static let fields: [FieldSpec] = [
        .req("application_no", .id), .req("decision", .enumeration(LegalAidDecisionKind.allCases.map(\.rawValue))),
        .opt("reason", .text)]
    public static let sample: JSONValue = ["application_no": "LA-0001", "decision": "approved"]
    public static let sampleSender = Principal.justice
    public var json: JSONValue {
        .compact(["application_no": .string(applicationNo), "decision": .string(decision.rawValue),
                  "reason": reason.map(JSONValue.string)])
    }
}

extension LegalAidAssigned: WireMessage {
    public static let wireType = MessageType.legalaidAssigned
    public static let fields: [FieldSpec] = [
        .req("application_no", .id), .req("to", .principal), .req("provider_id", .id), .req("provider_name", .text)]
    public static let sample: JSONValue = [
        "application_no": "LA-0001", "to": "hrss", "provider_id": "LAW-01", "provider_name": "某律师事务所"]
    public static let sampleSender = Principal.justice
}
