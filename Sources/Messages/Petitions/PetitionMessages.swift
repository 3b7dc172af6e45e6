/// How a petition came in.
public enum PetitionForm: String, CaseIterable, Sendable, Hashable, Codable {
    case letter, visit, online, phone
}

/// `petition.received` (petitions → petitions).
public struct PetitionReceived: Sendable, Hashable {
    public var petitionNo: String
    public var petitioners: Int
    public var form: PetitionForm
    public var wageRelated: Bool
    /// Given as a name string or as an object `{name, credit_code}`.
    public var employer: Employer?
    public var sector: Sector?
    public var amountOwed: Money?
    public var workersCount: Int?
    public var summary: String?
    /// Extension (optional): where the petitioners are, forwarded in the
    /// collective visit's `incident.alert`.
    public var location: String?

    public init(petitionNo: String, petitioners: Int, form: PetitionForm, wageRelated: Bool, employer: Employer? = nil,
                sector: Sector? = nil, amountOwed: Money? = nil, workersCount: Int? = nil, summary: String? = nil,
                location: String? = nil) {
        self.petitionNo = petitionNo
        self.petitioners = petitioners
        self.form = form
        self.wageRelated = wageRelated
        self.employer = employer
        self.sector = sector
        self.amountOwed = amountOwed
        self.workersCount = workersCount
        self.summary = summary
        self.location = location
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let petitionNo = try r.string("petition_no")
        let petitioners = try r.int("petitioners", minimum: 1)
        let form: PetitionForm = try r.enumeration("form")
        let wageRelated = try r.bool("wage_related")
        var employer: Employer?
        switch r.value("employer") {
        case nil: employer = nil
        case .string?: employer = try r.optionalString("employer").map { Employer(name: $0) }
        case .object?:
            let o = try r.object("employer")
            employer = Employer(name: try o.string("name"), creditCode: try o.optionalString("credit_code"))
        default: throw .schema("employer")
        }
        self.init(petitionNo: petitionNo, petitioners: petitioners, form: form, wageRelated: wageRelated, employer: employer,
                  sector: try r.optionalEnumeration("sector"), amountOwed: try r.optionalMoney("amount_owed"),
                  workersCount: try r.optionalInt("workers_count", minimum: 1), summary: try r.optionalString("summary"),
                  location: try r.optionalString("location"))
    }
}

/// `incident.alert` (petitions → police and hrss): a collective visit 集体访.
public struct IncidentAlert: Sendable, Hashable {
    public var petitionNo: String
    public var people: Int
    public var location: String?
    public var summary: String?

    public init(petitionNo: String, people: Int, location: String? = nil, summary: String? = nil) {
        self.petitionNo = petitionNo
        self.people = people
        self.location = location
        self.summary = summary
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(petitionNo: try r.string("petition_no"), people: try r.int("people", minimum: 1),
                  location: try r.optionalString("location"), summary: try r.optionalString("summary"))
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["petition_no": .string(petitionNo), "people": .int(people), "location": location.map(JSONValue.string),
                  "summary": summary.map(JSONValue.string)])
    }
}

// MARK: - Catalogue entries (CONTRACT §3 petitions)

extension PetitionReceived: WireMessage {
    public static let wireType = MessageType.petitionReceived
    public static let fields: [FieldSpec] = [
        .req("petition_no", .id), .req("petitioners", .int(min: 1)),
        .req("form", .enumeration(PetitionForm.allCases.map(\.rawValue))), .req("wage_related", .bool),
        .opt("employer", .oneOf([.text, ClueReport.employerKind])), .opt("sector", .sector),
        .opt("amount_owed", .money), .opt("workers_count", .int(min: 1)), .opt("summary", .text)]
    public static let sample: JSONValue = [
        "petition_no": "XF-0001", "petitioners": 6, "form": "visit", "wage_related": true,
        "employer": "某建筑劳务有限公司", "sector": "construction", "amount_owed": "80000.00",
        "workers_count": 6, "summary": "集体上访讨薪"]
    public static let sampleSender = Principal.petitions
    public var json: JSONValue {
        .compact(["petition_no": .string(petitionNo), "petitioners": .int(petitioners), "form": .string(form.rawValue),
                  "wage_related": .bool(wageRelated), "employer": employer?.json,
                  "sector": sector.map { .string($0.rawValue) }, "amount_owed": amountOwed.map(JSONValue.money),
                  "workers_count": workersCount.map(JSONValue.int), "summary": summary.map(JSONValue.string),
                  "location": location.map(JSONValue.string)])
    }
}

extension IncidentAlert: WireMessage {
    public static let wireType = MessageType.incidentAlert
    public static let fields: [FieldSpec] = [
        .req("petition_no", .id), .req("people", .int(min: 1)), .opt("location", .text), .opt("summary", .text)]
    public static let sample: JSONValue = ["petition_no": "XF-0001", "people": 6, "location": "区信访大厅"]
    public static let sampleSender = Principal.petitions
}
