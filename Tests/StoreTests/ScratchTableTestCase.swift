import XCTest
@testable import Store

/// A test case with its own schema and table (dropped afterwards), a session
/// that works on it (`db`) and a second session that observes it (`other`).
class ScratchTableTestCase: XCTestCase {
    var db: PGConnection!
    var other: PGConnection!
    /// `<schema>.<name>`, created with `columns`.
    var table = ""

    /// The table's name and column list; subclasses override.
    class var scratchTable: (name: String, columns: String) { ("t", "id int PRIMARY KEY") }

    override func setUpWithError() throws {
        let name = String(describing: type(of: self))
        db = try TestStack.connect("store-tests-\(name)")
        other = try TestStack.connect("store-tests-\(name)-observer")
        let schema = "store_test_" + TestStack.uniqueSuffix()
        let spec = Self.scratchTable
        table = "\(schema).\(spec.name)"
        try db.execute("CREATE SCHEMA \(schema); CREATE TABLE \(table) (\(spec.columns))")
    }

    override func tearDownWithError() throws {
        if let schema = table.split(separator: ".").first {
            try db?.execute("DROP SCHEMA IF EXISTS \(schema) CASCADE")
        }
        db?.close()
        other?.close()
    }
}
