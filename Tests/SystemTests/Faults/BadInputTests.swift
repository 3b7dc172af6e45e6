import AMQP
import Duties
import Foundation
import Runtime
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §2: a generated corpus of bad input, sent as every principal, is
/// refused by the router with the right §5 reason, recorded, dead-lettered, and
/// changes nothing else (no department queue receives it, no table but the
/// rejection log gains a row).
final class BadInputTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.seedSampleProject()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testEveryBadMessageFromEveryPrincipalIsRefusedWithItsReasonAndChangesNothingElse() throws {
        let tag = faultRunTag()
        let corpus = BadInputCorpus.build(tag: tag, dutyList: try Harness.shippedDutyList())
        try h.startRouter()  // installs the duty list (on a fresh database, a duty_lists row)
        let before = try tableCounts()
        let started = Date()
        try publish(corpus)
        let like = "bad-\(tag)-%"
        // The corpus grows with the catalogue (every type × damage × sender): allow the
        // router at least 80 decisions a second on a busy 2-core machine.
        try h.waitUntil("a decision on each of \(corpus.count) messages", timeout: Double(max(120, corpus.count / 80))) {
            Int(try h.value("""
                SELECT (SELECT count(*) FROM wage.rejection_log WHERE message_id LIKE $1)
                     + (SELECT count(*) FROM wage.routing_log WHERE message_id LIKE $1)
                """, [like]) ?? "0") == corpus.count
        }
        let seconds = Date().timeIntervalSince(started)

        var recorded: [String: String] = [:]
        for row in try h.rows("SELECT message_id, reason, rejected_by FROM wage.rejection_log WHERE message_id LIKE $1", [like]) {
            XCTAssertEqual(row["rejected_by"], "router")
            recorded[row["message_id"] ?? ""] = row["reason"]
        }
        for row in try h.rows("SELECT message_id FROM wage.routing_log WHERE message_id LIKE $1", [like]) {
            recorded[row["message_id"] ?? ""] = "routed"
        }
        let wrong = corpus.filter { recorded[$0.recordedID] != $0.expected }
        for e in wrong.prefix(40) {
            XCTFail("\(e.label) as \(e.sender.rawValue): expected \(e.expected), got \(recorded[e.recordedID] ?? "nothing")")
        }

        // Each is in wage.dead with its reason; no department queue got any of it.
        let dead = try h.drain("wage.dead", idle: 1).filter { ($0.properties.messageID ?? "").hasPrefix("bad-\(tag)-") }
        let deadReason = Dictionary(dead.map { ($0.properties.messageID ?? "", $0.properties.headers["x-wage-reason"]) }) { a, _ in a }
        let undead = corpus.filter { deadReason[$0.id] != .string($0.expected) }
        XCTAssertEqual(undead.count, 0, "not dead-lettered with their reason: \(undead.prefix(5).map(\.label))")
        for p in Principal.allCases where p != .router {
            XCTAssertEqual(try h.drain(p.queueName).count, 0, "\(p.queueName) received bad input")
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id LIKE $1", [like]), "0")
        var after = try tableCounts()
        XCTAssertEqual(after.removeValue(forKey: "rejection_log"), (before["rejection_log"] ?? 0) + corpus.count)
        var unchanged = before
        unchanged.removeValue(forKey: "rejection_log")
        XCTAssertEqual(after, unchanged, "only the rejection log changed")
        let senders = Set(corpus.map(\.sender)).count
        print("BAD INPUT: \(corpus.count) messages from \(senders) principals, \(Set(corpus.map(\.expected)).count) distinct reasons, "
            + "\(corpus.count - wrong.count) refused with the expected reason in \(String(format: "%.1f", seconds)) s")
    }

    /// Row counts of every table of schema `wage`.
    func tableCounts() throws -> [String: Int] {
        var counts: [String: Int] = [:]
        let tables = try h.rows("SELECT table_name FROM information_schema.tables WHERE table_schema = 'wage' AND table_type = 'BASE TABLE'")
        for t in tables {
            let name = t["table_name"] ?? ""
            counts[name] = Int(try h.value("SELECT count(*) FROM wage.\"\(name)\"") ?? "0") ?? 0
        }
        return counts
    }

    /// Publishes the corpus with confirms, each sender's messages in batches.
    func publish(_ corpus: [CorpusEntry]) throws {
        for sender in Set(corpus.map(\.sender)) {
            let publisher = try AMQPPublisher(url: try AMQPURL(try h.env.amqpURL(for: sender)), name: "bad-input-\(sender.rawValue)")
            defer { publisher.close() }
            let mine = corpus.filter { $0.sender == sender }
            for start in stride(from: 0, to: mine.count, by: 100) {
                try publisher.publish(mine[start..<min(start + 100, mine.count)].map { e in
                    var props = AMQPProperties()
                    props.messageID = e.id
                    props.type = e.type
                    props.userID = e.userID == "" ? nil : sender.rawValue
                    props.contentType = e.contentType
                    props.deliveryMode = 2
                    return OutgoingMessage(exchange: "wage.intake", routingKey: e.type ?? "", properties: props, body: e.body)
                })
            }
        }
    }
}
