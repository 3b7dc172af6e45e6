import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Deadlines by the working-day calendar (wage.calendar, deploy/calendar/CN-2026.csv)
/// and the escalation chain: overdue or escalated → task force (一案一专班) →
/// leader package (领导包案). Expected dates are worked out by hand below.
final class CaseDeadlineTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!
    let clock = TestClock(shanghaiNoonOf: .on("2026-02-12"))
    let members = ["hrss", "petitions", "justice", "police", "housing"]

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
    }

    override func tearDown() async throws { await h.shutdown() }

    func testTransferDeadlinesAcrossSpringFestivalNationalDayAndMakeUpDays() throws {
        try h.startOffice(clock: clock)
        // Thu 02-12: Fri 02-13 (1), Sat 02-14 make-up day (2), 02-15..02-23 Spring Festival,
        // Tue 02-24 (3), Wed 02-25 (4), Thu 02-26 (5).
        let spring = try h.reportClue(Harness.newID("spring"))
        XCTAssertEqual(try h.overview(spring, "due_on"), "2026-02-26")
        // Mon 02-23 (a holiday itself): Tue 02-24 (1) … Fri 02-27 (4), Sat 02-28 make-up day (5).
        clock.set(shanghaiNoonOf: .on("2026-02-23"))
        let makeUp = try h.reportClue(Harness.newID("makeup"))
        XCTAssertEqual(try h.overview(makeUp, "due_on"), "2026-02-28")
        // Tue 09-29: Wed 09-30 (1), 10-01..10-07 National Day, Thu 10-08 (2), Fri 10-09 (3),
        // Sat 10-10 make-up day (4), Sun 10-11 rest, Mon 10-12 (5).
        clock.set(shanghaiNoonOf: .on("2026-09-29"))
        let national = try h.reportClue(Harness.newID("national"))
        XCTAssertEqual(try h.overview(national, "due_on"), "2026-10-12")
        let transfer = try XCTUnwrap(mail.wait("dept.housing") { $0.isa("case.transfer", case: national) }.first)
        XCTAssertEqual(transfer.payload["due_on"]?.stringValue, "2026-10-12")
    }

    func testSweepEscalatesToTaskForceThenLeaderPackage() throws {
        try h.startOffice(clock: clock)
        let caseID = try h.reportClue(Harness.newID("sweep"))  // due Thu 02-26
        try h.publish(as: .housing, "case.accept", ["case_id": .string(caseID)])
        try h.waitForStatus(caseID, "accepted")

        // The due day itself is still in time.
        let onTime = Harness.newID("sweep-0226")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-02-26"], id: onTime)
        try h.waitProcessed(onTime)
        XCTAssertEqual(try h.overview(caseID, "status"), "accepted")

        // Fri 02-27 overdue → task force, due 10 working days after 02-27: Sat 02-28 make-up (1),
        // 03-02 (2), 03-03 (3), 03-04 (4), 03-05 (5), 03-06 (6), 03-09 (7), 03-10 (8), 03-11 (9), 03-12 (10).
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-02-27"])
        try h.waitForStatus(caseID, "task_force")
        XCTAssertEqual(try h.overview(caseID, "due_on"), "2026-03-12")
        XCTAssertEqual(try h.overview(caseID, "escalated_on"), "2026-02-27")
        XCTAssertEqual(try h.value("SELECT array_to_string(task_force, ',') FROM wage.cases WHERE case_id = $1::uuid", [caseID]),
                       members.joined(separator: ","))
        for member in members where member != "hrss" {
            let notice = try XCTUnwrap(mail.wait("dept.\(member)") { $0.isNotice("task_force_formed", case: caseID) }.first)
            XCTAssertEqual(notice.payload["notify"]?.arrayValue?.compactMap(\.stringValue), members)
            XCTAssertEqual(notice.payload["detail"]?["due_on"]?.stringValue, "2026-03-12")
        }
        // hrss is a member too: its own worker records the notice under hrss.
        try h.waitUntil("hrss recorded task_force_formed") { try h.timeline(caseID).contains("hrss:task_force_formed") }
        XCTAssertEqual(try h.timelineDetail(caseID, "task_force_formed")?["from"]?.stringValue, "hrss")
        XCTAssertEqual(try h.timelineDetail(caseID, "overdue_escalated")?["missed_due_on"]?.stringValue, "2026-02-26")

        // Thu 03-12 is the task force's last day; Fri 03-13 overdue → leader package.
        let stillTaskForce = Harness.newID("sweep-0312")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-03-12"], id: stillTaskForce)
        try h.waitProcessed(stillTaskForce)
        XCTAssertEqual(try h.overview(caseID, "status"), "task_force")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2026-03-13"])
        try h.waitForStatus(caseID, "leader_package")
        XCTAssertEqual(try h.value("SELECT leader_package_on::text FROM wage.leader_package_cases WHERE case_id = $1::uuid",
                                   [caseID]), "2026-03-13")
        XCTAssertEqual(try h.value("SELECT missed_due_on::text FROM wage.leader_package_cases WHERE case_id = $1::uuid",
                                   [caseID]), "2026-03-12")
        XCTAssertNil(try h.overview(caseID, "due_on"), "§7.3: no due_on until a leader is assigned")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.supervision_list WHERE case_id = $1::uuid", [caseID]), "0",
                       "§7.3: not listed before then")
        XCTAssertNotNil(try mail.wait("dept.housing") { $0.isNotice("leader_package", case: caseID) }.first)
        // The office's own entry, then its worker's record of the notice to hrss.
        try h.waitUntil("hrss recorded the leader_package notice") {
            try h.timeline(caseID).filter { $0 == "hrss:leader_package" }.count == 2
        }

        // The leader is named; government cannot receive case.notice, so only the assignee is told.
        try h.publish(as: .hrss, "case.assign_leader",
                      ["case_id": .string(caseID), "leader": "李副区长", "leader_department": "government"])
        try h.waitUntil("leader named") { try h.overview(caseID, "leader") == "李副区长" }
        XCTAssertEqual(try h.overview(caseID, "leader_department"), "government")
        let named = try XCTUnwrap(mail.wait("dept.housing") { $0.isNotice("leader_assigned", case: caseID) }.first)
        XCTAssertEqual(named.payload["notify"], .array(["housing"]))
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1",
                                   [try XCTUnwrap(named.properties.messageID)]), "0")

        // Resolved later, the case can be closed and stays on the supervision list.
        try h.publish(as: .housing, "case.resolved",
                      ["case_id": .string(caseID), "amount_paid": "100000.00", "workers_paid": 10])
        try h.waitForStatus(caseID, "resolved")
        try h.publish(as: .hrss, "case.close", ["case_id": .string(caseID)])
        try h.waitForStatus(caseID, "closed")
        XCTAssertEqual(try h.value("SELECT status FROM wage.leader_package_cases WHERE case_id = $1::uuid", [caseID]), "closed")
        XCTAssertEqual(try h.timeline(caseID), [
            "hrss:registered", "hrss:transferred", "hrss:accepted", "hrss:overdue_escalated", "hrss:task_force_formed",
            "hrss:leader_package", "hrss:leader_package", "hrss:leader_assigned", "hrss:resolved", "hrss:closed",
        ])
    }

    func testAssigneeEscalatesToATaskForceDueTenWorkingDaysLater() throws {
        clock.set(shanghaiNoonOf: .on("2026-09-29"))
        try h.startOffice(clock: clock)
        let caseID = try h.reportClue(Harness.newID("esc"))
        clock.set(shanghaiNoonOf: .on("2026-09-30"))
        try h.publish(as: .housing, "case.escalate", ["case_id": .string(caseID), "reason": "企业主失联，需多部门协作"])
        try h.waitForStatus(caseID, "task_force")
        // Wed 09-30 + 10 working days: 10-08 (1), 10-09 (2), Sat 10-10 make-up (3), 10-12 (4) …
        // 10-16 (8), 10-19 (9), 10-20 (10).
        XCTAssertEqual(try h.overview(caseID, "due_on"), "2026-10-20")
        XCTAssertEqual(try h.overview(caseID, "assignee"), "housing")
        for member in members where member != "hrss" {
            let notice = try mail.wait("dept.\(member)") { $0.isNotice("task_force_formed", case: caseID) }
            XCTAssertEqual(notice.count, 1, member)
        }
        XCTAssertEqual(try h.timelineDetail(caseID, "escalated")?["reason"]?.stringValue, "企业主失联，需多部门协作")
        XCTAssertEqual(try h.timelineDetail(caseID, "escalated")?["by"]?.stringValue, "housing")
        // Escalating twice is not allowed (already a task force).
        let twice = Harness.newID("esc2")
        try h.publish(as: .housing, "case.escalate", ["case_id": .string(caseID), "reason": "again"], id: twice)
        XCTAssertEqual(try h.waitForRejection(twice), "invalid_state")
    }

    func testThePeriodicSweepEscalatesWithoutAMessage() throws {
        try h.startOffice(clock: clock, sweepInterval: 0.2)
        let caseID = try h.reportClue(Harness.newID("periodic"))  // due 02-26
        XCTAssertEqual(try h.overview(caseID, "status"), "transferred")
        clock.set(shanghaiNoonOf: .on("2026-03-02"))
        try h.waitForStatus(caseID, "task_force")
        XCTAssertEqual(try h.overview(caseID, "escalated_on"), "2026-03-02")
        // 10 working days after Mon 03-02: 03-16.
        XCTAssertEqual(try h.overview(caseID, "due_on"), "2026-03-16")
        XCTAssertEqual(try mail.wait("dept.police") { $0.isNotice("task_force_formed", case: caseID) }.count, 1)
    }
}
