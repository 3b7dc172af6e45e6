import Foundation
import Runtime
import Store
@testable import Messages
import Workflow
import XCTest

/// Issue 9 §3, the database's half, as a whole matrix (Security/DatabaseGrantsTests
/// holds the chosen examples): every principal's own login tries to write every
/// table and view of schema `wage`. The privileges are exactly the documented ones
/// (docs/schema.md), every write outside them fails 42501, and where several
/// departments share a table, row-level security refuses rows in another's name.
final class DatabaseAbuseTests: XCTestCase {
    var h: Harness!
    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    static let departments: Set<Principal> = Set(Principal.allCases.filter(\.isDepartment))
    static let consumers = departments.union([.router])

    /// Who may INSERT / UPDATE (table-wide "U", some columns "u") each table (docs/schema.md).
    /// Nobody may DELETE or TRUNCATE anything. A new table must be added here.
    typealias Writes = (insert: Set<Principal>, update: Set<Principal>, someColumns: Set<Principal>)
    static let writers: [String: Writes] = [
        "principals": ([], [], []), "calendar": ([], [], []), "operator_audit": ([], [], []),
        "duty_lists": ([.router], [.router], []),
        "routing_log": ([.router], [], []),
        "rejection_log": (consumers, [], []),
        "inbox": (consumers, [], []),
        "outbox": (Set(Principal.allCases), [], Set(Principal.allCases)),
        "cases": ([.hrss], [.hrss], []),
        "case_events": (departments, [], []),
        "case_transfers": ([.hrss], [], []),
        "office_alerts": ([.hrss], [], [.hrss]),
        "supervision_list": ([.hrss], [], []),
        "department_cases": (departments, departments, []),
        "petitions": ([.petitions], [.petitions], []),
        "referrals": ([.police], [.police], []),
        "referral_measures": ([.police], [], []),
        "referral_events": ([.police], [], []),
        "incidents": ([.police], [], []),
        "fund_requests": ([.finance], [.finance], []),
        "fund_entries": ([.finance], [], []),
        "fund_postings": ([.finance], [], []),
        "fund_lock": ([], [.finance], []),
        "legal_aid_provider_roster": ([.justice], [.justice], []),
        "legal_aid_applications": ([.justice], [.justice], []),
        // Part II
        "router_projects": ([.router], [], []),
        "warning_records": ([.hrss], [.hrss], []),
        "projects": ([.hrss], [.hrss], []),
        "deposit_movements": ([.hrss], [], []),
        "account_fundings": ([.hrss], [], []),
        "account_statements": ([.hrss], [.hrss], []),
        "account_alerts": ([.hrss], [], []),
        "roster": ([.hrss], [.hrss], []),
        "payrolls": ([.hrss], [.hrss], []),
        "payroll_lines": ([.hrss], [], []),
        "credit_listings": ([.hrss], [.hrss], []),
        "credit_persons": ([.hrss], [.hrss], []),
        "department_credit_listings": (departments, departments, []),
        "reference_versions": ([], [], []),
        "settings": ([], [], []),
        "inspections": ([.hrss], [], []),
        "project_events": (departments, [], []),
        "department_projects": (departments, departments, []),
        // department returns (sql/0190, issue 22)
        "department_returns": ([.hrss], [], [.hrss]),
        "report_reminders": (departments, [], []),
        // the staff console (sql/0150): written by wage_admin and wage_console only, no principal
        "staff": ([], [], []),
        "console_audit": ([], [], []),
        "console_sessions": ([], [], []),
        "console_session_key": ([], [], []),
        // the archive of finished months' reports (sql/0202): the office inserts, nobody updates
        "report_snapshots": ([.hrss], [], []),
    ]

    func testEveryRoleHasExactlyTheDocumentedWritesAndEveryOtherWriteIsRefused() throws {
        let relations = try h.rows("""
            SELECT table_name, table_type FROM information_schema.tables WHERE table_schema = 'wage' ORDER BY 1
            """).map { ($0["table_name"] ?? "", $0["table_type"] == "VIEW") }
        var wrong: [String] = []
        var refusedWrites = 0
        for p in Principal.allCases {
            let db = try PGConnection(url: try h.env.databaseURL(for: p), applicationName: "abuse-\(p.rawValue)")
            defer { db.close() }
            let role = "wage_\(p.rawValue)"
            for (name, isView) in relations {
                let none: Writes = ([], [], [])
                let expected: Writes = isView ? none : (Self.writers[name] ?? none)
                if !isView, Self.writers[name] == nil { wrong.append("table \(name) is not in the documented matrix: add it"); continue }
                let relation = "wage.\(name)"
                let has: (String) throws -> Bool = { privilege in
                    try self.h.value("SELECT has_table_privilege($1, $2, $3)::text", [role, relation, privilege]) == "true"
                }
                let someUpdate = try h.value("SELECT has_any_column_privilege($1, $2, 'UPDATE')::text", [role, relation]) == "true"
                if try has("INSERT") != expected.insert.contains(p) { wrong.append("\(p.rawValue) INSERT \(name)") }
                if try has("UPDATE") != expected.update.contains(p) { wrong.append("\(p.rawValue) UPDATE \(name)") }
                if someUpdate != (expected.update.contains(p) || expected.someColumns.contains(p)) { wrong.append("\(p.rawValue) UPDATE (columns) \(name)") }
                if try has("DELETE") || has("TRUNCATE") { wrong.append("\(p.rawValue) DELETE/TRUNCATE \(name)") }
                // And the server refuses for real what is not granted.
                var attempts = ["DELETE FROM \(relation) WHERE false", "TRUNCATE \(relation)"]
                if !expected.insert.contains(p) { attempts.append("INSERT INTO \(relation) DEFAULT VALUES") }
                if !expected.update.contains(p) && !expected.someColumns.contains(p) {
                    let column = try h.value("""
                        SELECT column_name FROM information_schema.columns WHERE table_schema = 'wage' AND table_name = $1
                        ORDER BY ordinal_position LIMIT 1
                        """, [name]) ?? "x"
                    attempts.append("UPDATE \(relation) SET \"\(column)\" = \"\(column)\" WHERE false")
                }
                for sql in attempts where isView == false || !sql.hasPrefix("TRUNCATE") {
                    do {
                        try db.execute(sql)
                        wrong.append("\(p.rawValue) may: \(sql)")
                    } catch let error as PGError {
                        // A view that cannot be written at all is refused before privileges are looked at (55000).
                        if error.sqlState == "42501" || (isView && error.sqlState == "55000") {
                            refusedWrites += 1
                        } else {
                            wrong.append("\(p.rawValue): \(sql): \(error)")
                        }
                    }
                }
            }
        }
        XCTAssertEqual(wrong, [])
        print("DATABASE ABUSE: \(Principal.allCases.count) roles × \(relations.count) tables and views; \(refusedWrites) writes refused (42501; 55000 for views nobody can write)")
    }

    /// Shared tables: a department writes rows in its own name only (row-level security).
    func testNoDepartmentWritesASharedRowInAnotherDepartmentsName() throws {
        let existing = try h.value("SELECT case_id::text FROM wage.cases LIMIT 1")
        let caseID = try XCTUnwrap(existing != nil ? existing : try insertCase())
        var wrong: [String] = []
        for p in Self.consumers.sorted() {
            let db = try PGConnection(url: try h.env.databaseURL(for: p), applicationName: "abuse-rls-\(p.rawValue)")
            defer { db.close() }
            let other = p == .hrss ? "police" : "hrss"
            var writes: [(String, [any PGBindable])] = [
                ("INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, 'x')", [other, "rls-\(UUID())"]),
                ("INSERT INTO wage.outbox (principal, message_id, type, body) VALUES ($1, $2, 'case.close', '{}')", [other, "rls-\(UUID())"]),
                ("INSERT INTO wage.rejection_log (message_id, reason, rejected_by) VALUES ($2, 'invalid_state', $1)", [other, "rls-\(UUID())"]),
            ]
            if p != .router {
                writes.append(("INSERT INTO wage.case_events (case_id, department, event) VALUES ($2::uuid, $1, 'spoof')", [other, caseID]))
                writes.append(("INSERT INTO wage.department_cases (department, case_id, status) VALUES ($1, $2::uuid, 'received')", [other, caseID]))
            }
            for (sql, params) in writes {
                do {
                    try db.execute(sql, params)
                    wrong.append("\(p.rawValue) wrote as \(other): \(sql)")
                } catch let error as PGError where error.sqlState == "42501" {
                } catch {
                    wrong.append("\(p.rawValue): \(sql): \(error)")
                }
            }
        }
        XCTAssertEqual(wrong, [])
    }

    func insertCase() throws -> String? {
        try h.value("""
            INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector, workers_count, amount_owed_fen,
                                    status, assignee, risk_level, due_on)
            VALUES ('hotline', $1, 'platform', 'Abuse Test Co', 'construction', 3, 100000, 'transferred', 'housing', 'low', '2026-12-01')
            RETURNING case_id::text
            """, ["abuse-\(UUID())"])
    }
}
