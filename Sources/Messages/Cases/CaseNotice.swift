/// `case.notice` (hrss → the departments in `notify`).
public struct CaseNotice: Sendable, Hashable {
    public var caseID: String
    /// E.g. `task_force_formed`, `closed` (see `CaseNoticeEvent`); other values are kept as sent.
    public var event: String
    /// The recipients, in order, without duplicates.
    public var notify: [Principal]
    /// A JSON object; the office always puts `channel` and `clue_ref` in it.
    public var detail: JSONValue?

    public init(caseID: String, event: String, notify: [Principal], detail: JSONValue? = nil) {
        self.caseID = caseID
        self.event = event
        self.notify = notify
        self.detail = detail
    }

    /// Reads a payload; throws `.schema("<field>")` for the first missing or malformed field.
    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let caseID = try r.string("case_id")
        let event = try r.string("event")
        let codes = try r.optionalStrings("notify") ?? []
        var notify: [Principal] = []
        for (i, code) in codes.enumerated() {
            guard let p = Principal(rawValue: code) else { throw .schema("notify[\(i)]") }
            notify.append(p)
        }
        guard !notify.isEmpty else { throw .schema("notify") }
        let detail = r.value("detail")
        if let detail, detail.objectValue == nil { throw .schema("detail") }
        self.init(caseID: caseID, event: event, notify: notify, detail: detail)
    }

    /// The wire payload (absent optionals left out).
    public var json: JSONValue {
        .compact(["case_id": .string(caseID), "event": .string(event), "notify": .principals(notify), "detail": detail])
    }
}

extension CaseNotice: WireMessage {
    public static let wireType = MessageType.caseNotice
    public static let fields: [FieldSpec] = [
        .req("case_id", .id), .req("event", .id), .req("notify", .array(of: .principal, minCount: 1)),
        .opt("detail", .any)]
    public static let sample: JSONValue = [
        "case_id": "C-0001", "event": "task_force_formed", "notify": ["housing", "police"],
        "detail": ["due_on": "2026-03-16"]]
    public static let sampleSender = Principal.hrss
}
