import Foundation
import XCTest
@testable import Store

/// Typed accessors refuse what they cannot decode, naming column and value.
final class DecodingTests: XCTestCase {
    func testTypedDecodingErrorsNameColumnAndValue() throws {
        let db = try TestStack.connect("store-tests-decoding")
        defer { db.close() }
        let row = try db.query(
            "SELECT 'abc'::text AS word, NULL::int AS missing, 'maybe'::text AS flag, 'soon'::text AS at, "
                + "ARRAY['a', NULL]::text[] AS holey, ARRAY[['a'],['b']]::text[] AS grid, 7 AS seven")[0]

        let notInt = assertPGError(try row.int("word"))
        XCTAssertNil(notInt?.sqlState)
        XCTAssertEqual(notInt?.recoverable, false)
        XCTAssertTrue(notInt?.message.contains("\"word\"") ?? false, notInt?.message ?? "")
        XCTAssertTrue(notInt?.message.contains("'abc'") ?? false, notInt?.message ?? "")

        XCTAssertTrue(assertPGError(try row.int64("missing"))?.message.contains("NULL") ?? false)
        XCTAssertNil(try row.optionalInt64("missing"))
        XCTAssertNil(try row.optionalInt("missing"))
        XCTAssertNil(row["missing"])
        XCTAssertTrue(assertPGError(try row.bool("flag"))?.message.contains("'maybe'") ?? false)
        XCTAssertTrue(assertPGError(try row.date("at"))?.message.contains("'soon'") ?? false)
        XCTAssertTrue(assertPGError(try row.stringArray("holey"))?.message.contains("holey") ?? false)
        XCTAssertNotNil(assertPGError(try row.stringArray("grid")))
        XCTAssertTrue(assertPGError(try row.int("nope"))?.message.contains("\"nope\"") ?? false)
        XCTAssertNil(row["nope"])
        XCTAssertEqual(try row.int("seven"), 7)
        XCTAssertEqual(row.columnNames, ["word", "missing", "flag", "at", "holey", "grid", "seven"])
    }

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
