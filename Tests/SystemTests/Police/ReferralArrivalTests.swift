import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// `referral.submit` through the real broker and database (issue 5, item 1): the
/// automatic check on arrival, the receipt to hrss, resubmission, refusals and
/// duplicates.
final class PoliceReferralArrivalTests: PoliceSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try startPoliceAndOffice()
    }

    func testACompletePackageIsAcceptedForReviewWithADecisionDeadline() throws {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        let id = try submit(submission(caseID, no), expecting: "under_review")
        let decideBy = today.adding(days: 3).iso
        XCTAssertEqual(try overview(no, "case_id"), caseID)
        XCTAssertEqual(try overview(no, "decide_by"), decideBy, "3 days after receipt")
        XCTAssertEqual(try overview(no, "missing"), "{}")
        XCTAssertEqual(try overview(no, "police_case_no"), nil)
        let receipts = try policeOutbox(causedBy: id)
        XCTAssertEqual(receipts.map(\.id), ["\(id):receipt"])
        XCTAssertEqual(receipts.first?.type, "referral.receipt")
        XCTAssertEqual(receipts.first?.body, ["referral_no": .string(no), "status": "accepted_for_review", "missing": [],
                                              "decide_by": .string(decideBy)])
        // The receipt reaches hrss through the router, which records it on the case timeline.
        let details = try waitForOfficeEntries(caseID, "referral_receipt")
        XCTAssertEqual(details, [["referral_no": .string(no), "status": "accepted_for_review", "missing": [],
                                  "decide_by": .string(decideBy)]])
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1",
                                   ["\(id):receipt"]), "hrss")
        XCTAssertEqual(try referralEvents(caseID, by: .police), ["referral_received"])
        XCTAssertEqual(try h.value("SELECT status FROM wage.referral_events WHERE message_id = $1", [id]), "under_review")
    }

    func testAnIncompletePackageListsExactlyTheMissingEvidence() throws {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        let id = try submit(submission(caseID, no, evidence: ["service_proof", "photo", "referral_letter"]),
                            expecting: "incomplete")
        XCTAssertEqual(try overview(no, "missing"), "{investigation_report,order_to_pay}")
        XCTAssertEqual(try overview(no, "decide_by"), nil)
        XCTAssertEqual(try policeOutbox(causedBy: id).first?.body,
                       ["referral_no": .string(no), "status": "incomplete", "missing": ["investigation_report", "order_to_pay"]])
        let details = try waitForOfficeEntries(caseID, "referral_receipt")
        XCTAssertEqual(details.first?["status"], "incomplete")
        XCTAssertEqual(details.first?["missing"], ["investigation_report", "order_to_pay"])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]), "0",
                       "an incomplete referral is a business outcome, not a rejection")
    }

    func testAnOrderNotServedOrNotYetDueIsIncomplete() throws {
        let caseID = try makeCase()
        let unserved = Harness.newID("RF-unserved")
        try submit(submission(caseID, unserved, served: false), expecting: "incomplete")
        XCTAssertEqual(try overview(unserved, "missing"), "{order_served}")
        let dueToday = Harness.newID("RF-due-today")
        try submit(submission(caseID, dueToday, payBy: today), expecting: "incomplete")
        XCTAssertEqual(try overview(dueToday, "missing"), "{pay_by_passed}", "pay_by must be strictly in the past")
        let later = Harness.newID("RF-later")
        try submit(submission(caseID, later, evidence: ["referral_letter"], served: false, payBy: today.adding(days: 20)),
                   expecting: "incomplete")
        XCTAssertEqual(try overview(later, "missing"),
                       "{investigation_report,order_to_pay,service_proof,order_served,pay_by_passed}")
        let receipts = try waitForOfficeEntries(caseID, "referral_receipt", count: 3)
        XCTAssertEqual(Set(receipts.compactMap { $0["status"]?.stringValue }), ["incomplete"])
    }

    func testAResubmissionAfterIncompleteIsReviewedAgainButNotOnceAccepted() throws {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        try submit(submission(caseID, no, served: false), expecting: "incomplete")
        clock.set(shanghaiNoonOf: today.adding(days: 1))
        let second = try submit(submission(caseID, no), expecting: "under_review")
        XCTAssertEqual(try overview(no, "submissions"), "2")
        XCTAssertEqual(try overview(no, "decide_by"), today.adding(days: 4).iso, "3 days after the resubmission")
        XCTAssertEqual(try overview(no, "missing"), "{}")
        XCTAssertEqual(try policeOutbox(causedBy: second).first?.body["status"], "accepted_for_review")
        let receipts = try waitForOfficeEntries(caseID, "referral_receipt", count: 2)
        XCTAssertEqual(receipts.compactMap { $0["status"]?.stringValue }, ["incomplete", "accepted_for_review"])

        let third = Harness.newID("submit-again")
        try h.publish(as: .hrss, "referral.submit", submission(caseID, no), id: third)
        XCTAssertEqual(try refusal(of: third, by: .police), "invalid_state", "the earlier review stands")
        XCTAssertEqual(try overview(no, "submissions"), "2")
    }

    func testAReferralForAnUnknownCaseIsRefused() throws {
        let id = Harness.newID("submit-unknown")
        try h.publish(as: .hrss, "referral.submit", submission(UUID().uuidString, Harness.newID("RF")), id: id)
        XCTAssertEqual(try refusal(of: id, by: .police), "unknown_case")
        let notAUUID = Harness.newID("submit-c1")
        try h.publish(as: .hrss, "referral.submit", submission("C-0001", Harness.newID("RF")), id: notAUUID)
        XCTAssertEqual(try refusal(of: notAUUID, by: .police), "unknown_case")
        XCTAssertEqual(try deadLetterReason(of: notAUUID, by: .police), "unknown_case")
    }

    func testAReferralFromAnotherPrincipalIsRefusedByTheRouter() throws {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        for sender in [Principal.housing, .police, .platform] {
            let id = Harness.newID("submit-from-\(sender.rawValue)")
            try h.publish(as: sender, "referral.submit", submission(caseID, no), id: id)
            XCTAssertEqual(try refusal(of: id, by: .router), "forbidden_sender", sender.rawValue)
            XCTAssertEqual(try deadLetterReason(of: id, by: .router), "forbidden_sender")
        }
        XCTAssertNil(try overview(no, "status"), "nothing reached police")
    }

    func testADuplicateDeliveryHasOneReceipt() throws {
        let caseID = try makeCase()
        let no = Harness.newID("RF")
        let id = Harness.newID("submit-dup")
        // Republished to the intake (the router dedupes) and redelivered to police's queue (the worker dedupes).
        try h.publish(as: .hrss, "referral.submit", submission(caseID, no), id: id)
        try h.publish(as: .hrss, "referral.submit", submission(caseID, no), id: id)
        try deliverToQueue(.police, from: .hrss, "referral.submit", submission(caseID, no), id: id)
        try deliverToQueue(.police, from: .hrss, "referral.submit", submission(caseID, no), id: id)
        // A later message on the same queue: once it is applied, every copy before it was seen.
        try submit(submission(caseID, Harness.newID("RF-sentinel")), expecting: "under_review")
        XCTAssertEqual(try overview(no, "submissions"), "1")
        XCTAssertEqual(try policeOutbox(causedBy: id).count, 1, "one receipt")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", [id]), "1")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]), "0",
                       "a duplicate is not a rejection")
        try waitForOfficeEntries(caseID, "referral_receipt", count: 2)
        XCTAssertEqual(try entries(caseID, by: .hrss).filter { $0.detail["referral_no"]?.stringValue == no }.count, 1)
    }
}
