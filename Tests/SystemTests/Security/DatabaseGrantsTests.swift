import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// Least privilege in the database, checked with each principal's own login
/// (not SET ROLE): what a role must not do fails with insufficient privilege
/// (42501) or a row-level-security refusal, and what it must do works.
final class DatabaseGrantsTests: XCTestCase {
    var h: Harness!
    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func connect(_ p: Principal) throws -> PGConnection {
        try PGConnection(url: try h.env.databaseURL(for: p), applicationName: "grants-test-\(p.rawValue)")
    }

    /// Asserts that `sql` is refused for `p` with 42501 (privilege or RLS).
    func assertRefused(_ p: Principal, _ sql: String, _ params: [any PGBindable] = [],
                       file: StaticString = #filePath, line: UInt = #line) throws {
        let db = try connect(p)
        defer { db.close() }
        do {
            try db.execute(sql, params)
            XCTFail("\(p.rawValue) was allowed: \(sql)", file: file, line: line)
        } catch let error as PGError {
            XCTAssertEqual(error.sqlState, "42501", "\(p.rawValue): \(sql): \(error)", file: file, line: line)
        }
    }

    func caseID() throws -> String {
        let clue = "grants-\(UUID().uuidString)"
        return try XCTUnwrap(h.value(
            """
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    status, assignee, risk_level, due_on)
            VALUES ('hotline', $1, 'platform', 'Grants Test Co', 'construction', 3, 100000, 'transferred', 'housing', 'low', '2026-12-01')
            RETURNING case_id::text
            """, [clue]))
    }

    func testPoliceCannotTouchTheFund() throws {
        try assertRefused(.police, "SELECT * FROM wage.fund_requests")
        try assertRefused(.police, "SELECT * FROM wage.fund_balance")
        try assertRefused(.police, "INSERT INTO wage.fund_entries (message_id, kind, note) VALUES ('x', 'deposit', 'x')")
    }

    func testOnlyFinanceWritesTheLedgerAndNobodyRewritesIt() throws {
        for p in [Principal.hrss, .government, .housing, .justice] {
            try assertRefused(p, "INSERT INTO wage.fund_entries (message_id, kind, note) VALUES ($1, 'deposit', 'x')", ["g-\(UUID())"])
        }
        try assertRefused(.finance, "UPDATE wage.fund_postings SET amount_fen = 0")
        try assertRefused(.finance, "DELETE FROM wage.fund_entries")
    }

    func testTheTimelineIsAppendOnlyAndWrittenOnlyUnderOnesOwnDepartment() throws {
        let id = try caseID()
        let housing = try connect(.housing)
        defer { housing.close() }
        try housing.execute("INSERT INTO wage.case_events (case_id, department, event) VALUES ($1::uuid, 'housing', 'grants_test')", [id])
        try assertRefused(.housing, "INSERT INTO wage.case_events (case_id, department, event) VALUES ($1::uuid, 'hrss', 'spoof')", [id])
        for p in [Principal.hrss, .housing, .police] {
            try assertRefused(p, "UPDATE wage.case_events SET event = 'rewritten' WHERE case_id = $1::uuid", [id])
            try assertRefused(p, "DELETE FROM wage.case_events WHERE case_id = $1::uuid", [id])
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'grants_test'", [id]), "1")
    }

    func testOnlyTheOfficeWritesCases() throws {
        let id = try caseID()
        for p in [Principal.housing, .police, .petitions, .finance] {
            try assertRefused(p, "UPDATE wage.cases SET status = 'closed' WHERE case_id = $1::uuid", [id])
        }
        let hrss = try connect(.hrss)
        defer { hrss.close() }
        XCTAssertEqual(try hrss.execute("UPDATE wage.cases SET updated_at = now() WHERE case_id = $1::uuid", [id]).affectedRows, 1)
    }

    func testOnlyTheOfficeReadsTheReportersPersonalData() throws {
        let id = try caseID()
        for p in Principal.allCases where p != .hrss {
            try assertRefused(p, "SELECT reporter FROM wage.cases WHERE case_id = $1::uuid", [id])
            try assertRefused(p, "SELECT * FROM wage.cases WHERE case_id = $1::uuid", [id])
            let db = try connect(p)
            defer { db.close() }
            XCTAssertEqual(try db.execute("SELECT case_no, status, assignee FROM wage.cases WHERE case_id = $1::uuid", [id]).rows.count,
                           1, "\(p.rawValue) reads the case's other columns")
        }
        let hrss = try connect(.hrss)
        defer { hrss.close() }
        XCTAssertEqual(try hrss.execute("SELECT reporter FROM wage.cases WHERE case_id = $1::uuid", [id]).rows.count, 1)
    }

    func testARoleSeesOnlyItsOwnInboxAndOutbox() throws {
        let hrss = try connect(.hrss)
        defer { hrss.close() }
        let id = "grants-\(UUID())"
        try hrss.execute("INSERT INTO wage.inbox (consumer, message_id, type) VALUES ('hrss', $1, 'case.accept')", [id])
        let police = try connect(.police)
        defer { police.close() }
        XCTAssertEqual(try police.execute("SELECT * FROM wage.inbox WHERE message_id = $1", [id]).rows.count, 0)
        try assertRefused(.police, "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ('hrss', $1, 'x')", ["g-\(UUID())"])
        try assertRefused(.police, "INSERT INTO wage.outbox (principal, message_id, type, body) VALUES ('hrss', $1, 'case.close', '{}')", ["g-\(UUID())"])
    }

    func testOnlyTheRouterWritesTheRoutingLog() throws {
        try assertRefused(.hrss, "INSERT INTO wage.routing_log (message_id, type, sender, recipients, duty_list_version) VALUES ($1, 'x', 'hrss', '{}', 'v')", ["g-\(UUID())"])
        try assertRefused(.housing, "DELETE FROM wage.routing_log")
    }
}
