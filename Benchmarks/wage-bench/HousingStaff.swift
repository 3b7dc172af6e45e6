import AMQP
import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The benchmark acting as the housing department's staff: it watches its own
/// ledger's timeline entries (`received`, written by the real `worker-housing`
/// process when a `case.transfer` reached dept.housing) with housing's database
/// login, and accepts each new case by publishing `case.accept` as `housing`
/// (what `wagectl` does for a person). Runs on its own thread until stopped.
///
/// It polls `wage.case_events` by id every `interval` seconds. Housing's entries
/// are written by one worker consumer, one transaction after another, so they
/// become visible in id order and a watermark on the highest one seen never
/// skips one (this holds for one housing worker, which is what the benchmark runs).
final class HousingStaff: @unchecked Sendable {
    let databaseURL: String
    let amqpURL: AMQPURL
    let run: String
    let interval: Double
    private let stop = StopFlag()
    private let done = DispatchSemaphore(value: 0)
    /// When each case's `case.accept` was handed to the broker, by case id.
    private let acceptsSent = Locked<[String: Double]>([:])
    private let failure = Locked<String?>(nil)

    init(databaseURL: String, amqpURL: AMQPURL, run: String, interval: Double = 0.005) {
        self.databaseURL = databaseURL
        self.amqpURL = amqpURL
        self.run = run
        self.interval = interval
    }

    /// Starts watching from the newest timeline entry that exists now.
    func start() throws {
        let db = try PGConnection(url: databaseURL, applicationName: "wage-bench-housing-staff")
        try db.execute("SET plan_cache_mode = force_custom_plan")
        let start = try db.execute("SELECT coalesce(max(id), 0) AS id FROM wage.case_events").rows.first?.int64("id") ?? 0
        let publisher = try AMQPPublisher(url: amqpURL, name: "wage-bench-housing-staff")
        let box = UncheckedBox((db, publisher))
        Thread.detachNewThread { [self] in
            let (db, publisher) = box.value
            defer { publisher.close(); db.close(); done.signal() }
            do { try loop(db: db, publisher: publisher, from: start) } catch {
                failure.withLock { $0 = "housing staff: \(error)" }
            }
        }
    }

    /// Stops the thread and waits for it.
    func finish() { stop.set(); done.wait() }

    /// Why the staff thread stopped early, if it did.
    var problem: String? { failure.current }

    /// The accept publish times so far, by case id.
    var acceptTimes: [String: Double] { acceptsSent.current }

    private func loop(db: PGConnection, publisher: AMQPPublisher, from start: Int64) throws {
        var watermark = start
        while !stop.isSet {
            let rows = try db.execute(
                """
                SELECT id, case_id::text AS case_id FROM wage.case_events
                WHERE id > $1 AND department = 'housing' AND event = 'received' ORDER BY id
                """, [watermark]).rows
            guard let last = rows.last else { pause(interval); continue }
            watermark = try last.int64("id")
            var fresh: [String] = []
            for row in rows {
                let id = try row.string("case_id")
                if acceptsSent.withLock({ $0[id] == nil }) { fresh.append(id) }
            }
            let messages = fresh.map { id in
                OutgoingMessage.wage(from: .housing, messageID: "bench-\(run)-accept-\(id)", type: "case.accept",
                                     body: Array(JSONValue.object(["case_id": .string(id)]).serialized.utf8),
                                     correlationID: id)
            }
            let stamp = wallNow()
            try publisher.publish(messages, timeout: 30)
            acceptsSent.withLock { for id in fresh { $0[id] = stamp } }
        }
    }
}

/// Hands a non-Sendable value to the one thread that will own it.
struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
