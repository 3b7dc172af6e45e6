/// The intake channel of a clue.
public enum ClueChannel: String, CaseIterable, Sendable, Hashable, Codable {
    case nationalPlatform = "national_platform"
    case hotline, petition
    case labourInspection = "labour_inspection"
    case walkIn = "walk_in"
    case department
    /// Unpaid wages on a submitted payroll (CONTRACT §7.6, §8.4): the office opens the case itself.
    case payroll
    /// The bank's `misappropriated` alert on a project's special account (§7.6, §8.3).
    case bank
}

/// The employer a clue is about.
public struct Employer: Sendable, Hashable {
    public var name: String
    /// Unified social credit code 统一社会信用代码.
    public var creditCode: String?

    public init(name: String, creditCode: String? = nil) {
        self.name = name
        self.creditCode = creditCode
    }

    public var json: JSONValue { .compact(["name": .string(name), "credit_code": creditCode.map(JSONValue.string)]) }
}

/// The project (site) a clue is about.
public struct Project: Sendable, Hashable {
    public var name: String?
    public var location: String?

    public init(name: String? = nil, location: String? = nil) {
        self.name = name
        self.location = location
    }

    public var json: JSONValue { .compact(["name": name.map(JSONValue.string), "location": location.map(JSONValue.string)]) }
}

/// Who reported a clue. Personal data: never log unmasked.
public struct Reporter: Sendable, Hashable {
    public var name: String?
    public var phone: String?
    public var idNumber: String?

    public init(name: String? = nil, phone: String? = nil, idNumber: String? = nil) {
        self.name = name
        self.phone = phone
        self.idNumber = idNumber
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["name": name.map(JSONValue.string), "phone": phone.map(JSONValue.string),
                  "id_number": idNumber.map(JSONValue.string)])
    }
}

/// `clue.report` (CONTRACT §3): a wage-arrears clue for the office to register.
public struct ClueReport: Sendable, Hashable {
    public var channel: ClueChannel
    /// Unique per channel; `channel` + `clueRef` identifies the case.
    public var clueRef: String
    public var employer: Employer
    public var project: Project?
    public var sector: Sector
    /// At least 1.
    public var workersCount: Int
    /// Greater than zero.
    public var amountOwed: Money
    public var description: String?
    public var reporter: Reporter?
    /// The registered project the case is linked to (§7.6); an unknown one is kept as given.
    public var projectNo: String?

    public init(channel: ClueChannel, clueRef: String, employer: Employer, project: Project? = nil, sector: Sector,
                workersCount: Int, amountOwed: Money, description: String? = nil, reporter: Reporter? = nil,
                projectNo: String? = nil) {
        self.channel = channel
        self.clueRef = clueRef
        self.employer = employer
        self.project = project
        self.sector = sector
        self.workersCount = workersCount
        self.amountOwed = amountOwed
        self.description = description
        self.reporter = reporter
        self.projectNo = projectNo
    }

    /// Reads a payload; throws `.schema("<field>")` for a missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let channel: ClueChannel = try r.enumeration("channel")
        let clueRef = try r.string("clue_ref")
        let e = try r.object("employer")
        let employer = Employer(name: try e.string("name"), creditCode: try e.optionalString("credit_code"))
        var project: Project?
        if let p = try r.optionalObject("project") {
            project = Project(name: try p.optionalString("name"), location: try p.optionalString("location"))
        }
        let sector: Sector = try r.enumeration("sector")
        let workersCount = try r.int("workers_count", minimum: 1)
        let amountOwed = try r.money("amount_owed")
        let description = try r.optionalString("description")
        var reporter: Reporter?
        if let p = try r.optionalObject("reporter") {
            reporter = Reporter(name: try p.optionalString("name"), phone: try p.optionalString("phone"),
                                idNumber: try p.optionalString("id_number"))
        }
        let projectNo = try r.optionalString("project_no")
        self.init(channel: channel, clueRef: clueRef, employer: employer, project: project, sector: sector,
                  workersCount: workersCount, amountOwed: amountOwed, description: description, reporter: reporter,
                  projectNo: projectNo)
    }

    /// The wire payload.
    public var json: JSONValue {
        .compact([
            "channel": .string(channel.rawValue), "clue_ref": .string(clueRef), "employer": employer.json,
            "project": project?.json, "sector": .string(sector.rawValue), "workers_count": .int(workersCount),
            "amount_owed": .money(amountOwed), "description": description.map(JSONValue.string),
            "reporter": reporter?.json, "project_no": projectNo.map(JSONValue.string),
        ])
    }
}

extension ClueReport: WireMessage {
    public static let wireType = MessageType.clueReport
    /// `employer` {`name`*, `credit_code`} (shared by other catalogue entries).
    public static let employerKind: FieldKind = .object([.req("name", .text), .opt("credit_code", .text)])
    public static let fields: [FieldSpec] = [
        .req("channel", .enumeration(ClueChannel.allCases.map(\.rawValue))), .req("clue_ref", .id),
        .req("employer", employerKind), .opt("project", .object([.opt("name", .text), .opt("location", .text)])),
        .req("sector", .sector), .req("workers_count", .int(min: 1)), .req("amount_owed", .money),
        .opt("description", .text),
        .opt("reporter", .object([.opt("name", .text), .opt("phone", .text), .opt("id_number", .text)])),
        .opt("project_no", .projectNo),
    ]
    public static let sample: JSONValue = [
        "channel": "hotline", "clue_ref": "HL-2026-0001",
        "employer": ["name": "某建筑劳务有限公司", "credit_code": "91500000MA5U000000"],
        "project": ["name": "金凤镇安置房二期", "location": "金凤镇"], "sector": "construction",
        "workers_count": 12, "amount_owed": "125000.00", "description": "春节前拖欠工资",
        "reporter": ["name": "张三", "phone": "13800000000"]]
    public static let sampleSender = Principal.platform
}
