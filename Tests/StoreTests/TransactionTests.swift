import XCTest
@testable import Store

/// BEGIN/COMMIT/ROLLBACK around a body, checked from a second session.
final class TransactionTests: XCTestCase {
    struct Boom: Error {}
    var db: PGConnection!
    var other: PGConnection!
    var table = ""

    override func setUpWithError() throws {
        db = try TestStack.connect("store-tests-tx")
        other = try TestStack.connect("store-tests-tx-observer")
        let schema = "store_test_" + TestStack.uniqueSuffix()
        table = schema + ".tx_t"
        try db.execute("CREATE SCHEMA \(schema); CREATE TABLE \(table) (id int PRIMARY KEY)")
    }

    override func tearDownWithError() throws {
        if let schema = table.split(separator: ".").first {
            try db?.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
        db?.close()
        other?.close()
    }

    private func visibleToOthers(_ id: Int) throws -> Bool {
        try other.query("SELECT count(*) AS c FROM \(table) WHERE id = $1", [id])[0].int("c") == 1
    }

    func testCommitMakesRowVisibleAndReturnsBodyValue() throws {
        let value = try db.transaction { tx -> String in
            try tx.execute("INSERT INTO \(table) VALUES ($1)", [1])
            XCTAssertTrue(tx.inTransaction)
            XCTAssertFalse(try visibleToOthers(1), "row visible before COMMIT")
            return "done"
        }
        XCTAssertEqual(value, "done")
        XCTAssertFalse(db.inTransaction)
        XCTAssertTrue(try visibleToOthers(1))
    }

    func testThrowRollsBackAndRethrowsTheBodyError() throws {
        XCTAssertThrowsError(try db.transaction { tx in
            try tx.execute("INSERT INTO \(table) VALUES ($1)", [2])
            throw Boom()
        }) { XCTAssertTrue($0 is Boom, "got \($0)") }
        XCTAssertFalse(db.inTransaction)
        XCTAssertEqual(try db.query("SELECT count(*) AS c FROM \(table)")[0].int("c"), 0)
        XCTAssertFalse(try visibleToOthers(2))
    }

    func testDatabaseErrorInsideRollsBackEarlierStatements() throws {
        let error = assertPGError(try db.transaction { tx in
            try tx.execute("INSERT INTO \(table) VALUES ($1)", [3])
            try tx.execute("INSERT INTO \(table) VALUES ($1)", [3])
        })
        XCTAssertEqual(error?.isUniqueViolation, true)
        XCTAssertEqual(try db.query("SELECT count(*) AS c FROM \(table)")[0].int("c"), 0)
    }

    func testSwallowedErrorMakesCommitThrowInsteadOfSilentRollback() throws {
        let error = assertPGError(try db.transaction { tx in
            try tx.execute("INSERT INTO \(table) VALUES ($1)", [4])
            _ = try? tx.execute("SELEC broken")
        })
        XCTAssertEqual(error?.sqlState, "25P02")
        XCTAssertFalse(try visibleToOthers(4))
    }

    func testNestedTransactionIsRefused() throws {
        let error = assertPGError(try db.transaction { tx in try tx.transaction { _ in 1 } })
        XCTAssertEqual(error?.sqlState, "25001")
        XCTAssertFalse(db.inTransaction)
    }
}
