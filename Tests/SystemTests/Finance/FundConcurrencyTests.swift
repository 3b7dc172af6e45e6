import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Many requests, deposits and government decisions racing on three finance
/// worker instances (competing consumers on dept.finance): the available
/// balance never goes below zero, nothing is refused, no request is both
/// insufficient and disbursed, and the ledger balances to the fen afterwards.
final class FundConcurrencyTests: FundSystemTestCase {
    func testRacingRequestsAndApprovalsOnThreeWorkersNeverOverdraw() throws {
        try h.startRouter(threads: 2)
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        // Three instances taking few messages per transaction: many interleavings.
        for _ in 0..<3 { _ = try stoppable(.finance, prefetch: 4) { Workers.finance() } }
        let start = try h.fundFigures()
        let deposits = (0..<3).map { _ in Harness.newID("deposit-race") }
        let depositFen: Int64 = 3 * 10_000
        let n = 60
        // Twice as much is asked for as there is, so the balance is contested.
        let amountFen = max(100, (2 * (start["available_fen"]! + depositFen)) / Int64(n) + 1)
        let cases = try h.registerFundCases(20, label: "race")
        let numbers = (0..<n).map { _ in Harness.newID("F-race") }
        var ids = deposits

        for i in 0..<n {
            if i % 20 == 0 { try h.publish(as: .finance, "fund.deposit", ["amount": "100.00"], id: deposits[i / 20]) }
            let id = Harness.newID("req-race")
            ids.append(id)
            try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: cases[i % 20], numbers[i], yuan(amountFen)), id: id)
        }

        // The government decides each request as soon as it shows as awaiting
        // approval (approve two in three), while requests are still arriving.
        var decided: Set<String> = []
        try h.waitUntil("every request settled", timeout: 60) {
            XCTAssertGreaterThanOrEqual(try h.fundFigures()["available_fen"]!, 0, "available went below zero")
            let awaiting = try h.rows("""
                SELECT request_no FROM wage.fund_overview WHERE status = 'awaiting_approval' AND request_no = ANY($1)
                """, [numbers]).map { try $0.string("request_no") }
            for no in awaiting where !decided.contains(no) {
                decided.insert(no)
                let id = Harness.newID("decision-race")
                ids.append(id)
                let approve = numbers.firstIndex(of: no)! % 3 != 2
                try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, approve ? "approved" : "rejected"), id: id)
            }
            // Settled: decided or insufficient, or refused (which the assertions below report).
            return try (Int(h.value("""
                SELECT (SELECT count(*) FROM wage.fund_requests WHERE request_no = ANY($1)
                        AND status IN ('disbursed', 'rejected', 'insufficient_fund'))
                     + (SELECT count(*) FROM wage.rejection_log WHERE message_id = ANY($2))
                """, [numbers, ids]) ?? "0") ?? 0) >= n
        }

        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejection_log WHERE message_id = ANY($1)", [ids]), "0",
                       "no message was refused (an overdraft at commit would be)")
        let status = try h.rows("SELECT status, count(*)::int AS n FROM wage.fund_requests WHERE request_no = ANY($1) GROUP BY status",
                                [numbers]).reduce(into: [String: Int]()) { $0[try $1.string("status")] = try $1.int("n") }
        XCTAssertGreaterThan(status["insufficient_fund"] ?? 0, 0, "the balance was contested")
        XCTAssertGreaterThan(status["disbursed"] ?? 0, 0)
        let end = try h.fundFigures()
        let paid = Int64(status["disbursed"] ?? 0) * amountFen
        XCTAssertEqual(end["available_fen"], start["available_fen"]! + depositFen - paid, "balances to the fen")
        XCTAssertEqual(end["disbursed_fen"]! - start["disbursed_fen"]!, paid)
        XCTAssertEqual(end["reserved_fen"], start["reserved_fen"], "no reservation left behind")
        XCTAssertLessThanOrEqual(paid, start["available_fen"]! + depositFen, "never more paid than there was")

        // Per request: insufficient ones never moved money, were truly insufficient
        // when decided, and were never disbursed; hrss heard exactly once about each.
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.fund_requests r WHERE r.request_no = ANY($1) AND (
                (SELECT count(*) FROM wage.fund_entries e WHERE e.request_no = r.request_no)
                    <> CASE r.status WHEN 'disbursed' THEN 1 ELSE 0 END
             OR EXISTS (SELECT 1 FROM wage.case_events a JOIN wage.case_events b USING (case_id)
                        WHERE a.detail->>'request_no' = r.request_no AND b.detail->>'request_no' = r.request_no
                          AND a.department = 'finance' AND b.department = 'finance'
                          AND a.event = 'fund_insufficient' AND b.event = 'fund_disbursed'))
            """, [numbers]), "0", "a request both insufficient and disbursed, or paid other than once")
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.case_events e JOIN wage.fund_requests r ON r.request_no = e.detail->>'request_no'
            WHERE r.request_no = ANY($1) AND e.department = 'finance' AND e.event = 'fund_insufficient'
              AND (e.detail->>'available')::numeric * 100 >= r.amount_fen
            """, [numbers]), "0", "refused as insufficient although it fitted")
        try h.waitUntil("hrss heard about every request once") {
            try h.value("""
                SELECT count(*) || '/' || count(DISTINCT detail->>'request_no') FROM wage.case_events
                WHERE department = 'hrss' AND event IN ('fund_disbursed', 'fund_rejected') AND detail->>'request_no' = ANY($1)
                """, [numbers]) == "\(n)/\(n)"
        }
        try h.assertLedgerConsistent()
    }
}
