import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// `credit.list` through the real router, worker-hrss and the housing and market
/// workers (CONTRACT §9): the condition, the 3 years, persons, refusals, copies.
final class CreditListingTests: CreditSystemTestCase {
    func testAListingOnAReferralAcceptedByThePoliceIsKeptCopiedAndOnTheViews() throws {
        // The real police worker accepts the referral for review.
        try h.startWorker(.police, clock: clock) { Workers.police() }
        let code = newCode()
        let caseID = try insertCase(employer: code)
        let no = Harness.newID("RF")
        let payBy = today.adding(days: -5)
        try h.publish(as: .hrss, "referral.submit", [
            "case_id": .string(caseID), "referral_no": .string(no),
            "suspect": ["name": "某建筑劳务有限公司", "kind": "company", "credit_code": .string(code)],
            "amount_owed": "80000.00", "workers_count": 12,
            "order_to_pay": ["issued_on": .day(payBy.adding(days: -10)), "pay_by": .day(payBy), "served": true],
            "evidence": .array(ReferralCheck.requiredEvidence.map { ["kind": .string($0), "title": "文书"] })])
        try h.waitUntil("referral accepted for review") {
            try h.value("SELECT status FROM wage.referral_overview WHERE referral_no = $1", [no]) == "under_review"
        }
        let decided = today.adding(days: -1)
        let id = try list(listBody(code, basis: [caseID.uppercased()], decidedOn: decided,
                                   persons: [("张三", "法定代表人"), ("李四", "实际控制人")]))
        try waitApplied(id)

        XCTAssertEqual(try listed(code, "status"), "listed")
        XCTAssertEqual(try listed(code, "decided_on"), decided.iso)
        XCTAssertEqual(try listed(code, "listed_until"), CalendarPeriod.adding(years: 3, to: decided).iso)
        XCTAssertEqual(try listed(code, "basis"), "{\(caseID)}", "canonical case ids")
        XCTAssertNil(try listed(code, "removed_on"))
        XCTAssertEqual(try check(code, "listed"), "true")
        XCTAssertEqual(try check(code, "listed_until"), CalendarPeriod.adding(years: 3, to: decided).iso)
        XCTAssertEqual(try h.value("SELECT wage.credit_listed($1, current_date)::text", [code]), "true")
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [id]),
                       "housing,hrss,market", "every recipient (sorted)")
        XCTAssertEqual(try h.value("""
            SELECT string_agg(p.name || ':' || p.role, ',' ORDER BY p.seq) FROM wage.credit_persons p
            JOIN wage.credit_listings l USING (listing_id) WHERE l.message_id = $1
            """, [id]), "张三:法定代表人,李四:实际控制人")
        // The timeline of the basis case says so, without naming the persons.
        let entry = try XCTUnwrap(h.value(
            "SELECT detail::text FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'credit_listed' AND department = 'hrss'",
            [caseID]))
        XCTAssertTrue(entry.contains(no), entry)
        XCTAssertFalse(entry.contains("张三"), entry)
        // Housing and market each keep their copy.
        try h.waitUntil("housing and market copies") {
            try copy(.housing, code) == "listed" && copy(.market, code) == "listed"
        }
    }

    func testPersonsAreReadableByHrssOnly() throws {
        let code = newCode()
        let id = try list(listBody(code, basis: [try caseShowingTheCondition(code)]))
        try waitApplied(id)
        XCTAssertEqual(try h.valueAs(.hrss, "SELECT count(*)::text FROM wage.credit_persons p JOIN wage.credit_listings l USING (listing_id) WHERE l.message_id = $1", [id]), "1")
        for other in [Principal.housing, .market, .police, .petitions, .platform] {
            XCTAssertThrowsError(try h.valueAs(other, "SELECT count(*)::text FROM wage.credit_persons"), other.rawValue)
            XCTAssertEqual(try h.valueAs(other, "SELECT status FROM wage.credit_list WHERE credit_code = $1", [code]), "listed",
                           "\(other.rawValue) reads the list")
            XCTAssertNotNil(try h.valueAs(other, "SELECT cases_3y::text FROM wage.credit_check WHERE credit_code = $1", [code]))
        }
    }

    func testACollectiveVisitAlertLinkedToTheCaseIsACondition() throws {
        let code = newCode()
        let petitionNo = Harness.newID("XF")
        let caseID = try insertCase(employer: code, channel: "petition", clueRef: petitionNo)
        let alert = Harness.newID("alert")
        try h.publish(as: .petitions, "incident.alert", ["petition_no": .string(petitionNo), "people": 12], id: alert)
        try h.waitProcessed(alert)
        XCTAssertEqual(try h.value("SELECT case_id::text FROM wage.office_alerts WHERE message_id = $1", [alert]), caseID)
        let id = try list(listBody(code, basis: [caseID]))
        try waitApplied(id)
        XCTAssertEqual(try listed(code, "status"), "listed")
    }

    func testEveryBasisCaseMustExistBeforeTheConditionIsChecked() throws {
        let code = newCode()
        let plain = try insertCase(employer: code)  // shows no condition either
        let unknown = UUID().uuidString.lowercased()
        let id = try list(listBody(code, basis: [plain, unknown]))
        XCTAssertEqual(try h.waitForRejection(id), "unknown_case")
        let malformed = try list(listBody(code, basis: [try caseShowingTheCondition(code), "WA-2026-999999"]))
        XCTAssertEqual(try h.waitForRejection(malformed), "unknown_case")
        XCTAssertNil(try listed(code, "status"), "nothing written")
    }

    func testWithoutTheConditionTheListingIsInvalidState() throws {
        let code = newCode()
        let plain = try insertCase(employer: code)
        let incomplete = try insertCase(employer: code)
        try insertReferral(incomplete, status: "incomplete")
        let id = try list(listBody(code, basis: [plain, incomplete]))
        XCTAssertEqual(try h.waitForRejection(id), "invalid_state")
        // A case resolved as unfounded counts for nothing, even with an accepted referral.
        let unfounded = try caseShowingTheCondition(code)
        try settle(unfounded, status: "resolved", disposition: "unfounded")
        let second = try list(listBody(code, basis: [unfounded]))
        XCTAssertEqual(try h.waitForRejection(second), "invalid_state")
        XCTAssertNil(try listed(code, "status"))
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'credit_listed'",
                                   [plain]), "0")
        // The office refused: neither regulator keeps a copy of it.
        try h.waitConsumed(by: .housing, second)
        try h.waitConsumed(by: .market, second)
        XCTAssertNil(try copy(.housing, code))
        XCTAssertNil(try copy(.market, code))
        XCTAssertEqual(try h.value("SELECT string_agg(rejected_by, ',') FROM wage.rejections WHERE message_id = $1", [second]),
                       "hrss", "refused once, by the office")
    }

    func testASecondListingOfAListedCodeIsInvalidState() throws {
        let code = newCode()
        let first = try list(listBody(code, basis: [try caseShowingTheCondition(code)]))
        try waitApplied(first)
        let second = try list(listBody(code, basis: [try caseShowingTheCondition(code)]))
        XCTAssertEqual(try h.waitForRejection(second), "invalid_state")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.credit_listings WHERE credit_code = $1", [code]), "1")
    }

    func testAnExpiredListingIsExpiredWithoutAJobAndTheCodeMayBeListedAgain() throws {
        let code = newCode()
        let caseID = try caseShowingTheCondition(code)
        // Decided 3 years and 1 day ago: listed_until was yesterday.
        let old = CalendarPeriod.adding(years: -3, to: today.adding(days: -1))
        let first = try list(listBody(code, basis: [caseID], decidedOn: old))
        try waitApplied(first)
        XCTAssertEqual(try listed(code, "status"), "expired")
        XCTAssertEqual(try check(code, "listed"), "false")
        let again = try list(listBody(code, basis: [caseID]))
        try waitApplied(again)
        XCTAssertEqual(try listed(code, "status"), "listed")
        XCTAssertEqual(try h.value("SELECT string_agg(status, ',' ORDER BY listing_id) FROM wage.credit_list WHERE credit_code = $1",
                                   [code]), "expired,listed")
    }

    func testARedeliveredListingHasItsEffectOnce() throws {
        let code = newCode()
        let body = listBody(code, basis: [try caseShowingTheCondition(code)])
        let id = Harness.newID("list")
        try list(body, id: id)
        try waitApplied(id)
        try list(body, id: id)
        let marker = try list(listBody(newCode(), basis: [UUID().uuidString]))
        _ = try h.waitForRejection(marker)
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.credit_listings WHERE credit_code = $1", [code]), "1")
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]))
    }

    func testTheRouterRefusesOtherSendersAndMalformedPayloads() throws {
        let code = newCode()
        let caseID = try caseShowingTheCondition(code)
        for sender in [Principal.housing, .market, .police, .platform, .government] {
            let id = try list(listBody(code, basis: [caseID]), as: sender)
            XCTAssertEqual(try h.waitRejection(id), "forbidden_sender", sender.rawValue)
        }
        let fromHousing = Harness.newID("delist")
        try h.publish(as: .housing, "credit.delist", ["credit_code": .string(code), "reason": "error"], id: fromHousing)
        XCTAssertEqual(try h.waitRejection(fromHousing), "forbidden_sender")
        // forbidden_sender comes before schema
        let both = try list(["credit_code": .string(code)], as: .market)
        XCTAssertEqual(try h.waitRejection(both), "forbidden_sender")

        let empty = try list(listBody(code, basis: []))
        XCTAssertEqual(try h.waitRejection(empty), "schema:basis")
        let noName = try list(.compact(["credit_code": .string(code), "basis": .strings([caseID]), "decided_on": .day(today)]))
        XCTAssertEqual(try h.waitRejection(noName), "schema:name")
        let badPerson = try list(["credit_code": .string(code), "name": "某公司", "basis": .strings([caseID]),
                                  "decided_on": .day(today), "persons": [["name": "张三"]]])
        XCTAssertEqual(try h.waitRejection(badPerson), "schema:persons[0].role")
        let badDay = try list(["credit_code": .string(code), "name": "某公司", "basis": .strings([caseID]),
                               "decided_on": "2026-02-30"])
        XCTAssertEqual(try h.waitRejection(badDay), "schema:decided_on")
        let noCorrection = try delist(code, reason: "early_removal")
        XCTAssertEqual(try h.waitRejection(noCorrection), "schema:corrected_on")
        let badReason = try delist(code, reason: "paid_up")
        XCTAssertEqual(try h.waitRejection(badReason), "schema:reason")
        XCTAssertNil(try listed(code, "status"))
    }
}
