import AMQP
import Foundation
import Messages
import Store
import XCTest

/// A message whose decision the database refuses to record, again and again on a
/// reachable database, must not stall the router: the batch is decided one by one
/// and that message alone is refused `processing_failed` (`RouterRetryPlan`).
final class RouterPoisonTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        // A stand-in for a fault only one message triggers: the routing log refuses its row.
        try h.admin.execute("""
            CREATE OR REPLACE FUNCTION wage.test_poison_routing() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN
              IF NEW.message_id LIKE 'poison-%' THEN RAISE EXCEPTION 'this row is poison (test)'; END IF;
              RETURN NEW;
            END $$
            """)
        try h.admin.execute("DROP TRIGGER IF EXISTS test_poison_routing ON wage.routing_log")
        try h.admin.execute("""
            CREATE TRIGGER test_poison_routing BEFORE INSERT ON wage.routing_log
            FOR EACH ROW EXECUTE FUNCTION wage.test_poison_routing()
            """)
    }

    override func tearDown() async throws {
        await h.shutdown()
        try? h.admin.execute("DROP TRIGGER IF EXISTS test_poison_routing ON wage.routing_log")
        try? h.admin.execute("DROP FUNCTION IF EXISTS wage.test_poison_routing()")
    }

    func testOnePoisonMessageIsRefusedAndTheRestOfItsBatchIsRouted() throws {
        let good = (0..<10).map { Harness.newID("fine-\($0)") }
        let poison = Harness.newID("poison")
        for (n, id) in good.enumerated() {
            try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": .string(id)], id: id)
            if n == 4 { try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": "p"], id: poison) }
        }
        try h.startRouter()  // the eleven are in the queue: they arrive in one batch

        try h.waitUntil("the good ones routed and the poison refused", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = ANY($1::text[])", [good]) == "10"
                && h.value("SELECT reason FROM wage.rejection_log WHERE message_id = $1", [poison]) == "processing_failed"
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [poison]), "0")
        XCTAssertEqual(try h.value("SELECT rejected_by FROM wage.rejection_log WHERE message_id = $1", [poison]), "router")

        let dead = try h.drain("wage.dead").filter { $0.properties.messageID == poison }
        XCTAssertEqual(dead.count, 1, "dead-lettered once")
        XCTAssertEqual(dead.first?.properties.headers["x-wage-reason"], .string("processing_failed"))

        let forwarded = Set(try h.drain("dept.hrss").compactMap(\.properties.messageID))
        XCTAssertTrue(Set(good).isSubset(of: forwarded), "every good message reached its recipient")

        // The router goes on with the next messages as usual.
        let after = Harness.newID("after")
        try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": "next"], id: after)
        try h.waitUntil("the next message routed") {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [after]) == "1"
        }
    }
}
