import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §7.7 under a crash: worker-hrss is killed (`kill -9`) while an import
/// of many rows runs, started again, and the import is run again (as an operator
/// would): every row is a case exactly once, with exactly one `imported` entry.
final class ImportKillTests: XCTestCase {
    static let rows = 300

    func testKillingTheOfficeDuringAnImportLosesAndDoublesNothing() throws {
        let stack = try FaultStack()
        let tag = faultRunTag()
        let h = try Harness()
        defer { h.admin.close(); for p in h.publishers.values { p.close() } }
        try h.purgeQueues()
        let fleet = try ServiceFleet(stack: stack, logDir: "\(stack.localDir)/faults-import-\(tag)")
        defer { fleet.stopAll() }
        for s in fleet.services where ["wage-router", "worker-hrss"].contains(s.name) { try s.start(environment: fleet.environment) }

        let refs = (0..<Self.rows).map { "KILL-\(tag)-\($0)" }
        func publishAll() throws {
            for ref in refs {
                try h.publish(as: .hrss, "case.import", CaseImportSystemTests.body(ref), id: "import-\(ref)")
            }
        }
        func imported() throws -> Int {
            Int(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1", ["KILL-\(tag)-%"]) ?? "0") ?? 0
        }
        try publishAll()
        try h.waitUntil("the import under way", timeout: 60) { try imported() >= 20 }
        try fleet.killAndRestart("worker-hrss", pause: 0.5)
        try publishAll()  // the operator runs the import again
        try h.waitUntil("every row imported", timeout: 120) { try imported() == Self.rows }
        try h.waitUntil("every message processed", timeout: 60) {
            try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND message_id LIKE $1",
                        ["import-KILL-\(tag)-%"]) == String(Self.rows)
        }
        XCTAssertEqual(try imported(), Self.rows, "nothing lost, nothing doubled")
        XCTAssertEqual(try h.value(
            """
            SELECT count(*) FROM wage.case_timeline t JOIN wage.cases c USING (case_id)
            WHERE c.clue_ref LIKE $1 AND t.event = 'imported'
            """, ["KILL-\(tag)-%"]), String(Self.rows), "one imported entry per case")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id LIKE $1", ["import-KILL-\(tag)-%"]), "0")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1 AND status <> 'closed'",
                                   ["KILL-\(tag)-%"]), "0")
    }
}
