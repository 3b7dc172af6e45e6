import AMQP
import Foundation
import XCTest

/// Prefetch, idle timeout, ack, ack-multiple, nack-requeue and reject to `wage.dead`.
final class ConsumeTests: XCTestCase {
    private var stack: TestStack!
    private var publisher: AMQPPublisher!
    private var consumer: AMQPConsumer!

    override func setUpWithError() throws {
        stack = try TestStack.load()
        try drain("dept.platform", stack)
        publisher = try AMQPPublisher(url: try stack.url("admin"), name: "amqp-test-admin")
        consumer = try AMQPConsumer(url: try stack.url("platform"), queue: "dept.platform",
                                    prefetch: 2, name: "amqp-test-platform")
    }

    override func tearDown() {
        consumer?.close()
        publisher?.close()
    }

    func testIdleNextReturnsNilWithinTimeout() throws {
        let start = Date()
        XCTAssertNil(try consumer.next(timeout: 0.5))
        let elapsed = Date().timeIntervalSince(start)
        XCTAssertGreaterThan(elapsed, 0.4)
        XCTAssertLessThan(elapsed, 1.5)
    }

    func testPrefetchLimitsUnackedAndAckMultipleReleasesThem() throws {
        let ids = (0..<5).map { uniqueID("prefetch-\($0)") }
        try publisher.publish(ids.map { deptMessage($0) })

        let a = try XCTUnwrap(consumer.next(timeout: 2))
        let b = try XCTUnwrap(consumer.next(timeout: 2))
        XCTAssertEqual([a, b].map(\.properties.messageID), Array(ids[0..<2]))
        XCTAssertNil(try consumer.next(timeout: 0.5), "prefetch 2: no third delivery before an ack")

        try consumer.ack(b, multiple: true)  // acks a and b
        var rest: [AMQPDelivery] = []
        while rest.count < 3, let d = try consumer.next(timeout: 2) {
            rest.append(d)
            try consumer.ack(d)
        }
        XCTAssertEqual(rest.map(\.properties.messageID), Array(ids[2...]))
        XCTAssertTrue(rest.allSatisfy { !$0.redelivered }, "acked messages are not redelivered")
        XCTAssertNil(try consumer.next(timeout: 0.3), "queue empty after acks")
    }

    func testNackRequeueRedelivers() throws {
        let id = uniqueID("nack")
        try publisher.publish([deptMessage(id)])
        let first = try XCTUnwrap(consumer.next(timeout: 2))
        XCTAssertEqual(first.properties.messageID, id)
        XCTAssertFalse(first.redelivered)
        try consumer.nack(first, requeue: true)

        let again = try XCTUnwrap(consumer.next(timeout: 2))
        XCTAssertEqual(again.properties.messageID, id)
        XCTAssertTrue(again.redelivered)
        XCTAssertEqual(again.body, body(id))
        try consumer.ack(again)
        XCTAssertNil(try consumer.next(timeout: 0.3))
    }

    func testRejectWithoutRequeueDeadLetters() throws {
        let id = uniqueID("reject")
        try publisher.publish([deptMessage(id)])
        let d = try XCTUnwrap(consumer.next(timeout: 2))
        XCTAssertEqual(d.properties.messageID, id)
        try consumer.reject(d, requeue: false)
        XCTAssertNil(try consumer.next(timeout: 0.3), "a rejected message is not redelivered")

        // wage.dead is shared: read it as admin, take only our message.
        let dead = try AMQPConsumer(url: try stack.url("admin"), queue: "wage.dead", prefetch: 200,
                                    name: "amqp-test-dead")
        defer { dead.close() }
        let got = try collect([id], from: dead)
        let dl = try XCTUnwrap(got[id])
        XCTAssertEqual(dl.body, body(id))
        XCTAssertEqual(dl.properties.headers["x-first-death-queue"], .string("dept.platform"))
        XCTAssertEqual(dl.properties.headers["x-first-death-reason"], .string("rejected"))
        try dead.ack(dl)
    }

    func testNackWithoutRequeueDeadLettersToo() throws {
        let id = uniqueID("nack-dead")
        try publisher.publish([deptMessage(id)])
        let d = try XCTUnwrap(consumer.next(timeout: 2))
        try consumer.nack(d, requeue: false)
        let dead = try AMQPConsumer(url: try stack.url("admin"), queue: "wage.dead", prefetch: 200,
                                    name: "amqp-test-dead")
        defer { dead.close() }
        let got = try collect([id], from: dead)
        try dead.ack(XCTUnwrap(got[id]))
    }
}
