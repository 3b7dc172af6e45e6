import Foundation
import XCTest
@testable import Store

/// Connection options, state and close/reconnect.
final class ConnectionTests: XCTestCase {
    func testApplicationNameAndConnectTimeout() throws {
        let url = try TestStack.adminURL()
        let db = try PGConnection(url: url, applicationName: "store-tests-conn")
        defer { db.close() }
        XCTAssertEqual(try db.query("SELECT current_setting('application_name') AS v")[0].string("v"),
                       "store-tests-conn")
        XCTAssertEqual(db.connectionOption("connect_timeout"), "5")
        XCTAssertTrue(db.isConnected)
        XCTAssertGreaterThan(db.backendPID, 0)

        let separator = url.contains("?") ? "&" : "?"
        let custom = try PGConnection(url: url + separator + "connect_timeout=7")
        defer { custom.close() }
        XCTAssertEqual(custom.connectionOption("connect_timeout"), "7", "the URL's own timeout must win")
    }

    func testClosedConnectionThrowsNoConnectionUntilReconnect() throws {
        let db = try TestStack.connect("store-tests-conn")
        _ = try db.query("SELECT $1::int AS v", [1])
        db.close()
        XCTAssertFalse(db.isConnected)
        XCTAssertEqual(db.backendPID, 0)
        let error = assertPGError(try db.execute("SELECT 1"))
        XCTAssertEqual(error?.sqlState, "08003")
        XCTAssertEqual(error?.recoverable, true)
        XCTAssertNotNil(assertPGError(try db.waitForNotification(timeout: 0)))
        try db.reconnect()
        XCTAssertEqual(try db.query("SELECT $1::int AS v", [2])[0].int("v"), 2)
        db.close()
    }

    /// Several database hosts (a primary and its standbys): libpq tries them in turn
    /// and, with `target_session_attrs=read-write`, keeps only a server that takes
    /// writes (docs/operations.md).
    func testAHostListWithTargetSessionAttrsFindsTheWritableServer() throws {
        let url = try TestStack.adminURL()
        // postgres://user:pass@127.0.0.1:PORT/wage → the same with a dead host first.
        guard let at = url.lastIndex(of: "@"), let slash = url[at...].firstIndex(of: "/") else {
            return XCTFail("unexpected admin URL shape")
        }
        let hostPort = url[url.index(after: at)..<slash]
        let separator = url.contains("?") ? "&" : "?"
        let listed = url[...at] + "127.0.0.1:1," + hostPort + url[slash...] + separator + "target_session_attrs=read-write"
        let db = try PGConnection(url: String(listed), applicationName: "store-tests-hosts")
        defer { db.close() }
        XCTAssertEqual(try db.query("SELECT pg_is_in_recovery()::text AS v")[0].string("v"), "false")
        XCTAssertEqual(try db.query("SELECT inet_server_port()::text AS v")[0].string("v"),
                       String(hostPort.split(separator: ":").last ?? ""))
        let onlyDead = url[...at] + "127.0.0.1:1" + url[slash...]
        XCTAssertNotNil(assertPGError(try PGConnection(url: String(onlyDead))), "no host answers")
    }
}
