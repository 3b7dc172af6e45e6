@testable import Messages
import XCTest

/// The one stable hash: FNV-1a 64-bit, known vectors (so ids and lanes stay the
/// same across releases and machines).
final class StableHashTests: XCTestCase {
    func testKnownVectors() {
        XCTAssertEqual(StableHash.fnv1a(""), 0xcbf2_9ce4_8422_2325)
        XCTAssertEqual(StableHash.fnv1a("a"), 0xaf63_dc4c_8601_ec8c)
        XCTAssertEqual(StableHash.fnv1a("foobar"), 0x85944171f73967e8)
        XCTAssertEqual(StableHash.hex("a"), "af63dc4c8601ec8c")
        XCTAssertEqual(StableHash.hex(""), "cbf29ce484222325")
    }

    func testHexIsAlwaysSixteenDigits() {
        for text in ["", "x", "案件", String(repeating: "z", count: 500)] {
            XCTAssertEqual(StableHash.hex(text).count, 16, text)
        }
    }
}
