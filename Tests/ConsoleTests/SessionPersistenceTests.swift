import Foundation
import Runtime
import Store
import XCTest
@testable import Console

/// Sessions kept in `wage.console_sessions` (sql/0180) survive a restart, and end
/// for real: against the real PostgreSQL of the local stack (skipped without it).
final class ConsoleSessionPersistenceTests: XCTestCase {
    func testASessionSurvivesARestartAndEndsOnLogoutAndDisable() async throws {
        let env = StackEnvironment.load()
        guard env.values["WAGE_DATABASE_URL_CONSOLE"] != nil, let adminURL = env.values["WAGE_DATABASE_URL"] else {
            throw XCTSkip("no local stack (deploy/local/stack.sh up)")
        }
        let login = "sess-" + String(UUID().uuidString.prefix(8)).lowercased()
        let admin = try PGConnection(url: adminURL, applicationName: "console-session-test")
        defer { admin.close() }
        try admin.execute("""
            INSERT INTO wage.staff (login, display_name, department, password_hash) VALUES ($1, '测试', 'housing', $2)
            """, [login, "$2b$12$" + String(repeating: "a", count: 53)])
        let first = SessionStore(lifetime: 60, backing: SessionBacking(connections: Connections(env: env)))
        let (cookie, session) = try await first.start(login: login)
        let (other, _) = try await first.start(login: login)
        // A new store on new connections: the console after a restart.
        let restarted = SessionStore(lifetime: 60, backing: SessionBacking(connections: Connections(env: env)))
        guard case .valid(let id, let found) = try await restarted.lookup(cookie) else { return XCTFail("lost on restart") }
        XCTAssertEqual(found.csrfToken, session.csrfToken)
        // The table holds the id's hash, never the id.
        XCTAssertEqual(try admin.query("SELECT count(*) AS n FROM wage.console_sessions WHERE id_hash = $1", [id]).first?.int("n"), 0)
        // A cookie signed with another key is still forged.
        guard case .forged = try await SessionStore(lifetime: 60).lookup(cookie) else { return XCTFail("another key accepted") }
        try await restarted.end(id)
        guard case .ended = try await first.lookup(cookie) else { return XCTFail("a logged-out session still works") }
        guard case .valid = try await first.lookup(other) else { return XCTFail() }
        try await restarted.endAll(of: login)
        guard case .ended = try await first.lookup(other) else { return XCTFail("a disabled person's session still works") }
    }
}
