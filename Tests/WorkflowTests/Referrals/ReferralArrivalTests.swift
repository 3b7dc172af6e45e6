import XCTest
@testable import Messages
@testable import Workflow

final class ReferralArrivalTests: XCTestCase {
    func testACompleteReferralIsAcceptedForReviewWithA3DayDeadline() throws {
        let t = try applied(ReferralState.submit(sampleSubmission(), existing: nil, context: ctx("2026-02-13")))
        XCTAssertEqual(t.state.status, .underReview)
        XCTAssertEqual(t.state.decideBy, d("2026-02-16"), "3 calendar days, holidays included")
        XCTAssertEqual(t.state.missing, [])
        XCTAssertEqual(t.state.submissions, 1)
        XCTAssertEqual(t.state.receivedAt, ctx("2026-02-13").now)
        XCTAssertEqual(t.messages.count, 1)
        let m = t.messages[0]
        XCTAssertEqual(m.type, .referralReceipt)
        XCTAssertEqual(m.recipients, [.hrss])
        XCTAssertEqual(m.idSuffix, "receipt")
        XCTAssertEqual(m.correlationID, "C-1")
        XCTAssertEqual(try ReferralReceipt(json: payload(m.payload)),
                       ReferralReceipt(referralNo: "R-1", status: .acceptedForReview, missing: [], decideBy: d("2026-02-16")))
        XCTAssertEqual(t.timeline.map(\.event), ["referral_received"])
        XCTAssertEqual(t.timeline[0].department, .police)
        XCTAssertEqual(t.timeline[0].caseID, "C-1")
        XCTAssertEqual(t.timeline[0].detail["status"], "accepted_for_review")
    }

    func testMissingItemsAreListedInAStableOrder() throws {
        let s = sampleSubmission(evidence: ["service_proof", "photo", "referral_letter"], served: false, payBy: "2026-02-13")
        let t = try applied(ReferralState.submit(s, existing: nil, context: ctx("2026-02-13")))
        XCTAssertEqual(t.state.status, .incomplete)
        XCTAssertNil(t.state.decideBy)
        let expected = ["investigation_report", "order_to_pay", "order_served", "pay_by_passed"]
        XCTAssertEqual(t.state.missing, expected)
        let receipt = try ReferralReceipt(json: payload(t.messages[0].payload))
        XCTAssertEqual(receipt, ReferralReceipt(referralNo: "R-1", status: .incomplete, missing: expected))
    }

    func testPayByMustBeStrictlyInThePast() {
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(payBy: "2026-02-12"), today: d("2026-02-13")), [])
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(payBy: "2026-02-13"), today: d("2026-02-13")), ["pay_by_passed"])
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(payBy: "2026-03-01"), today: d("2026-02-13")), ["pay_by_passed"])
    }

    func testEachMissingEvidenceKindIsNamed() {
        for kind in ReferralCheck.requiredEvidence {
            let s = sampleSubmission(evidence: ReferralCheck.requiredEvidence.filter { $0 != kind })
            XCTAssertEqual(ReferralCheck.missing(s, today: d("2026-02-13")), [kind])
        }
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(evidence: []), today: d("2026-02-13")),
                       ["referral_letter", "investigation_report", "order_to_pay", "service_proof"])
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(evidence: ["Referral_Letter"] + ReferralCheck.requiredEvidence.dropFirst()),
                                             today: d("2026-02-13")), ["referral_letter"], "kinds are exact")
        XCTAssertEqual(ReferralCheck.missing(sampleSubmission(served: false), today: d("2026-02-13")), ["order_served"])
    }

    func testAResubmissionAfterIncompleteIsReviewedAgain() throws {
        let first = try applied(ReferralState.submit(sampleSubmission(served: false), existing: nil, context: ctx("2026-02-13")))
        XCTAssertEqual(first.state.status, .incomplete)
        let second = try applied(ReferralState.submit(sampleSubmission(served: false), existing: first.state, context: ctx("2026-02-24")))
        XCTAssertEqual(second.state.status, .incomplete)
        XCTAssertEqual(second.state.submissions, 2)
        let third = try applied(ReferralState.submit(sampleSubmission(), existing: second.state, context: ctx("2026-02-25")))
        XCTAssertEqual(third.state.status, .underReview)
        XCTAssertEqual(third.state.submissions, 3)
        XCTAssertEqual(third.state.decideBy, d("2026-02-28"))
        XCTAssertEqual(third.state.missing, [])
        XCTAssertEqual(third.state.receivedAt, ctx("2026-02-25").now)
        XCTAssertEqual(third.messages.map(\.type), [.referralReceipt])
    }

    func testAResubmissionOfAnAcceptedOrDecidedReferralIsInvalid() {
        for status in [ReferralStatus.underReview, .filed, .notFiled, .reconsidering] {
            assertRejected(ReferralState.submit(sampleSubmission(), existing: sampleReferral(status), context: ctx("2026-02-14")),
                           .invalidState)
        }
    }

    func testAResubmissionForAnotherCaseIsInvalid() {
        var other = sampleSubmission()
        other.caseID = "C-2"
        assertRejected(ReferralState.submit(other, existing: sampleReferral(.incomplete), context: ctx("2026-02-14")), .invalidState)
    }

    /// A `referral_no` may have 128 characters (CONTRACT §3 identifiers); the
    /// receipt's id must stay within 128 for an ordinary cause id.
    func testTheReceiptIdDoesNotGrowWithTheReferralNumber() throws {
        let long = String(repeating: "R", count: 128)
        let t = try applied(ReferralState.submit(sampleSubmission(no: long), existing: nil, context: ctx("2026-02-13")))
        let cause = "submit-" + String(repeating: "0", count: 36)
        XCTAssertEqual(t.messages[0].messageID(cause: cause), cause + ":receipt")
        XCTAssertLessThanOrEqual(t.messages[0].messageID(cause: cause).count, 128)
        XCTAssertEqual(try ReferralReceipt(json: payload(t.messages[0].payload)).referralNo, long)
    }
}
