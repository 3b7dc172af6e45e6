import XCTest
@testable import Messages
@testable import Workflow

final class FieldReaderTests: XCTestCase {
    let r = FieldReader([
        "s": "text", "blank": "  ", "null": nil, "n": 42, "neg": -3, "frac": .number("2.5"), "b": true,
        "m": "12.34", "day": "2026-02-14", "o": ["inner": "x", "deep": ["k": 1]], "list": [["a": "1"], ["a": "2"]],
        "strings": ["a", "b"], "principal": "police",
    ])

    func testStrings() throws {
        XCTAssertEqual(try r.string("s"), "text")
        XCTAssertNil(try r.optionalString("blank"), "blank counts as absent")
        XCTAssertNil(try r.optionalString("null"), "null counts as absent")
        XCTAssertNil(try r.optionalString("missing"))
        assertSchema("blank") { () throws(RejectionReason) in try r.string("blank") }
        assertSchema("null") { () throws(RejectionReason) in try r.string("null") }
        assertSchema("n") { () throws(RejectionReason) in try r.string("n") }
    }

    func testNumbersBooleansMoneyDays() throws {
        XCTAssertEqual(try r.int("n", minimum: 1), 42)
        XCTAssertEqual(try r.int("neg"), -3)
        assertSchema("neg") { () throws(RejectionReason) in try r.int("neg", minimum: 0) }
        assertSchema("frac") { () throws(RejectionReason) in try r.int("frac") }
        assertSchema("s") { () throws(RejectionReason) in try r.int("s") }
        XCTAssertEqual(try r.bool("b"), true)
        assertSchema("n") { () throws(RejectionReason) in try r.bool("n") }
        XCTAssertEqual(try r.money("m"), Money(fen: 1234))
        assertSchema("n") { () throws(RejectionReason) in try r.money("n") }
        XCTAssertEqual(try r.day("day"), d("2026-02-14"))
        assertSchema("s") { () throws(RejectionReason) in try r.day("s") }
        XCTAssertEqual(try r.enumeration("principal", Principal.self), .police)
        assertSchema("s") { () throws(RejectionReason) in try r.enumeration("s", Principal.self) }
        XCTAssertNil(try r.optionalEnumeration("missing", Principal.self))
    }

    func testNestedPaths() throws {
        let o = try r.object("o")
        XCTAssertEqual(o.path, "o")
        XCTAssertEqual(try o.string("inner"), "x")
        let deep = try o.object("deep")
        assertSchema("o.deep.k") { () throws(RejectionReason) in try deep.string("k") }
        assertSchema("o.missing") { () throws(RejectionReason) in try o.string("missing") }
        assertSchema("s") { () throws(RejectionReason) in try r.object("s") }
        let list = try r.objects("list")
        XCTAssertEqual(list.map(\.path), ["list[0]", "list[1]"])
        assertSchema("list[1].b") { () throws(RejectionReason) in try list[1].string("b") }
        assertSchema("strings[0]") { () throws(RejectionReason) in try r.objects("strings") }
        XCTAssertEqual(try r.optionalStrings("strings"), ["a", "b"])
        assertSchema("list[0]") { () throws(RejectionReason) in try r.optionalStrings("list") }
        assertSchema("missing") { () throws(RejectionReason) in try r.objects("missing") }
    }

    func testRejectionReasonIsAnError() {
        let e: any Error = RejectionReason.schema("x")
        XCTAssertEqual(e as? RejectionReason, .schema("x"))
        XCTAssertEqual(RejectionReason.schema("employer.name").code, "schema:employer.name")
    }
}
