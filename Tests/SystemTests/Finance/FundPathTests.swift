import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §3 emergency fund through the real broker and database: a request
/// reserves at once, the government's decision disburses (ledger entry, hrss
/// told) or releases it, and a request above the available balance is recorded
/// `insufficient_fund` and answered, not refused.
final class FundPathTests: FundSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startFundServices()
    }

    func testAnApprovedRequestIsDisbursedOnTheLedgerAndHrssIsTold() throws {
        let caseID = try h.makeFundCase()
        try h.deposit("1000.00")
        let before = try h.fundFigures()
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "300.50"), id: Harness.newID("req"))
        try h.waitForFund(no, "awaiting_approval")
        let reserved = try h.fundFigures()
        XCTAssertEqual(reserved["reserved_fen"]! - before["reserved_fen"]!, 30_050, "reserved at once")
        XCTAssertEqual(reserved["available_fen"]! - before["available_fen"]!, -30_050)
        XCTAssertEqual(reserved["cash_fen"], before["cash_fen"], "no money moves before approval")

        let decision = Harness.newID("decision")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved", note: "同意垫付"), id: decision)
        try h.waitForFund(no, "disbursed")
        let postings = try h.rows("""
            SELECT e.kind, e.message_id, p.account, p.amount_fen FROM wage.fund_entries e
            JOIN wage.fund_postings p ON p.entry_id = e.id WHERE e.request_no = $1 ORDER BY p.account
            """, [no])
        XCTAssertEqual(try postings.map { "\(try $0.string("kind")) \(try $0.string("account")) \(try $0.int64("amount_fen"))" },
                       ["disbursement advances_receivable 30050", "disbursement fund_cash -30050"])
        XCTAssertEqual(try postings.map { try $0.string("message_id") }, [decision, decision], "the entry names its cause")
        let after = try h.fundFigures()
        XCTAssertEqual(after["reserved_fen"], before["reserved_fen"], "the reservation became a disbursement")
        XCTAssertEqual(after["available_fen"], reserved["available_fen"])
        XCTAssertEqual(after["cash_fen"]! - before["cash_fen"]!, -30_050)
        XCTAssertEqual(after["outstanding_fen"]! - before["outstanding_fen"]!, 30_050)
        let view = try h.rows("""
            SELECT amount::text, outstanding::text, approver, disbursed_at IS NOT NULL AS paid, case_id::text
            FROM wage.fund_overview WHERE request_no = $1
            """, [no])[0]
        XCTAssertEqual(try view.string("amount"), "300.50")
        XCTAssertEqual(try h.value("SELECT amount::text FROM wage.fund_requests WHERE request_no = $1", [no]), "300.50",
                       "CONTRACT §7.5: the table's own amount column, in yuan")
        XCTAssertEqual(try view.string("outstanding"), "300.50")
        XCTAssertEqual(try view.string("approver"), "王区长")
        XCTAssertTrue(try view.bool("paid"))
        XCTAssertEqual(try view.string("case_id"), caseID)

        XCTAssertEqual(try h.value("SELECT body::jsonb->>'amount' FROM wage.outbox WHERE message_id = $1 AND type = 'fund.disbursed'",
                                   ["\(decision):disbursed"]), "300.50")
        try h.waitUntil("hrss records the disbursement") { try h.timeline(caseID, by: "hrss") == ["fund_disbursed"] }
        XCTAssertEqual(try h.hrssFundDetail(caseID, "request_no"), no)
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed"])
        try h.assertLedgerConsistent()
    }

    func testARejectedRequestReleasesItsReservation() throws {
        let caseID = try h.makeFundCase()
        try h.deposit("500.00")
        let before = try h.fundFigures()
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, "200.00"))
        try h.waitForFund(no, "awaiting_approval")
        XCTAssertEqual(try h.fundFigures()["available_fen"]! - before["available_fen"]!, -20_000)

        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "rejected", note: "材料不全"))
        try h.waitForFund(no, "rejected")
        XCTAssertEqual(try h.fundFigures(), before, "nothing reserved, nothing moved")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.fund_entries WHERE request_no = $1", [no]), "0")
        XCTAssertEqual(try h.value("SELECT approver FROM wage.fund_overview WHERE request_no = $1", [no]), "王区长")
        try h.waitUntil("hrss records the rejection") { try h.timeline(caseID, by: "hrss") == ["fund_rejected"] }
        XCTAssertEqual(try h.hrssFundDetail(caseID, "reason"), "材料不全")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_rejected"])
    }

    func testARequestAboveTheAvailableBalanceIsInsufficientNotRefused() throws {
        let caseID = try h.makeFundCase()
        try h.deposit("100.00")
        let before = try h.fundFigures()
        let tooMuch = Harness.newID("F-big"), requestID = Harness.newID("req")
        try h.publish(as: .hrss, "fund.request",
                      Harness.fundRequest(case: caseID, tooMuch, yuan(before["available_fen"]! + 1)), id: requestID)
        try h.waitForFund(tooMuch, "insufficient_fund")
        XCTAssertEqual(try h.fundFigures(), before, "nothing reserved: never queued into overdraft")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [requestID]), "0",
                       "a business outcome, not a rejection")
        try h.waitUntil("hrss is told") { try h.timeline(caseID, by: "hrss") == ["fund_rejected"] }
        XCTAssertEqual(try h.hrssFundDetail(caseID, "reason"), "insufficient_fund")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_insufficient"])

        // Exactly the available balance fits (then nothing is left).
        let exact = Harness.newID("F-exact")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, exact, yuan(before["available_fen"]!)))
        try h.waitForFund(exact, "awaiting_approval")
        XCTAssertEqual(try h.fundFigures()["available_fen"], 0)

        // An insufficient request can never be approved later, even after a deposit.
        try h.deposit(yuan(before["available_fen"]! * 2))
        let late = Harness.newID("decision")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(tooMuch, "approved"), id: late)
        let (reason, by) = try h.refusal(of: late)
        XCTAssertEqual(reason, "invalid_state")
        XCTAssertEqual(by, "finance")
        XCTAssertEqual(try h.fundStatus(tooMuch), "insufficient_fund")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(exact, "rejected"))
        try h.waitForFund(exact, "rejected")
        try h.assertLedgerConsistent()
    }
}
