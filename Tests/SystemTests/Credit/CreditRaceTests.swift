import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Races (issue 9 style): many listings and delistings of one code at once, applied
/// by two worker-hrss instances with two lanes each. The advisory lock per code makes
/// them one after another: exactly one listing survives, every other is refused
/// `invalid_state`, and one delisting removes it once.
final class CreditRaceTests: CreditSystemTestCase {
    func testConcurrentListingsOfOneCodeListItOnce() throws {
        try start(.hrss)  // a second office instance on the same queue
        let code = newCode()
        let basis = try caseShowingTheCondition(code)
        let ids = (0..<12).map { Harness.newID("race-list-\($0)") }
        for id in ids { try list(listBody(code, basis: [basis]), id: id) }
        for id in ids { try h.waitProcessed(id) }
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.credit_listings WHERE credit_code = $1", [code]), "1")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.rejections WHERE message_id = ANY($1::text[]) AND reason = 'invalid_state'",
                                   [ids]), "11")

        let delists = (0..<6).map { Harness.newID("race-delist-\($0)") }
        for id in delists { try delist(code, reason: "error", id: id) }
        for id in delists { try h.waitProcessed(id) }
        XCTAssertEqual(try listed(code, "status"), "withdrawn")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.rejections WHERE message_id = ANY($1::text[]) AND reason = 'invalid_state'",
                                   [delists]), "5")
        try h.waitUntil("copies") { try copy(.housing, code) == "error" && copy(.market, code) == "error" }
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.department_credit_listings WHERE credit_code = $1", [code]), "2",
                       "one copy each for housing and market")
    }
}
