import Foundation
import XCTest
@testable import Store

/// Server and connection errors arrive as PGError with the right SQLSTATE and recoverability.
final class ErrorTests: XCTestCase {
    func testUniqueViolation() throws {
        let db = try TestStack.connect("store-tests-errors")
        defer { db.close() }
        try db.execute("CREATE TEMP TABLE uniq_t (id int PRIMARY KEY)")
        try db.execute("INSERT INTO uniq_t VALUES ($1)", [1])
        let error = assertPGError(try db.execute("INSERT INTO uniq_t VALUES ($1)", [1]))
        XCTAssertEqual(error?.sqlState, "23505")
        XCTAssertEqual(error?.isUniqueViolation, true)
        XCTAssertEqual(error?.isSerializationFailure, false)
        XCTAssertEqual(error?.recoverable, false)
        XCTAssertTrue(error?.detail?.contains("(id)=(1)") ?? false, "detail: \(error?.detail ?? "nil")")
        XCTAssertTrue(db.isConnected)
    }

    func testSyntaxErrorIsNotRecoverableAndConnectionStaysUsable() throws {
        let db = try TestStack.connect("store-tests-errors")
        defer { db.close() }
        let simple = assertPGError(try db.execute("SELEC 1"))
        XCTAssertEqual(simple?.sqlState, "42601")
        XCTAssertEqual(simple?.recoverable, false)
        XCTAssertTrue(simple?.description.contains("42601") ?? false)
        let prepared = assertPGError(try db.execute("SELEC $1", [1]))
        XCTAssertEqual(prepared?.sqlState, "42601")
        XCTAssertEqual(db.preparedStatementCount, 0, "a statement that failed to prepare must not be cached")
        XCTAssertEqual(try db.query("SELECT $1::int AS v", [5])[0].int("v"), 5)
    }

    func testInsufficientPrivilege() throws {
        let db = try TestStack.connect("store-tests-errors")
        defer { db.close() }
        let error = assertPGError(try db.execute("SELECT pg_read_file($1)", ["/etc/hostname"]))
        XCTAssertEqual(error?.sqlState, "42501")
        XCTAssertEqual(error?.isInsufficientPrivilege, true)
    }

    func testBadPasswordIsRefusedAndNotRecoverable() throws {
        let url = TestStack.withPassword(try TestStack.adminURL(), "definitely-wrong")
        let error = assertPGError(try PGConnection(url: url))
        XCTAssertEqual(error?.sqlState, "28P01", error?.message ?? "")
        XCTAssertEqual(error?.recoverable, false)
        XCTAssertFalse(error?.message.contains("definitely-wrong") ?? true, "password leaked into the error")
    }

    func testUnreachableServerIsRecoverableAndMalformedURLIsNot() throws {
        var parts = URLComponents(string: try TestStack.adminURL())!
        parts.port = 1
        let refused = assertPGError(try PGConnection(url: parts.string!))
        XCTAssertEqual(refused?.sqlState, "08001")
        XCTAssertEqual(refused?.recoverable, true)

        let malformed = assertPGError(try PGConnection(url: "postgres://u@127.0.0.1:5432/wage?bogus_option=1"))
        XCTAssertNil(malformed?.sqlState)
        XCTAssertEqual(malformed?.recoverable, false)
    }

    func testRecoverabilityTable() {
        for state in ["08006", "08001", "57P01", "57P02", "57P03", "40001", "40P01"] {
            XCTAssertTrue(PGError(sqlState: state, message: "").recoverable, state)
        }
        for state in ["23505", "42601", "42501", "22021", "57014"] {
            XCTAssertFalse(PGError(sqlState: state, message: "").recoverable, state)
        }
        XCTAssertTrue(PGError(sqlState: "40P01", message: "").isSerializationFailure)
    }
}
