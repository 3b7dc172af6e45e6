import AMQP
import Foundation
import Messages
import Workflow

/// A follow-up message a handler wants sent; written to `wage.outbox` in the
/// handler's transaction and published by the relay after commit.
public struct FollowUp: Sendable, Equatable {
    public let messageID: String
    public let type: MessageType
    public let body: JSONValue
    public let correlationID: String?
    /// Applied by the sender already: published with `x-wage-applied-by-sender: true`,
    /// so the router does not copy it back to the sender (docs/contract-extensions.md).
    public let appliedBySender: Bool

    public init(messageID: String, type: MessageType, body: JSONValue, correlationID: String? = nil,
                appliedBySender: Bool = false) {
        self.messageID = messageID
        self.type = type
        self.body = body
        self.correlationID = correlationID
        self.appliedBySender = appliedBySender
    }
}

extension OutgoingMessage {
    /// A contract message (§2 properties) from `principal` to `wage.intake`.
    public static func wage(
        from principal: Principal, messageID: String, type: String, body: [UInt8],
        correlationID: String? = nil, headers: [String: AMQPFieldValue] = [:]
    ) -> OutgoingMessage {
        var props = AMQPProperties()
        props.messageID = messageID
        props.type = type
        props.userID = principal.rawValue
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.correlationID = correlationID
        props.timestamp = UInt64(Date().timeIntervalSince1970)
        props.headers = headers
        return OutgoingMessage(exchange: "wage.intake", routingKey: type, properties: props, body: body)
    }
}
