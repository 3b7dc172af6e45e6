import XCTest
@testable import Store

/// BEGIN/COMMIT/ROLLBACK around a body, checked from a second session.
final class TransactionTests: ScratchTableTestCase {
    struct Boom: Error {}
    override class var scratchTable: (name: String, columns: String) { ("tx_t", "id int PRIMARY KEY") }

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
