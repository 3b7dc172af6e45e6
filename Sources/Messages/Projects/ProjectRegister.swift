/// A company named on a project (建设单位, 施工总承包单位): both fields required.
public struct Organisation: Sendable, Hashable {
    public var name: String
    /// Unified social credit code 统一社会信用代码.
    public var creditCode: String

    public init(name: String, creditCode: String) {
        self.name = name
        self.creditCode = creditCode
    }

    init(_ r: FieldReader) throws(RejectionReason) {
        self.init(name: try r.string("name"), creditCode: try r.string("credit_code"))
    }

    /// The wire object.
    public var json: JSONValue { ["name": .string(name), "credit_code": .string(creditCode)] }

    static let fields: [FieldSpec] = [.req("name", .text), .req("credit_code", .id)]
}

/// Who invests in a project (CONTRACT §8.1 `investor`).
public enum ProjectInvestor: String, CaseIterable, Sendable, Hashable, Codable {
    case government
    case stateOwned = "state_owned"
    case `private`
}

/// `project.register` (the regulator of `sector` → hrss, regulator; CONTRACT §8.1):
/// enters a construction project in the office's ledger (台账); the office decides its
/// wage deposit on the day it applies it (§8.2).
public struct ProjectRegister: Sendable, Hashable {
    /// The sectors with construction projects, each with a regulator (§8).
    public static let projectSectors: [Sector] = Sector.allCases.filter(\.hasConstructionProjects)

    public var projectNo: String
    public var name: String
    public var sector: Sector
    public var location: String?
    public var investor: ProjectInvestor?
    /// 建设单位.
    public var builder: Organisation
    /// 施工总承包单位: the deposit ladder reads its history (§8.2).
    public var generalContractor: Organisation
    public var contractAmount: Money
    public var permitIssuedOn: Day
    public var plannedCompletion: Day?

    public init(projectNo: String, name: String, sector: Sector, location: String? = nil,
                investor: ProjectInvestor? = nil, builder: Organisation, generalContractor: Organisation,
                contractAmount: Money, permitIssuedOn: Day, plannedCompletion: Day? = nil) {
        self.projectNo = projectNo
        self.name = name
        self.sector = sector
        self.location = location
        self.investor = investor
        self.builder = builder
        self.generalContractor = generalContractor
        self.contractAmount = contractAmount
        self.permitIssuedOn = permitIssuedOn
        self.plannedCompletion = plannedCompletion
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed
    /// field (a sector without construction projects is `schema:sector`).
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let projectNo = try r.string("project_no")
        let name = try r.string("name")
        let sector: Sector = try r.enumeration("sector")
        guard sector.hasConstructionProjects else { throw .schema("sector") }
        self.init(projectNo: projectNo, name: name, sector: sector, location: try r.optionalString("location"),
                  investor: try r.optionalEnumeration("investor"), builder: try Organisation(r.object("builder")),
                  generalContractor: try Organisation(r.object("general_contractor")),
                  contractAmount: try r.money("contract_amount"), permitIssuedOn: try r.day("permit_issued_on"),
                  plannedCompletion: try r.optionalDay("planned_completion"))
    }
}

/// `project.completed` (its regulator → hrss, regulator; §8.1): the project is
/// complete (完工); from then on its deposit may be released (§8.2).
public struct ProjectCompleted: Sendable, Hashable {
    public var projectNo: String
    public var completedOn: Day

    public init(projectNo: String, completedOn: Day) {
        self.projectNo = projectNo
        self.completedOn = completedOn
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        self.init(projectNo: try r.string("project_no"), completedOn: try r.day("completed_on"))
    }
}

// MARK: - Catalogue entries (CONTRACT §8.1)

extension ProjectRegister: WireMessage {
    public static let wireType = MessageType.projectRegister
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("name", .text),
        .req("sector", .enumeration(projectSectors.map(\.rawValue))),
        .opt("location", .text), .opt("investor", .enumeration(ProjectInvestor.allCases.map(\.rawValue))),
        .req("builder", .object(Organisation.fields)), .req("general_contractor", .object(Organisation.fields)),
        .req("contract_amount", .money), .req("permit_issued_on", .day), .opt("planned_completion", .day),
    ]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "name": "滨江花园二期住宅工程", "sector": "construction",
        "location": "滨江路88号", "investor": "private",
        "builder": ["name": "某置业有限公司", "credit_code": "91500000MA5U111111"],
        "general_contractor": ["name": "某建工集团有限公司", "credit_code": "91500000MA5U222222"],
        "contract_amount": "12000000.00", "permit_issued_on": "2026-03-02", "planned_completion": "2027-06-30"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue {
        .compact([
            "project_no": .string(projectNo), "name": .string(name), "sector": .string(sector.rawValue),
            "location": location.map(JSONValue.string), "investor": investor.map { .string($0.rawValue) },
            "builder": builder.json, "general_contractor": generalContractor.json,
            "contract_amount": .money(contractAmount), "permit_issued_on": .day(permitIssuedOn),
            "planned_completion": plannedCompletion.map(JSONValue.day),
        ])
    }
}

extension ProjectCompleted: WireMessage {
    public static let wireType = MessageType.projectCompleted
    public static let fields: [FieldSpec] = [.req("project_no", .projectNo), .req("completed_on", .day)]
    public static let sample: JSONValue = ["project_no": "P-2026-001", "completed_on": "2026-11-30"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue { ["project_no": .string(projectNo), "completed_on": .day(completedOn)] }
}
