import AMQP
import Foundation
import XCTest

/// A broker restart in the middle of use: the consumer's `next` throws a recoverable
/// error, `reconnect` succeeds once the broker is back (new generation, old acks are
/// no-ops), and the publisher's next `publish` works on a fresh connection.
///
/// Uses `deploy/local/stack.sh restart-rabbitmq` on the shared local broker.
final class RestartTests: XCTestCase {
    func testBrokerRestartMidUse() throws {
        let stack = try TestStack.load()
        try drain("dept.government", stack)
        let publisher = try AMQPPublisher(url: try stack.url("admin"), name: "amqp-test-admin")
        defer { publisher.close() }
        let consumer = try AMQPConsumer(url: try stack.url("government"), queue: "dept.government",
                                        prefetch: 10, name: "amqp-test-government")
        defer { consumer.close() }

        let before = uniqueID("before-restart")
        try publisher.publish([deptMessage(before, key: "government")])
        let unacked = try XCTUnwrap(consumer.next(timeout: 2))
        XCTAssertEqual(unacked.properties.messageID, before)
        let oldGeneration = consumer.generation

        try stack.stack("restart-rabbitmq")

        // The consumer notices within a few polls, with a recoverable error.
        var failure: AMQPError?
        let end = Date().addingTimeInterval(10)
        while failure == nil && Date() < end {
            do { _ = try consumer.next(timeout: 0.5) } catch let e as AMQPError { failure = e }
        }
        let error = try XCTUnwrap(failure, "next() kept returning after the broker went away")
        XCTAssertTrue(error.recoverable, "\(error)")
        XCTAssertEqual(error.kind, .connectionClosed, "\(error)")

        let stopBy = Date().addingTimeInterval(30)
        try consumer.reconnect(shouldStop: { Date() > stopBy })
        XCTAssertEqual(consumer.generation, oldGeneration + 1)
        XCTAssertNoThrow(try consumer.ack(unacked), "ack of an older generation is a no-op")

        // The unacked message comes back (persistent, quorum queue) as redelivered.
        let again = try XCTUnwrap(consumer.next(timeout: 5))
        XCTAssertEqual(again.properties.messageID, before)
        XCTAssertTrue(again.redelivered)
        XCTAssertEqual(again.generation, consumer.generation)
        try consumer.ack(again)

        // The publisher's connection died with the broker; the next publish reconnects.
        let after = uniqueID("after-restart")
        try publisher.publish([deptMessage(after, key: "government")], timeout: 15)
        let d = try XCTUnwrap(consumer.next(timeout: 5))
        XCTAssertEqual(d.properties.messageID, after)
        try consumer.ack(d)
    }

    func testRefusedConnectIsRecoverableAndReconnectHonoursStop() throws {
        let stack = try TestStack.load()
        var dead = try stack.url("government")
        dead.port = 1
        XCTAssertThrowsError(try AMQPConsumer(url: dead, queue: "dept.government", prefetch: 1, name: "x")) {
            XCTAssertTrue(($0 as? AMQPError)?.recoverable ?? false, "\($0)")
        }
        let consumer = try AMQPConsumer(url: try stack.url("government"), queue: "dept.government",
                                        prefetch: 1, name: "amqp-test-government")
        defer { consumer.close() }
        let generation = consumer.generation
        try consumer.reconnect(shouldStop: { true })
        XCTAssertEqual(consumer.generation, generation + 1)
        XCTAssertThrowsError(try consumer.next(timeout: 0.1), "stopped before connecting") {
            XCTAssertTrue(($0 as? AMQPError)?.recoverable ?? false, "\($0)")
        }
        try consumer.reconnect(shouldStop: { false })
        XCTAssertNil(try consumer.next(timeout: 0.2))
    }
}
