import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Decisions and measures sent by police staff (issue 5, item 2): delivered to
/// hrss and copied to police (duty list 2026-1), applied by both or refused by
/// both with the same reason.
final class PoliceReferralDecisionTests: PoliceSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try startPoliceAndOffice()
    }

    func testFiledWithThePoliceCaseNumber() throws {
        let (caseID, no) = try acceptedReferral()
        let id = try decide(no, filed: "P-2026-0042")
        try waitForStatus(no, "filed")
        XCTAssertEqual(try overview(no, "police_case_no"), "P-2026-0042")
        XCTAssertNotNil(try overview(no, "decided_at"))
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [id]),
                       "hrss,police", "delivered to hrss and copied to police")
        let details = try waitForOfficeEntries(caseID, "referral_decision")
        XCTAssertEqual(details, [["referral_no": .string(no), "decision": "filed", "police_case_no": "P-2026-0042"]])
        XCTAssertEqual(try referralEvents(caseID, by: .police), ["referral_received", "referral_filed"])
    }

    func testNotFiledNeedsAReasonAtTheRouter() throws {
        let (caseID, no) = try acceptedReferral()
        let id = Harness.newID("decision-no-reason")
        try h.publish(as: .police, "referral.decision", ["referral_no": .string(no), "decision": "not_filed"], id: id)
        XCTAssertEqual(try refusal(of: id, by: .router), "schema:reason")
        XCTAssertEqual(try deadLetterReason(of: id, by: .router), "schema:reason")
        let withReason = try decide(no, notFiledBecause: "证据不足以证明有能力支付")
        try waitForStatus(no, "not_filed")
        XCTAssertEqual(try overview(no, "decision_reason"), "证据不足以证明有能力支付")
        let details = try waitForOfficeEntries(caseID, "referral_decision")
        XCTAssertEqual(details.first?["reason"], "证据不足以证明有能力支付")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = ANY($1::text[])", [[withReason]]), "0")
    }

    func testInvalidDecisionsAreRefusedByPoliceAndHrssAlike() throws {
        // Filed without a police case number: the router refuses it as both workers would (the catalogue's
        // rule: police_case_no comes with filed), so neither worker sees it.
        let (caseID, no) = try acceptedReferral()
        let noNumber = try decide(no, filed: nil)
        XCTAssertEqual(try refusal(of: noNumber, by: .router), "schema:police_case_no")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1 AND rejected_by <> 'router'",
                                   [noNumber]), "0")
        // Unknown referral.
        let unknown = try decide(Harness.newID("RF-unknown"), filed: "P-1")
        XCTAssertEqual(try refusal(of: unknown, by: .police), "unknown_case")
        XCTAssertEqual(try refusal(of: unknown, by: .hrss), "unknown_case")
        // Not under review (incomplete).
        let incomplete = Harness.newID("RF-incomplete")
        try submit(submission(caseID, incomplete, served: false), expecting: "incomplete")
        let early = try decide(incomplete, filed: "P-2")
        XCTAssertEqual(try refusal(of: early, by: .police), "invalid_state")
        XCTAssertEqual(try refusal(of: early, by: .hrss), "invalid_state")
        XCTAssertEqual(try overview(incomplete, "status"), "incomplete")
        // Already decided.
        try decide(no, filed: "P-3")
        try waitForStatus(no, "filed")
        try waitForOfficeEntries(caseID, "referral_decision")
        let again = try decide(no, notFiledBecause: "改变主意")
        XCTAssertEqual(try refusal(of: again, by: .police), "invalid_state")
        XCTAssertEqual(try refusal(of: again, by: .hrss), "invalid_state")
        XCTAssertEqual(try deadLetterReason(of: again, by: .police), "invalid_state")
        XCTAssertEqual(try overview(no, "police_case_no"), "P-3")
        XCTAssertEqual(try entries(caseID, by: .hrss).filter { $0.event == "referral_decision" }.count, 1,
                       "hrss recorded only the valid decision")
    }

    func testMeasuresAreRecordedOnBothSides() throws {
        let (caseID, no) = try acceptedReferral()
        let kinds = ["freeze_accounts", "control_suspect", "early_intervention"]
        var ids: [String] = []
        for kind in kinds {
            let id = Harness.newID("measure-\(kind)")
            ids.append(id)
            try h.publish(as: .police, "referral.measure", ["referral_no": .string(no), "kind": .string(kind),
                                                            "detail": .string("\(kind) 已执行")], id: id)
        }
        let details = try waitForOfficeEntries(caseID, "referral_measure", count: 3)
        XCTAssertEqual(details.compactMap { $0["kind"]?.stringValue }, kinds)
        XCTAssertEqual(details.first?["detail"], "freeze_accounts 已执行")
        try h.waitUntil("3 measures") { try overview(no, "measures") == "3" }
        let stored = try h.rows("SELECT kind, detail::text AS detail, message_id FROM wage.referral_measures WHERE referral_no = $1 ORDER BY id", [no])
        XCTAssertEqual(try stored.map { try $0.string("kind") }, kinds)
        XCTAssertEqual(try stored.map { try $0.string("message_id") }, ids)
        XCTAssertEqual(try stored.first?.string("detail"), "\"freeze_accounts 已执行\"")
        XCTAssertEqual(try entries(caseID, by: .police).filter { $0.event == "referral_measure" }.count, 3)

        // No measure after a final not_filed.
        try decide(no, notFiledBecause: "不构成犯罪")
        try waitForStatus(no, "not_filed")
        let late = Harness.newID("measure-late")
        try h.publish(as: .police, "referral.measure", ["referral_no": .string(no), "kind": "freeze_accounts"], id: late)
        XCTAssertEqual(try refusal(of: late, by: .police), "invalid_state")
        XCTAssertEqual(try refusal(of: late, by: .hrss), "invalid_state")
        XCTAssertEqual(try overview(no, "measures"), "3")
    }
}
