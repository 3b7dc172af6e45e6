/// `report.submitted` (a member department → hrss; docs/reports.md): its figures of
/// one month (信息互通, seed 003 二(三)5), due by the 10th of the next month.
///
/// `kind` names an entry of the duty list's `report_kinds`, which says who owes it
/// and which keys `figures` has; the router checks both (`schema:kind`,
/// `schema:figures.<key>`, `forbidden_sender`). A kind owed by a body that is not a
/// principal (发改, 总工会) is entered by hrss on its behalf; `source` then says
/// where the figures came from (e.g. the letter they arrived in).
public struct ReportSubmitted: Sendable, Hashable {
    public var month: Month
    public var kind: String
    /// Each key the kind defines: a count (integer ≥ 0) or an amount (yuan text).
    public var figures: [String: JSONValue]
    public var note: String?
    public var source: String?

    public init(month: Month, kind: String, figures: [String: JSONValue], note: String? = nil, source: String? = nil) {
        self.month = month
        self.kind = kind
        self.figures = figures
        self.note = note
        self.source = source
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let month = try r.month("month")
        let kind = try r.string("kind")
        guard let figures = r.value("figures")?.objectValue else { throw .schema("figures") }
        self.init(month: month, kind: kind, figures: figures, note: try r.optionalString("note"),
                  source: try r.optionalString("source"))
    }
}

extension ReportSubmitted: WireMessage {
    public static let wireType = MessageType.reportSubmitted
    public static let fields: [FieldSpec] = [
        .req("month", .month), .req("kind", .id), .req("figures", .object([])), .opt("note", .text), .opt("source", .text),
    ]
    /// A return may not be for a month that has not begun (`schema:month`).
    public static func crossFieldProblem(in object: [String: JSONValue], today: Day) -> String? {
        guard let month = object["month"]?.stringValue.flatMap(Month.init(iso:)) else { return nil }
        return month > Month(of: today) ? "month" : nil
    }
    public static let sample: JSONValue = [
        "month": "2026-11", "kind": "construction_starts",
        "figures": ["new_starts": 4, "workers_enrolled": 312, "wage_paid": "1250000.00"], "note": "含市政工程1项"]
    public static let sampleSender = Principal.housing
    public var json: JSONValue {
        .compact(["month": .string(month.iso), "kind": .string(kind), "figures": .object(figures),
                  "note": note.map(JSONValue.string), "source": source.map(JSONValue.string)])
    }
}
