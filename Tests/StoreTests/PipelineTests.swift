import XCTest
@testable import Store

/// Statements queued with executeDeferred: sent in order with the next round
/// trip (libpq pipeline mode), failures thrown there, dropped by ROLLBACK.
final class PipelineTests: ScratchTableTestCase {
    override class var scratchTable: (name: String, columns: String) { ("p", "id int PRIMARY KEY, note text NOT NULL") }

    private func ids(_ connection: PGConnection? = nil) throws -> [Int] {
        try (connection ?? other).query("SELECT id FROM \(table) ORDER BY id").map { try $0.int("id") }
    }

    func testDeferredStatementsTravelWithTheNextStatementInOrder() throws {
        try db.transaction { tx in
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [1, "a"])
            try tx.executeDeferred("UPDATE \(table) SET note = $2 WHERE id = $1", [1, "b"])
            XCTAssertEqual(tx.deferredCount, 2, "nothing sent yet")
            XCTAssertEqual(try ids(), [])
            let note = try tx.query("SELECT note FROM \(table) WHERE id = $1", [1]).first?.string("note")
            XCTAssertEqual(note, "b", "the read sees the queued writes, applied in order")
            XCTAssertEqual(tx.deferredCount, 0)
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [2, "c"])
        }
        XCTAssertEqual(try ids(), [1, 2], "the last one went with COMMIT")
    }

    func testAFailingDeferredStatementIsThrownByTheNextCallAndSkipsTheRest() throws {
        try db.execute("INSERT INTO \(table) VALUES ($1, $2)", [7, "existing"])
        XCTAssertThrowsError(try db.transaction { tx in
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [8, "x"])
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [7, "duplicate"])
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [9, "after the failure"])
            _ = try tx.execute("SELECT 1 AS one WHERE $1::int > 0", [1])
            XCTFail("the unique violation should have been thrown by the SELECT")
        }) { error in
            XCTAssertEqual((error as? PGError)?.sqlState, "23505")
        }
        XCTAssertFalse(db.inTransaction)
        XCTAssertEqual(try ids(), [7])
        XCTAssertEqual(try ids(db), [7], "the connection is usable afterwards")
    }

    func testAFailureAmongStatementsSentWithCommitRollsTheTransactionBack() throws {
        try db.execute("INSERT INTO \(table) VALUES ($1, $2)", [3, "existing"])
        XCTAssertThrowsError(try db.transaction { tx in
            try tx.execute("INSERT INTO \(table) VALUES ($1, $2)", [4, "applied at once"])
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [3, "duplicate"])
        }) { error in
            XCTAssertEqual((error as? PGError)?.sqlState, "23505")
        }
        XCTAssertFalse(db.inTransaction, "the skipped COMMIT was replaced by a ROLLBACK")
        XCTAssertEqual(try ids(), [3], "nothing of the transaction committed")
        try db.transaction { tx in try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [5, "next"]) }
        XCTAssertEqual(try ids(), [3, 5])
    }

    func testRollbackToASavepointDropsWhatWasQueuedAfterIt() throws {
        try db.transaction { tx in
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [10, "kept"])
            try tx.execute("SAVEPOINT s")
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [11, "undone"])
            try tx.execute("ROLLBACK TO SAVEPOINT s")
            XCTAssertEqual(tx.deferredCount, 0)
        }
        XCTAssertEqual(try ids(), [10])
    }

    func testABodyThatThrowsDropsItsQueuedStatements() throws {
        struct Boom: Error {}
        XCTAssertThrowsError(try db.transaction { tx in
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [20, "never sent"])
            throw Boom()
        })
        XCTAssertEqual(db.deferredCount, 0)
        XCTAssertEqual(try ids(), [])
    }

    func testALongQueueIsSentInPiecesAndEverythingArrives() throws {
        let count = PGConnection.maxDeferred * 2 + 5
        try db.transaction { tx in
            for id in 0..<count { try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [id + 100, "n"]) }
            XCTAssertLessThan(tx.deferredCount, PGConnection.maxDeferred)
        }
        XCTAssertEqual(try ids().count, count)
    }

    func testAConnectionLostUnderAPipelineIsReportedAsLostAndRecovers() throws {
        try db.execute("BEGIN")
        try db.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [40, "lost with the session"])
        XCTAssertTrue(try other.query("SELECT pg_terminate_backend($1::int) AS ok", [Int(db.backendPID)])[0].bool("ok"))
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertThrowsError(try db.execute("SELECT count(*) AS n FROM \(table) WHERE id > $1", [0])) { error in
            let failure = error as? PGError
            XCTAssertTrue(failure?.isConnectionFailure ?? false, "\(error)")
            XCTAssertTrue(failure?.recoverable ?? false, "\(error)")
        }
        try db.reconnect()
        XCTAssertFalse(db.inTransaction)
        XCTAssertEqual(db.deferredCount, 0)
        try db.transaction { tx in try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [41, "after"]) }
        XCTAssertEqual(try ids(), [41])
    }

    func testMultiCommandSQLFlushesTheQueueFirst() throws {
        try db.transaction { tx in
            try tx.executeDeferred("INSERT INTO \(table) VALUES ($1, $2)", [30, "before"])
            try tx.execute("SAVEPOINT a; RELEASE SAVEPOINT a")
            XCTAssertEqual(tx.deferredCount, 0)
        }
        XCTAssertEqual(try ids(), [30])
    }
}
