import Foundation
@testable import Messages
import Workflow
import XCTest

/// Recovery 追偿 (never more than outstanding) and write-off 核销 (only what is
/// outstanding, only a year after disbursement; operators may correct
/// `disbursed_at`), through the real broker and database.
final class FundRepaymentTests: FundSystemTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startFundServices()
    }

    /// A disbursed request of `amount` on a new case; returns (case_id, request_no).
    func disbursed(_ amount: String) throws -> (String, String) {
        let caseID = try h.makeFundCase()
        try h.deposit(amount)
        let no = Harness.newID("F")
        try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: caseID, no, amount))
        try h.waitForFund(no, "awaiting_approval")
        try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved"))
        try h.waitForFund(no, "disbursed")
        return (caseID, no)
    }

    func outstanding(_ no: String) throws -> String? {
        try h.value("SELECT outstanding::text FROM wage.fund_overview WHERE request_no = $1", [no])
    }

    func assertRefused(_ type: String, as principal: Principal, _ body: JSONValue, _ reason: String,
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let id = Harness.newID(type)
        try h.publish(as: principal, type, body, id: id)
        let (got, by) = try h.refusal(of: id, file: file, line: line)
        XCTAssertEqual(got, reason, file: file, line: line)
        XCTAssertEqual(by, reason == "forbidden_sender" ? "router" : "finance", file: file, line: line)
    }

    func testRecoveryNeverExceedsWhatIsOutstanding() throws {
        let (caseID, no) = try disbursed("500.00")
        let before = try h.fundFigures()
        let first = Harness.newID("recovered")
        try h.publish(as: .hrss, "fund.recovered", ["request_no": .string(no), "amount": "200.00"], id: first)
        try h.waitForFund(no, "partially_recovered")
        XCTAssertEqual(try outstanding(no), "300.00")
        XCTAssertEqual(try h.value("SELECT message_id FROM wage.fund_entries WHERE request_no = $1 AND kind = 'recovery'", [no]), first)

        try assertRefused("fund.recovered", as: .finance, ["request_no": .string(no), "amount": "300.01"], "invalid_state")
        XCTAssertEqual(try outstanding(no), "300.00", "a refused recovery changes nothing")

        try h.publish(as: .finance, "fund.recovered", ["request_no": .string(no), "amount": "300.00"])
        try h.waitForFund(no, "recovered")
        XCTAssertEqual(try outstanding(no), "0.00")
        let after = try h.fundFigures()
        XCTAssertEqual(after["recovered_fen"]! - before["recovered_fen"]!, 50_000)
        XCTAssertEqual(after["available_fen"]! - before["available_fen"]!, 50_000, "recovered money is available again")
        XCTAssertEqual(after["outstanding_fen"]! - before["outstanding_fen"]!, -50_000)

        try assertRefused("fund.recovered", as: .hrss, ["request_no": .string(no), "amount": "0.01"], "invalid_state")
        try assertRefused("fund.recovered", as: .hrss, ["request_no": .string(Harness.newID("nope")), "amount": "1.00"],
                          "invalid_state")
        XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed", "fund_recovered", "fund_recovered"])
        try h.assertLedgerConsistent()
    }

    func testWriteOffOnlyAYearAfterDisbursementAndOnlyWhatIsOutstanding() throws {
        let (caseID, no) = try disbursed("400.00")
        try h.publish(as: .hrss, "fund.recovered", ["request_no": .string(no), "amount": "100.00"])
        try h.waitForFund(no, "partially_recovered")
        let writeoff: JSONValue = ["request_no": .string(no), "approver": "王区长", "reason": "企业注销，无财产可供执行"]

        try assertRefused("fund.writeoff", as: .government, writeoff, "invalid_state")
        try assertRefused("fund.writeoff", as: .finance, writeoff, "forbidden_sender")
        XCTAssertEqual(try h.fundStatus(no), "partially_recovered")

        // An operator corrects the disbursement date (paid on paper a year and a day ago).
        try h.admin.execute("UPDATE wage.fund_requests SET disbursed_at = now() - interval '1 year 1 day' WHERE request_no = $1", [no])
        XCTAssertEqual(try h.timeline(caseID, by: "finance").last, "fund_disbursed_at_corrected", "the correction is on the record")

        let before = try h.fundFigures()
        let id = Harness.newID("writeoff")
        try h.publish(as: .government, "fund.writeoff", writeoff, id: id)
        try h.waitForFund(no, "written_off")
        XCTAssertEqual(try outstanding(no), "0.00")
        XCTAssertEqual(try h.value("SELECT written_off::text FROM wage.fund_overview WHERE request_no = $1", [no]), "300.00",
                       "exactly what was outstanding")
        let postings = try h.rows("""
            SELECT p.account, p.amount_fen FROM wage.fund_entries e JOIN wage.fund_postings p ON p.entry_id = e.id
            WHERE e.message_id = $1 AND e.kind = 'writeoff' ORDER BY p.account
            """, [id])
        XCTAssertEqual(try postings.map { "\(try $0.string("account")) \(try $0.int64("amount_fen"))" },
                       ["advances_receivable -30000", "written_off 30000"])
        let after = try h.fundFigures()
        XCTAssertEqual(after["written_off_fen"]! - before["written_off_fen"]!, 30_000)
        XCTAssertEqual(after["outstanding_fen"]! - before["outstanding_fen"]!, -30_000)
        XCTAssertEqual(after["available_fen"], before["available_fen"], "a write-off moves no cash")

        try assertRefused("fund.writeoff", as: .government, writeoff, "invalid_state")
        try assertRefused("fund.recovered", as: .hrss, ["request_no": .string(no), "amount": "1.00"], "invalid_state")
        XCTAssertEqual(try h.timeline(caseID, by: "finance").suffix(2), ["fund_disbursed_at_corrected", "fund_written_off"])
        try h.assertLedgerConsistent()
    }
}
