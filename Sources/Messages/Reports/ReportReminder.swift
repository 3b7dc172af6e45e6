/// `report.reminder` (hrss → the owing department; docs/reports.md): the office's
/// sweep found the department's return of `month` still missing after its due day
/// (the 10th of the next month) and reminds it, once per return.
public struct ReportReminder: Sendable, Hashable {
    /// The department that owes the return (the recipient).
    public var department: Principal
    public var month: Month
    public var kind: String
    public var dueOn: Day

    public init(department: Principal, month: Month, kind: String, dueOn: Day) {
        self.department = department
        self.month = month
        self.kind = kind
        self.dueOn = dueOn
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let code = try r.string("department")
        guard let department = Principal(rawValue: code) else { throw .schema("department") }
        self.init(department: department, month: try r.month("month"), kind: try r.string("kind"), dueOn: try r.day("due_on"))
    }
}

extension ReportReminder: WireMessage {
    public static let wireType = MessageType.reportReminder
    public static let fields: [FieldSpec] = [
        .req("department", .principal), .req("month", .month), .req("kind", .id), .req("due_on", .day),
    ]
    public static let sample: JSONValue = [
        "department": "housing", "month": "2026-11", "kind": "construction_starts", "due_on": "2026-12-10"]
    public static let sampleSender = Principal.hrss
    public var json: JSONValue {
        ["department": .principal(department), "month": .string(month.iso), "kind": .string(kind), "due_on": .day(dueOn)]
    }
}
