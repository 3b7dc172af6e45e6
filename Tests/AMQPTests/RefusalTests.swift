import AMQP
import XCTest

/// What the broker refuses surfaces as a non-recoverable `AMQPError` with the reply code.
final class RefusalTests: XCTestCase {
    private func expectError(_ kind: AMQPError.Kind, _ code: Int, file: StaticString = #filePath,
                             line: UInt = #line, _ body: () throws -> Void) -> AMQPError? {
        do {
            try body()
            XCTFail("expected \(kind) \(code), got success", file: file, line: line)
        } catch let error as AMQPError {
            XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
            XCTAssertEqual(error.code, code, "\(error)", file: file, line: line)
            XCTAssertFalse(error.recoverable, "\(error)", file: file, line: line)
            return error
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return nil
    }

    func testUnroutablePublishFailsAndPublisherStaysUsable() throws {
        let stack = try TestStack.load()
        try drain("dept.platform", stack)
        let publisher = try AMQPPublisher(url: try stack.url("admin"), name: "amqp-test-admin")
        defer { publisher.close() }
        let lost = uniqueID("unroutable")
        let ok = uniqueID("routable")
        // The returned message is followed by its ack: the return must still win.
        let error = expectError(.unroutable, 312) {
            try publisher.publish([deptMessage(ok), deptMessage(lost, key: "no-such-dept")])
        }
        XCTAssertTrue(error?.message.contains(lost) ?? false, "names the message: \(String(describing: error))")
        XCTAssertTrue(error?.message.contains("NO_ROUTE") ?? false)

        let after = uniqueID("after-unroutable")
        try publisher.publish([deptMessage(after)])
        let consumer = try AMQPConsumer(url: try stack.url("platform"), queue: "dept.platform",
                                        prefetch: 10, name: "amqp-test-platform")
        defer { consumer.close() }
        let got = try collect([ok, after], from: consumer)
        for d in got.values { try consumer.ack(d) }
    }

    func testHrssMayNotConsumeAnotherDepartmentsQueue() throws {
        let stack = try TestStack.load()
        let error = expectError(.channelClosed, 403) {
            _ = try AMQPConsumer(url: try stack.url("hrss"), queue: "dept.police", prefetch: 1,
                                 name: "amqp-test-hrss")
        }
        XCTAssertTrue(error?.message.contains("ACCESS_REFUSED") ?? false)
    }

    func testMissingQueueIsNotFound() throws {
        let stack = try TestStack.load()
        _ = expectError(.channelClosed, 404) {
            _ = try AMQPConsumer(url: try stack.url("admin"), queue: "no.such.queue", prefetch: 1,
                                 name: "amqp-test-admin")
        }
    }

    func testHrssMayNotPublishToDeptExchange() throws {
        let stack = try TestStack.load()
        let publisher = try AMQPPublisher(url: try stack.url("hrss"), name: "amqp-test-hrss")
        defer { publisher.close() }
        _ = expectError(.channelClosed, 403) {
            try publisher.publish([deptMessage(uniqueID("forbidden"), key: "police")], timeout: 5)
        }
    }

    func testForeignUserIDIsPreconditionFailedAndChannelReopens() throws {
        let stack = try TestStack.load()
        let publisher = try AMQPPublisher(url: try stack.url("hrss"), name: "amqp-test-hrss")
        defer { publisher.close() }
        var spoofed = OutgoingMessage(exchange: "wage.intake", routingKey: "amqp.test",
                                      properties: AMQPProperties(messageID: uniqueID("spoof"), type: "amqp.test",
                                                                 userID: "police"),
                                      body: body("spoof"))
        _ = expectError(.channelClosed, 406) { try publisher.publish([spoofed], timeout: 5) }
        spoofed.properties.userID = "hrss-is-not-police"
        _ = expectError(.channelClosed, 406) { try publisher.publish([spoofed], timeout: 5) }

        // The same publisher works again (admin: wage.dept, so router.intake stays clean).
        try drain("dept.government", stack)
        let admin = try AMQPPublisher(url: try stack.url("admin"), name: "amqp-test-admin")
        defer { admin.close() }
        var own = deptMessage(uniqueID("spoof-admin"), key: "government")
        own.properties.userID = "police"
        _ = expectError(.channelClosed, 406) { try admin.publish([own], timeout: 5) }
        own.properties.userID = nil
        try admin.publish([own])
        try drain("dept.government", stack)
    }

    func testWrongPasswordIsAccessRefused() throws {
        let stack = try TestStack.load()
        var url = try stack.url("hrss")
        url.password = "wrong"
        _ = expectError(.connectionClosed, 403) {
            _ = try AMQPPublisher(url: url, name: "amqp-test-bad-login")
        }
    }
}
