import AMQP
import Foundation
import XCTest

/// A broker restart in the middle of use (`deploy/local/stack.sh stop-rabbitmq`, then
/// `start-rabbitmq`, on the stack the tests use): while it is down the consumer's
/// `next` and the publisher's `publish` throw recoverable errors and `reconnect` keeps
/// trying until told to stop; once it is back `reconnect` succeeds (new generation, old
/// acks are no-ops), the unacked message is redelivered, and `publish` works again.
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

        try stack.stack("stop-rabbitmq")
        var restarted = false
        defer { if !restarted { try? stack.stack("start-rabbitmq") } }

        // The consumer notices within a poll or two, with a recoverable error.
        var failure: AMQPError?
        let end = Date().addingTimeInterval(10)
        while failure == nil && Date() < end {
            do { _ = try consumer.next(timeout: 0.5) } catch let e as AMQPError { failure = e }
        }
        let error = try XCTUnwrap(failure, "next() kept returning after the broker went away")
        XCTAssertTrue(error.recoverable, "\(error)")
        XCTAssertEqual(error.kind, .connectionClosed, "\(error)")

        // Publishing to a dead broker fails (recoverably) instead of "succeeding".
        XCTAssertThrowsError(try publisher.publish([deptMessage(uniqueID("while-down"), key: "government")],
                                                   timeout: 1)) {
            XCTAssertTrue(($0 as? AMQPError)?.recoverable ?? false, "\($0)")
        }
        // reconnect keeps trying while the broker is down and returns when told to stop.
        let giveUp = Date().addingTimeInterval(0.7)
        try consumer.reconnect(shouldStop: { Date() > giveUp })
        XCTAssertNotNil(consumer.lastReconnectError)
        XCTAssertThrowsError(try consumer.next(timeout: 0.1))

        try stack.stack("start-rabbitmq")
        restarted = true
        let stopBy = Date().addingTimeInterval(30)
        try consumer.reconnect(shouldStop: { Date() > stopBy })
        XCTAssertEqual(consumer.generation, oldGeneration + 2)
        XCTAssertNil(consumer.lastReconnectError)
        XCTAssertNoThrow(try consumer.ack(unacked), "ack of an older generation is a no-op")

        // The unacked message comes back (persistent, quorum queue) as redelivered.
        let again = try XCTUnwrap(consumer.next(timeout: 5))
        XCTAssertEqual(again.properties.messageID, before)
        XCTAssertTrue(again.redelivered)
        XCTAssertEqual(again.generation, consumer.generation)
        try consumer.ack(again)

        // The publisher's next publish reconnects and is confirmed.
        let after = uniqueID("after-restart")
        try publisher.publish([deptMessage(after, key: "government")], timeout: 15)
        let d = try XCTUnwrap(consumer.next(timeout: 5))
        XCTAssertEqual(d.properties.messageID, after)
        try consumer.ack(d)
        XCTAssertNil(try consumer.next(timeout: 0.3), "the message published while down was not delivered")
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
