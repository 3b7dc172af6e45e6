import AMQP
import Messages
@testable import Router
import XCTest

/// The copy of a refused message that goes to `wage.dead` (CONTRACT §2): built
/// without a server.
final class DeadLetterTests: XCTestCase {
    func testTheCopyKeepsTheOriginalAndSaysWhyAndWho() {
        let body = Array(#"{"case_id":"x"}"#.utf8)
        let copy = DeadLetter.message(
            messageID: "m-1", type: "case.accept", sender: "police", correlationID: "C-1", body: body,
            reason: .notAssignee, rejectedBy: "hrss", original: ["x-wage-actor": .string("zhang")])
        XCTAssertEqual(copy.exchange, "wage.dead")
        XCTAssertEqual(copy.body, body)
        XCTAssertEqual(copy.properties.messageID, "m-1")
        XCTAssertEqual(copy.properties.type, "case.accept")
        XCTAssertEqual(copy.properties.correlationID, "C-1")
        XCTAssertEqual(copy.properties.userID, "router", "the broker validates user_id: the router publishes as itself")
        XCTAssertEqual(copy.properties.deliveryMode, 2)
        XCTAssertEqual(copy.properties.headers["x-wage-reason"], .string("not_assignee"))
        XCTAssertEqual(copy.properties.headers["x-wage-rejected-by"], .string("hrss"))
        XCTAssertEqual(copy.properties.headers["x-wage-sender"], .string("police"))
        XCTAssertEqual(copy.properties.headers["x-wage-actor"], .string("zhang"), "the original headers travel along")
    }

    func testAMessageWithoutPropertiesIsStillDeadLettered() {
        let copy = DeadLetter.message(messageID: nil, type: nil, sender: nil, correlationID: nil, body: [0xff],
                                      reason: .missingProperty("message_id"), rejectedBy: "router")
        XCTAssertNil(copy.properties.messageID)
        XCTAssertNil(copy.properties.headers["x-wage-sender"])
        XCTAssertEqual(copy.properties.headers["x-wage-reason"], .string("missing_property:message_id"))
    }
}
