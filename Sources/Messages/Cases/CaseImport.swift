/// `case.import` (hrss → hrss, CONTRACT §7.7): one case of an earlier year, already
/// closed, brought in when an office adopts the system (历史数据迁移). The office
/// records it as `closed` with `opened_at` = the start of `reportedOn` and
/// `closed_at` = the start of `closedOn` (Asia/Shanghai); the same `channel` +
/// `clue_ref` twice is the same case.
public struct CaseImport: Sendable, Hashable {
    public var channel: ClueChannel
    /// Unique per channel, as on `clue.report`.
    public var clueRef: String
    public var employer: Employer
    public var sector: Sector
    /// At least 1.
    public var workersCount: Int
    /// Greater than zero.
    public var amountOwed: Money
    /// When the clue was reported: a past date.
    public var reportedOn: Day
    /// When the case was closed: not before `reportedOn`, not in the future.
    public var closedOn: Day
    /// How it ended (§7.1's values; required here for every case).
    public var disposition: CaseDisposition
    /// Optional for every disposition; when given, greater than zero (§7.1).
    public var amountPaid: Money?
    /// Optional for every disposition; when given, at least 1 (§7.1).
    public var workersPaid: Int?
    /// The registered project, kept as given (an unknown one too, §7.6).
    public var projectNo: String?
    public var note: String?

    public init(channel: ClueChannel, clueRef: String, employer: Employer, sector: Sector, workersCount: Int,
                amountOwed: Money, reportedOn: Day, closedOn: Day, disposition: CaseDisposition,
                amountPaid: Money? = nil, workersPaid: Int? = nil, projectNo: String? = nil, note: String? = nil) {
        self.channel = channel
        self.clueRef = clueRef
        self.employer = employer
        self.sector = sector
        self.workersCount = workersCount
        self.amountOwed = amountOwed
        self.reportedOn = reportedOn
        self.closedOn = closedOn
        self.disposition = disposition
        self.amountPaid = amountPaid
        self.workersPaid = workersPaid
        self.projectNo = projectNo
        self.note = note
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed
    /// field. The bounds against today and between the dates are the router's
    /// (`crossFieldProblem`); the worker checks them again with `problem(today:)`.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let channel: ClueChannel = try r.enumeration("channel")
        let clueRef = try r.string("clue_ref")
        let e = try r.object("employer")
        let employer = Employer(name: try e.string("name"), creditCode: try e.optionalString("credit_code"))
        let sector: Sector = try r.enumeration("sector")
        let workersCount = try r.int("workers_count", minimum: 1)
        let amountOwed = try r.money("amount_owed")
        let reportedOn = try r.day("reported_on")
        let closedOn = try r.day("closed_on")
        let disposition: CaseDisposition = try r.enumeration("disposition")
        self.init(channel: channel, clueRef: clueRef, employer: employer, sector: sector, workersCount: workersCount,
                  amountOwed: amountOwed, reportedOn: reportedOn, closedOn: closedOn, disposition: disposition,
                  amountPaid: try r.optionalMoney("amount_paid"), workersPaid: try r.optionalInt("workers_paid", minimum: 1),
                  projectNo: try r.optionalString("project_no"), note: try r.optionalString("note"))
    }

    /// The first broken date bound as of `today` (the field's name), or `nil`:
    /// `reported_on` in the past; `closed_on` not before it and not in the future.
    public func problem(today: Day) -> String? {
        CaseImport.dateProblem(reportedOn: reportedOn, closedOn: closedOn, today: today)
    }

    static func dateProblem(reportedOn: Day, closedOn: Day, today: Day) -> String? {
        if reportedOn >= today { return "reported_on" }
        if closedOn < reportedOn || closedOn > today { return "closed_on" }
        return nil
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact([
            "channel": .string(channel.rawValue), "clue_ref": .string(clueRef), "employer": employer.json,
            "sector": .string(sector.rawValue), "workers_count": .int(workersCount), "amount_owed": .money(amountOwed),
            "reported_on": .day(reportedOn), "closed_on": .day(closedOn), "disposition": .string(disposition.rawValue),
            "amount_paid": amountPaid.map(JSONValue.money), "workers_paid": workersPaid.map(JSONValue.int),
            "project_no": projectNo.map(JSONValue.string), "note": note.map(JSONValue.string),
        ])
    }
}

extension CaseImport: WireMessage {
    public static let wireType = MessageType.caseImport
    public static let fields: [FieldSpec] = [
        .req("channel", .enumeration(ClueChannel.allCases.map(\.rawValue))), .req("clue_ref", .id),
        .req("employer", ClueReport.employerKind), .req("sector", .sector), .req("workers_count", .int(min: 1)),
        .req("amount_owed", .money), .req("reported_on", .day), .req("closed_on", .day),
        .req("disposition", .enumeration(CaseDisposition.allCases.map(\.rawValue))),
        .opt("amount_paid", .money), .opt("workers_paid", .int(min: 1)), .opt("project_no", .projectNo),
        .opt("note", .text),
    ]
    public static let sample: JSONValue = [
        "channel": "hotline", "clue_ref": "HL-2024-0042",
        "employer": ["name": "某建筑劳务有限公司", "credit_code": "91500000MA5U000000"], "sector": "construction",
        "workers_count": 8, "amount_owed": "64000.00", "reported_on": "2024-03-01", "closed_on": "2024-04-15",
        "disposition": "paid", "amount_paid": "64000.00", "workers_paid": 8,
        "note": "2024年台账导入"]
    public static let sampleSender = Principal.hrss

    /// §7.7, §7.8: `reported_on` in the past, `closed_on` not before it and not in
    /// the future (`schema:<field>`).
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        guard let reported = object["reported_on"]?.stringValue.flatMap(Day.init(iso:)),
              let closed = object["closed_on"]?.stringValue.flatMap(Day.init(iso:)) else { return nil }
        return dateProblem(reportedOn: reported, closedOn: closed, today: today)
    }
}
