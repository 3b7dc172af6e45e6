/// A follow-up message an event function asks the handler to publish (through the
/// outbox, to `wage.intake`, in the same transaction as the state change).
///
/// Its `message_id` is derived from the cause: `<cause-message-id>:<idSuffix>`, so a
/// replayed cause produces the same id and the follow-up has its effect once.
public struct FollowUpMessage: Sendable, Hashable {
    /// The message type (also the routing key).
    public var type: MessageType
    /// Where the message is meant to go. The router decides from the duty list and
    /// the payload (e.g. `notify`, `to`); this is the domain's intent, for logs and
    /// tests. `nil` when the duty list alone decides (e.g. `clue.report` → hrss).
    public var recipients: [Principal]?
    /// The JSON body (an object).
    public var payload: JSONValue
    /// Deterministic suffix, unique among the messages caused by one input message.
    public var idSuffix: String
    /// The AMQP `correlation_id`: the case id when there is one.
    public var correlationID: String?

    public init(type: MessageType, recipients: [Principal]?, payload: JSONValue, idSuffix: String,
                correlationID: String? = nil) {
        self.type = type
        self.recipients = recipients
        self.payload = payload
        self.idSuffix = idSuffix
        self.correlationID = correlationID
    }

    /// The `message_id` of this follow-up when caused by the message `causeID`.
    public func messageID(cause causeID: String) -> String { "\(causeID):\(idSuffix)" }
}
