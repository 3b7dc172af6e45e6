import AMQP
import Messages
import Workflow

/// Builds the copy of a refused message that goes to `wage.dead` (CONTRACT §2):
/// the original body and properties, with `x-wage-reason` and `x-wage-rejected-by`.
enum DeadLetter {
    static func message(
        messageID: String?, type: String?, sender: String?, correlationID: String?,
        body: [UInt8], reason: RejectionReason, rejectedBy: String, original: [String: AMQPFieldValue] = [:]
    ) -> OutgoingMessage {
        var props = AMQPProperties()
        props.messageID = messageID
        props.type = type
        // The broker validates user_id against the publisher's login: the router
        // publishes as itself; the original sender is in x-wage-sender.
        props.userID = Principal.router.rawValue
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.correlationID = correlationID
        var headers = original
        headers["x-wage-reason"] = .string(reason.code)
        headers["x-wage-rejected-by"] = .string(rejectedBy)
        if let sender { headers["x-wage-sender"] = .string(sender) }
        props.headers = headers
        return OutgoingMessage(exchange: "wage.dead", routingKey: "", properties: props, body: body)
    }
}
