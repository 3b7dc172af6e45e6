import Foundation
import XCTest
@testable import Store

/// A lost connection surfaces as a recoverable PGError; reconnect() restores service.
final class ReconnectTests: XCTestCase {
    /// Ends `pid`'s session from a second admin connection and waits until it is gone.
    private func terminate(_ pid: Int32) throws {
        let admin = try TestStack.connect("store-tests-killer")
        defer { admin.close() }
        XCTAssertTrue(try admin.query("SELECT pg_terminate_backend($1::int) AS ok", [pid])[0].bool("ok"))
        for _ in 0..<50 {
            let left = try admin.query("SELECT count(*) AS c FROM pg_stat_activity WHERE pid = $1::int", [pid])
            if try left[0].int("c") == 0 { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("backend \(pid) still alive after pg_terminate_backend")
    }

    func testTerminatedBackendThenReconnect() throws {
        let db = try TestStack.connect("store-tests-reconnect")
        defer { db.close() }
        let sql = "SELECT $1::int + 1 AS v"
        XCTAssertEqual(try db.query(sql, [1])[0].int("v"), 2)
        let channel = "store_test_" + TestStack.uniqueSuffix()
        try db.listen(channel)
        let oldPID = db.backendPID

        try terminate(oldPID)
        let error = assertPGError(try db.query(sql, [2]))
        XCTAssertEqual(error?.recoverable, true, "\(String(describing: error))")
        XCTAssertNotNil(error?.sqlState)
        XCTAssertFalse(db.isConnected)

        try db.reconnect()
        XCTAssertTrue(db.isConnected)
        XCTAssertNotEqual(db.backendPID, oldPID)
        XCTAssertEqual(db.preparedStatementCount, 0, "statement cache must be cleared on reconnect")
        XCTAssertEqual(try db.query(sql, [41])[0].int("v"), 42)

        // LISTEN was re-issued on the new session.
        let sender = try TestStack.connect("store-tests-notify")
        defer { sender.close() }
        try sender.notify(channel, payload: "after-reconnect")
        XCTAssertEqual(try db.nextNotification(timeout: 3)?.payload, "after-reconnect")
    }

    func testWaitingListenerSeesLostConnection() throws {
        let db = try TestStack.connect("store-tests-reconnect")
        defer { db.close() }
        try db.listen("store_test_" + TestStack.uniqueSuffix())
        try terminate(db.backendPID)
        let error = assertPGError(try db.waitForNotification(timeout: 3))
        XCTAssertEqual(error?.recoverable, true)
        try db.reconnect()
        XCTAssertNil(try db.waitForNotification(timeout: 0.05))
    }

    /// Restarts the shared local PostgreSQL (`deploy/local/stack.sh restart-postgres`).
    /// Other sessions on the stack see their connections dropped for ~1-2 s.
    func testDatabaseRestartMidUse() throws {
        let url = try TestStack.adminURL()
        if ProcessInfo.processInfo.environment["WAGE_TEST_NO_PG_RESTART"] == "1" {
            throw XCTSkip("WAGE_TEST_NO_PG_RESTART=1: not restarting the shared PostgreSQL")
        }
        guard TestStack.isLocalStack, let root = TestStack.repoRoot else {
            throw XCTSkip("WAGE_DATABASE_URL is not the local stack's: cannot restart that server")
        }
        let db = try PGConnection(url: url, applicationName: "store-tests-restart")
        defer { db.close() }
        let sql = "SELECT $1::text AS v"
        XCTAssertEqual(try db.query(sql, ["before"])[0].string("v"), "before")

        let script = root.appendingPathComponent("deploy/local/stack.sh").path
        XCTAssertEqual(runAndWait(["/bin/bash", script, "restart-postgres"], environment: TestStack.scriptEnvironment), 0,
                       "deploy/local/stack.sh restart-postgres failed")

        let error = assertPGError(try db.query(sql, ["during"]))
        XCTAssertEqual(error?.recoverable, true, "\(String(describing: error))")
        var lastError: Error?
        for _ in 0..<50 {  // the script waits for the server; allow a little slack anyway
            do { try db.reconnect(); lastError = nil; break } catch {
                lastError = error
                Thread.sleep(forTimeInterval: 0.1)
            }
        }
        XCTAssertNil(lastError)
        XCTAssertEqual(try db.query(sql, ["after"])[0].string("v"), "after")
    }
}
