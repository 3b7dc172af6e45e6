import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// `credit.delist` through the real router, worker-hrss and the sector workers
/// (CONTRACT §9): `error` at once; `early_removal` after 6 months with every basis
/// case resolved or closed; nothing to delist.
final class CreditDelistingTests: CreditSystemTestCase {
    /// A code listed today on one case showing the condition; returns (code, case id).
    func listedCode() throws -> (code: String, caseID: String) {
        let code = newCode()
        let caseID = try caseShowingTheCondition(code)
        let id = try list(listBody(code, basis: [caseID]))
        try waitApplied(id)
        return (code, caseID)
    }

    func testAnErrorWithdrawsTheListingAtOnce() throws {
        let (code, caseID) = try listedCode()  // the case is still open: no matter for an error
        let id = try delist(code, reason: "error")
        try waitApplied(id)
        XCTAssertEqual(try listed(code, "status"), "withdrawn")
        XCTAssertEqual(try listed(code, "removed_on"), today.iso)
        XCTAssertEqual(try check(code, "listed"), "false")
        XCTAssertNil(try check(code, "listed_until"))
        XCTAssertEqual(try h.value("SELECT wage.credit_listed($1, current_date)::text", [code]), "false")
        XCTAssertTrue(try h.timeline(caseID).contains("hrss:credit_delisted"))
        try h.waitUntil("the copies are withdrawn too") {
            try copy(.housing, code) == "error" && copy(.market, code) == "error"
        }
        // Withdrawn: nothing left to delist, and the code may be listed again.
        let again = try delist(code, reason: "error")
        XCTAssertEqual(try h.waitForRejection(again), "invalid_state")
        let relist = try list(listBody(code, basis: [caseID]))
        try waitApplied(relist)
        XCTAssertEqual(try listed(code, "status"), "listed")
    }

    func testEarlyRemovalNeedsSixMonthsSinceTheCorrection() throws {
        let (code, caseID) = try listedCode()
        try settle(caseID)
        let tooSoon = try delist(code, reason: "early_removal",
                                 correctedOn: CalendarPeriod.adding(months: -6, to: today).adding(days: 1))
        XCTAssertEqual(try h.waitForRejection(tooSoon), "invalid_state")
        XCTAssertEqual(try listed(code, "status"), "listed")
        let corrected = CalendarPeriod.adding(months: -6, to: today)
        let id = try delist(code, reason: "early_removal", correctedOn: corrected)
        try waitApplied(id)
        XCTAssertEqual(try listed(code, "status"), "removed_early")
        XCTAssertEqual(try listed(code, "removed_on"), today.iso)
        XCTAssertEqual(try listed(code, "corrected_on"), corrected.iso)
        XCTAssertEqual(try check(code, "listed"), "false")
        try h.waitUntil("the copies are removed too") {
            try copy(.housing, code) == "early_removal" && copy(.market, code) == "early_removal"
        }
    }

    func testEarlyRemovalNeedsEveryBasisCaseResolvedOrClosed() throws {
        let code = newCode()
        let shown = try caseShowingTheCondition(code)
        let other = try insertCase(employer: code)
        let listing = try list(listBody(code, basis: [shown, other]))
        try waitApplied(listing)
        try settle(shown, status: "closed")
        let corrected = CalendarPeriod.adding(months: -7, to: today)
        let open = try delist(code, reason: "early_removal", correctedOn: corrected)
        XCTAssertEqual(try h.waitForRejection(open), "invalid_state", "one basis case is still open")
        try settle(other, status: "resolved", disposition: "mediated")
        let id = try delist(code, reason: "early_removal", correctedOn: corrected)
        try waitApplied(id)
        XCTAssertEqual(try listed(code, "status"), "removed_early")
    }

    func testNothingToDelistIsInvalidState() throws {
        let never = try delist(newCode(), reason: "error")
        XCTAssertEqual(try h.waitForRejection(never), "invalid_state")
        // An expired listing is not delisted either.
        let code = newCode()
        let old = CalendarPeriod.adding(years: -3, to: today.adding(days: -1))
        let first = try list(listBody(code, basis: [try caseShowingTheCondition(code)], decidedOn: old))
        try waitApplied(first)
        let expired = try delist(code, reason: "error")
        XCTAssertEqual(try h.waitForRejection(expired), "invalid_state")
        XCTAssertEqual(try listed(code, "status"), "expired")
    }
}
