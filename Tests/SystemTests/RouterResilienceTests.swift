import AMQP
import Duties
import Foundation
import Logging
import Router
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// The router under concurrency, crashes and duty-list changes (issue 3 §3, §1).
final class RouterResilienceTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
    }

    override func tearDown() async throws {
        // Leave the shipped list in force for the next test.
        try? DutyListStore.install(try Harness.shippedDutyList(), db: h.admin, activation: .always)
        await h.shutdown()
    }

    func testCompetingRoutersRouteEveryMessageExactlyOnce() throws {
        try h.startRouter(threads: 3)
        let ids = (0..<300).map { Harness.newID("compete-\($0)") }
        for id in ids { try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": .string(id)], id: id) }
        try h.waitUntil("all routed", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = ANY($1::text[])", [ids]) == "300"
        }
        let delivered = try h.drain("dept.hrss").compactMap(\.properties.messageID)
        XCTAssertEqual(delivered.count, 300)
        XCTAssertEqual(Set(delivered), Set(ids))
    }

    func testARedeliveryAfterTheDecisionWasRecordedIsAckedWithoutASecondPublish() throws {
        let id = Harness.newID("crash-after-commit")
        try h.publish(as: .housing, "case.accept", ["case_id": "c-1"], id: id)
        let url = try AMQPURL(try h.env.amqpURL(for: .router))
        let db = try PGConnection(url: try h.env.databaseURL(for: .router))
        defer { db.close() }
        let publisher = try AMQPPublisher(url: url, name: "crash-test")
        defer { publisher.close() }
        let core = RouterCore(dutyList: try Harness.shippedDutyList(), db: db, publisher: publisher, logger: h.logger)

        var consumer = try AMQPConsumer(url: url, queue: "router.intake", prefetch: 1, name: "crash-test")
        let first = try XCTUnwrap(try consumer.next(timeout: 5))
        XCTAssertEqual(try core.route(first), .routed([.hrss]))
        consumer.close()  // the "crash": decision committed, never acked

        consumer = try AMQPConsumer(url: url, queue: "router.intake", prefetch: 1, name: "crash-test-2")
        defer { consumer.close() }
        let again = try XCTUnwrap(try consumer.next(timeout: 5))
        XCTAssertEqual(again.properties.messageID, id)
        XCTAssertTrue(again.redelivered)
        XCTAssertEqual(try core.route(again), .alreadyDone)
        try consumer.ack(again)

        XCTAssertEqual(try h.drain("dept.hrss").filter { $0.properties.messageID == id }.count, 1)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [id]), "1")
    }

    func testANewDutyListVersionTakesOverWithoutLosingMessagesInFlight() throws {
        try h.startRouter()
        let shipped = try Harness.shippedDutyList()
        let newVersion = "test-\(UUID().uuidString.prefix(8))"
        let text = shipped.text.replacingOccurrences(of: "version: \"\(shipped.version)\"", with: "version: \"\(newVersion)\"")
        let next = try DutyListLoader.parse(yaml: text, source: "test")
        XCTAssertEqual(next.version, newVersion)

        var ids: [String] = []
        for n in 0..<40 {
            if n == 20 { try DutyListStore.install(next, db: h.admin) }  // a new version goes in force at once
            let id = Harness.newID("switch-\(n)")
            ids.append(id)
            try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": "n"], id: id)
        }
        try h.waitUntil("all 40 routed") {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = ANY($1::text[])", [ids]) == "40"
        }
        // Within the router's refresh interval (5 s) the new version decides.
        let late = Harness.newID("after-switch")
        Thread.sleep(forTimeInterval: 5.5)
        try h.publish(as: .housing, "case.progress", ["case_id": "c", "note": "late"], id: late)
        try h.waitUntil("late message routed") {
            try h.value("SELECT duty_list_version FROM wage.routing_log WHERE message_id = $1", [late]) != nil
        }
        XCTAssertEqual(try h.value("SELECT duty_list_version FROM wage.routing_log WHERE message_id = $1", [late]), newVersion)
        XCTAssertEqual(try h.value("SELECT version FROM wage.duty_lists WHERE in_force"), newVersion)
        XCTAssertEqual(try h.drain("dept.hrss").count, 41, "nothing lost while the version changed")
    }

    func testAStoredVersionCannotBeReplacedWithDifferentContent() throws {
        let shipped = try Harness.shippedDutyList()
        let altered = try DutyListLoader.parse(yaml: shipped.text + "\n# an edit\n", source: "test")
        XCTAssertEqual(altered.version, shipped.version)
        XCTAssertThrowsError(try DutyListStore.install(altered, db: h.admin)) { error in
            XCTAssertTrue(error is DutyListStore.VersionConflict, "\(error)")
        }
    }
}
