import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// A `message_id` may be 128 characters (CONTRACT §2). Whatever a worker does
/// with such a message — apply it, or refuse it — must be recorded; the ids the
/// runtime derives from it (follow-ups, the `message.rejected` notice) must stay
/// within the outbox's 128 characters.
final class LongMessageIDTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
    }

    override func tearDown() async throws { await h.shutdown() }

    func maximalID(_ label: String) -> String {
        let head = "\(label)-\(faultRunTag())-"
        return head + String(repeating: "x", count: 128 - head.count)
    }

    func testAWorkerRefusalOfAMessageWithA128CharacterIDIsRecordedAndDeadLettered() throws {
        let id = maximalID("long-refused")
        XCTAssertEqual(id.count, 128)
        try h.publish(as: .housing, "case.progress", ["case_id": .string(UUID().uuidString), "note": "x"], id: id)
        try h.waitUntil("refusal of a 128-character id recorded", timeout: 20) {
            try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]) != nil
        }
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]), "unknown_case")
        var dead: [AMQPDelivery] = []
        try h.waitUntil("dead letter of the 128-character id") {
            dead += try h.drain("wage.dead")
            return dead.contains { $0.properties.messageID == id }
        }
        XCTAssertEqual(dead.first { $0.properties.messageID == id }?.properties.headers["x-wage-reason"], .string("unknown_case"))
    }

    func testAClueWithA128CharacterIDIsAppliedWithItsTransfer() throws {
        let id = maximalID("long-applied")
        let ref = "long-\(faultRunTag())"
        try h.publish(as: .platform, "clue.report", Harness.clue(ref), id: id)
        try h.waitUntil("case registered and transferred") {
            try h.value("SELECT status FROM wage.cases WHERE clue_ref = $1", [ref]) == "transferred"
        }
        let caseID = try XCTUnwrap(h.value("SELECT case_id::text FROM wage.cases WHERE clue_ref = $1", [ref]))
        let transferID = try XCTUnwrap(h.value(
            "SELECT message_id FROM wage.outbox WHERE type = 'case.transfer' AND correlation_id = $1", [caseID]))
        XCTAssertLessThanOrEqual(transferID.count, 128)
        // The office logged its transfer under the id the outbox gave it (hashed
        // cause), so a copy of it is recognised; the router routes it to housing
        // only (x-wage-applied-by-sender) and refuses nothing.
        XCTAssertEqual(try h.value("SELECT case_id::text FROM wage.case_transfers WHERE message_id = $1", [transferID]), caseID)
        try h.waitUntil("transfer routed") {
            try h.value("SELECT recipients::text FROM wage.routing_log WHERE message_id = $1", [transferID]) == "{housing}"
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'transferred'", [caseID]), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id IN ($1, $2)", [id, transferID]), "0")
    }
}
