/// A header value (the subset of AMQP field types this service uses).
///
/// Decoding maps every integer kind to `.int`, long and short strings and byte
/// strings to `.string`, and skips other kinds (arrays, tables, floats, decimals).
public enum AMQPFieldValue: Sendable, Hashable {
    /// A UTF-8 string (long string `S` on the wire).
    case string(String)
    /// A signed 64-bit integer (`l` on the wire; every integer kind decodes to it).
    case int(Int64)
    /// A boolean (`t`).
    case bool(Bool)

    /// The string payload, if this is `.string`.
    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }
}

/// The `basic` content properties of a message (those this service uses).
public struct AMQPProperties: Sendable, Hashable {
    /// `message_id`: the idempotency key end to end.
    public var messageID: String?
    /// `type`: the message type (also the routing key on `wage.intake`).
    public var type: String?
    /// `user_id`: validated by the broker against the connection's user.
    public var userID: String?
    /// `content_type`, e.g. `application/json`.
    public var contentType: String?
    /// `correlation_id`, e.g. the case id.
    public var correlationID: String?
    /// `timestamp` (seconds since the epoch).
    public var timestamp: UInt64?
    /// `delivery_mode`: 2 is persistent, 1 transient. The publisher sends 2 when nil.
    public var deliveryMode: UInt8?
    /// Application headers.
    public var headers: [String: AMQPFieldValue]

    /// Persistent delivery mode.
    public static let persistent: UInt8 = 2

    /// Creates properties; every field is optional.
    public init(messageID: String? = nil, type: String? = nil, userID: String? = nil,
                contentType: String? = nil, correlationID: String? = nil,
                timestamp: UInt64? = nil, deliveryMode: UInt8? = nil,
                headers: [String: AMQPFieldValue] = [:]) {
        self.messageID = messageID
        self.type = type
        self.userID = userID
        self.contentType = contentType
        self.correlationID = correlationID
        self.timestamp = timestamp
        self.deliveryMode = deliveryMode
        self.headers = headers
    }
}
