@testable import WageCtlKit
import XCTest

/// `wagectl case show`: a reference is looked up by the one key it names (issue 23:
/// one index probe instead of a scan of every case).
final class CaseLookupTests: XCTestCase {
    func testAUUIDIsLookedUpByIdInLowerCase() {
        let c = CaseLookup.condition(for: " 3F2504E0-4F89-11D3-9A0C-0305E82C3301 ")
        XCTAssertEqual(c.sql, "case_id = $1::uuid")
        XCTAssertEqual(c.value, "3f2504e0-4f89-11d3-9a0c-0305e82c3301")
    }

    func testACaseNumberIsLookedUpByNumberAsWritten() {
        let c = CaseLookup.condition(for: " WA-2026-000001")
        XCTAssertEqual(c.sql, "case_no = $1")
        XCTAssertEqual(c.value, "WA-2026-000001")
    }

    func testSomethingAlmostAUUIDIsACaseNumber() {
        XCTAssertEqual(CaseLookup.condition(for: "3f2504e0-4f89-11d3-9a0c-0305e82c330").sql, "case_no = $1")
    }
}

