import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Found by the fault suite: worker-hrss deadlocked with worker-justice and
/// worker-petitions (PostgreSQL 40P01, a retry and a delivery attempt each time).
/// Another worker's timeline entry for a case holds a KEY SHARE lock on the case
/// row (the foreign key) until it commits; the office's `SELECT … FOR UPDATE`
/// waited for it, and with two cases locked in opposite orders by the two
/// batches, neither could go on. The office changes no key, so its lock must not
/// wait for a timeline entry of another department.
final class TimelineLockTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testTheOfficeDoesNotWaitForAnotherDepartmentsOpenTimelineEntry() throws {
        let tag = faultRunTag()
        let caseID = try h.reportClue("lock-\(tag)")  // construction: transferred to housing
        // Justice writes on the case's timeline and has not committed yet.
        let justice = try PGConnection(url: try h.env.databaseURL(for: .justice), applicationName: "lock-test-justice")
        defer { justice.close() }
        try justice.execute("BEGIN")
        try justice.execute("INSERT INTO wage.case_events (case_id, department, event) VALUES ($1::uuid, 'justice', 'lock_test')", [caseID])
        defer { _ = try? justice.execute("ROLLBACK") }

        try h.publish(as: .housing, "case.accept", ["case_id": .string(caseID)], id: "lock-\(tag)-accept")
        try h.waitUntil("accepted while justice's entry is still open", timeout: 10) {
            try h.overview(caseID, "status") == "accepted"
        }
    }
}
