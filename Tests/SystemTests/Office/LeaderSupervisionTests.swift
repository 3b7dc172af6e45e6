import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §7.3 through the real router, worker and database: the leader
/// package's deadline, `wage.supervision_list`, and `schema:due_on`.
final class LeaderSupervisionTests: XCTestCase {
    var h: Harness!
    let clock = TestClock(shanghaiNoonOf: .on("2026-02-12"))

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice(clock: clock)
    }

    override func tearDown() async throws { await h.shutdown() }

    /// A case made a leader package by two sweeps (due 02-26 → task force due 03-12 → 03-13).
    func leaderPackage(_ label: String) throws -> String {
        let caseID = try h.reportClue(Harness.newID(label))
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-02-27"])
        try h.waitForStatus(caseID, "task_force")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-03-13"])
        try h.waitForStatus(caseID, "leader_package")
        return caseID
    }

    func sweep(_ asOf: String) throws {
        let id = Harness.newID("sweep-\(asOf)")
        try h.publish(as: .hrss, "office.sweep", ["as_of": .string(asOf)], id: id)
        try h.waitProcessed(id)
    }

    func testADefaultDeadlineOfTenWorkingDaysAndOneListingWithTheValuesInForce() throws {
        let caseID = try leaderPackage("lp-default")
        XCTAssertNil(try h.overview(caseID, "due_on"))
        try sweep("2026-06-01")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.supervision_list WHERE case_id = $1::uuid", [caseID]), "0",
                       "a leader package without due_on is not listed")

        clock.set(shanghaiNoonOf: .on("2026-03-13"))
        try h.publish(as: .hrss, "case.assign_leader",
                      ["case_id": .string(caseID), "leader": "李副区长", "leader_department": "government",
                       "city_leader": "王副市长"])
        // Fri 03-13 + 10 working days: 16 … 20 (5), 23 … 27 (10).
        try h.waitUntil("due_on set") { try h.overview(caseID, "due_on") == "2026-03-27" }
        let assigned = try XCTUnwrap(try h.timelineDetail(caseID, "leader_assigned"))
        XCTAssertEqual(assigned["settings"]?["case.leader_due_working_days"]?.stringValue, "10")
        XCTAssertEqual(assigned["city_leader"]?.stringValue, "王副市长")

        try sweep("2026-03-27")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.supervision_list WHERE case_id = $1::uuid", [caseID]), "0",
                       "the due day itself is in time")
        try sweep("2026-03-30")
        let row = try XCTUnwrap(try h.rows(
            """
            SELECT case_no, leader, leader_department, city_leader, due_on::text AS due_on, listed_on::text AS listed_on
            FROM wage.supervision_list WHERE case_id = $1::uuid
            """, [caseID]).first)
        XCTAssertEqual(row["case_no"], try h.overview(caseID, "case_no"))
        XCTAssertEqual(row["leader"], "李副区长")
        XCTAssertEqual(row["leader_department"], "government")
        XCTAssertEqual(row["city_leader"], "王副市长")
        XCTAssertEqual(row["due_on"], "2026-03-27")
        XCTAssertEqual(row["listed_on"], "2026-03-30")
        XCTAssertEqual(try h.overview(caseID, "status"), "leader_package", "it stays open until resolved")
        let listed = try XCTUnwrap(try h.timelineDetail(caseID, "supervision_listed"))
        XCTAssertEqual(listed["due_on"]?.stringValue, "2026-03-27")
        XCTAssertEqual(listed["leader"]?.stringValue, "李副区长")

        // Listed once: later sweeps change nothing.
        try sweep("2026-04-30")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.supervision_list WHERE case_id = $1::uuid", [caseID]), "1")
        XCTAssertEqual(try h.timeline(caseID).filter { $0 == "hrss:supervision_listed" }.count, 1)

        // wagectl shows the list.
        let run = h.wagectl(["--as", "hrss", "case", "supervision", "--json"])
        XCTAssertNil(run.error, run.errors)
        let entries = try run.json().arrayValue ?? []
        let mine = try XCTUnwrap(entries.first { $0["case_id"]?.stringValue == caseID })
        XCTAssertEqual(mine["city_leader"]?.stringValue, "王副市长")
        XCTAssertEqual(mine["listed_on"]?.stringValue, "2026-03-30")
    }

    func testAGivenDueOnIsKeptAndOneThatIsNotAfterTodayIsSchemaDueOn() throws {
        let caseID = try leaderPackage("lp-given")
        let past = Harness.newID("due-past")
        try h.publish(as: .hrss, "case.assign_leader",
                      ["case_id": .string(caseID), "leader": "李副区长", "leader_department": "government",
                       "due_on": "2026-01-05"], id: past)
        XCTAssertEqual(try h.waitForRejection(past, by: .router), "schema:due_on")
        let today = Harness.newID("due-today")
        try h.publish(as: .hrss, "case.assign_leader",
                      ["case_id": .string(caseID), "leader": "李副区长", "leader_department": "government",
                       "due_on": .string(Day.shanghaiToday().iso)], id: today)
        XCTAssertEqual(try h.waitForRejection(today, by: .router), "schema:due_on", "not after the day applied")
        XCTAssertNil(try h.overview(caseID, "leader"), "nothing changed")

        let later = Day.shanghaiToday().adding(days: 30)
        let run = h.wagectl(["--as", "hrss", "case", "assign-leader", "--case-id", caseID, "--leader", "张副区长",
                             "--leader-department", "government", "--due-on", later.iso, "--city-leader", "赵副市长",
                             "--follow", "0"])
        XCTAssertNil(run.error, run.errors + run.output)
        try h.waitUntil("due_on set") { try h.overview(caseID, "due_on") == later.iso }
        XCTAssertEqual(try h.overview(caseID, "city_leader"), "赵副市长")
        XCTAssertNil(try h.timelineDetail(caseID, "leader_assigned")?["settings"], "no configuration used")
    }
}
