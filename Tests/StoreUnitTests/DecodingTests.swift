import Foundation
import XCTest
@testable import Store

/// The text forms PostgreSQL sends for arrays and timestamps, parsed and
/// written without a server.
final class DecodingTests: XCTestCase {
    func testArrayLiteralParser() {
        XCTAssertEqual(PGArrayLiteral.parse("{}")?.count, 0)
        XCTAssertEqual(PGArrayLiteral.parse(#"{a,"b,c",NULL,"NULL","x\"y","\\"}"#),
                       ["a", "b,c", nil, "NULL", "x\"y", "\\"])
        XCTAssertNil(PGArrayLiteral.parse("{a"))
        XCTAssertNil(PGArrayLiteral.parse(#"{"a"b}"#))
        XCTAssertNil(PGArrayLiteral.parse("{a,,b}"))
        XCTAssertEqual(PGArrayLiteral.encode(["a\"b", "c\\d"]), #"{"a\"b","c\\d"}"#)
    }

    func testTimestampParser() {
        XCTAssertEqual(PGTimestamp.parse("1970-01-01 08:00:00+08"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(PGTimestamp.parse("1970-01-01T00:00:01.5Z"), Date(timeIntervalSince1970: 1.5))
        XCTAssertEqual(PGTimestamp.parse("1969-12-31 18:30:00-05:30"), Date(timeIntervalSince1970: 0))
        XCTAssertEqual(PGTimestamp.format(Date(timeIntervalSince1970: -0.5)), "1969-12-31T23:59:59.500000Z")
        XCTAssertNil(PGTimestamp.parse("infinity"))
        XCTAssertNil(PGTimestamp.parse("2026-02-30 00:00:00+00"))
        XCTAssertNil(PGTimestamp.parse("2026-01-01 00:00:00+00 BC"))
    }
}
