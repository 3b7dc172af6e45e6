import XCTest
@testable import Store

/// Parameterised SQL is prepared once per connection and reused.
final class StatementCacheTests: XCTestCase {
    private func serverPrepared(_ db: PGConnection, _ sql: String) throws -> Int {
        try db.query("SELECT count(*) AS c FROM pg_prepared_statements WHERE statement = $1", [sql])[0].int("c")
    }

    func testSameSQLIsPreparedOnceAndReused() throws {
        let db = try TestStack.connect("store-tests-cache")
        defer { db.close() }
        let sql = "SELECT $1::int * 2 AS doubled"
        XCTAssertEqual(try db.query(sql, [2])[0].int("doubled"), 4)
        let afterFirst = db.preparedStatementCount
        XCTAssertEqual(try db.query(sql, [21])[0].int("doubled"), 42)
        XCTAssertEqual(db.preparedStatementCount, afterFirst, "second run prepared again")
        XCTAssertEqual(try serverPrepared(db, sql), 1)
        XCTAssertEqual(db.statements.count, db.preparedStatementCount)
        XCTAssertNotNil(db.statements[sql])
    }

    func testStatementDroppedOnServerIsPreparedAgain() throws {
        let db = try TestStack.connect("store-tests-cache")
        defer { db.close() }
        let sql = "SELECT $1::text || '!' AS v"
        XCTAssertEqual(try db.query(sql, ["a"])[0].string("v"), "a!")
        try db.execute("DEALLOCATE ALL")
        XCTAssertEqual(try db.query(sql, ["b"])[0].string("v"), "b!")
        XCTAssertEqual(try serverPrepared(db, sql), 1)
    }

    func testBeyondCapacityStatementsRunUnnamed() throws {
        let db = try PGConnection(url: TestStack.adminURL(), statementCacheCapacity: 1)
        defer { db.close() }
        XCTAssertEqual(try db.query("SELECT $1::int AS v", [1])[0].int("v"), 1)
        XCTAssertEqual(try db.query("SELECT $1::int + 1 AS v", [1])[0].int("v"), 2)
        XCTAssertEqual(try db.query("SELECT $1::int + 1 AS v", [2])[0].int("v"), 3)
        XCTAssertEqual(db.preparedStatementCount, 1)
    }

    func testMultipleCommandsWithoutParametersUseSimpleProtocol() throws {
        let db = try TestStack.connect("store-tests-cache")
        defer { db.close() }
        let result = try db.execute("CREATE TEMP TABLE multi_t (x int); INSERT INTO multi_t VALUES (1), (2)")
        XCTAssertEqual(result.affectedRows, 2)
        XCTAssertEqual(result.commandTag, "INSERT 0 2")
        XCTAssertEqual(db.preparedStatementCount, 0)
        XCTAssertEqual(try db.execute("UPDATE multi_t SET x = x + $1", [10]).affectedRows, 2)
    }
}
