import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Base of the credit-discipline system tests (§9): the router on the shipped duty
/// list, worker-hrss and the housing and market sector workers on a clock at noon of
/// today (Asia/Shanghai, so that the views' "today" agrees), and helpers as methods
/// of this class (clear of other areas' Harness extensions).
class CreditSystemTestCase: XCTestCase {
    var h: Harness!
    var clock: TestClock!
    var today: Day!

    /// The workers `setUp` starts (a test may start others later).
    class var startedWorkers: [Principal] { [.hrss, .housing, .market] }

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        today = Day(shanghai: Date())
        clock = TestClock(shanghaiNoonOf: today)
        for principal in Self.startedWorkers { try start(principal) }
    }

    /// Starts worker-hrss (no sweep) or the sector worker of `principal` on the test clock.
    func start(_ principal: Principal) throws {
        if principal == .hrss {
            try h.startWorker(.hrss, clock: clock) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        } else {
            try h.startWorker(principal, clock: clock) { Workers.sector(principal) }
        }
    }

    override func tearDown() async throws { await h.shutdown() }

    /// A fresh unified social credit code (18 characters) for one test.
    func newCode() -> String {
        "91" + String(UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16)).uppercased()
    }

    /// A case inserted as the administrator, standing in for the office's registration.
    @discardableResult
    func insertCase(employer code: String?, status: String = "accepted", amountFen: Int = 8_000_000,
                    openedDaysAgo: Int = 10, projectNo: String? = nil, channel: String = "hotline",
                    clueRef: String = Harness.newID("credit-clue")) throws -> String {
        try XCTUnwrap(h.value("""
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, employer_credit_code, sector, workers_count,
                                    amount_owed_fen, risk_level, status, assignee, due_on, opened_at, resolved_at, closed_at,
                                    project_no)
            VALUES ($1, $2, 'platform', '某建筑劳务有限公司', $3, 'construction', 12, $4, 'medium', $5, 'housing',
                    current_date + 5, now() - make_interval(days => $6::int),
                    CASE WHEN $5 IN ('resolved', 'closed') THEN now() END, CASE WHEN $5 = 'closed' THEN now() END, $7)
            RETURNING case_id::text
            """, [channel, clueRef, code, amountFen, status, openedDaysAgo, projectNo]))
    }

    /// A referral of `caseID` as police recorded it (`under_review` = accepted for review).
    func insertReferral(_ caseID: String, status: String = "under_review") throws {
        _ = try h.rows("""
            INSERT INTO wage.referrals (referral_no, case_id, submitted_by, suspect, amount_owed_fen, workers_count, status,
                                        decide_by, missing)
            VALUES ($1, $2::uuid, 'hrss', '{"name": "某公司", "kind": "company"}', 8000000, 12, $3,
                    CASE WHEN $3 IN ('under_review', 'reconsidering') THEN current_date + 3 END,
                    CASE WHEN $3 = 'incomplete' THEN '{service_proof}'::text[] ELSE '{}' END)
            """, [Harness.newID("RF"), caseID, status])
    }

    /// Marks `caseID` resolved (or closed), with `disposition`, as the office would.
    func settle(_ caseID: String, status: String = "closed", disposition: String = "paid") throws {
        _ = try h.rows("""
            UPDATE wage.cases SET status = $2, disposition = $3, resolved_at = now(),
                                  closed_at = CASE WHEN $2 = 'closed' THEN now() END
            WHERE case_id = $1::uuid
            """, [caseID, status, disposition])
    }

    /// A case with a referral accepted for review: the listing condition.
    func caseShowingTheCondition(_ code: String?) throws -> String {
        let caseID = try insertCase(employer: code)
        try insertReferral(caseID)
        return caseID
    }

    /// A `credit.list` body.
    func listBody(_ code: String, basis: [String], decidedOn: Day? = nil,
                  persons: [(String, String)] = [("张三", "法定代表人")]) -> JSONValue {
        .compact(["credit_code": .string(code), "name": "某建筑劳务有限公司", "basis": .strings(basis),
                  "decided_on": .day(decidedOn ?? today),
                  "persons": persons.isEmpty ? nil
                      : .array(persons.map { ["name": .string($0.0), "role": .string($0.1)] })])
    }

    /// Publishes `credit.list` as hrss and waits until the office applied or refused it.
    @discardableResult
    func list(_ body: JSONValue, id: String = Harness.newID("list"), as sender: Principal = .hrss) throws -> String {
        try h.publish(as: sender, "credit.list", body, id: id)
        return id
    }

    /// Publishes `credit.delist` as hrss.
    @discardableResult
    func delist(_ code: String, reason: String, correctedOn: Day? = nil, id: String = Harness.newID("delist")) throws -> String {
        try h.publish(as: .hrss, "credit.delist",
                      .compact(["credit_code": .string(code), "reason": .string(reason),
                                "corrected_on": correctedOn.map(JSONValue.day)]), id: id)
        return id
    }

    /// Waits until hrss applied `id` (inbox row and no refusal).
    func waitApplied(_ id: String, file: StaticString = #filePath, line: UInt = #line) throws {
        try h.waitProcessed(id, by: .hrss, file: file, line: line)
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]),
                     "\(id) was refused", file: file, line: line)
    }

    /// One column of `wage.credit_list` for the code's newest listing.
    func listed(_ code: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.credit_list WHERE credit_code = $1 ORDER BY listing_id DESC LIMIT 1",
                    [code])
    }

    /// One column of `wage.credit_check` for the code.
    func check(_ code: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.credit_check WHERE credit_code = $1", [code])
    }

    /// The sector copy of `department` for the code's newest listing: `removal` or "listed"; nil when absent.
    func copy(_ department: Principal, _ code: String) throws -> String? {
        try h.value("""
            SELECT coalesce(removal, 'listed') FROM wage.department_credit_listings
            WHERE department = $1 AND credit_code = $2 ORDER BY listing_id DESC LIMIT 1
            """, [department.rawValue, code])
    }
}
