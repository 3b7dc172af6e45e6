import XCTest
@testable import Messages
@testable import Workflow

final class CaseSweepTests: XCTestCase {
    func sweep(_ s: CaseState, _ asOf: String) -> Transition<CaseState>? {
        s.sweep(asOf: d(asOf), context: ctx("2026-12-31"))
    }

    func testTheDueDayItselfIsInTime() {
        for status in [CaseStatus.transferred, .accepted, .returned, .taskForce] {
            XCTAssertNil(sweep(sampleCase(status, due: "2026-02-13"), "2026-02-13"), "\(status)")
            XCTAssertNil(sweep(sampleCase(status, due: "2026-02-13"), "2026-02-01"), "\(status)")
        }
    }

    func testOverdueOpenCasesBecomeTaskForces() throws {
        for status in [CaseStatus.transferred, .accepted] {
            // as_of Sat 02-14 (make-up day); 10th working day after it: 24–28 (5), 03-02 … 03-06 (10)
            let t = try XCTUnwrap(sweep(sampleCase(status, due: "2026-02-13"), "2026-02-14"))
            XCTAssertEqual(t.state.status, .taskForce)
            XCTAssertEqual(t.state.dueOn, d("2026-03-06"))
            XCTAssertEqual(t.state.escalatedOn, d("2026-02-14"), "the sweep's as_of is the escalation date")
            XCTAssertEqual(t.state.assignee, .housing)
            XCTAssertEqual(t.timeline.map(\.event), ["overdue_escalated"])
            XCTAssertEqual(t.timeline[0].department, .hrss)
            XCTAssertEqual(t.timeline[0].detail["missed_due_on"], "2026-02-13")
            XCTAssertEqual(t.timeline[0].detail["previous_status"], .string(status.rawValue))
            let n = notices(t)
            XCTAssertEqual(n.map(\.event), ["task_force_formed"])
            XCTAssertEqual(n.first?.notify, [.hrss, .petitions, .justice, .police, .housing])
            XCTAssertEqual(n.first?.detail?["reason"], "overdue")
            XCTAssertEqual(n.first?.detail?["escalated_on"], "2026-02-14")
        }
    }

    func testAnOverdueReturnedCaseIsTakenOverByHrss() throws {
        let t = try XCTUnwrap(sweep(sampleCase(.returned, assignee: nil, due: "2026-09-30"), "2026-10-08"))
        XCTAssertEqual(t.state.status, .taskForce)
        XCTAssertEqual(t.state.assignee, .hrss)
        XCTAssertEqual(t.state.taskForce, [.hrss, .petitions, .justice, .police])
        // 10th working day after Thu 10-08: 09, Sat 10, 12–16, 19, 20, 21
        XCTAssertEqual(t.state.dueOn, d("2026-10-21"))
    }

    func testAnOverdueTaskForceBecomesALeaderPackage() throws {
        let t = try XCTUnwrap(sweep(sampleCase(.taskForce, due: "2026-03-05"), "2026-03-06"))
        XCTAssertEqual(t.state.status, .leaderPackage)
        XCTAssertFalse(t.state.underDisciplineSupervision, "§7.3: not listed before a leader sets its due_on")
        XCTAssertNil(t.state.dueOn, "§7.3: no due_on until case.assign_leader sets one")
        XCTAssertEqual(t.timeline.map(\.event), ["leader_package"])
        XCTAssertEqual(t.timeline[0].detail["missed_due_on"], "2026-03-05")
        let n = notices(t)
        XCTAssertEqual(n.map(\.event), ["leader_package"])
        XCTAssertEqual(n.first?.notify, [.hrss, .housing])
        XCTAssertFalse(t.state.isOverdue(asOf: d("2026-03-06")))
        XCTAssertNil(sweep(t.state, "2026-06-01"), "without a due_on a leader package is not swept")
    }

    func testOneStepPerSweep() throws {
        let first = try XCTUnwrap(sweep(sampleCase(.transferred, due: "2026-01-09"), "2026-05-01"))
        XCTAssertEqual(first.state.status, .taskForce)
        XCTAssertNil(sweep(first.state, "2026-05-01"))
        let second = try XCTUnwrap(sweep(first.state, "2026-06-01"))
        XCTAssertEqual(second.state.status, .leaderPackage)
    }

    func testClosedResolvedAndUndatedCasesAreLeftAlone() {
        XCTAssertNil(sweep(sampleCase(.resolved, due: "2026-01-05"), "2026-12-01"))
        XCTAssertNil(sweep(sampleCase(.closed, due: "2026-01-05"), "2026-12-01"))
        XCTAssertNil(sweep(sampleCase(.leaderPackage, due: nil), "2026-12-01"))
        XCTAssertNil(sweep(sampleCase(.registered, assignee: nil, due: nil), "2026-12-01"))
    }
}

final class CaseSweepManyTests: XCTestCase {
    func testSweepingManyReturnsOnlyTheChangedInCaseOrder() {
        func kase(_ id: String, _ status: CaseStatus, _ due: String) -> CaseState { sampleCase(status, due: due, id: id) }
        let cases = [kase("C-3", .accepted, "2026-03-01"), kase("C-1", .taskForce, "2026-03-01"),
                     kase("C-2", .accepted, "2026-03-20"), kase("C-4", .closed, "2026-01-01")]
        let changed = CaseState.sweep(cases, asOf: d("2026-03-10"), context: ctx("2026-03-10"))
        XCTAssertEqual(changed.map(\.state.caseID), ["C-1", "C-3"])
        XCTAssertEqual(changed.map(\.state.status), [.leaderPackage, .taskForce])
        XCTAssertEqual(changed.flatMap(\.messages).map(\.idSuffix), ["C-1:notice:leader_package", "C-3:notice:task_force_formed"])
    }
}
