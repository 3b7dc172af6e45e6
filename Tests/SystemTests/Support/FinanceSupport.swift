import Departments
import Duties
import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// Helpers for the emergency-fund system tests (Tests/SystemTests/Finance).
extension Harness {
    /// Router (unless `router` is false) + `financeWorkers` finance workers
    /// (competing consumers) + one hrss worker (no sweep).
    func startFundServices(financeWorkers: Int = 1, router: Bool = true) throws {
        if router { try startRouter() }
        for _ in 0..<financeWorkers { try startWorker(.finance) { Workers.finance() } }
        try startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
    }

    /// `count` cases registered as in production: a `clue.report` from the
    /// platform, applied by worker-hrss (which must be running). Returns their ids.
    func registerFundCases(_ count: Int, label: String = "fund") throws -> [String] {
        let refs = (0..<count).map { _ in Harness.newID(label) }
        guard case .object(var clue) = SamplePayloads.valid(for: .clueReport) else {
            XCTFail("the sample clue.report is not an object")
            return []
        }
        for ref in refs {
            clue["clue_ref"] = .string(ref)
            try publish(as: .platform, "clue.report", .object(clue))
        }
        try waitUntil("\(count) case(s) registered") {
            try value("SELECT count(*) FROM wage.cases WHERE channel = 'hotline' AND clue_ref = ANY($1)", [refs]) == "\(count)"
        }
        let byRef = try rows("SELECT clue_ref, case_id::text AS case_id FROM wage.cases WHERE channel = 'hotline' AND clue_ref = ANY($1)",
                             [refs]).reduce(into: [String: String]()) { $0[try $1.string("clue_ref")] = try $1.string("case_id") }
        return refs.compactMap { byRef[$0] }
    }

    /// One case registered through worker-hrss.
    func makeFundCase(_ label: String = "fund") throws -> String {
        try XCTUnwrap(registerFundCases(1, label: label).first)
    }

    /// A valid `fund.request` body.
    static func fundRequest(case caseID: String, _ requestNo: String, _ amount: String) -> JSONValue {
        ["case_id": .string(caseID), "request_no": .string(requestNo), "amount": .string(amount),
         "beneficiaries": .number("3"), "purpose": "partial_wages", "reason": "employer_fled"]
    }

    /// A `fund.decision` body.
    static func fundDecision(_ requestNo: String, _ decision: String, note: String? = nil) -> JSONValue {
        .compact(["request_no": .string(requestNo), "decision": .string(decision), "approver": "王区长",
                  "note": note.map(JSONValue.string)])
    }

    /// Publishes a deposit as finance and waits until its ledger entry exists.
    func deposit(_ amount: String, id: String = Harness.newID("deposit")) throws {
        try publish(as: .finance, "fund.deposit", ["amount": .string(amount), "note": "测试预算"], id: id)
        try waitUntil("deposit \(id)") { try value("SELECT count(*) FROM wage.fund_entries WHERE message_id = $1", [id]) == "1" }
    }

    /// The fund's totals in fen (`wage.fund_balance`).
    func fundFigures() throws -> [String: Int64] {
        let row = try rows("SELECT * FROM wage.fund_balance")[0]
        var figures: [String: Int64] = [:]
        for name in row.columnNames where name.hasSuffix("_fen") { figures[name] = try row.int64(name) }
        return figures
    }

    /// `fund_overview.status` of `requestNo` (nil while unknown).
    func fundStatus(_ requestNo: String) throws -> String? {
        try value("SELECT status FROM wage.fund_overview WHERE request_no = $1", [requestNo])
    }

    /// Waits until `requestNo` has `status`.
    func waitForFund(_ requestNo: String, _ status: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try waitUntil("\(requestNo) \(status)", file: file, line: line) { try fundStatus(requestNo) == status }
    }

    /// Waits for the refusal of message `id` and returns (reason, rejected_by).
    func refusal(of id: String, file: StaticString = #filePath, line: UInt = #line) throws -> (String, String) {
        try waitUntil("refusal of \(id)", file: file, line: line) {
            try value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [id]) == "1"
        }
        let row = try rows("SELECT reason, rejected_by FROM wage.rejections WHERE message_id = $1", [id])[0]
        return (try row.string("reason"), try row.string("rejected_by"))
    }

    /// The fund events (`fund_*`) of `caseID`'s timeline under `department`, in order
    /// (the office's own entries, e.g. `registered`, are left out).
    func timeline(_ caseID: String, by department: String) throws -> [String] {
        try rows("""
            SELECT event FROM wage.case_timeline WHERE case_id = $1::uuid AND department = $2 AND event LIKE 'fund%'
            ORDER BY seq
            """, [caseID, department]).map { try $0.string("event") }
    }

    /// `detail->>key` of the first fund entry under hrss on `caseID`'s timeline.
    func hrssFundDetail(_ caseID: String, _ key: String) throws -> String? {
        try value("""
            SELECT detail->>$2 FROM wage.case_timeline
            WHERE case_id = $1::uuid AND department = 'hrss' AND event LIKE 'fund%' ORDER BY seq LIMIT 1
            """, [caseID, key])
    }

    /// Waits until the finance worker has taken message `id` (its inbox row).
    func waitTakenByFinance(_ id: String) throws {
        try waitUntil("finance took \(id)") {
            try value("SELECT count(*) FROM wage.inbox WHERE consumer = 'finance' AND message_id = $1", [id]) == "1"
        }
    }

    /// Asserts the whole ledger: each entry sums to zero, each account's postings
    /// equal the figures of `wage.fund_balance`, the request mirrors
    /// (`recovered_fen`, `written_off_fen`) equal the ledger, and nothing is negative.
    func assertLedgerConsistent(file: StaticString = #filePath, line: UInt = #line) throws {
        XCTAssertEqual(try value("""
            SELECT count(*) FROM (SELECT entry_id FROM wage.fund_postings GROUP BY entry_id
                                  HAVING sum(amount_fen) <> 0 OR count(*) <> 2) x
            """), "0", "unbalanced entries", file: file, line: line)
        let account = try rows("""
            SELECT account, sum(amount_fen)::bigint AS total FROM wage.fund_postings GROUP BY account
            """).reduce(into: [String: Int64]()) { $0[try $1.string("account")] = try $1.int64("total") }
        let f = try fundFigures()
        XCTAssertEqual(account.values.reduce(0, +), 0, "the ledger sums to zero", file: file, line: line)
        XCTAssertEqual(-(account["budget"] ?? 0), f["deposited_fen"], "budget = deposits", file: file, line: line)
        XCTAssertEqual(account["fund_cash"] ?? 0, f["cash_fen"], "fund cash", file: file, line: line)
        XCTAssertEqual(account["advances_receivable"] ?? 0, f["outstanding_fen"], "advances receivable", file: file, line: line)
        XCTAssertEqual(account["written_off"] ?? 0, f["written_off_fen"], "written off", file: file, line: line)
        XCTAssertEqual(f["cash_fen"], f["deposited_fen"]! - f["disbursed_fen"]! + f["recovered_fen"]!, file: file, line: line)
        XCTAssertEqual(f["available_fen"], f["cash_fen"]! - f["reserved_fen"]!, file: file, line: line)
        XCTAssertGreaterThanOrEqual(f["available_fen"]!, 0, "available never below zero", file: file, line: line)
        XCTAssertLessThanOrEqual(f["disbursed_fen"]!, f["deposited_fen"]! + f["recovered_fen"]!, file: file, line: line)
        XCTAssertEqual(try value("""
            SELECT count(*) FROM wage.fund_requests r
            WHERE r.recovered_fen <> coalesce((SELECT sum(p.amount_fen) FROM wage.fund_entries e
                       JOIN wage.fund_postings p ON p.entry_id = e.id AND p.account = 'fund_cash'
                       WHERE e.request_no = r.request_no AND e.kind = 'recovery'), 0)
               OR r.written_off_fen <> coalesce((SELECT sum(p.amount_fen) FROM wage.fund_entries e
                       JOIN wage.fund_postings p ON p.entry_id = e.id AND p.account = 'written_off'
                       WHERE e.request_no = r.request_no AND e.kind = 'writeoff'), 0)
               OR (SELECT count(*) FROM wage.fund_entries e WHERE e.request_no = r.request_no AND e.kind = 'disbursement')
                  <> CASE WHEN r.status IN ('disbursed', 'partially_recovered', 'recovered', 'written_off') THEN 1 ELSE 0 END
            """), "0", "requests that disagree with the ledger", file: file, line: line)
    }
}

/// Base of the fund system tests: a fresh harness with empty queues; each
/// subclass starts the services it needs.
class FundSystemTestCase: XCTestCase {
    var h: Harness!
    /// Workers started with `stoppable`, stopped in tearDown whatever happened.
    private var stoppables: [StoppableWorker] = []

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
    }

    override func tearDown() async throws {
        for worker in stoppables { await worker.kill() }
        await h.shutdown()
    }

    /// A worker of its own that the test can stop alone (see `StoppableWorker`).
    func stoppable(_ principal: Principal, prefetch: UInt16 = 100,
                   _ make: @escaping WorkerService.HandlerFactory) throws -> StoppableWorker {
        let worker = try StoppableWorker(h, principal, prefetch: prefetch, make)
        stoppables.append(worker)
        return worker
    }

    /// `fen` as a wire amount.
    func yuan(_ fen: Int64) -> String { Money(fen: fen).yuanString }
}
