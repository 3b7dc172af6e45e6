import AMQP
import Duties
import Foundation
import Logging
import Store
import Messages
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
    /// The projects this router has routed a registration for (CONTRACT §8).
    let projects: ProjectDirectory

    /// What happened to a message.
    public enum RoutingResult: Equatable, Sendable {
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
        self.projects = ProjectDirectory(db: db)
    }

    /// Swaps in another duty-list version (between two messages).
    public func use(_ list: DutyList) { dutyList = list }

    /// Handles one delivery. Throws when the decision could not be made durable
    /// (database or broker trouble): the caller must not ack, and retries.
    public func route(_ delivery: AMQPDelivery) throws -> RoutingResult {
        try route(batch: [delivery])[0]
    }

    /// Handles several deliveries with one publisher-confirm wait and one commit:
    /// decide each, publish every forward and dead letter, then record every
    /// decision. Throws (nothing acked, all retried) when that cannot be done.
    public func route(batch deliveries: [AMQPDelivery]) throws -> [RoutingResult] {
        let ids = deliveries.compactMap { d -> String? in
            guard let id = d.properties.messageID, !id.isEmpty, id.utf8.count <= 128 else { return nil }
            return id
        }
        var done = try alreadyDecided(ids)
        var outcomes: [RoutingResult] = []
        var outgoing: [OutgoingMessage] = []
        var records: [Record] = []
        do {
            for delivery in deliveries {
                let id = delivery.properties.messageID ?? ""
                if !id.isEmpty, done.contains(id) { outcomes.append(.alreadyDone); continue }
                let (outcome, messages, record) = try decide(delivery)
                if !id.isEmpty { done.insert(id) }  // a second copy in the same batch
                outcomes.append(outcome)
                outgoing += messages
                records.append(record)
            }
            if !outgoing.isEmpty { try publisher.publish(outgoing) }
            if !records.isEmpty {
                try db.transaction { db in
                    try Record.write(records, db)
                    try projects.write(db)
                }
            }
            projects.committed()
        } catch {
            projects.rolledBack()
            throw error
        }
        return outcomes
    }

    /// Refuses `delivery` with `processing_failed` after its decision failed at
    /// every attempt: dead-letters it and records the refusal (without its body,
    /// which may be what the database cannot store). When the failure came after
    /// publishing (publishing precedes the commit), an earlier attempt may already
    /// have forwarded it: the dead letter then says the router could not record
    /// its decision, and the log line names the message for the operator.
    public func refuseProcessingFailed(_ delivery: AMQPDelivery) throws -> RoutingResult {
        var (outcome, messages, record) = refusal(delivery, .processingFailed)
        if case .refused(let id, let type, let sender, let reason, _) = record {
            record = .refused(id: id, type: type, sender: sender, reason: reason, body: nil)
        }
        try publisher.publish(messages)
        try db.transaction { db in try record.write(db) }
        return outcome
    }

    /// The decision for one delivery: what to publish and what to record. Throws only
    /// when the project directory cannot be read (the batch is retried).
    func decide(_ delivery: AMQPDelivery) throws -> (RoutingResult, [OutgoingMessage], Record) {
        let p = delivery.properties
        if let reason = checkProperties(
            messageID: p.messageID, type: p.type, userID: p.userID, contentType: p.contentType,
            bodySize: delivery.body.count) {
            return refusal(delivery, reason)
        }
        let id = p.messageID!, type = p.type!, sender = p.userID!
        let body: JSONValue
        switch parseBody(delivery.body) {
        case .failure(let reason): return refusal(delivery, reason)
        case .success(let parsed): body = parsed
        }
        let appliedBySender = p.headers[FollowUpMessage.appliedBySenderHeader] == .bool(true)
        let actorIsValid: Bool
        switch p.headers[actorHeader] {
        case nil: actorIsValid = true
        case .string(let login)?: actorIsValid = isValidActor(login)
        default: actorIsValid = false
        }
        var lookupError: (any Error)?
        let decision = Duties.route(
            type: type, sender: sender, body: body, dutyList: dutyList, appliedBySender: appliedBySender,
            actorIsValid: actorIsValid,
            projects: { [projects] projectNo in
                do { return try projects.sector(of: projectNo) } catch { lookupError = error; return nil }
            })
        if let lookupError { throw lookupError }
        switch decision {
        case .reject(let reason):
            return refusal(delivery, reason)
        case .deliver(let recipients, let version):
            noteRegistration(type: type, body: body, messageID: id)
            return (.routed(recipients), recipients.map { forward(delivery, to: $0, sender: sender) },
                    .routed(id: id, type: type, sender: sender, recipients: recipients.map(\.rawValue), version: version))
        case .deadLetter(.workerRejection(let r), let version):
            let copy = DeadLetter.message(
                messageID: r.originalMessageID, type: r.originalType.rawValue, sender: r.originalSender.rawValue,
                correlationID: p.correlationID, body: Array((r.originalBody ?? "").utf8), reason: r.reason,
                rejectedBy: r.rejectedBy.rawValue)
            return (.deadLettered(original: r.originalMessageID), [copy],
                    .routed(id: id, type: type, sender: sender, recipients: [], version: version))
        }
    }

    /// A routed `project.register` teaches the directory the project's sector.
    private func noteRegistration(type: String, body: JSONValue, messageID: String) {
        guard let messageType = MessageType(rawValue: type), let rule = dutyList.duty(for: messageType)?.project,
              let sectorField = rule.sectorField, let projectNo = body[rule.field]?.stringValue,
              let sector = body[sectorField]?.stringValue.flatMap(Sector.init(rawValue:)) else { return }
        projects.registered(projectNo, sector: sector, messageID: messageID)
    }

    func refusal(_ delivery: AMQPDelivery, _ reason: RejectionReason) -> (RoutingResult, [OutgoingMessage], Record) {
        let p = delivery.properties
        let copy = DeadLetter.message(
            messageID: p.messageID, type: p.type, sender: p.userID, correlationID: p.correlationID,
            body: delivery.body, reason: reason, rejectedBy: Principal.router.rawValue, original: p.headers)
        let storedBody: String? = delivery.body.count <= 262_144 ? String(validating: delivery.body, as: UTF8.self) : nil
        logger.info("refused", metadata: [
            "message_id": "\(p.messageID ?? "-")", "type": "\(p.type ?? "-")",
            "sender": "\(p.userID ?? "-")", "reason": "\(reason.code)"])
        return (.refused(reason), [copy],
                .refused(id: p.messageID, type: p.type, sender: p.userID, reason: reason, body: storedBody))
    }

    /// Which of `ids` already have a recorded decision (a redelivery after a crash).
    func alreadyDecided(_ ids: [String]) throws -> Set<String> {
        guard !ids.isEmpty else { return [] }
        let rows = try db.execute(
            """
            SELECT message_id FROM wage.routing_log WHERE message_id = ANY($1::text[])
            UNION SELECT message_id FROM wage.rejection_log WHERE message_id = ANY($1::text[]) AND rejected_by = 'router'
            """, [ids]).rows
        return Set(try rows.map { try $0.string("message_id") })
    }

    func forward(_ delivery: AMQPDelivery, to recipient: Principal, sender: String) -> OutgoingMessage {
        var props = delivery.properties
        props.userID = Principal.router.rawValue
        props.deliveryMode = 2
        props.headers["x-wage-sender"] = .string(sender)
        return OutgoingMessage(exchange: "wage.dept", routingKey: recipient.rawValue, properties: props, body: delivery.body)
    }

}

/// A routing decision to record in the database.
enum Record {
    case routed(id: String, type: String, sender: String, recipients: [String], version: String)
    case refused(id: String?, type: String?, sender: String?, reason: RejectionReason, body: String?)

    /// Writes `records`: every routing decision in one statement, each refusal on its own.
    static func write(_ records: [Record], _ db: PGConnection) throws {
        var routed: (ids: [String], types: [String], senders: [String], recipients: [String], versions: [String]) =
            ([], [], [], [], [])
        for record in records {
            guard case .routed(let id, let type, let sender, let recipients, let version) = record else {
                try record.write(db)
                continue
            }
            routed.ids.append(id)
            routed.types.append(type)
            routed.senders.append(sender)
            routed.recipients.append(recipients.joined(separator: ","))  // principal codes hold no comma
            routed.versions.append(version)
        }
        guard !routed.ids.isEmpty else { return }
        try db.executeDeferred(
            """
            INSERT INTO wage.routing_log (message_id, type, sender, recipients, duty_list_version)
            SELECT id, type, sender, string_to_array(recipients, ','), version
            FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[]) AS r(id, type, sender, recipients, version)
            ON CONFLICT (message_id) DO NOTHING
            """, [routed.ids, routed.types, routed.senders, routed.recipients, routed.versions])
    }

    func write(_ db: PGConnection) throws {
        switch self {
        case .routed(let id, let type, let sender, let recipients, let version):
            try db.execute(
                """
                INSERT INTO wage.routing_log (message_id, type, sender, recipients, duty_list_version)
                VALUES ($1, $2, $3, $4::text[], $5) ON CONFLICT (message_id) DO NOTHING
                """, [id, type, sender, recipients, version])
        case .refused(let id, let type, let sender, let reason, let body):
            try db.execute(
                """
                INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body)
                VALUES ($1, $2, $3, $4, 'router', $5) ON CONFLICT DO NOTHING
                """, [id.map { String($0.prefix(128)) }, type.map { String($0.prefix(128)) }, sender, reason.code, body])
        }
    }
}
