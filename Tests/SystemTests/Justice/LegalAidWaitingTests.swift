import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Applications with no active provider wait as `approved_unassigned` and are
/// assigned, oldest first, in the transaction of the `legalaid.provider` that
/// adds or re-activates one.
final class LegalAidWaitingTests: LegalAidTestCase {
    func testApplicationsWaitUntilAProviderIsAddedAndAreThenAssignedOldestFirst() throws {
        try h.startLegalAidWorkers()
        try h.provider("W-1", "未启用", active: false)
        let numbers = ["LA-W-3", "LA-W-1", "LA-W-2"]  // received in this order
        for no in numbers {
            try h.requestLegalAid(no, from: .petitions)
            try h.waitForLegalAid(no, status: "approved_unassigned")
        }
        let waiting = try h.rows("SELECT * FROM wage.legal_aid_overview WHERE application_no = ANY($1::text[])", [numbers])
        for row in waiting {
            XCTAssertNil(try row.optionalString("provider_id"))
            XCTAssertNil(try row.optionalString("assigned_at"))
            XCTAssertEqual(try row.optionalDate("approved_at"), try row.date("received_at"), "approved on receipt")
        }
        XCTAssertEqual(try assignedMessages(numbers[0], numbers[1], numbers[2]).count, 0, "nobody is told before a provider is assigned")
        XCTAssertEqual(try h.value("SELECT waiting FROM wage.legal_aid_same_day"), "3")

        let added = try h.provider("W-2", "新律所", active: true)
        try h.waitUntil("all assigned") {
            try h.value("SELECT count(*) FROM wage.legal_aid_overview WHERE status = 'assigned' AND provider_id = 'W-2'") == "3"
        }
        // in the provider message's transaction: one instant, ids caused by it, oldest first
        XCTAssertEqual(try h.value("SELECT count(DISTINCT assigned_at) FROM wage.legal_aid_overview"), "1")
        let sent = try assignedMessages(numbers[0], numbers[1], numbers[2]).map(\.id)
        XCTAssertEqual(sent, numbers.map { "\(added):\($0):assigned" }, "written oldest first, caused by the provider message")
        XCTAssertEqual(try h.openAssignments(), ["W-1": 0, "W-2": 3])
        try h.waitUntil("petitions told three times") {
            try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'petitions' AND message_id = ANY($1::text[])", [sent]) == "3"
        }
    }

    func testADeactivatedProviderGetsNothingNewUntilReactivated() throws {
        try h.startLegalAidWorkers()
        try h.provider("D-1", "甲律所", active: true)
        try h.requestLegalAid("LA-D-1")
        try h.waitForLegalAid("LA-D-1", status: "assigned")
        try h.provider("D-1", "甲律所", active: false)
        try h.requestLegalAid("LA-D-2")
        try h.waitForLegalAid("LA-D-2", status: "approved_unassigned")
        XCTAssertEqual(try h.openAssignments(), ["D-1": 1], "a deactivated provider keeps its work")

        try h.provider("D-9", "乙律所", active: true)  // added: takes the waiting one
        try h.waitForLegalAid("LA-D-2", status: "assigned")
        try h.provider("D-9", "乙律所", active: false)
        try h.requestLegalAid("LA-D-3")
        try h.waitForLegalAid("LA-D-3", status: "approved_unassigned")
        let reactivated = try h.provider("D-1", "甲律所", active: true)  // re-activated: takes the waiting one
        try h.waitForLegalAid("LA-D-3", status: "assigned")
        XCTAssertEqual(try h.value("SELECT provider_id FROM wage.legal_aid_overview WHERE application_no = 'LA-D-2'"), "D-9")
        XCTAssertEqual(try h.value("SELECT provider_id FROM wage.legal_aid_overview WHERE application_no = 'LA-D-3'"), "D-1")
        XCTAssertEqual(try assignedMessages("LA-D-3").map(\.id), ["\(reactivated):LA-D-3:assigned"])
        XCTAssertEqual(try h.openAssignments(), ["D-1": 2, "D-9": 1])
    }

    func testSameDayIsJudgedOnTheShanghaiDayOfReceipt() throws {
        let clock = TestClock(Day(iso: "2026-03-02")!.shanghaiStart.addingTimeInterval(23 * 3600 + 50 * 60))  // 23:50
        try h.startLegalAidWorkers(justiceClock: clock)  // worker-justice on a clock the test sets

        try h.requestLegalAid("LA-SD-1")  // no provider at 23:50 on 2 March
        try h.waitForLegalAid("LA-SD-1", status: "approved_unassigned")
        clock.set(Day(iso: "2026-03-03")!.shanghaiStart.addingTimeInterval(9 * 3600))  // 09:00 next day
        try h.provider("SD-1", "值班律师", active: true)
        try h.waitForLegalAid("LA-SD-1", status: "assigned")
        try h.requestLegalAid("LA-SD-2")
        try h.waitForLegalAid("LA-SD-2", status: "assigned")

        let late = try h.rows("SELECT received_on::text AS r, assigned_on::text AS a, same_day FROM wage.legal_aid_overview WHERE application_no = 'LA-SD-1'")[0]
        XCTAssertEqual([try late.string("r"), try late.string("a")], ["2026-03-02", "2026-03-03"])
        XCTAssertFalse(try late.bool("same_day"))
        XCTAssertEqual(try h.value("SELECT same_day::text FROM wage.legal_aid_overview WHERE application_no = 'LA-SD-2'"), "true")
        let report = try h.rows("""
            SELECT received_on::text AS day, received, approved_same_day, assigned_same_day, assigned_later, waiting,
                   extract(epoch FROM longest_wait)::int AS wait_s
            FROM wage.legal_aid_same_day ORDER BY received_on
            """).map { row in try ["day", "received", "approved_same_day", "assigned_same_day", "assigned_later", "waiting", "wait_s"]
                .map { try row.string($0) } }
        XCTAssertEqual(report, [["2026-03-02", "1", "1", "0", "1", "0", String(9 * 3600 + 10 * 60)],
                                ["2026-03-03", "1", "1", "1", "0", "0", "0"]])
    }
}
