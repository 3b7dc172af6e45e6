import Foundation
import XCTest
@testable import Store

/// Typed accessors refuse what they cannot decode, naming column and value.
/// (The text parsers, which need no server, are tested in StoreUnitTests.)
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
}
