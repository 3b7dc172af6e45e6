import XCTest
@testable import Messages
@testable import Workflow

final class ReferralDecisionTests: XCTestCase {
    let filed = ReferralDecision(referralNo: "R-1", verdict: .filed(policeCaseNo: "A5001"))
    let notFiled = ReferralDecision(referralNo: "R-1", verdict: .notFiled(reason: "证据不足"))

    func testFiledFromReview() throws {
        let t = try applied(sampleReferral(.underReview).decide(filed, context: ctx("2026-02-15")))
        XCTAssertEqual(t.state.status, .filed)
        XCTAssertEqual(t.state.policeCaseNo, "A5001")
        XCTAssertEqual(t.state.decidedOn, d("2026-02-15"))
        XCTAssertEqual(t.state.decidedAt, ctx("2026-02-15").now)
        XCTAssertEqual(t.timeline.map(\.event), ["referral_filed"])
        XCTAssertEqual(t.timeline[0].detail, ["referral_no": "R-1", "police_case_no": "A5001"])
        XCTAssertTrue(t.messages.isEmpty)
    }

    func testNotFiledKeepsTheReason() throws {
        let t = try applied(sampleReferral(.underReview).decide(notFiled, context: ctx("2026-02-15")))
        XCTAssertEqual(t.state.status, .notFiled)
        XCTAssertEqual(t.state.decisionReason, "证据不足")
        XCTAssertNil(t.state.policeCaseNo)
        XCTAssertEqual(t.timeline[0].detail["reason"], "证据不足")
    }

    func testALateDecisionIsStillTaken() throws {
        let t = try applied(sampleReferral(.underReview, decideBy: "2026-02-16").decide(filed, context: ctx("2026-03-01")))
        XCTAssertEqual(t.state.status, .filed)
    }

    func testDecisionOnlyWhileAwaitingOne() {
        for status in [ReferralStatus.incomplete, .filed, .notFiled] {
            assertRejected(sampleReferral(status).decide(filed, context: ctx("2026-02-15")), .invalidState)
            assertRejected(sampleReferral(status).decide(notFiled, context: ctx("2026-02-15")), .invalidState)
        }
    }

    func testReconsiderOnceWithinThreeDays() throws {
        let decided = try applied(sampleReferral(.underReview).decide(notFiled, context: ctx("2026-02-16"))).state
        // on the 3rd day after the decision: still in time
        let t = try applied(decided.reconsider(ReferralReconsider(referralNo: "R-1", reason: "补充证据"), context: ctx("2026-02-19")))
        XCTAssertEqual(t.state.status, .reconsidering)
        XCTAssertTrue(t.state.reconsidered)
        XCTAssertEqual(t.state.reconsiderReason, "补充证据")
        XCTAssertEqual(t.state.reconsiderRequestedAt, ctx("2026-02-19").now)
        XCTAssertEqual(t.state.decideBy, d("2026-02-22"))
        XCTAssertEqual(t.timeline.map(\.event), ["referral_reconsidering"])
        XCTAssertEqual(t.timeline[0].detail["decide_by"], "2026-02-22")

        // police answer; a second not_filed is final
        let again = try applied(t.state.decide(notFiled, context: ctx("2026-02-21"))).state
        XCTAssertEqual(again.status, .notFiled)
        assertRejected(again.reconsider(ReferralReconsider(referralNo: "R-1", reason: "再议"), context: ctx("2026-02-22")), .invalidState)

        // or they file after all
        XCTAssertEqual(try applied(t.state.decide(filed, context: ctx("2026-02-21"))).state.status, .filed)
    }

    func testReconsiderTooLateOrInTheWrongStatus() {
        let late = sampleReferral(.notFiled, decidedOn: "2026-02-16")
        assertRejected(late.reconsider(ReferralReconsider(referralNo: "R-1", reason: "x"), context: ctx("2026-02-20")), .invalidState)
        for status in [ReferralStatus.incomplete, .underReview, .filed, .reconsidering] {
            assertRejected(sampleReferral(status, decidedOn: "2026-02-16")
                .reconsider(ReferralReconsider(referralNo: "R-1", reason: "x"), context: ctx("2026-02-17")), .invalidState)
        }
        let used = sampleReferral(.notFiled, decidedOn: "2026-02-16", reconsidered: true)
        assertRejected(used.reconsider(ReferralReconsider(referralNo: "R-1", reason: "x"), context: ctx("2026-02-17")), .invalidState)
    }

    func testMeasuresOnceAcceptedForReview() throws {
        for status in [ReferralStatus.underReview, .reconsidering, .filed] {
            let t = try applied(sampleReferral(status).measure(
                ReferralMeasure(referralNo: "R-1", kind: .freezeAccounts, detail: "冻结账户 6222…"), context: ctx("2026-02-15")))
            XCTAssertEqual(t.state.status, status)
            XCTAssertEqual(t.state.measures, [ReferralMeasureRecord(kind: .freezeAccounts, detail: "冻结账户 6222…", at: ctx("2026-02-15").now)])
            XCTAssertEqual(t.timeline.map(\.event), ["referral_measure"])
            XCTAssertEqual(t.timeline[0].detail["kind"], "freeze_accounts")
        }
        for status in [ReferralStatus.incomplete, .notFiled] {
            assertRejected(sampleReferral(status).measure(ReferralMeasure(referralNo: "R-1", kind: .controlSuspect),
                                                          context: ctx("2026-02-15")), .invalidState)
        }
        let two = try applied(try applied(sampleReferral(.filed).measure(ReferralMeasure(referralNo: "R-1", kind: .controlSuspect),
                                                                         context: ctx("2026-02-15"))).state
            .measure(ReferralMeasure(referralNo: "R-1", kind: .earlyIntervention), context: ctx("2026-02-16")))
        XCTAssertEqual(two.state.measures.map(\.kind), [.controlSuspect, .earlyIntervention])
    }

    func testOverdueDetection() {
        let review = sampleReferral(.underReview, decideBy: "2026-02-16")
        XCTAssertFalse(review.isOverdue(asOf: d("2026-02-16")), "the deadline day itself is in time")
        XCTAssertTrue(review.isOverdue(asOf: d("2026-02-17")))
        XCTAssertTrue(sampleReferral(.reconsidering, decideBy: "2026-02-16").isOverdue(asOf: d("2026-02-17")))
        for status in [ReferralStatus.incomplete, .filed, .notFiled] {
            XCTAssertFalse(sampleReferral(status, decideBy: "2026-02-16").isOverdue(asOf: d("2026-03-01")))
        }
        XCTAssertFalse(ReferralState.isDecisionOverdue(status: .underReview, decideBy: nil, asOf: d("2026-03-01")))

        let at = ctx("2026-02-13").now
        let a = ReferralState(submission: sampleSubmission(no: "R-9"), status: .underReview, receivedAt: at, decideBy: d("2026-02-20"))
        let b = ReferralState(submission: sampleSubmission(no: "R-2"), status: .reconsidering, receivedAt: at, decideBy: d("2026-02-18"))
        let c = ReferralState(submission: sampleSubmission(no: "R-1"), status: .underReview, receivedAt: at, decideBy: d("2026-02-20"))
        let done = sampleReferral(.filed, decideBy: "2026-02-10")
        XCTAssertEqual(ReferralState.overdue([a, done, b, c], asOf: d("2026-02-21")).map(\.referralNo), ["R-2", "R-1", "R-9"])
        XCTAssertEqual(ReferralState.overdue([a, b, c], asOf: d("2026-02-19")).map(\.referralNo), ["R-2"])
    }
}
