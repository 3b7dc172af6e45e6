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
}
