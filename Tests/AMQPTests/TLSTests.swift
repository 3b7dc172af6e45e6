import AMQP
import XCTest

/// `amqps://` through librabbitmq's SSL socket against the local stack's TLS
/// listener (test CA made by deploy/local/stack.sh), and a list of brokers tried in turn.
final class TLSTests: XCTestCase {
    /// The admin URL moved to the TLS listener with `query` (nil when the stack has no TLS).
    func tlsURL(_ stack: TestStack, query: String) throws -> AMQPURL {
        guard let port = stack.values["WAGE_AMQP_TLS_PORT"], stack.values["WAGE_AMQP_CA_FILE"] != nil else {
            throw XCTSkip("the stack has no TLS listener: run deploy/local/stack.sh up")
        }
        let plain = try stack.url("admin")
        let user = plain.user.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? plain.user
        let password = plain.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? plain.password
        return try AMQPURL("amqps://\(user):\(password)@localhost:\(port)/\(plain.vhost)?\(query)")
    }

    func testARoundTripOverTLSWithTheStacksCA() throws {
        let stack = try TestStack.load()
        let ca = try XCTUnwrap(stack.values["WAGE_AMQP_CA_FILE"])
        let url = try tlsURL(stack, query: "cacertfile=\(ca)")
        XCTAssertNotNil(url.tls)
        try drain("dept.platform", stack)
        let publisher = try AMQPPublisher(url: url, name: "amqp-test-tls")
        defer { publisher.close() }
        let id = uniqueID("tls")
        try publisher.publish([deptMessage(id)])
        let consumer = try AMQPConsumer(url: url, queue: "dept.platform", prefetch: 10, name: "amqp-test-tls-consumer")
        defer { consumer.close() }
        let got = try collect([id], from: consumer)
        XCTAssertEqual(got[id]?.body, body(id), "the message went through the TLS connections unchanged")
        if let delivery = got[id] { try consumer.ack(delivery) }
    }

    func testAnUntrustedCertificateIsRefused() throws {
        let stack = try TestStack.load()
        let ca = try XCTUnwrap(stack.values["WAGE_AMQP_CA_FILE"])
        let untrusted = (ca as NSString).deletingLastPathComponent + "/untrusted-ca.pem"
        XCTAssertThrowsError(try AMQPPublisher(url: try tlsURL(stack, query: "cacertfile=\(untrusted)"), name: "amqp-test-tls-bad-ca"),
                             "a broker certificate from another CA is refused")
        // The same listener with verification off (verify_none) connects: the refusal above was the CA's.
        let unverified = try AMQPPublisher(url: try tlsURL(stack, query: "cacertfile=\(untrusted)&verify=verify_none"),
                                           name: "amqp-test-tls-unverified")
        unverified.close()
    }

    func testPlaintextIsRefusedWhereTLSIsRequired() throws {
        let stack = try TestStack.load()
        let port = try XCTUnwrap(stack.values["WAGE_AMQP_TLS_PORT"])
        let plain = try stack.url("admin")
        let url = AMQPURL(host: "127.0.0.1", port: Int(port)!, user: plain.user, password: plain.password, vhost: plain.vhost)
        XCTAssertThrowsError(try AMQPPublisher(url: url, name: "amqp-test-plain-on-tls"),
                             "plain AMQP to the TLS listener does not log in")
    }

    func testTheNextBrokerOfTheListIsTriedWhenOneIsDown() throws {
        let stack = try TestStack.load()
        let good = try stack.url("admin")
        // Nothing listens on port 1 of the loopback: the first broker refuses the connection.
        var url = good
        url.endpoints = [AMQPURL.Endpoint(host: "127.0.0.1", port: 1), good.endpoints[0]]
        let publisher = try AMQPPublisher(url: url, name: "amqp-test-host-list")
        defer { publisher.close() }
        try publisher.publish([deptMessage(uniqueID("hosts"), key: "market")])
        try drain("dept.market", stack)
        url.endpoints = [AMQPURL.Endpoint(host: "127.0.0.1", port: 1)]
        XCTAssertThrowsError(try AMQPPublisher(url: url, name: "amqp-test-no-host"))
    }
}
