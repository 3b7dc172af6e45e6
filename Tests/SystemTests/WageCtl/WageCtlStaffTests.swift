import Foundation
import XCTest

/// `wagectl staff add|disable|reset` (console accounts, sql/0150): bcrypt hashes,
/// refusals, audit; and the console's own login reads staff and nothing of the cases.
final class WageCtlStaffTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func passwordFile(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(Harness.newID("pw")).path
        try (text + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    func testAddDisableResetAreStoredHashedAndAudited() throws {
        let login = "t" + Harness.newID("s").lowercased().filter { $0.isLetter || $0.isNumber }.prefix(20)
        let pw = try passwordFile("first-password-1")
        let add = h.wagectl(["staff", "add", login, "--name", "张伟", "--department", "housing", "--roles", "clerk,head",
                             "--password-file", pw, "--operator", "tester"])
        XCTAssertNil(add.error, add.errors)
        let row = try XCTUnwrap(h.rows("SELECT display_name, department, roles::text AS roles, password_hash, disabled::text AS d FROM wage.staff WHERE login = $1", [login]).first)
        XCTAssertEqual(row["display_name"], "张伟")
        XCTAssertEqual(row["department"], "housing")
        XCTAssertEqual(row["roles"], "{clerk,head}")
        XCTAssertEqual(row["d"], "false")
        let hash = try XCTUnwrap(row["password_hash"])
        XCTAssertTrue(hash.hasPrefix("$2b$12$"), hash)
        XCTAssertFalse(hash.contains("first-password-1"))

        XCTAssertEqual(h.wagectl(["staff", "add", login, "--name", "x", "--department", "housing", "--password-file", pw])
            .failure?.code, .usage, "a second account with the same login is refused")
        XCTAssertNotNil(h.wagectl(["staff", "add", "u" + login, "--name", "x", "--department", "nowhere", "--password-file", pw]).error)
        XCTAssertNotNil(h.wagectl(["staff", "add", "v" + login, "--name", "x", "--department", "housing",
                                   "--password-file", try passwordFile("short")]).error, "a short password is refused")

        XCTAssertNil(h.wagectl(["staff", "disable", login, "--operator", "tester"]).error)
        XCTAssertEqual(try h.value("SELECT disabled::text FROM wage.staff WHERE login = $1", [login]), "true")
        XCTAssertNil(h.wagectl(["staff", "reset", login, "--password-file", try passwordFile("second-password-2"),
                                "--operator", "tester"]).error)
        XCTAssertEqual(try h.value("SELECT disabled::text FROM wage.staff WHERE login = $1", [login]), "false")
        XCTAssertNotEqual(try h.value("SELECT password_hash FROM wage.staff WHERE login = $1", [login]), hash)
        XCTAssertEqual(h.wagectl(["staff", "disable", "nobody-" + login]).failure?.code, .usage)

        XCTAssertEqual(try h.value(
            "SELECT string_agg(action, ',' ORDER BY id) FROM wage.operator_audit WHERE subject = $1 AND operator = 'tester'",
            [login]), "staff.add,staff.disable,staff.reset")
    }

    func testTheConsoleLoginReadsStaffAndWritesTheAuditOnly() throws {
        let checks: [(String, String, String)] = [
            ("wage.staff", "SELECT", "true"), ("wage.staff", "UPDATE", "false"), ("wage.staff", "INSERT", "false"),
            ("wage.console_audit", "INSERT", "true"), ("wage.console_audit", "SELECT", "false"),
            ("wage.cases", "SELECT", "false"), ("wage.case_events", "SELECT", "false"),
        ]
        for (table, privilege, expected) in checks {
            XCTAssertEqual(try h.value("SELECT has_table_privilege('wage_console', $1, $2)::text", [table, privilege]),
                           expected, "wage_console \(privilege) \(table)")
        }
        // The audit is append-only, also for its owner (a row-level trigger: give it a row to refuse).
        let id = try XCTUnwrap(try h.value(
            "INSERT INTO wage.console_audit (action, outcome, subject) VALUES ('test', 'ok', 'append-only check') RETURNING id::text"))
        XCTAssertThrowsError(try h.rows("UPDATE wage.console_audit SET action = 'x' WHERE id = $1::bigint", [id]))
        XCTAssertThrowsError(try h.rows("DELETE FROM wage.console_audit WHERE id = $1::bigint", [id]))
    }
}
