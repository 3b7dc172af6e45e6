import AMQP
import Foundation
import Logging
import Store
import Messages
import Workflow

/// Publishes a principal's `wage.outbox` rows to `wage.intake` with publisher
/// confirms and `mandatory`, marking them published only after the broker
/// confirmed them. Survives restarts: unpublished rows are simply picked up again
/// (a row published but not yet marked is sent twice; receivers dedupe by id).
public final class OutboxRelay {
    let principal: Principal
    let db: PGConnection
    let amqpURL: AMQPURL
    var publisher: AMQPPublisher?
    let stop: StopFlag
    let logger: Logger
    let batchSize: Int
    /// The outbox backlog gauges, measured every `backlogInterval` seconds.
    let backlog: OutboxBacklog

    public init(principal: Principal, db: PGConnection, amqpURL: AMQPURL, stop: StopFlag, logger: Logger, batchSize: Int = 200,
                backlogInterval: Double = ObservationSettings().outboxCheckInterval) {
        self.backlog = OutboxBacklog(principal: principal, interval: backlogInterval)
        self.principal = principal
        self.db = db
        self.amqpURL = amqpURL
        self.stop = stop
        self.logger = logger
        self.batchSize = batchSize
    }

    public var channel: String { "wage_outbox_\(principal.rawValue)" }

    /// Runs until the stop flag is set, then drains what is already committed.
    public func run() {
        var backoff = Backoff()
        var listening = false
        while !stop.isSet {
            do {
                if !listening { try db.listen(channel); listening = true }
                let sent = try publishBatch()
                try backlog.measureIfDue(db)
                backoff = Backoff()
                if sent < batchSize { _ = try db.waitForNotification(timeout: 0.5) }
            } catch {
                logger.warning("outbox relay interrupted; retrying", metadata: ["error": "\(error)"])
                listening = false
                publisher?.close()
                publisher = nil
                backoff.sleep(unless: stop)
                try? db.reconnect()
            }
        }
        _ = try? publishBatch()
        publisher?.close()
    }

    /// Publishes up to `batchSize` unpublished rows; returns how many.
    @discardableResult
    public func publishBatch() throws -> Int {
        try db.transaction { db in
            let rows = try db.execute(
                """
                SELECT id, message_id, type, body, correlation_id, applied_by_sender FROM wage.outbox
                WHERE principal = $1 AND published_at IS NULL ORDER BY id LIMIT $2 FOR UPDATE SKIP LOCKED
                """, [principal.rawValue, batchSize]).rows
            guard !rows.isEmpty else { return 0 }
            var messages: [OutgoingMessage] = []
            var ids: [String] = []
            for row in rows {
                ids.append(try row.string("id"))
                messages.append(.wage(
                    from: principal, messageID: try row.string("message_id"), type: try row.string("type"),
                    body: Array(try row.string("body").utf8), correlationID: row["correlation_id"],
                    headers: try row.bool("applied_by_sender") ? [FollowUpMessage.appliedBySenderHeader: .bool(true)] : [:]))
            }
            if publisher == nil { publisher = try AMQPPublisher(url: amqpURL, name: "\(principal.rawValue)-relay") }
            try publisher!.publish(messages)
            try db.executeDeferred("UPDATE wage.outbox SET published_at = now() WHERE id = ANY($1::bigint[])", [ids])
            return rows.count
        }
    }
}
