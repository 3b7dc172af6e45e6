import AMQP
import Departments
import Foundation
import Logging
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// The same message twice has its effect once (CONTRACT §2 message_id): a
/// message the router delivers twice, and a delivery whose worker committed but
/// died before acknowledging it.
final class CaseIdempotencyTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!
    let clock = TestClock(shanghaiNoonOf: .on("2026-03-02"))

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Publishes straight to `dept.hrss` as the router does (as if the router had
    /// crashed after forwarding and forwarded again).
    func deliverToOffice(_ type: String, _ body: JSONValue, id: String, sender: Principal,
                         publisher: AMQPPublisher) throws {
        var props = AMQPProperties()
        props.messageID = id
        props.type = type
        props.userID = Principal.router.rawValue
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.headers = ["x-wage-sender": .string(sender.rawValue)]
        try publisher.publish([OutgoingMessage(exchange: "wage.dept", routingKey: "hrss", properties: props,
                                               body: Array(body.serialized.utf8))])
    }

    func testTheSameMessageTwiceHasOneEffect() throws {
        try h.startOffice(clock: clock)
        let caseID = try h.reportClue(Harness.newID("twice"))
        // Through the intake twice (a sender retrying).
        let accept = Harness.newID("accept")
        try h.publish(as: .housing, "case.accept", ["case_id": .string(caseID)], id: accept)
        try h.publish(as: .housing, "case.accept", ["case_id": .string(caseID)], id: accept)
        try h.waitForStatus(caseID, "accepted")
        // Delivered twice to the office's queue (the router's own redelivery), then a marker.
        let publisher = try AMQPPublisher(url: try AMQPURL(try h.env.amqpURL(for: .router)), name: "test-router")
        defer { publisher.close() }
        let progress: JSONValue = ["case_id": .string(caseID), "note": "约谈"]
        let id = Harness.newID("progress")
        try deliverToOffice("case.progress", progress, id: id, sender: .housing, publisher: publisher)
        try deliverToOffice("case.progress", progress, id: id, sender: .housing, publisher: publisher)
        let marker = Harness.newID("marker")
        try deliverToOffice("case.progress", ["case_id": .string(caseID), "note": "marker"], id: marker,
                            sender: .housing, publisher: publisher)
        try h.waitProcessed(marker)
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:accepted",
                                                "hrss:progress", "hrss:progress"])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id IN ($1, $2)", [id, accept]), "0",
                       "a redelivery is not a rejection")
    }

    func testAWorkerThatDiedBetweenCommitAndAckHasNoSecondEffect() throws {
        let clueID = Harness.newID("doomed")
        let ref = Harness.newID("doomed-ref")
        try h.publish(as: .platform, "clue.report", Harness.clue(ref), id: clueID)
        let url = try AMQPURL(try h.env.amqpURL(for: .hrss))

        // A worker that commits the clue and dies before its ack.
        let doomed = try AMQPConsumer(url: url, queue: "dept.hrss", prefetch: 1, name: "doomed")
        let first = try XCTUnwrap(nextDelivery(doomed))
        XCTAssertEqual(first.properties.messageID, clueID)
        XCTAssertEqual(try process(first), .acknowledged(.applied))
        doomed.close()
        let caseID = try XCTUnwrap(h.value("SELECT case_id::text FROM wage.cases WHERE clue_ref = $1", [ref]))

        // The broker redelivers it; a fresh worker finds its inbox row: no second effect.
        let survivor = try AMQPConsumer(url: url, queue: "dept.hrss", prefetch: 1, name: "survivor")
        let again = try XCTUnwrap(nextDelivery(survivor))
        XCTAssertEqual(again.properties.messageID, clueID)
        XCTAssertTrue(again.redelivered)
        XCTAssertEqual(try process(again), .acknowledged(.duplicate))
        try survivor.ack(again)
        survivor.close()

        // The real worker now publishes the committed transfer once (to housing only:
        // hrss applied it on registration and says so, x-wage-applied-by-sender).
        try h.startOffice(clock: clock)
        let transferID = "\(clueID):\(caseID):transfer"
        try h.waitUntil("transfer routed to housing") {
            try h.value("SELECT recipients::text FROM wage.routing_log WHERE message_id = $1", [transferID]) == "{housing}"
        }
        XCTAssertEqual(try mail.wait("dept.housing") { $0.isa("case.transfer", case: caseID) }.count, 1)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref = $1", [ref]), "1")
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred"])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE correlation_id = $1", [caseID]), "1")
    }

    func testTheCopyOfTheAutomaticTransferArrivingAfterAReturnChangesNothing() throws {
        // The office registers the clue and the assignee returns the case before the
        // outbox relay has even published the transfer (the worker's relay is not running yet).
        let clueID = Harness.newID("slowcopy")
        let ref = Harness.newID("slowcopy-ref")
        try h.publish(as: .platform, "clue.report", Harness.clue(ref), id: clueID)
        let consumer = try AMQPConsumer(url: try AMQPURL(try h.env.amqpURL(for: .hrss)), queue: "dept.hrss",
                                        prefetch: 1, name: "manual")
        let clue = try XCTUnwrap(nextDelivery(consumer))
        XCTAssertEqual(try process(clue), .acknowledged(.applied))
        try consumer.ack(clue)
        let caseID = try XCTUnwrap(h.value("SELECT case_id::text FROM wage.cases WHERE clue_ref = $1", [ref]))
        try h.publish(as: .housing, "case.return", ["case_id": .string(caseID), "reason": "not ours"])
        let giveBack = try XCTUnwrap(nextDelivery(consumer))
        XCTAssertEqual(giveBack.properties.type, "case.return")
        XCTAssertEqual(try process(giveBack), .acknowledged(.applied))
        try consumer.ack(giveBack)
        XCTAssertEqual(try h.overview(caseID, "status"), "returned")
        consumer.close()

        // Now the relay publishes the transfer; the router takes it to housing only.
        try h.startOffice(clock: clock)
        let transferID = "\(clueID):\(caseID):transfer"
        try h.waitUntil("transfer routed to housing") {
            try h.value("SELECT recipients::text FROM wage.routing_log WHERE message_id = $1", [transferID]) == "{housing}"
        }
        // A copy reaching hrss anyway (e.g. routed by a router that does not know
        // x-wage-applied-by-sender) is recognised in wage.case_transfers: no second effect.
        let copy = InboundMessage(
            messageID: transferID, rawType: "case.transfer", sender: .hrss,
            body: ["case_id": .string(caseID), "sector": "construction", "to": "housing"], bodyBytes: Array("{}".utf8))
        XCTAssertEqual(try process(copy), .acknowledged(.applied))
        XCTAssertEqual(try h.overview(caseID, "status"), "returned", "the old transfer is not applied again")
        XCTAssertNil(try h.overview(caseID, "assignee"))
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:returned"])
    }

    func nextDelivery(_ consumer: AMQPConsumer) throws -> AMQPDelivery? {
        var got: AMQPDelivery?
        try h.waitUntil("a delivery on dept.hrss") {
            got = try consumer.next(timeout: 0.2)
            return got != nil
        }
        return got
    }

    /// Runs one delivery through a fresh hrss `MessageProcessor` (its own connection).
    func process(_ delivery: AMQPDelivery) throws -> ProcessingResult {
        try process(try InboundMessage.from(delivery).get())
    }

    /// Runs one message through a fresh hrss `MessageProcessor` (its own connection).
    func process(_ message: InboundMessage) throws -> ProcessingResult {
        let db = try PGConnection(url: try h.env.databaseURL(for: .hrss))
        defer { db.close() }
        let now = clock.now
        let processor = MessageProcessor(handler: Workers.hrss(settings: .init(sweepInterval: nil)), db: db,
                                         calendar: try CalendarStore.load(db), logger: h.logger, clock: { now })
        return try processor.process(message)
    }
}
