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
}
