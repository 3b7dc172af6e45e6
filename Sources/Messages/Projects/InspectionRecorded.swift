/// The measures an inspection checks on site (§8.1 `checks`): each `true` when found in place.
public struct InspectionChecks: Sendable, Hashable {
    /// 实名制管理.
    public var realName: Bool
    /// 劳资专管员.
    public var wageClerk: Bool
    /// 维权信息告示牌.
    public var noticeBoard: Bool
    /// 工资专用账户.
    public var specialAccount: Bool
    /// 按月足额发放工资 (payroll kept and paid).
    public var payroll: Bool

    public init(realName: Bool, wageClerk: Bool, noticeBoard: Bool, specialAccount: Bool, payroll: Bool) {
        self.realName = realName
        self.wageClerk = wageClerk
        self.noticeBoard = noticeBoard
        self.specialAccount = specialAccount
        self.payroll = payroll
    }

    /// The wire names of the checks in order.
    public static let names = ["real_name", "wage_clerk", "notice_board", "special_account", "payroll"]

    /// The wire names of the measures not found in place.
    public var failed: [String] {
        zip(Self.names, [realName, wageClerk, noticeBoard, specialAccount, payroll]).filter { !$0.1 }.map(\.0)
    }

    /// The wire object.
    public var json: JSONValue {
        ["real_name": .bool(realName), "wage_clerk": .bool(wageClerk), "notice_board": .bool(noticeBoard),
         "special_account": .bool(specialAccount), "payroll": .bool(payroll)]
    }
}

/// `inspection.recorded` (hrss or the regulator → hrss, regulator; §8.5): a site
/// inspection (巡查); a check found missing raises `inspection_findings`.
public struct InspectionRecorded: Sendable, Hashable {
    public var projectNo: String
    public var inspectedOn: Day
    public var checks: InspectionChecks
    public var workersSampled: Int?
    public var findings: String?

    public init(projectNo: String, inspectedOn: Day, checks: InspectionChecks, workersSampled: Int? = nil,
                findings: String? = nil) {
        self.projectNo = projectNo
        self.inspectedOn = inspectedOn
        self.checks = checks
        self.workersSampled = workersSampled
        self.findings = findings
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let projectNo = try r.string("project_no")
        let inspectedOn = try r.day("inspected_on")
        let c = try r.object("checks")
        let checks = InspectionChecks(realName: try c.bool("real_name"), wageClerk: try c.bool("wage_clerk"),
                                      noticeBoard: try c.bool("notice_board"), specialAccount: try c.bool("special_account"),
                                      payroll: try c.bool("payroll"))
        self.init(projectNo: projectNo, inspectedOn: inspectedOn, checks: checks,
                  workersSampled: try r.optionalInt("workers_sampled", minimum: 0), findings: try r.optionalString("findings"))
    }
}

extension InspectionRecorded: WireMessage {
    public static let wireType = MessageType.inspectionRecorded
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("inspected_on", .day),
        .req("checks", .object(InspectionChecks.names.map { .req($0, .bool) })),
        .opt("workers_sampled", .int(min: 0)), .opt("findings", .text),
    ]
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "inspected_on": "2026-03-20",
        "checks": ["real_name": true, "wage_clerk": true, "notice_board": false, "special_account": true, "payroll": true],
        "workers_sampled": 12, "findings": "维权告示牌未设置"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue {
        .compact(["project_no": .string(projectNo), "inspected_on": .day(inspectedOn), "checks": checks.json,
                  "workers_sampled": workersSampled.map(JSONValue.int), "findings": findings.map(JSONValue.string)])
    }
}
