import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// A worker's lanes against the real database: a batch split by ordering key,
/// applied by two connections at the same time, in order per key, exactly once
/// even when one lane loses its connection.
final class BatchLanesTests: XCTestCase {
    var h: Harness!
    var connections: [PGConnection] = []

    override func setUp() async throws {
        h = try Harness()
        connections = try (0..<2).map { _ in try PGConnection(url: try h.env.databaseURL(for: .hrss)) }
    }

    override func tearDown() async throws {
        connections.forEach { $0.close() }
        await h.shutdown()
    }

    /// Records what its lane applied; each lane has its own instance, used on that lane's thread.
    final class RecordingHandler: MessageHandler {
        let principal = Principal.hrss
        let onFirst: () -> Void
        var applied: [(key: String, note: String)] = []
        init(onFirst: @escaping () -> Void = {}) { self.onFirst = onFirst }
        func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
            if applied.isEmpty { onFirst() }
            let note = message.payload["note"]?.stringValue ?? ""
            applied.append((OrderingKey.of(message) ?? "-", note))
            context.send(.caseNotice, ["case_id": "c", "event": .string(note), "notify": ["hrss"]], suffix: "n")
            return note == "refuse" ? .reject(.invalidState) : .ack
        }
    }

    /// Two lanes meet here only if they run at the same time (else the wait times out).
    final class Rendezvous: @unchecked Sendable {
        let lock = NSCondition()
        var arrived = 0
        var met = false
        func arrive() {
            lock.lock()
            arrived += 1
            lock.broadcast()
            let deadline = Date().addingTimeInterval(5)
            while arrived < 2, lock.wait(until: deadline) {}
            if arrived >= 2 { met = true }
            lock.unlock()
        }
    }

    func lanes(_ handlers: [RecordingHandler]) -> BatchLanes {
        BatchLanes(processors: zip(handlers, connections).map { handler, db in
            MessageProcessor(handler: handler, db: db, calendar: WorkingCalendar(), logger: h.logger)
        }, name: "test")
    }

    func msg(_ caseKey: String?, _ note: String) -> InboundMessage {
        var body: [String: JSONValue] = ["note": .string(note)]
        if let caseKey { body["case_id"] = .string(caseKey) }
        return InboundMessage(messageID: Harness.newID("lanes-\(note)"), rawType: "case.progress", sender: .housing,
                              body: .object(body), bodyBytes: Array("{}".utf8))
    }

    /// Six cases, three on each lane, four messages each, interleaved as the broker would deliver them.
    func interleavedBatch(run: String) -> [InboundMessage] {
        let candidates = (0..<64).map { "\(run)-case-\($0)" }
        let cases = [0, 1].flatMap { lane in candidates.filter { OrderingKey.lane(for: "case:\($0)", lanes: 2) == lane }.prefix(3) }
        precondition(cases.count == 6)
        return (0..<4).flatMap { step in cases.enumerated().map { c, key in msg(key, "\(c)-\(step)") } }
    }

    func testABatchIsSplitByKeyAppliedConcurrentlyAndInOrderPerKey() throws {
        let meeting = Rendezvous()
        let handlers = [RecordingHandler(onFirst: meeting.arrive), RecordingHandler(onFirst: meeting.arrive)]
        let lanes = lanes(handlers)
        defer { lanes.close() }
        let batch = interleavedBatch(run: Harness.newID("r"))
        let outcomes = try lanes.process(batch)

        XCTAssertEqual(outcomes, Array(repeating: .acknowledged(.applied), count: batch.count))
        XCTAssertTrue(meeting.met, "both lanes were inside their transactions at the same time")
        XCTAssertFalse(handlers[0].applied.isEmpty)
        XCTAssertFalse(handlers[1].applied.isEmpty)
        XCTAssertEqual(handlers[0].applied.count + handlers[1].applied.count, batch.count, "each message applied once")
        for (lane, handler) in handlers.enumerated() {
            for entry in handler.applied {
                XCTAssertEqual(OrderingKey.lane(for: entry.key, lanes: 2), lane, "\(entry.key) applied by its own lane")
            }
            let byKey = Dictionary(grouping: handler.applied, by: \.key)
            for (key, entries) in byKey {
                let steps = entries.map { $0.note.split(separator: "-").last.map(String.init) ?? "" }
                XCTAssertEqual(steps, ["0", "1", "2", "3"], "\(key) in delivery order")
            }
        }
        for message in batch {
            XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id = $1", ["\(message.messageID):n"]), "1")
        }
    }

    func testOutcomesComeBackInTheBatchsOrderWithARefusalInEitherLane() throws {
        let handlers = [RecordingHandler(), RecordingHandler()]
        let lanes = lanes(handlers)
        defer { lanes.close() }
        let run = Harness.newID("r")
        var batch = interleavedBatch(run: run)
        let refusedAt = [1, 10]  // case 1 (lane 0) and case 4 (lane 1)
        for index in refusedAt { batch[index] = msg(batch[index].payload["case_id"]?.stringValue, "refuse") }
        let outcomes = try lanes.process(batch)
        for (index, outcome) in outcomes.enumerated() {
            XCTAssertEqual(outcome, refusedAt.contains(index) ? .acknowledged(.rejected(.invalidState)) : .acknowledged(.applied),
                           "outcome \(index)")
        }
        for index in refusedAt {
            XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [batch[index].messageID]),
                           "invalid_state")
        }
    }

    func testABatchWithAMessageWithoutKeyIsAppliedByTheFirstLaneAlone() throws {
        let handlers = [RecordingHandler(), RecordingHandler()]
        let lanes = lanes(handlers)
        defer { lanes.close() }
        let batch = interleavedBatch(run: Harness.newID("r")) + [msg(nil, "sweep-like")]
        XCTAssertEqual(try lanes.process(batch), Array(repeating: .acknowledged(.applied), count: batch.count))
        XCTAssertEqual(handlers[0].applied.map(\.note), batch.map { $0.payload["note"]?.stringValue ?? "" })
        XCTAssertTrue(handlers[1].applied.isEmpty)
    }

    func testALaneThatLostItsConnectionFailsTheBatchAndTheRetryAppliesEachMessageOnce() throws {
        let handlers = [RecordingHandler(), RecordingHandler()]
        let lanes = lanes(handlers)
        defer { lanes.close() }
        let batch = interleavedBatch(run: Harness.newID("r"))
        _ = try h.admin.execute("SELECT pg_terminate_backend($1)", [Int(connections[1].backendPID)])
        XCTAssertThrowsError(try lanes.process(batch)) { error in
            XCTAssertTrue((error as? PGError)?.meansDatabaseUnavailable ?? false, "\(error)")
        }
        let firstTry = handlers[0].applied.count
        XCTAssertGreaterThan(firstTry, 0, "lane 0 committed its part")
        lanes.reconnect()
        let outcomes = try lanes.process(batch)
        let duplicates = outcomes.filter { $0 == .acknowledged(.duplicate) }.count
        XCTAssertEqual(duplicates, firstTry, "lane 0's part was already applied")
        XCTAssertEqual(outcomes.filter { $0 == .acknowledged(.applied) }.count, batch.count - firstTry)
        for message in batch {
            XCTAssertEqual(try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1",
                                       [message.messageID]), "1")
            XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id = $1", ["\(message.messageID):n"]), "1")
        }
    }
}
