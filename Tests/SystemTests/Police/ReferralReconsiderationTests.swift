import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Reconsideration of a `not_filed` decision (国务院令310号 第九条): once, within 3
/// days, on the test clock; police decide again.
final class PoliceReferralReconsiderationTests: PoliceSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try startPoliceAndOffice()
    }

    @discardableResult
    func reconsider(_ no: String, id: String = Harness.newID("reconsider")) throws -> String {
        try h.publish(as: .hrss, "referral.reconsider", ["referral_no": .string(no), "reason": "有新证据证明有能力支付"], id: id)
        return id
    }

    func notFiled(_ no: String) throws {
        try decide(no, notFiledBecause: "证据不足")
        try waitForStatus(no, "not_filed")
    }

    func testOnceWithinThreeDaysThenPoliceDecideAgain() throws {
        let (caseID, no) = try acceptedReferral()
        try notFiled(no)
        clock.set(shanghaiNoonOf: today.adding(days: 3))  // the last day of the window
        let first = try reconsider(no)
        try waitForStatus(no, "reconsidering")
        XCTAssertEqual(try overview(no, "decide_by"), today.adding(days: 6).iso, "3 days to decide again")
        XCTAssertEqual(try overview(no, "reconsidered"), "true")
        XCTAssertEqual(try h.value("SELECT status FROM wage.referral_events WHERE message_id = $1", [first]), "reconsidering")

        // Police decide again: not filed a second time; hrss may not ask twice.
        try notFiled(no)
        let second = try reconsider(no)
        XCTAssertEqual(try refusal(of: second, by: .police), "invalid_state")
        XCTAssertEqual(try overview(no, "status"), "not_filed")
        let decisions = try waitForOfficeEntries(caseID, "referral_decision", count: 2)
        XCTAssertEqual(decisions.compactMap { $0["decision"]?.stringValue }, ["not_filed", "not_filed"])
        XCTAssertEqual(try referralEvents(caseID, by: .police),
                       ["referral_received", "referral_not_filed", "referral_reconsidering", "referral_not_filed"])
    }

    func testAfterReconsiderationPoliceMayFile() throws {
        let (caseID, no) = try acceptedReferral()
        try notFiled(no)
        clock.set(shanghaiNoonOf: today.adding(days: 1))
        try reconsider(no)
        try waitForStatus(no, "reconsidering")
        try decide(no, filed: "P-2026-0100")
        try waitForStatus(no, "filed")
        XCTAssertEqual(try overview(no, "police_case_no"), "P-2026-0100")
        XCTAssertEqual(try overview(no, "decision_reason"), nil)
        let decisions = try waitForOfficeEntries(caseID, "referral_decision", count: 2)
        XCTAssertEqual(decisions.compactMap { $0["decision"]?.stringValue }, ["not_filed", "filed"])
    }

    func testALateReconsiderationIsInvalidState() throws {
        let (_, no) = try acceptedReferral()
        try notFiled(no)
        clock.set(shanghaiNoonOf: today.adding(days: 4))
        let late = try reconsider(no)
        XCTAssertEqual(try refusal(of: late, by: .police), "invalid_state")
        XCTAssertEqual(try deadLetterReason(of: late, by: .police), "invalid_state")
        XCTAssertEqual(try overview(no, "status"), "not_filed")
        XCTAssertEqual(try overview(no, "reconsidered"), "false")
    }

    func testReconsiderationOfAFiledOrUnknownReferralIsRefused() throws {
        let (_, no) = try acceptedReferral()
        let underReview = try reconsider(no)
        XCTAssertEqual(try refusal(of: underReview, by: .police), "invalid_state")
        let unknown = try reconsider(Harness.newID("RF-unknown"))
        XCTAssertEqual(try refusal(of: unknown, by: .police), "unknown_case")
    }
}
