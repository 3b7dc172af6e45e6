import AMQP
import Messages
import Workflow

/// A message as a handler sees it: the contract's properties, the validated
/// sender (`x-wage-sender`, set by the router) and the parsed JSON body.
public struct InboundMessage: Sendable {
    public let messageID: String
    public let rawType: String
    public let type: MessageType?
    /// The sender the router validated (`x-wage-sender`); for messages read
    /// straight from `router.intake`, the broker-validated `user_id`.
    public let sender: Principal?
    public let correlationID: String?
    public let body: JSONValue
    public let bodyBytes: [UInt8]
    public let headers: [String: AMQPFieldValue]
    /// How many times the broker delivered it before (quorum `x-delivery-count`).
    public let deliveryCount: Int

    public init(
        messageID: String, rawType: String, sender: Principal?, correlationID: String? = nil,
        body: JSONValue, bodyBytes: [UInt8] = [], headers: [String: AMQPFieldValue] = [:], deliveryCount: Int = 0
    ) {
        self.messageID = messageID
        self.rawType = rawType
        self.type = MessageType(rawValue: rawType)
        self.sender = sender
        self.correlationID = correlationID
        self.body = body
        self.bodyBytes = bodyBytes
        self.headers = headers
        self.deliveryCount = deliveryCount
    }

    /// The login of the person who acted (header `x-wage-actor`, CONTRACT §7.9), when
    /// present and 1 to 64 characters (the router refuses any other value).
    public var actor: String? {
        guard case .string(let login)? = headers["x-wage-actor"], (1...64).contains(login.count) else { return nil }
        return login
    }

    /// The payload object (empty when the body is not an object).
    public var payload: [String: JSONValue] { body.objectValue ?? [:] }

    /// Builds the message from a delivery; `nil` properties become a refusal reason.
    public static func from(_ delivery: AMQPDelivery) -> Result<InboundMessage, RejectionReason> {
        let props = delivery.properties
        guard let id = props.messageID, !id.isEmpty else { return .failure(.missingProperty("message_id")) }
        guard let type = props.type, !type.isEmpty else { return .failure(.missingProperty("type")) }
        let senderCode: String?
        if case .string(let s)? = props.headers["x-wage-sender"] { senderCode = s } else { senderCode = props.userID }
        guard let body = try? JSONValue.parse(delivery.body), body.objectValue != nil else { return .failure(.invalidJSON) }
        var count = 0
        if case .int(let n)? = props.headers["x-delivery-count"] { count = Int(n) }
        return .success(InboundMessage(
            messageID: id, rawType: type, sender: senderCode.flatMap(Principal.init(rawValue:)),
            correlationID: props.correlationID, body: body, bodyBytes: delivery.body,
            headers: props.headers, deliveryCount: count))
    }
}

/// What a handler decided about a message.
public enum Disposition: Sendable, Equatable {
    /// Applied (its effects and follow-up messages commit with the inbox row).
    case ack
    /// A passing condition (e.g. a lock, a dependency not yet there): roll back
    /// and try again later. Counts against the queue's delivery limit.
    case retryLater(String)
    /// Refused for good: effects are rolled back, the refusal is recorded in
    /// `wage.rejections` and the message is dead-lettered with this reason.
    case reject(RejectionReason)
}
