import XCTest
@testable import Messages
@testable import Workflow

/// CONTRACT §7.3: the leader package's deadline and its listing for discipline
/// supervision; §7.5: the configuration each decision used is recorded with it.
final class LeaderDeadlineTests: XCTestCase {
    let leader = CaseAssignLeader(caseID: "C-1", leader: "李副区长", leaderDepartment: "government", cityLeader: "王副市长")

    func testWithoutDueOnTheDeadlineIsTheTenthWorkingDayAfterTheAssignmentDay() throws {
        // Tue 03-10 + 10 working days: 11, 12, 13, 16 … 20 (8), 23 (9), 24 (10).
        let t = try applied(sampleCase(.leaderPackage, due: nil).assignLeader(leader, context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.dueOn, d("2026-03-24"))
        XCTAssertEqual(t.state.leader?.cityLeader, "王副市长")
        let detail = try XCTUnwrap(t.timeline.first?.detail)
        XCTAssertEqual(detail["due_on"], "2026-03-24")
        XCTAssertEqual(detail["city_leader"], "王副市长")
        XCTAssertEqual(detail["settings"]?["case.leader_due_working_days"], "10", "§7.5: the value in force is recorded")
    }

    func testTheWorkingDaysComeFromConfiguration() throws {
        var settings = WorkflowSettings.default
        try settings.set(.leaderDueWorkingDays, "3")
        let context = WorkflowContext(today: d("2026-03-10"), calendar: cn2026, settings: settings)
        let t = try applied(sampleCase(.leaderPackage, due: nil).assignLeader(leader, context: context))
        XCTAssertEqual(t.state.dueOn, d("2026-03-13"))
        XCTAssertEqual(t.timeline.first?.detail["settings"]?["case.leader_due_working_days"], "3")
    }

    func testAGivenDueOnIsUsedAndMustBeAfterToday() throws {
        var given = leader
        given.dueOn = d("2026-04-30")
        let t = try applied(sampleCase(.leaderPackage, due: nil).assignLeader(given, context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.dueOn, d("2026-04-30"))
        XCTAssertNil(t.timeline.first?.detail["settings"], "no configuration was used")
        for day in ["2026-03-10", "2026-03-09"] {
            given.dueOn = d(day)
            assertRejected(sampleCase(.leaderPackage, due: nil).assignLeader(given, context: ctx("2026-03-10")), .schema("due_on"))
        }
    }

    func testTheRouterRefusesADueOnThatIsNotAfterToday() {
        let today = d("2026-03-10")
        var body = leader.json.objectValue ?? [:]
        body["due_on"] = "2026-03-10"
        XCTAssertEqual(CaseAssignLeader.validate(.object(body), today: today), .schema("due_on"))
        body["due_on"] = "2026-03-11"
        XCTAssertNil(CaseAssignLeader.validate(.object(body), today: today))
    }

    func testAnEarlyLeaderOnATaskForceKeepsTheTaskForceDeadline() throws {
        let t = try applied(sampleCase(.taskForce, due: "2026-03-20").assignLeader(leader, context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.dueOn, d("2026-03-20"))
        XCTAssertEqual(t.state.leader?.name, "李副区长")
    }

    func testAnOverdueLeaderPackageIsListedOnceWithTheValuesInForce() throws {
        var s = sampleCase(.leaderPackage, due: nil)
        s = try applied(s.assignLeader(leader, context: ctx("2026-03-10"))).state  // due 03-24
        XCTAssertNil(s.sweep(asOf: d("2026-03-24"), context: ctx("2026-03-24")), "the due day itself is in time")
        let t = try XCTUnwrap(s.sweep(asOf: d("2026-03-25"), context: ctx("2026-03-25")))
        XCTAssertEqual(t.state.status, .leaderPackage, "it stays a leader package until resolved")
        XCTAssertTrue(t.state.underDisciplineSupervision)
        XCTAssertEqual(t.timeline.map(\.event), ["supervision_listed"])
        let detail = try XCTUnwrap(t.timeline.first?.detail)
        XCTAssertEqual(detail["leader"], "李副区长")
        XCTAssertEqual(detail["leader_department"], "government")
        XCTAssertEqual(detail["city_leader"], "王副市长")
        XCTAssertEqual(detail["due_on"], "2026-03-24")
        XCTAssertEqual(detail["listed_on"], "2026-03-25")
        XCTAssertEqual(CaseState.supervisionListing(from: s, to: t.state, asOf: d("2026-03-25")),
                       SupervisionListing(caseID: "C-1", leader: "李副区长", leaderDepartment: "government",
                                          cityLeader: "王副市长", dueOn: d("2026-03-24"), listedOn: d("2026-03-25")))
        XCTAssertNil(t.state.sweep(asOf: d("2026-04-30"), context: ctx("2026-04-30")), "listed once")
    }

    func testTransferAndTaskForceDaysComeFromConfigurationAndAreRecorded() throws {
        var settings = WorkflowSettings.default
        try settings.set(.transferWorkingDays, "2")
        try settings.set(.taskForceWorkingDays, "1")
        let context = WorkflowContext(today: d("2026-03-10"), calendar: cn2026, settings: settings)
        let t = try applied(sampleCase(.returned, assignee: nil, due: nil)
            .transfer(CaseTransfer(caseID: "C-1", sector: .construction), to: .housing, context: context))
        XCTAssertEqual(t.state.dueOn, d("2026-03-12"))
        XCTAssertEqual(t.timeline.first?.detail["settings"]?["case.transfer_working_days"], "2")
        let e = try applied(t.state.escalate(CaseEscalate(caseID: "C-1", reason: "x"), from: .housing, context: context))
        XCTAssertEqual(e.state.dueOn, d("2026-03-11"))
        XCTAssertEqual(e.timeline.first?.detail["settings"]?["case.task_force_working_days"], "1")
        let swept = try XCTUnwrap(sampleCase(.accepted, due: "2026-03-09").sweep(asOf: d("2026-03-10"), context: context))
        XCTAssertEqual(swept.state.dueOn, d("2026-03-11"))
        XCTAssertEqual(swept.timeline.first?.detail["settings"]?["case.task_force_working_days"], "1")
    }
}
