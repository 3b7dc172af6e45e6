/// One worker's line on a monthly payroll (CONTRACT §8.4).
public struct PayrollLine: Sendable, Hashable {
    public var workerID: String
    /// Days worked, 0 ... 31.
    public var days: Int
    /// Wages due (应发), greater than zero.
    public var gross: Money
    /// Wages paid (实发), 0 ... `gross`.
    public var paid: Money

    public init(workerID: String, days: Int, gross: Money, paid: Money) {
        self.workerID = workerID
        self.days = days
        self.gross = gross
        self.paid = paid
    }

    /// What is still owed on the line.
    public var unpaid: Money { gross - paid }

    init(_ r: FieldReader) throws(RejectionReason) {
        let id = try r.string("worker_id")
        guard id.count <= SchemaBounds.maxWorkerIDLength else { throw .schema(r.field("worker_id")) }
        let days = try r.int("days", minimum: 0)
        guard days <= PayrollSubmitted.maxDays else { throw .schema(r.field("days")) }
        let gross = try r.money("gross")
        let paid = try r.amount("paid")
        guard paid <= gross else { throw .schema(r.field("paid")) }
        self.init(workerID: id, days: days, gross: gross, paid: paid)
    }

    /// The wire object.
    public var json: JSONValue {
        ["worker_id": .string(workerID), "days": .int(days), "gross": .money(gross), "paid": .money(paid)]
    }

    static let fields: [FieldSpec] = [
        .req("worker_id", .workerID), .req("days", .int(min: 0, max: PayrollSubmitted.maxDays)),
        .req("gross", .money), .req("paid", .amount),
    ]
}

/// `payroll.submitted` (platform → hrss; §8.4): one subcontractor's payroll for one
/// month (1 ... 2,000 lines, each worker once). The same project + month +
/// subcontractor again replaces it; unpaid wages open a case by themselves.
public struct PayrollSubmitted: Sendable, Hashable {
    /// Most lines in one message (CONTRACT §8.1).
    public static let maxLines = 2000
    /// Most days worked in a month.
    public static let maxDays = 31

    public var projectNo: String
    public var month: Month
    public var subcontractor: Employer
    public var lines: [PayrollLine]
    /// Signed by the workers (工资表经农民工本人签字确认).
    public var confirmedByWorkers: Bool
    /// Paid by the general contractor from the special account to each worker's card (总包代发).
    public var viaSpecialAccount: Bool

    public init(projectNo: String, month: Month, subcontractor: Employer, lines: [PayrollLine],
                confirmedByWorkers: Bool, viaSpecialAccount: Bool) {
        self.projectNo = projectNo
        self.month = month
        self.subcontractor = subcontractor
        self.lines = lines
        self.confirmedByWorkers = confirmedByWorkers
        self.viaSpecialAccount = viaSpecialAccount
    }

    /// The subcontractor's key within the project and month: its credit code, else its name.
    public var subcontractorKey: String { subcontractor.creditCode ?? subcontractor.name }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let projectNo = try r.string("project_no")
        let month = try r.month("month")
        let s = try r.object("subcontractor")
        let name = try s.string("name")
        guard name.count <= SchemaBounds.maxSubcontractorNameLength else { throw .schema("subcontractor.name") }
        let subcontractor = Employer(name: name, creditCode: try s.optionalString("credit_code"))
        let items = try r.objects("lines")
        guard (1...Self.maxLines).contains(items.count) else { throw .schema("lines") }
        var lines: [PayrollLine] = []
        lines.reserveCapacity(items.count)
        for item in items { lines.append(try PayrollLine(item)) }
        if let index = DuplicateKeys.firstRepeat(lines.map(\.workerID)) { throw .schema("lines[\(index)].worker_id") }
        self.init(projectNo: projectNo, month: month, subcontractor: subcontractor, lines: lines,
                  confirmedByWorkers: try r.bool("confirmed_by_workers"), viaSpecialAccount: try r.bool("via_special_account"))
    }
}

extension PayrollSubmitted: WireMessage {
    public static let wireType = MessageType.payrollSubmitted
    public static let fields: [FieldSpec] = [
        .req("project_no", .projectNo), .req("month", .month),
        .req("subcontractor", .object([
            .req("name", .string(minLength: 1, maxLength: SchemaBounds.maxSubcontractorNameLength)), .opt("credit_code", .id)])),
        .req("lines", .array(of: .object(PayrollLine.fields), minCount: 1, maxCount: maxLines)),
        .req("confirmed_by_workers", .bool), .req("via_special_account", .bool),
    ]
    /// `paid` above `gross` on a line, then a worker twice.
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        for (index, line) in (object["lines"]?.arrayValue ?? []).enumerated() {
            guard let gross = line.objectValue?["gross"]?.stringValue.flatMap(Money.init(yuan:)),
                  let paid = line.objectValue?["paid"]?.stringValue.flatMap(Money.init(yuan:)) else { continue }
            if paid > gross { return "lines[\(index)].paid" }
        }
        return DuplicateKeys.firstRepeat(in: object, array: "lines", member: "worker_id")
    }
    public static let sample: JSONValue = [
        "project_no": "P-2026-001", "month": "2026-04",
        "subcontractor": ["name": "某劳务有限公司", "credit_code": "91500000MA5U333333"],
        "lines": [
            ["worker_id": "W-0001", "days": 26, "gross": "7800.00", "paid": "7800.00"],
            ["worker_id": "W-0002", "days": 22, "gross": "6600.00", "paid": "0.00"],
        ],
        "confirmed_by_workers": true, "via_special_account": true]
    public static let sampleSender = Principal.platform
    public var json: JSONValue {
        ["project_no": .string(projectNo), "month": .string(month.iso), "subcontractor": subcontractor.json,
         "lines": .array(lines.map(\.json)), "confirmed_by_workers": .bool(confirmedByWorkers),
         "via_special_account": .bool(viaSpecialAccount)]
    }
}
