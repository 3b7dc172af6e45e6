import AMQP
import Foundation
import Runtime
import Store
@testable import Messages
import Workflow

/// A contract message the test sends: its id is the idempotency key, so a retry
/// after a failed publish sends the SAME id.
struct PlannedMessage {
    let sender: Principal
    let type: MessageType
    let body: JSONValue
    let id: String
    var correlationID: String?
}

/// The at-least-once publisher side of the contract: publishes with confirms and
/// `mandatory`, and when a publish fails (the broker is restarting) retries the
/// whole batch with the same message ids until it is confirmed.
final class ReliablePublisher {
    let env: StackEnvironment
    private var publishers: [Principal: AMQPPublisher] = [:]
    /// Published (confirmed) messages, counting each id once per call.
    private(set) var published = 0
    /// Failed publish attempts that were retried.
    private(set) var retries = 0

    init(env: StackEnvironment) { self.env = env }

    /// Publishes `messages` (any senders), in order, each sender's in batches of `batch`.
    func publish(_ messages: [PlannedMessage], batch: Int = 100, deadline: Double = 180) throws {
        var start = 0
        while start < messages.count {
            // A run of consecutive messages from one sender goes in one confirmed batch.
            let sender = messages[start].sender
            var end = start
            while end < messages.count, end - start < batch, messages[end].sender == sender { end += 1 }
            try publishBatch(Array(messages[start..<end]), as: sender, deadline: deadline)
            start = end
        }
    }

    private func publishBatch(_ messages: [PlannedMessage], as sender: Principal, deadline: Double) throws {
        let outgoing = messages.map { m -> OutgoingMessage in
            var props = AMQPProperties()
            props.messageID = m.id
            props.type = m.type.rawValue
            props.userID = sender.rawValue
            props.contentType = "application/json"
            props.deliveryMode = 2
            props.correlationID = m.correlationID
            return OutgoingMessage(exchange: "wage.intake", routingKey: m.type.rawValue, properties: props,
                                   body: Array(m.body.serialized.utf8))
        }
        let end = Date().addingTimeInterval(deadline)
        while true {
            do {
                if publishers[sender] == nil {
                    publishers[sender] = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: sender)),
                                                           name: "fault-test-\(sender.rawValue)")
                }
                try publishers[sender]!.publish(outgoing, timeout: 10)
                published += messages.count
                return
            } catch {
                retries += 1
                publishers[sender]?.close()
                publishers[sender] = nil
                guard Date() < end else { throw FaultSetupError("publishing as \(sender.rawValue) kept failing: \(error)") }
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
    }

    func close() { for p in publishers.values { p.close() }; publishers = [:] }
}

/// The administrator's database connection for checks, riding out a database
/// restart: a query that fails because the server is unreachable is retried on a
/// new connection (reads only, so a retry is harmless).
final class ResilientAdmin {
    let url: String
    private var db: PGConnection?
    private(set) var reconnects = 0

    init(env: StackEnvironment) throws { url = try env.adminDatabaseURL() }

    func rows(_ sql: String, _ params: [any PGBindable] = [], timeout: Double = 120) throws -> [PGRow] {
        let end = Date().addingTimeInterval(timeout)
        while true {
            do {
                if db == nil { db = try PGConnection(url: url, applicationName: "fault-test-admin") }
                return try db!.execute(sql, params).rows
            } catch let error as PGError where error.meansDatabaseUnavailable || error.recoverable {
                db?.close()
                db = nil
                reconnects += 1
                guard Date() < end else { throw error }
                Thread.sleep(forTimeInterval: 0.3)
            }
        }
    }

    /// The first column of the first row as text.
    func value(_ sql: String, _ params: [any PGBindable] = []) throws -> String? {
        try rows(sql, params).first.flatMap { row in row.columnNames.first.flatMap { row[$0] } }
    }

    /// The first column of the first row as an integer (0 when NULL).
    func int(_ sql: String, _ params: [any PGBindable] = []) throws -> Int {
        Int(try value(sql, params) ?? "0") ?? 0
    }

    func close() { db?.close(); db = nil }
}
