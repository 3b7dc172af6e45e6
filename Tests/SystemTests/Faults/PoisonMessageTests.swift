import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §4: a message whose handler fails every time is refused
/// `processing_failed` after the worker's attempt limit (8 failed deliveries;
/// the queue's own limit is 10), recorded in `wage.rejections` and dead-lettered
/// with `x-wage-reason`, while the messages queued behind it are processed.
final class PoisonMessageTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    /// The poison: a clue whose description holds U+0000, which PostgreSQL's text
    /// cannot hold (22021), so the office's handler fails on every delivery. The
    /// router refuses it (`schema:description`), so it is crafted straight into
    /// `dept.hrss` as the operator, as a message that bypassed the router would be.
    func injectPoisonClue(_ ref: String, id: String) throws {
        var clue = Harness.clue(ref).objectValue!
        clue["description"] = .string("拖欠工资\u{0}")
        var props = AMQPProperties()
        props.messageID = id
        props.type = "clue.report"
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.headers["x-wage-sender"] = .string("platform")
        let admin = try AMQPPublisher(url: try AMQPURL(try h.env.adminAMQPURL()), name: "poison-injector")
        defer { admin.close() }
        try admin.publish([OutgoingMessage(exchange: "wage.dept", routingKey: "hrss", properties: props,
                                           body: Array(JSONValue.object(clue).serialized.utf8))])
    }

    func testAPoisonMessageIsRefusedAfterTheAttemptLimitWhileTheQueueBehindItFlows() throws {
        let tag = faultRunTag()
        let followers = Int(ProcessInfo.processInfo.environment["WAGE_FAULT_POISON_FOLLOWERS"] ?? "") ?? 300
        let poisonID = "poison-\(tag)"
        let refs = (0..<followers).map { "poison-\(tag)-C\($0)" }
        try h.startOffice()
        // Baseline: the same number of clues without a poison message ahead of them.
        let baselineStart = Date()
        for n in 0..<followers { try h.publish(as: .platform, "clue.report", Harness.clue("base-\(tag)-C\(n)"), id: "base-\(tag)-\(n)") }
        try h.waitUntil("baseline applied", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1", ["base-\(tag)-C%"]) == "\(followers)"
        }
        let baseline = Date().timeIntervalSince(baselineStart)

        let start = Date()
        try injectPoisonClue("poison-\(tag)-P", id: poisonID)
        for ref in refs { try h.publish(as: .platform, "clue.report", Harness.clue(ref), id: "\(ref)-clue") }

        // Sample progress until the poison is refused and every follower is applied.
        var doneAtRefusal: Int?
        var refusedAfter: Double?
        var allDoneAfter: Double?
        try h.waitUntil("poison refused and \(followers) followers applied", timeout: 90) {
            let done = Int(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1", ["poison-\(tag)-C%"]) ?? "0") ?? 0
            if refusedAfter == nil, try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [poisonID]) != nil {
                refusedAfter = Date().timeIntervalSince(start)
                doneAtRefusal = done
            }
            if allDoneAfter == nil, done == followers { allDoneAfter = Date().timeIntervalSince(start) }
            return refusedAfter != nil && allDoneAfter != nil
        }
        print("POISON: \(followers) messages queued behind a poison message; \(doneAtRefusal ?? -1) applied before it was refused "
            + "processing_failed after \(String(format: "%.1f", refusedAfter ?? -1)) s; all applied after \(String(format: "%.1f", allDoneAfter ?? -1)) s "
            + "(without the poison: \(String(format: "%.1f", baseline)) s)")

        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [poisonID]), "processing_failed")
        XCTAssertEqual(try h.value("SELECT rejected_by FROM wage.rejections WHERE message_id = $1", [poisonID]), "hrss")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref = $1", ["poison-\(tag)-P"]), "0", "no effect")
        XCTAssertGreaterThan(doneAtRefusal ?? 0, 0, "messages behind the poison were applied while it was being retried")
        try h.waitUntil("poison in wage.dead") {
            try deadLetters(poisonID).contains { $0.properties.headers["x-wage-reason"] == .string("processing_failed") }
        }
    }

    var dead: [AMQPDelivery] = []
    func deadLetters(_ id: String) throws -> [AMQPDelivery] {
        dead += try h.drain("wage.dead")
        return dead.filter { $0.properties.messageID == id }
    }

    /// A delivery returned because the consumer's connection died (a crash, a
    /// kill -9, a deploy) is not a failure of its handler: a message returned that
    /// often by crashes, whose handler works, is applied, not refused.
    func testDeliveriesReturnedByCrashesDoNotCountAsHandlerFailures() throws {
        let ref = "crashed-\(faultRunTag())"
        let id = "\(ref)-clue"
        try h.publish(as: .platform, "clue.report", Harness.clue(ref), id: id)
        let returns = 8
        try crashWhileHolding(id, queue: "dept.hrss", times: returns)
        try h.startOffice()
        try h.waitUntil("case of \(ref) registered or the clue refused") {
            try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref = $1", [ref]) == "1"
                || h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]) == "1"
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref = $1", [ref]), "1",
                       "returned \(returns) times by dying consumers, never failed: must be applied")
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]))
    }

    /// Receives `id` from `queue` as a consumer that then dies without acking
    /// (its connection closes), `times` times; returns the last x-delivery-count seen.
    @discardableResult
    func crashWhileHolding(_ id: String, queue: String, times: Int) throws -> Int {
        var lastCount = -1
        for _ in 0..<times {
            let consumer = try AMQPConsumer(url: try AMQPURL(try h.env.adminAMQPURL()), queue: queue, prefetch: 10, name: "crashing")
            var seen = false
            let end = Date().addingTimeInterval(15)
            while !seen, Date() < end {
                guard let d = try consumer.next(timeout: 0.5) else { continue }
                if d.properties.messageID == id {
                    seen = true
                    if case .int(let n)? = d.properties.headers["x-delivery-count"] { lastCount = Int(n) } else { lastCount = 0 }
                }
            }
            consumer.close()  // unacked: returned to the queue, as after kill -9
            guard seen else { throw FaultSetupError("\(id) never reached \(queue)") }
        }
        return lastCount
    }
}
