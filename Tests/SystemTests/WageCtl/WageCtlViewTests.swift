import Foundation
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// The views read with the principal's own database role, as tables and JSON;
/// fixture rows are inserted as admin (the department workers are not needed).
final class WageCtlViewTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func testCaseShowPrintsTheOverviewAndTheWholeTimelineInOrderWithPersonalDataMasked() throws {
        let c = try h.insertCase(clueRef: Harness.newID("show"))
        try h.insertEvent(caseID: c.id, department: "hrss", event: "registered", detail: #"{"reporter_phone":"13812345678"}"#)
        try h.insertEvent(caseID: c.id, department: "hrss", event: "transferred", detail: #"{"to":"housing"}"#)
        try h.insertEvent(caseID: c.id, department: "police", event: "task_force_formed")
        let run = h.wagectl(["--as", "justice", "case", "show", c.no])
        XCTAssertNil(run.error, run.errors)
        XCTAssertTrue(run.output.contains(c.no) && run.output.contains("transferred") && run.output.contains("housing"), run.output)
        XCTAssertTrue(run.output.contains("timeline (3 entries, all departments)"), run.output)
        let registered = try XCTUnwrap(run.output.range(of: "registered"))
        let formed = try XCTUnwrap(run.output.range(of: "task_force_formed"))
        XCTAssertLessThan(registered.lowerBound, formed.lowerBound, "timeline in order")
        XCTAssertFalse(run.output.contains("13812345678"), "phone masked")
        XCTAssertTrue(run.output.contains("138******78"), run.output)
        XCTAssertTrue(run.output.contains("referrals: not visible to this principal"), "justice may not read referral_overview")

        let json = try h.wagectl(["--as", "hrss", "case", "show", c.id, "--json"]).json()
        XCTAssertEqual(json["case"]?["case_no"], .string(c.no))
        XCTAssertEqual(json["case"]?["workers_count"], 12)
        XCTAssertEqual(json["case"]?["amount_owed"], "125000.00")
        XCTAssertEqual(json["timeline"]?.arrayValue?.map { $0["event"] }, ["registered", "transferred", "task_force_formed"])
        XCTAssertEqual(json["referrals"], .array([]), "hrss may read referrals: none yet")
        let upper = try h.wagectl(["--as", "hrss", "case", "show", c.id.uppercased(), "--json"]).json()
        XCTAssertEqual(upper["case"]?["case_no"], .string(c.no), "an id in capitals names the same case")
    }

    func testCaseListFiltersByAssigneeStatusAndOverdueAndPutsOverdueFirst() throws {
        let tag = Harness.newID("list")
        let late = try h.insertCase(clueRef: tag + "-late", assignee: "water", dueOn: "2026-01-05", sector: "water")
        let onTime = try h.insertCase(clueRef: tag + "-ok", assignee: "water", dueOn: "2099-01-05", sector: "water")
        let done = try h.insertCase(clueRef: tag + "-done", status: "resolved", assignee: "water", dueOn: "2026-01-05", sector: "water")
        let all = try h.wagectl(["--as", "water", "case", "list", "--assignee", "water", "--limit", "1000", "--json"]).json()
        let numbers = all.arrayValue?.compactMap { $0["case_no"]?.stringValue } ?? []
        XCTAssertTrue([late.no, onTime.no, done.no].allSatisfy(numbers.contains))
        XCTAssertLessThan(numbers.firstIndex(of: late.no)!, numbers.firstIndex(of: onTime.no)!, "overdue first")

        let open = try h.wagectl(["--as", "water", "case", "list", "--assignee", "water", "--open", "--limit", "1000", "--json"]).json()
        let openNumbers = open.arrayValue?.compactMap { $0["case_no"]?.stringValue } ?? []
        XCTAssertFalse(openNumbers.contains(done.no), "a resolved case is not open")
        XCTAssertLessThan(openNumbers.firstIndex(of: late.no)!, openNumbers.firstIndex(of: onTime.no)!, "open: overdue first")
        XCTAssertEqual(open.arrayValue?.first?["overdue"], .bool(true), "the first open case is an overdue one")

        let overdue = try h.wagectl(["--as", "water", "case", "list", "--assignee", "water", "--overdue", "--limit", "1000", "--json"]).json()
        let overdueNumbers = overdue.arrayValue?.compactMap { $0["case_no"]?.stringValue } ?? []
        XCTAssertTrue(overdueNumbers.contains(late.no))
        XCTAssertFalse(overdueNumbers.contains(onTime.no))
        XCTAssertFalse(overdueNumbers.contains(done.no), "a resolved case is never overdue")
        XCTAssertTrue(overdue.arrayValue?.allSatisfy { $0["overdue"] == .bool(true) } ?? false)

        let resolved = h.wagectl(["--as", "water", "case", "list", "--status", "resolved", "--assignee", "water", "--limit", "1000"])
        XCTAssertTrue(resolved.output.contains(done.no) && !resolved.output.contains(late.no), resolved.output)
        XCTAssertTrue(resolved.output.hasPrefix("CASE NO"), "a table with a header: \(resolved.output)")
    }

    func testPendingReferralsAreListedOverdueFirstForPoliceAndRefusedToHousing() throws {
        let c = try h.insertCase(clueRef: Harness.newID("ref"))
        let tag = String(UUID().uuidString.prefix(8))
        for (no, status, decideBy) in [("R-\(tag)-late", "under_review", "2026-01-02"), ("R-\(tag)-new", "under_review", "2099-01-01"),
                                       ("R-\(tag)-done", "filed", "2026-01-02")] {
            _ = try h.rows(
                """
                INSERT INTO wage.referrals (referral_no, case_id, submitted_by, suspect, amount_owed_fen, workers_count, status, decide_by, police_case_no)
                VALUES ($1, $2::uuid, 'hrss', '{"name":"某公司","kind":"company"}', 100000, 3, $3, $4::date, CASE WHEN $3 = 'filed' THEN 'P-1' END)
                """, [no, c.id, status, decideBy])
        }
        // --limit: other tests' pending referrals stay in the database and sort first.
        let rows = try h.wagectl(["--as", "police", "referral", "list", "--pending", "--limit", "1000000", "--json"])
            .json().arrayValue ?? []
        let mine = rows.compactMap { $0["referral_no"]?.stringValue }.filter { $0.contains(tag) }
        XCTAssertEqual(mine, ["R-\(tag)-late", "R-\(tag)-new"], "undecided only, overdue first")
        XCTAssertEqual(rows.first { $0["referral_no"] == .string("R-\(tag)-late") }?["overdue"], .bool(true))

        let denied = h.wagectl(["--as", "housing", "referral", "list"])
        XCTAssertEqual(denied.failure?.code, .refused)
        XCTAssertTrue(denied.failure?.hint?.contains("police, hrss") ?? false, denied.failure?.description ?? "")
    }

    func testFundPendingAndBalanceForTheGovernment() throws {
        let c = try h.insertCase(clueRef: Harness.newID("fund"))
        let no = "F-" + UUID().uuidString.prefix(8)
        try h.admin.transaction { db in
            // The reservation must fit the available balance (checked at commit): deposit it first.
            let entry = try db.execute("INSERT INTO wage.fund_entries (message_id, kind) VALUES ($1, 'deposit') RETURNING id",
                                       [no + "-deposit"]).rows[0].int64("id")
            try db.execute("INSERT INTO wage.fund_postings (entry_id, account, amount_fen) VALUES ($1, 'budget', -5000000), ($1, 'fund_cash', 5000000)", [entry])
            try db.execute(
                """
                INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status)
                VALUES ($1, $2::uuid, 5000000, 12, 'partial_wages', 'employer_fled', 'awaiting_approval')
                """, [no, c.id])
        }
        let pending = h.wagectl(["--as", "government", "fund", "pending"])
        XCTAssertNil(pending.error, pending.errors)
        let line = try XCTUnwrap(pending.output.split(separator: "\n").first { $0.contains(no) })
        XCTAssertTrue(line.contains(c.no) && line.contains("50000.00") && line.contains("awaiting_approval"), String(line))
        let balance = try h.wagectl(["--as", "government", "fund", "balance", "--json"]).json()
        XCTAssertNotNil(balance["reserved"]?.stringValue, "the one-row balance as an object")
        XCTAssertEqual(h.wagectl(["--as", "police", "fund", "balance"]).failure?.code, .refused)
    }

    func testLegalAidListShowsProviderAndSameDay() throws {
        let provider = "LAW-" + UUID().uuidString.prefix(6)
        let application = "LA-" + UUID().uuidString.prefix(8)
        _ = try h.rows("INSERT INTO wage.legal_aid_provider_roster (provider_id, name, active) VALUES ($1, '某律师事务所', true)", [provider])
        _ = try h.rows(
            """
            INSERT INTO wage.legal_aid_applications (application_no, requested_by, applicant, matter, status, provider_id,
                                                     received_at, approved_at, assigned_at)
            VALUES ($1, 'platform', '{"name":"张三"}', 'wage_arrears', 'assigned', $2, now(), now(), now())
            """, [application, provider])
        let rows = try h.wagectl(["--as", "platform", "legalaid", "list", "--json"]).json().arrayValue ?? []
        let row = try XCTUnwrap(rows.first { $0["application_no"] == .string(application) })
        XCTAssertEqual(row["provider_id"], .string(provider))
        XCTAssertEqual(row["same_day"], .bool(true))
        XCTAssertTrue(h.wagectl(["--as", "justice", "legalaid", "providers"]).output.contains(provider))
    }

    func testDeadListAndRoutingLogShowRefusalsAndDecisions() throws {
        let id = Harness.newID("dead")
        _ = try h.rows("INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body) VALUES ($1, 'case.accept', 'police', 'not_assignee', 'hrss', '{}')", [id])
        let dead = h.wagectl(["--as", "platform", "dead", "list", "--reason", "not_assignee", "--limit", "500"])
        let line = try XCTUnwrap(dead.output.split(separator: "\n").first { $0.contains(id) }, dead.output)
        XCTAssertTrue(line.contains("not_assignee") && line.contains("hrss") && line.contains("police"), String(line))
        XCTAssertTrue(try h.wagectl(["--as", "admin", "dead", "list", "--reason", "schema:", "--json", "--limit", "500"]).json()
            .arrayValue?.allSatisfy { $0["reason"]?.stringValue?.hasPrefix("schema:") ?? false } ?? false, "a reason prefix")
        let log = try h.wagectl(["--as", "market", "routing", "log", "--limit", "5", "--json"]).json()
        XCTAssertNotNil(log.arrayValue, "routing log as JSON array")
    }

    func testAMissingPrincipalIsAUsageErrorThatSaysWhatToDo() throws {
        let run = h.wagectl(["case", "list"])
        XCTAssertEqual(run.failure?.code, .usage)
        XCTAssertTrue(run.failure?.hint?.contains("--as") ?? false)
        XCTAssertEqual(h.wagectl(["--as", "mayor", "case", "list"]).failure?.code, .usage)
    }
}
