import Messages
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
    /// The sender applied this message's effect itself, in the transaction that
    /// wrote it (e.g. the office's automatic transfer on registration), so the
    /// router need not deliver its `copy_to` copy back to the sender.
    public var appliedBySender: Bool

    /// The AMQP header by which a sender says it applied the message itself
    /// (`appliedBySender`; value `true`). The router reads it.
    public static let appliedBySenderHeader = "x-wage-applied-by-sender"

    public init(type: MessageType, recipients: [Principal]?, payload: JSONValue, idSuffix: String,
                correlationID: String? = nil, appliedBySender: Bool = false) {
        self.type = type
        self.recipients = recipients
        self.payload = payload
        self.idSuffix = idSuffix
        self.correlationID = correlationID
        self.appliedBySender = appliedBySender
    }

    /// The `message_id` of this follow-up when caused by the message `causeID`.
    public func messageID(cause causeID: String) -> String { "\(causeID):\(idSuffix)" }

    /// The longest key put into a suffix as is.
    public static let maxKeyLength = 40

    /// A key (case id, application number …) for use inside a suffix, so that ids
    /// stay short (`message_id` is at most 128 characters): the key itself when it
    /// is at most `maxKeyLength` ASCII letters, digits or `-_.`; otherwise `h`
    /// followed by the 16 hex digits of its FNV-1a 64-bit hash (stable across runs).
    public static func key(_ key: String) -> String {
        let plain = key.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_.".unicodeScalars.contains($0)) }
        if plain, !key.isEmpty, key.utf8.count <= maxKeyLength { return key }
        return "h" + StableHash.hex(key)
    }
}
