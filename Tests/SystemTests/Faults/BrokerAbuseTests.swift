import AMQP
import Duties
import Foundation
import Runtime
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §3, the broker's half: every principal against every queue and
/// exchange, and every principal pretending to be every other one. The broker
/// refuses (403 ACCESS_REFUSED, 406 PRECONDITION_FAILED), not the code.
/// (Tests/AMQPTests/RefusalTests holds single examples; this is the whole matrix.)
final class BrokerAbuseTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
    }

    override func tearDown() async throws { await h.shutdown() }

    var queues: [String] { ["router.intake", "wage.dead"] + Principal.allCases.filter { $0 != .router }.map(\.queueName) }

    /// The broker's reply code of `body`, or 0 when it succeeded.
    func replyCode(_ body: () throws -> Void) -> Int {
        do { try body(); return 0 } catch let error as AMQPError { return error.code } catch { return -1 }
    }

    func url(_ p: Principal) throws -> AMQPURL { try AMQPURL(try h.env.amqpURL(for: p)) }

    func testEveryPrincipalMayConsumeItsOwnQueueAndNoOther() throws {
        var wrong: [String] = []
        for p in Principal.allCases {
            let own = p == .router ? "router.intake" : p.queueName
            for q in queues {
                let code = replyCode {
                    let c = try AMQPConsumer(url: try url(p), queue: q, prefetch: 1, name: "abuse-\(p.rawValue)")
                    c.close()
                }
                let expected = q == own ? 0 : 403
                if code != expected { wrong.append("\(p.rawValue) consuming \(q): \(code), expected \(expected)") }
            }
        }
        XCTAssertEqual(wrong, [])
    }

    func testOnlyTheRouterWritesToDepartmentQueuesAndTheDeadLetters() throws {
        var wrong: [String] = []
        for p in Principal.allCases {
            let publisher = try AMQPPublisher(url: try url(p), name: "abuse-\(p.rawValue)")
            defer { publisher.close() }
            for (exchange, key) in [("wage.dept", "hrss"), ("wage.dead", ""), ("wage.intake", "case.accept")] {
                // The router may write to wage.dept and wage.dead (it is its job; not exercised here).
                if p == .router && exchange != "wage.intake" { continue }
                var props = AMQPProperties()
                props.messageID = "abuse-\(faultRunTag())"
                props.type = "case.accept"
                props.userID = p.rawValue
                props.contentType = "application/json"
                let code = replyCode {
                    try publisher.publish([OutgoingMessage(exchange: exchange, routingKey: key, properties: props,
                                                           body: Array("{\"case_id\":\"c\"}".utf8))], timeout: 5)
                }
                // Everyone writes only to wage.intake, except the router, which may not.
                let expected = (p == .router) == (exchange == "wage.intake") ? 403 : 0
                if code != expected { wrong.append("\(p.rawValue) publishing to \(exchange): \(code), expected \(expected)") }
            }
        }
        XCTAssertEqual(wrong, [])
        // Whatever was allowed went to router.intake only.
        XCTAssertEqual(try h.drain("dept.hrss").count, 0)
        XCTAssertEqual(try h.drain("wage.dead").count, 0)
        XCTAssertEqual(try h.drain("router.intake").count, Principal.allCases.count - 1, "each allowed publish arrived once")
    }

    func testNoPrincipalCanSendUnderAnotherPrincipalsName() throws {
        var wrong: [String] = []
        for p in Principal.allCases where p != .router {
            let publisher = try AMQPPublisher(url: try url(p), name: "abuse-spoof-\(p.rawValue)")
            defer { publisher.close() }
            for other in Principal.allCases + [nil] where other != p {
                var props = AMQPProperties()
                props.messageID = "spoof-\(faultRunTag())"
                props.type = "case.close"
                props.userID = other?.rawValue ?? "\(p.rawValue) "
                props.contentType = "application/json"
                let code = replyCode {
                    try publisher.publish([OutgoingMessage(exchange: "wage.intake", routingKey: "case.close", properties: props,
                                                           body: Array("{\"case_id\":\"c\"}".utf8))], timeout: 5)
                }
                if code != 406 { wrong.append("\(p.rawValue) as \(props.userID ?? "-"): \(code), expected 406") }
            }
        }
        XCTAssertEqual(wrong, [])
        XCTAssertEqual(try h.drain("router.intake").count, 0, "no spoofed message reached the router")
    }
}
