import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// A finance worker stopped in the middle of a batch of requests and then of a
/// batch of approvals: another instance takes over the rest, and every request
/// is recorded once and paid once.
final class FundWorkerStopTests: FundSystemTestCase {
    func count(_ status: String, of numbers: [String]) throws -> Int {
        Int(try h.value("SELECT count(*) FROM wage.fund_requests WHERE status = $1 AND request_no = ANY($2)",
                        [status, numbers]) ?? "0") ?? 0
    }

    /// A finance worker slowed to 30 ms per message and taking at most 3 messages
    /// per transaction, so that it can be stopped between transactions mid-batch.
    func slowWorker() throws -> StoppableWorker {
        try stoppable(.finance, prefetch: 3) { InterruptingHandler(Workers.finance(), delay: 0.03) }
    }

    func testAStoppedWorkerIsReplacedWithoutLossOrDoubleEffect() async throws {
        try h.startRouter()
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        let n = 20
        let cases = try h.registerFundCases(n, label: "stop")
        let numbers = (0..<n).map { _ in Harness.newID("F-stop") }
        var worker = try slowWorker()
        try h.deposit("20.00")

        for i in 0..<n { try h.publish(as: .hrss, "fund.request", Harness.fundRequest(case: cases[i], numbers[i], "1.00")) }
        try h.waitUntil("some requests recorded") { try count("awaiting_approval", of: numbers) >= 4 }
        await worker.kill()
        XCTAssertLessThan(try count("awaiting_approval", of: numbers), n, "stopped mid-batch")
        worker = try slowWorker()
        try h.waitUntil("every request recorded", timeout: 30) { try count("awaiting_approval", of: numbers) == n }

        for no in numbers { try h.publish(as: .government, "fund.decision", Harness.fundDecision(no, "approved")) }
        try h.waitUntil("some approvals applied") { try count("disbursed", of: numbers) >= 4 }
        await worker.kill()
        XCTAssertLessThan(try count("disbursed", of: numbers), n, "stopped mid-batch")
        worker = try slowWorker()
        try h.waitUntil("every approval applied", timeout: 30) { try count("disbursed", of: numbers) == n }
        await worker.kill()

        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.fund_entries WHERE kind = 'disbursement' AND request_no = ANY($1)",
                                   [numbers]), "\(n)", "each paid once")
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.outbox o JOIN wage.fund_requests r ON o.correlation_id = r.case_id::text
            WHERE r.request_no = ANY($1) AND o.type = 'fund.disbursed'
            """, [numbers]), "\(n)", "hrss told once each")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejection_log WHERE rejected_by = 'finance' AND body LIKE ANY($1)",
                                   [numbers.map { "%\($0)%" }]), "0")
        for caseID in cases {
            XCTAssertEqual(try h.timeline(caseID, by: "finance"), ["fund_requested", "fund_disbursed"])
        }
        try h.waitUntil("hrss recorded each disbursement once") {
            try h.value("""
                SELECT count(*) FROM wage.case_timeline WHERE department = 'hrss' AND event = 'fund_disbursed'
                AND case_id = ANY($1::uuid[])
                """, [cases]) == "\(n)"
        }
        try h.assertLedgerConsistent()
    }
}
