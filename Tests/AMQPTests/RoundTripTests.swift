import AMQP
import XCTest

/// Publish with confirms as a department, read back from `router.intake` as the router.
final class RoundTripTests: XCTestCase {
    func testPublishAsHrssReadBackAsRouter() throws {
        let stack = try TestStack.load()
        // Consume first so the message cannot be taken by an idle queue sweep; other
        // messages on the shared queue are left unacked (requeued on close).
        let consumer = try AMQPConsumer(url: try stack.url("router"), queue: "router.intake",
                                        prefetch: 50, name: "amqp-test-router")
        defer { consumer.close() }
        let publisher = try AMQPPublisher(url: try stack.url("hrss"), name: "amqp-test-hrss")
        defer { publisher.close() }

        let id = uniqueID("roundtrip")
        let payload = Array("{\"amount\":\"125000.00\",\"note\":\"欠薪 ✓\"}".utf8)
        let props = AMQPProperties(
            messageID: id, type: "amqp.test", userID: "hrss", contentType: "application/json",
            correlationID: "case-42", timestamp: 1_767_225_600,
            headers: ["x-wage-test": .string("é ü 中文"), "x-count": .int(-7),
                      "x-big": .int(Int64.max), "x-flag": .bool(true)])
        try publisher.publish([OutgoingMessage(exchange: "wage.intake", routingKey: "amqp.test",
                                               properties: props, body: payload)])

        let got = try collect([id], from: consumer)
        let d = try XCTUnwrap(got[id])
        XCTAssertEqual(d.exchange, "wage.intake")
        XCTAssertEqual(d.routingKey, "amqp.test")
        XCTAssertEqual(d.body, payload)
        XCTAssertFalse(d.redelivered)
        XCTAssertEqual(d.properties.messageID, id)
        XCTAssertEqual(d.properties.type, "amqp.test")
        XCTAssertEqual(d.properties.userID, "hrss")
        XCTAssertEqual(d.properties.contentType, "application/json")
        XCTAssertEqual(d.properties.correlationID, "case-42")
        XCTAssertEqual(d.properties.timestamp, 1_767_225_600)
        XCTAssertEqual(d.properties.deliveryMode, 2, "persistent unless the caller says otherwise")
        XCTAssertEqual(d.properties.headers, props.headers)
        XCTAssertEqual(d.generation, consumer.generation)
        try consumer.ack(d)
    }

    func testBatchPublishKeepsOrderAndEmptyBody() throws {
        let stack = try TestStack.load()
        try drain("dept.platform", stack)
        let publisher = try AMQPPublisher(url: try stack.url("admin"), name: "amqp-test-admin")
        defer { publisher.close() }
        publisher.window = 8  // exercise the in-flight window
        let ids = (0..<40).map { uniqueID("batch-\($0)") }
        var messages = ids.map { deptMessage($0) }
        messages[0].body = []
        messages[1].properties.deliveryMode = 1
        try publisher.publish(messages)

        let consumer = try AMQPConsumer(url: try stack.url("platform"), queue: "dept.platform",
                                        prefetch: 100, name: "amqp-test-platform")
        defer { consumer.close() }
        var seen: [String] = []
        var last: AMQPDelivery?
        while seen.count < ids.count, let d = try consumer.next(timeout: 2) {
            seen.append(d.properties.messageID ?? "?")
            if d.properties.messageID == ids[0] { XCTAssertEqual(d.body, []) }
            if d.properties.messageID == ids[1] { XCTAssertEqual(d.properties.deliveryMode, 1) }
            last = d
        }
        XCTAssertEqual(seen, ids)
        try consumer.ack(XCTUnwrap(last), multiple: true)
        XCTAssertNil(try consumer.next(timeout: 0.3))
    }
}
