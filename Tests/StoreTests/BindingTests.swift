import Foundation
import XCTest
@testable import Store

/// Parameters travel as data and come back unchanged.
final class BindingTests: XCTestCase {
    var db: PGConnection!

    override func setUpWithError() throws {
        db = try TestStack.connect("store-tests-binding")
        try db.execute("CREATE TEMP TABLE bind_t (id serial PRIMARY KEY, s text, n bigint, b boolean, a text[])")
    }

    override func tearDown() { db?.close() }

    func testTextRoundTripsIncludingQuotesBackslashesUnicodeAndSQL() throws {
        let samples = [
            "O'Reilly", "double \"quote\"", #"back\slash \\ \n"#, "工资拖欠 🚀 é ß", "'; DROP TABLE bind_t; --",
            "$1 $2 ?", "", "  padded  ", "line\nbreak\ttab", "NULL", "{a,b}", "E'\\x41'",
        ]
        for sample in samples {
            let id = try db.query("INSERT INTO bind_t (s) VALUES ($1) RETURNING id", [sample])[0].int("id")
            let back = try db.query("SELECT s, length(s) AS len FROM bind_t WHERE id = $1", [id])
            XCTAssertEqual(try back[0].string("s"), sample)
            XCTAssertEqual(try back[0].int("len"), sample.count, "server saw a different string for \(sample)")
        }
        // The injection attempt stayed data: the table is still there with every row.
        XCTAssertEqual(try db.query("SELECT count(*) AS c FROM bind_t")[0].int("c"), samples.count)
    }

    func testNullsBindAndDecode() throws {
        let none: String? = nil
        let row = try db.query("SELECT $1::text IS NULL AS isnull, $1::text AS v, $2::bigint AS n",
                               [none, Int64?.none])[0]
        XCTAssertTrue(try row.bool("isnull"))
        XCTAssertNil(row["v"])
        XCTAssertNil(try row.optionalString("v"))
        XCTAssertNil(try row.optionalInt64("n"))
        let some: String? = "x"
        XCTAssertEqual(try db.query("SELECT $1::text AS v", [some])[0].string("v"), "x")
    }

    func testIntegersBoolsAndDoubles() throws {
        let row = try db.query(
            "SELECT $1::bigint AS a, $2::bigint AS b, $3::bigint AS c, $4::int AS d, $5::boolean AS t, $6::boolean AS f, $7::int + 1 AS e",
            [Int.max, Int.min, Int64(-9_007_199_254_740_993), Int32.min, true, false, 41])[0]
        XCTAssertEqual(try row.int("a"), Int.max)
        XCTAssertEqual(try row.int("b"), Int.min)
        XCTAssertEqual(try row.int64("c"), -9_007_199_254_740_993)
        XCTAssertEqual(try row.int("d"), Int(Int32.min))
        XCTAssertEqual(try row.bool("t"), true)
        XCTAssertEqual(try row.bool("f"), false)
        XCTAssertEqual(try row.int("e"), 42)

        for value in [0.1, -2.5, 1e-300, 123_456.789, Double.infinity, -Double.infinity] {
            XCTAssertEqual(try db.query("SELECT $1::float8 AS v", [value])[0].double("v"), value)
        }
        XCTAssertTrue(try db.query("SELECT $1::float8 AS v", [Double.nan])[0].double("v").isNaN)
    }

    func testTextArraysWithCommasQuotesBracesAndNullWord() throws {
        let values = ["a,b", "say \"hi\"", "{brace}", #"back\slash"#, "NULL", "", " spaced ", "工资", "}{,\"\\"]
        let row = try db.query(
            "SELECT $1::text[] AS v, cardinality($1::text[]) AS n, ($1::text[])[5] IS NULL AS fifth_null",
            [values])[0]
        XCTAssertEqual(try row.stringArray("v"), values)
        XCTAssertEqual(try row.int("n"), values.count)
        XCTAssertFalse(try row.bool("fifth_null"), "the string NULL must not become SQL NULL")

        XCTAssertEqual(try db.query("SELECT $1::text[] AS v", [[String]()])[0].stringArray("v"), [])
        let id = try db.query("INSERT INTO bind_t (a) VALUES ($1) RETURNING id", [values])[0].int("id")
        XCTAssertEqual(try db.query("SELECT a FROM bind_t WHERE id = $1", [id])[0].stringArray("a"), values)
        // Server-side literals: unquoted elements and explicit bounds.
        XCTAssertEqual(try db.query("SELECT ARRAY['x','y z']::text[] AS v")[0].stringArray("v"), ["x", "y z"])
        XCTAssertEqual(try db.query("SELECT '[0:1]={p,q}'::text[] AS v")[0].stringArray("v"), ["p", "q"])
    }

    func testDatesRoundTripWithMicrosecondsInAnySessionTimeZone() throws {
        let micros: [Int64] = [1_767_225_600_123_456, 0, -1_500_000, 1_000_000, 4_102_444_800_000_001]
        for zone in ["UTC", "Asia/Shanghai", "Asia/Kolkata", "America/St_Johns"] {
            try db.execute("SELECT set_config('TimeZone', $1, false)", [zone])
            for us in micros {
                let date = Date(timeIntervalSince1970: Double(us) / 1_000_000)
                let row = try db.query(
                    "SELECT $1::timestamptz AS v, (extract(epoch FROM $1::timestamptz) * 1000000)::bigint AS us",
                    [date])[0]
                XCTAssertEqual(try row.int64("us"), us, "server read \(date.pgText!) wrong")
                let back = try row.date("v")
                XCTAssertEqual((back.timeIntervalSince1970 * 1_000_000).rounded(), Double(us),
                               "decoded \(row["v"] ?? "nil") in \(zone)")
            }
        }
        // Local mean time offsets carry seconds (+08:05:43 in Shanghai, 1900).
        try db.execute("SET TimeZone = 'Asia/Shanghai'")
        let old = try db.query("SELECT '1900-01-01 00:00:00+00'::timestamptz AS v")[0]
        XCTAssertEqual(try old.date("v"), Date(timeIntervalSince1970: -2_208_988_800), "text was \(old["v"]!)")
        XCTAssertNil(try db.query("SELECT NULL::timestamptz AS v")[0].optionalDate("v"))
    }

    func testNulInParameterIsRefusedBeforeTheServer() throws {
        let error = assertPGError(try db.execute("SELECT $1::text", ["a\u{0}b"]))
        XCTAssertEqual(error?.sqlState, "22021")
        XCTAssertEqual(error?.recoverable, false)
        XCTAssertEqual(try db.query("SELECT 1 AS one")[0].int("one"), 1)
    }
}
