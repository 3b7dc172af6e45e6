/// `message.rejected` (any worker → the router): a worker refused a message it
/// received; the router dead-letters the original with `x-wage-reason` = `reason`
/// and `x-wage-rejected-by` = the worker (extension, docs/contract-extensions.md).
public struct MessageRejected: WireMessage, Hashable {
    /// The `message_id` of the refused message.
    public var originalMessageID: String
    /// Its type.
    public var originalType: MessageType
    /// The §5 reason (`not_assignee`, `unknown_case`, …).
    public var reason: RejectionReason
    /// Who sent the refused message.
    public var originalSender: Principal
    /// Its body as text (at most the §2 body limit), when the worker includes it.
    public var originalBody: String?

    /// Memberwise.
    public init(originalMessageID: String, originalType: MessageType, reason: RejectionReason,
                originalSender: Principal, originalBody: String? = nil) {
        self.originalMessageID = originalMessageID
        self.originalType = originalType
        self.reason = reason
        self.originalSender = originalSender
        self.originalBody = originalBody
    }

    public init(json: [String: JSONValue]) throws(RejectionReason) {
        let r = FieldReader(json)
        let id = try r.string("original_message_id")
        let type: MessageType = try r.enumeration("original_type")
        guard let reason = RejectionReason(code: try r.string("reason")) else { throw .schema("reason") }
        let sender: Principal = try r.enumeration("original_sender")
        guard let body = r.value("original_body") else {
            self.init(originalMessageID: id, originalType: type, reason: reason, originalSender: sender)
            return
        }
        guard let text = body.stringValue else { throw .schema("original_body") }
        self.init(originalMessageID: id, originalType: type, reason: reason, originalSender: sender, originalBody: text)
    }

    public var json: JSONValue {
        .compact(["original_message_id": .string(originalMessageID), "original_type": .string(originalType.rawValue),
                  "reason": .string(reason.code), "original_sender": .principal(originalSender),
                  "original_body": originalBody.map(JSONValue.string)])
    }

    public static let wireType = MessageType.messageRejected
    public static let fields: [FieldSpec] = [
        .req("original_message_id", .id), .req("original_type", .messageType), .req("reason", .rejectionReason),
        .req("original_sender", .principal),
        .opt("original_body", .string(minLength: 0, maxLength: SchemaBounds.maxBodyLength))]
    public static let sample: JSONValue = [
        "original_message_id": "m-0001", "original_type": "case.accept", "reason": "not_assignee",
        "original_sender": "police", "original_body": "{\"case_id\":\"C-0001\"}"]
    public static let sampleSender = Principal.police
}
