import AMQP
import XCTest

/// `AMQPURL` parsing (no broker needed).
final class URLTests: XCTestCase {
    func testFullURL() throws {
        let url = try AMQPURL("amqp://hrss:p%40ss%3Aw0rd@127.0.0.1:5673/wage")
        XCTAssertEqual(url.host, "127.0.0.1")
        XCTAssertEqual(url.port, 5673)
        XCTAssertEqual(url.user, "hrss")
        XCTAssertEqual(url.password, "p@ss:w0rd")
        XCTAssertEqual(url.vhost, "wage")
        XCTAssertFalse(url.description.contains("p@ss"), "description masks the password")
    }

    func testDefaults() throws {
        let url = try AMQPURL("amqp://u:p@localhost")
        XCTAssertEqual(url.port, 5672)
        XCTAssertEqual(url.vhost, "/")
        XCTAssertEqual(try AMQPURL("amqp://u:p@h/").vhost, "/")
        XCTAssertEqual(try AMQPURL("amqp://u:p@h/%2F").vhost, "/")
        XCTAssertEqual(try AMQPURL("amqp://u:p@h/a%2Fb?heartbeat=5").vhost, "a/b")
        XCTAssertEqual(try AMQPURL("amqp://h").user, "guest")
        XCTAssertEqual(try AMQPURL("amqp://u:p@[::1]:5999/v").host, "::1")
    }

    func testInvalid() {
        for text in ["http://h", "amqp://u:p@h:notaport/v", "amqp://u:p@:5672/", "amqp://u:p@h:70000",
                     "amqp://u:p%4@h/"] {
            XCTAssertThrowsError(try AMQPURL(text), text) { error in
                XCTAssertEqual((error as? AMQPError)?.kind, .invalidURL)
                XCTAssertFalse("\(error)".contains("p%4@"), "the error masks the password")
            }
        }
    }

    func testTLSAndHostLists() throws {
        let url = try AMQPURL("amqps://u:p@broker.example:5671/wage?cacertfile=%2Fetc%2Fca.pem&heartbeat=5")
        XCTAssertEqual(url.tls, TLSOptions(caCertificateFile: "/etc/ca.pem"))
        XCTAssertEqual(try AMQPURL("amqps://u:p@h/v").port, 5671, "amqps defaults to 5671")
        XCTAssertNil(try AMQPURL("amqp://u:p@h/v?cacertfile=/x").tls, "plain amqp has no TLS")
        XCTAssertEqual(try AMQPURL("amqps://u:p@h/v?verify=verify_none").tls?.verifyPeer, false)
        let many = try AMQPURL("amqp://u:p@n1:5672,n2:5673,[::1],n4/wage")
        XCTAssertEqual(many.endpoints, [.init(host: "n1", port: 5672), .init(host: "n2", port: 5673),
                                        .init(host: "::1", port: 5672), .init(host: "n4", port: 5672)])
        XCTAssertEqual(many.host, "n1")
        XCTAssertEqual(many.description, "amqp://u:***@n1:5672,n2:5673,[::1]:5672,n4:5672/wage")
        for text in ["amqp://u:p@n1,,n2/v", "amqp://u:p@n1,n2:0/v", "amqps://u:p@h/v?verify=maybe",
                     "amqps://u:p@h/v?certfile=/c.pem"] {
            XCTAssertThrowsError(try AMQPURL(text), text) { XCTAssertEqual(($0 as? AMQPError)?.kind, .invalidURL) }
        }
    }
}
