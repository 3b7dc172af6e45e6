import AMQP
import Departments
import Foundation
import Runtime
import Store
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

    /// A case row created directly as admin (the office's `clue.report` path is
    /// not needed by the fund). Returns its case_id.
    func makeFundCase(_ label: String = "fund") throws -> String {
        try XCTUnwrap(value("""
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    risk_level, status, assignee)
            VALUES ('hotline', $1, 'platform', '测试建筑公司', 'construction', 12, 50000000, 'medium', 'accepted', 'housing')
            RETURNING case_id::text
            """, [Harness.newID(label)]))
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

    /// The events of `caseID`'s timeline under `department`, in order.
    func timeline(_ caseID: String, by department: String) throws -> [String] {
        try rows("SELECT event FROM wage.case_timeline WHERE case_id = $1::uuid AND department = $2 ORDER BY seq",
                 [caseID, department]).map { try $0.string("event") }
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

/// A worker with its own stop flag, so a test can stop ("kill") it alone
/// between messages and start another one.
final class StoppableWorker {
    let stop = StopFlag()
    let threads = ThreadGroup()

    /// `prefetch` bounds how many messages the worker applies in one transaction.
    init(_ h: Harness, _ principal: Principal, prefetch: UInt16 = 100,
         _ make: @escaping WorkerService.HandlerFactory) throws {
        try WorkerService(principal: principal, databaseURL: try h.env.databaseURL(for: principal),
                          amqpURL: try h.env.amqpURL(for: principal), prefetch: prefetch, logger: h.logger,
                          makeHandler: make)
            .start(stop: stop, threads: threads)
    }

    /// Stops the consumer (the batch in hand finishes or goes back to the
    /// queue; prefetched ones are requeued when the connection closes) and the relay.
    func kill() async {
        stop.set()
        await threads.wait()
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

extension Harness {
    /// Puts a message straight on `dept.<to>` as the router does (user `router`,
    /// header `x-wage-sender`), bypassing the router's own dedupe: how a
    /// worker sees a broker redelivery or a router republish of the same id.
    func deliverDirect(to recipient: Principal, from sender: Principal, _ type: String, _ body: JSONValue, id: String) throws {
        let publisher = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: .router)), name: "test-direct")
        defer { publisher.close() }
        var props = AMQPProperties()
        props.messageID = id
        props.type = type
        props.userID = Principal.router.rawValue
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.headers["x-wage-sender"] = .string(sender.rawValue)
        try publisher.publish([OutgoingMessage(exchange: "wage.dept", routingKey: recipient.rawValue, properties: props,
                                               body: Array(body.serialized.utf8))])
    }
}

/// Wraps a worker's handler to interrupt it: waits `delay` seconds in every
/// message (so a test can stop the worker mid-batch), and throws once, after
/// the real handler wrote its effects, for each id in `crashOnce` (a crash
/// before COMMIT: everything must roll back and the retry apply it once).
final class InterruptingHandler: MessageHandler, @unchecked Sendable {
    let inner: any MessageHandler
    let delay: Double
    private let lock = NSLock()
    private var crashOnce: Set<String>

    init(_ inner: any MessageHandler, delay: Double = 0, crashOnce: Set<String> = []) {
        self.inner = inner
        self.delay = delay
        self.crashOnce = crashOnce
    }

    var principal: Principal { inner.principal }

    struct SimulatedCrash: Error {}

    func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let disposition = try inner.handle(message, context: context)
        lock.lock()
        let crash = crashOnce.remove(message.messageID) != nil
        lock.unlock()
        if crash { throw SimulatedCrash() }
        return disposition
    }
}
