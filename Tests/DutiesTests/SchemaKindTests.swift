import XCTest
@testable import Messages
import Workflow
@testable import Duties

/// Field kinds checked directly (also those no §3 field uses, like `instant`).
final class SchemaKindTests: XCTestCase {
    func ok(_ value: JSONValue, _ kind: FieldKind) -> Bool {
        SchemaValidator.check(value: value, kind: kind, path: "f") == nil
    }

    func testInstant() {
        for good in ["2026-03-01T09:30:00+08:00", "2026-03-01T01:30:00Z", "2026-03-01T01:30:00.123Z",
                     "2026-03-01t01:30:00z", "2026-12-31T23:59:60-05:30"] {
            XCTAssertTrue(ok(.string(good), .instant), good)
        }
        for bad in ["2026-03-01", "2026-03-01T25:00:00Z", "2026-02-30T00:00:00Z", "2026-03-01T09:30:00",
                    "2026-03-01 09:30:00Z", "2026-03-01T09:30:00.Z", "2026-03-01T09:30:00+0800",
                    "2026-03-01T09:30:00+24:00", "1999-03-01T09:30:00Z", "2026-03-01T09:30:00Zjunk", ""] {
            XCTAssertFalse(ok(.string(bad), .instant), bad)
        }
        XCTAssertFalse(ok(1_772_000_000, .instant))
    }

    func testMoneyOnlyAsDecimalStringAboveZero() {
        for good in ["0.01", "1", "1.5", "125000.00", "1000000000000.00"] { XCTAssertTrue(ok(.string(good), .money), good) }
        for bad in ["0", "0.0", "0.00", "-5", "+5", "1.234", "1.", ".5", "1,000.00", "1e3", "１２", "NaN",
                    "1000000000000.01"] {
            XCTAssertFalse(ok(.string(bad), .money), bad)
        }
        XCTAssertFalse(ok(.number("125000.00"), .money))
        XCTAssertFalse(ok(125000, .money))
        XCTAssertFalse(ok(.null, .money))
    }

    func testDayBounds() {
        XCTAssertTrue(ok("2000-01-01", .day))
        XCTAssertTrue(ok("2100-12-31", .day))
        XCTAssertFalse(ok("1999-12-31", .day))
        XCTAssertFalse(ok("2101-01-01", .day))
        XCTAssertFalse(ok("2026-02-30", .day))
        XCTAssertFalse(ok("2027-02-29", .day))
        XCTAssertFalse(ok("26-02-01", .day))
    }

    func testStringsIdsAndText() {
        XCTAssertFalse(ok("", .id))
        XCTAssertFalse(ok("\t \n", .text))
        XCTAssertTrue(ok(.string(String(repeating: "a", count: 128)), .id))
        XCTAssertFalse(ok(.string(String(repeating: "a", count: 129)), .id))
        XCTAssertTrue(ok("", .string(minLength: 0, maxLength: 10)))
        XCTAssertFalse(ok(5, .text))
    }

    func testIntAndBool() {
        XCTAssertTrue(ok(1, .int(min: 1)))
        XCTAssertFalse(ok(0, .int(min: 1)))
        XCTAssertFalse(ok(.number("2.0"), .int(min: 1)))
        XCTAssertFalse(ok(.number("99999999999999999999"), .int(min: 1)))
        XCTAssertFalse(ok("3", .int(min: 1)))
        XCTAssertTrue(ok(false, .bool))
        XCTAssertFalse(ok(0, .bool))
        XCTAssertFalse(ok("false", .bool))
    }

    func testCodesOfPrincipalsSectorsTypesReasons() {
        for p in Principal.allCases { XCTAssertTrue(ok(.string(p.rawValue), .principal)) }
        for s in Sector.allCases { XCTAssertTrue(ok(.string(s.rawValue), .sector)) }
        for t in MessageType.allCases { XCTAssertTrue(ok(.string(t.rawValue), .messageType)) }
        for code in ["invalid_json", "too_large", "missing_property:message_id", "unknown_type", "schema:employer.name",
                     "forbidden_sender", "forbidden_recipient", "unknown_case", "not_assignee", "invalid_state"] {
            XCTAssertTrue(ok(.string(code), .rejectionReason), code)
        }
        for bad in ["HRSS", "", "hrss "] { XCTAssertFalse(ok(.string(bad), .principal), bad) }
        XCTAssertFalse(ok("Construction", .sector))
        XCTAssertFalse(ok("missing_property:", .rejectionReason))
    }

    func testArraysAndOneOf() {
        XCTAssertTrue(ok([], .stringArray))
        XCTAssertFalse(ok([""], .stringArray))
        XCTAssertEqual(SchemaValidator.check(value: ["a", "b", 3], kind: .stringArray, path: "m"), "m[2]")
        XCTAssertEqual(SchemaValidator.check(value: ["x"], kind: .array(of: .text, minCount: 2), path: "m"), "m")
        XCTAssertTrue(ok("name", .oneOf([.text, .object([.req("name", .text)])])))
        XCTAssertTrue(ok(["name": "n"], .oneOf([.text, .object([.req("name", .text)])])))
        XCTAssertFalse(ok(5, .oneOf([.text, .object([.req("name", .text)])])))
        XCTAssertTrue(ok(["any": [1, nil, true]], .any))
    }
}
