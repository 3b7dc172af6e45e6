import AMQP
import Duties
import Foundation
import Logging
import Store
import Workflow

/// Routes one message from `router.intake`: checks it (§2 properties, size, JSON,
/// payload schema, sender and recipients against the duty list in force), then
/// either forwards it unchanged to `wage.dept` with `x-wage-sender`, or dead-letters
/// it with a §5 reason; records the decision; only then may the caller ack.
///
/// Exactly-once in effect: a message whose decision is already recorded (a
/// redelivery after a crash between commit and ack) is acked without a second
/// publish; a crash between publish and commit republishes the same `message_id`,
/// which receivers dedupe.
public final class RouterCore {
    public private(set) var dutyList: DutyList
    let db: PGConnection
    let publisher: AMQPPublisher
    let logger: Logger

    /// What happened to a message.
    public enum Outcome: Equatable, Sendable {
        case routed([Principal])
        case refused(RejectionReason)
        case deadLettered(original: String)
        case alreadyDone
    }

    public init(dutyList: DutyList, db: PGConnection, publisher: AMQPPublisher, logger: Logger) {
        self.dutyList = dutyList
        self.db = db
        self.publisher = publisher
        self.logger = logger
    }

    /// Swaps in another duty-list version (between two messages).
    public func use(_ list: DutyList) { dutyList = list }

    /// Handles one delivery. Throws when the decision could not be made durable
    /// (database or broker trouble): the caller must not ack, and retries.
    public func route(_ delivery: AMQPDelivery) throws -> Outcome {
        let p = delivery.properties
        if let reason = checkProperties(
            messageID: p.messageID, type: p.type, userID: p.userID, contentType: p.contentType,
            bodySize: delivery.body.count) {
            return try refuse(delivery, reason)
        }
        let id = p.messageID!, type = p.type!, sender = p.userID!
        if try alreadyDecided(id) { return .alreadyDone }
        let body: JSONValue
        switch parseBody(delivery.body) {
        case .failure(let reason): return try refuse(delivery, reason)
        case .success(let parsed): body = parsed
        }
        switch Duties.route(type: type, sender: sender, body: body, dutyList: dutyList) {
        case .reject(let reason):
            return try refuse(delivery, reason)
        case .deliver(let recipients, let version):
            let messages = recipients.map { forward(delivery, to: $0, sender: sender) }
            try publisher.publish(messages)
            try log(id: id, type: type, sender: sender, recipients: recipients.map(\.rawValue), version: version)
            return .routed(recipients)
        case .deadLetter(.workerRejection(let r), let version):
            let copy = DeadLetter.message(
                messageID: r.originalMessageID, type: r.originalType.rawValue, sender: r.originalSender.rawValue,
                correlationID: p.correlationID, body: Array((r.originalBody ?? "").utf8), reason: r.reason,
                rejectedBy: r.rejectedBy.rawValue)
            try publisher.publish([copy])
            try log(id: id, type: type, sender: sender, recipients: [], version: version)
            return .deadLettered(original: r.originalMessageID)
        }
    }

    func forward(_ delivery: AMQPDelivery, to recipient: Principal, sender: String) -> OutgoingMessage {
        var props = delivery.properties
        props.userID = Principal.router.rawValue
        props.deliveryMode = 2
        props.headers["x-wage-sender"] = .string(sender)
        return OutgoingMessage(exchange: "wage.dept", routingKey: recipient.rawValue, properties: props, body: delivery.body)
    }

    func refuse(_ delivery: AMQPDelivery, _ reason: RejectionReason) throws -> Outcome {
        let p = delivery.properties
        if let id = p.messageID, !id.isEmpty, id.utf8.count <= 128, try alreadyDecided(id) { return .alreadyDone }
        let copy = DeadLetter.message(
            messageID: p.messageID, type: p.type, sender: p.userID, correlationID: p.correlationID,
            body: delivery.body, reason: reason, rejectedBy: Principal.router.rawValue, original: p.headers)
        try publisher.publish([copy])
        let storedBody: String? = delivery.body.count <= 262_144 ? String(validating: delivery.body, as: UTF8.self) : nil
        try RejectionLog.insert(
            messageID: p.messageID, type: p.type, sender: p.userID, reason: reason, body: storedBody, db: db)
        logger.info("refused", metadata: [
            "message_id": "\(p.messageID ?? "-")", "type": "\(p.type ?? "-")",
            "sender": "\(p.userID ?? "-")", "reason": "\(reason.code)"])
        return .refused(reason)
    }

    func alreadyDecided(_ id: String) throws -> Bool {
        let rows = try db.execute(
            """
            SELECT 1 FROM wage.routing_log WHERE message_id = $1
            UNION ALL SELECT 1 FROM wage.rejection_log WHERE message_id = $1 AND rejected_by = 'router'
            LIMIT 1
            """, [id]).rows
        return !rows.isEmpty
    }

    func log(id: String, type: String, sender: String, recipients: [String], version: String) throws {
        try db.execute(
            """
            INSERT INTO wage.routing_log (message_id, type, sender, recipients, duty_list_version)
            VALUES ($1, $2, $3, $4::text[], $5) ON CONFLICT (message_id) DO NOTHING
            """, [id, type, sender, recipients, version])
    }
}

/// Inserts router refusals into `wage.rejection_log`.
enum RejectionLog {
    static func insert(messageID: String?, type: String?, sender: String?, reason: RejectionReason,
                       body: String?, db: PGConnection) throws {
        try db.execute(
            """
            INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body)
            VALUES ($1, $2, $3, $4, 'router', $5) ON CONFLICT DO NOTHING
            """, [messageID.map { String($0.prefix(128)) }, type.map { String($0.prefix(128)) }, sender, reason.code, body])
    }
}
