import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// CONTRACT §2 property checks and body parsing.
final class PropertyCheckTests: XCTestCase {
    func check(id: String? = "m-1", type: String? = "case.accept", user: String? = "housing",
               contentType: String? = "application/json", size: Int = 100) -> RejectionReason? {
        checkProperties(messageID: id, type: type, userID: user, contentType: contentType, bodySize: size)
    }

    func testValidProperties() {
        XCTAssertNil(check())
        XCTAssertNil(check(id: String(repeating: "i", count: 128)))
        XCTAssertNil(check(id: String(repeating: "号", count: 128)))
        XCTAssertNil(check(contentType: "application/json; charset=utf-8"))
        XCTAssertNil(check(contentType: "Application/JSON"))
        XCTAssertNil(check(size: 262_144))
        XCTAssertNil(check(type: "no.such.type"), "unknown types are the router's unknown_type, not a property problem")
    }

    func testMessageID() {
        XCTAssertEqual(check(id: nil), .missingProperty("message_id"))
        XCTAssertEqual(check(id: ""), .missingProperty("message_id"))
        XCTAssertEqual(check(id: String(repeating: "i", count: 129)), .missingProperty("message_id"))
    }

    func testTypeAndUserID() {
        XCTAssertEqual(check(type: nil), .missingProperty("type"))
        XCTAssertEqual(check(type: ""), .missingProperty("type"))
        XCTAssertEqual(check(user: nil), .missingProperty("user_id"))
        XCTAssertEqual(check(user: ""), .missingProperty("user_id"))
    }

    func testContentType() {
        XCTAssertEqual(check(contentType: nil), .missingProperty("content_type"))
        XCTAssertEqual(check(contentType: ""), .missingProperty("content_type"))
        for wrong in ["text/plain", "application/xml", "application/json; charset=latin1", "application/jsonx",
                      "application/octet-stream"] {
            XCTAssertEqual(check(contentType: wrong), .invalidJSON, wrong)
        }
    }

    func testTooLarge() {
        XCTAssertEqual(check(size: 262_145), .tooLarge)
        XCTAssertEqual(check(size: 10_000_000), .tooLarge)
    }

    func testOrder() {
        XCTAssertEqual(check(id: nil, type: nil, user: nil, contentType: nil, size: 1 << 30), .missingProperty("message_id"))
        XCTAssertEqual(check(type: nil, user: nil, contentType: "text/plain", size: 1 << 30), .missingProperty("type"))
        XCTAssertEqual(check(user: nil, contentType: "text/plain", size: 1 << 30), .missingProperty("user_id"))
        XCTAssertEqual(check(contentType: "text/plain", size: 1 << 30), .invalidJSON)
    }

    func parse(_ text: String) -> Result<JSONValue, RejectionReason> { parseBody(Array(text.utf8)) }

    func testParseBody() {
        XCTAssertEqual(try parse("{}").get(), [:])
        XCTAssertEqual(try parse(#"{"case_id":"C-1","n":2}"#).get(), ["case_id": "C-1", "n": 2])
        for bad in ["", "{", "[]", "[{}]", "5", "\"x\"", "null", "true", "{\"a\":}", "{'a':1}"] {
            XCTAssertEqual(parse(bad), .failure(.invalidJSON), bad)
        }
        XCTAssertEqual(parseBody([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), .failure(.invalidJSON),
                       "invalid UTF-8")
    }
}
