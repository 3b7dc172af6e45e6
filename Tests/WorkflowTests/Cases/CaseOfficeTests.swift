import XCTest
@testable import Messages
@testable import Workflow

final class CaseOfficeTests: XCTestCase {
    let leader = CaseAssignLeader(caseID: "C-1", leader: "李副局长", leaderDepartment: "housing")

    func testAssignLeaderInALeaderPackageOrTaskForce() throws {
        for status in [CaseStatus.leaderPackage, .taskForce] {
            let s = sampleCase(status, assignee: .transport)
            let t = try applied(s.assignLeader(leader, context: ctx("2026-03-10")))
            XCTAssertEqual(t.state.status, status)
            XCTAssertEqual(t.state.leader, CaseLeader(name: "李副局长", department: "housing"))
            XCTAssertEqual(t.timeline.map(\.event), ["leader_assigned"])
            XCTAssertEqual(t.timeline.first?.detail["leader"], "李副局长")
            XCTAssertEqual(notices(t).first?.notify, [.housing, .transport])
            XCTAssertEqual(notices(t).first?.event, "leader_assigned")
        }
    }

    func testAssignLeaderNotifiesEachDepartmentOnce() throws {
        let t = try applied(sampleCase(.leaderPackage, assignee: .housing).assignLeader(leader, context: ctx("2026-03-10")))
        XCTAssertEqual(notices(t).first?.notify, [.housing])
    }

    func testAFreeTextLeaderDepartmentIsKeptAndOnlyTheAssigneeIsNotified() throws {
        let named = CaseAssignLeader(caseID: "C-1", leader: "张区长", leaderDepartment: "区人民政府")
        let t = try applied(sampleCase(.leaderPackage, assignee: .water).assignLeader(named, context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.leader, CaseLeader(name: "张区长", department: "区人民政府"))
        XCTAssertNil(t.state.leader?.principal)
        XCTAssertEqual(t.timeline.first?.detail["leader_department"], "区人民政府")
        XCTAssertEqual(notices(t).first?.notify, [.water])
    }

    func testAReplacementLeaderReplaces() throws {
        var s = sampleCase(.leaderPackage)
        s.leader = CaseLeader(name: "王", department: "government")
        let t = try applied(s.assignLeader(leader, context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.leader?.name, "李副局长")
    }

    func testAssignLeaderElsewhereIsInvalid() {
        for status in [CaseStatus.registered, .transferred, .accepted, .returned, .resolved, .closed] {
            assertRejected(sampleCase(status).assignLeader(leader, context: ctx("2026-03-10")), .invalidState)
        }
    }

    func testCloseOnlyAfterResolution() throws {
        for status in CaseStatus.allCases where status != .resolved {
            assertRejected(sampleCase(status).close(CaseClose(caseID: "C-1"), context: ctx("2026-03-10")), .invalidState)
        }
        var s = sampleCase(.leaderPackage)
        s = try applied(s.resolve(CaseResolved(caseID: "C-1", amountPaid: yuan("150000.00"), workersPaid: 12),
                                  from: .housing, context: ctx("2026-03-09"))).state
        let t = try applied(s.close(CaseClose(caseID: "C-1", note: "已全额支付"), context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.status, .closed)
        XCTAssertEqual(t.state.closedAt, ctx("2026-03-10").now)
        XCTAssertEqual(t.timeline, [TimelineEntry(caseID: "C-1", department: .hrss, event: "closed", detail: ["note": "已全额支付", "by": "hrss"])])
        let n = notices(t)
        XCTAssertEqual(n.count, 1)
        XCTAssertEqual(n[0].event, "closed")
        XCTAssertEqual(n[0].notify, [.platform])
        XCTAssertEqual(n[0].detail, ["channel": "hotline", "clue_ref": "HL-001", "note": "已全额支付", "closed_on": "2026-03-10",
                                     "amount_paid": "150000.00", "workers_paid": 12, "disposition": "paid"])
        assertRejected(t.state.close(CaseClose(caseID: "C-1"), context: ctx("2026-03-11")), .invalidState)
        assertRejected(t.state.resolve(CaseResolved(caseID: "C-1", amountPaid: yuan("1.00"), workersPaid: 1),
                                       from: .housing, context: ctx("2026-03-11")), .invalidState)
    }

    func testClosingACaseTheOfficeReportedNotifiesNobody() throws {
        let t = try applied(sampleCase(.resolved, origin: .hrss).close(CaseClose(caseID: "C-1"), context: ctx("2026-03-10")))
        XCTAssertEqual(t.state.status, .closed)
        XCTAssertTrue(t.messages.isEmpty)
    }

    func testAMemberRecordsANoticeUnderItsOwnDepartment() {
        let notice = CaseNotice(caseID: "C-1", event: "task_force_formed", notify: [.hrss, .police], detail: ["due_on": "2026-03-05"])
        XCTAssertEqual(notice.timelineEntry(recordedBy: .police),
                       TimelineEntry(caseID: "C-1", department: .police, event: "task_force_formed", detail: ["due_on": "2026-03-05"]))
        XCTAssertEqual(CaseNotice(caseID: "C-2", event: "closed", notify: [.platform]).timelineEntry(recordedBy: .platform).detail,
                       .object([:]))
    }

    /// §7.1: a resolution without payment keeps its disposition and note, and the
    /// close notice carries the disposition instead of figures.
    func testAnUnfoundedResolutionClosesWithoutFigures() throws {
        let s = sampleCase(.accepted, assignee: .housing)
        let resolved = try applied(s.resolve(CaseResolved(caseID: "C-1", disposition: .unfounded, note: "线索不实"),
                                             from: .housing, context: ctx("2026-03-09")))
        XCTAssertEqual(resolved.state.resolution?.disposition, .unfounded)
        XCTAssertNil(resolved.state.resolution?.amountPaid)
        XCTAssertEqual(resolved.timeline[0].detail, ["disposition": "unfounded", "note": "线索不实", "by": "housing"])
        let closed = try applied(resolved.state.close(CaseClose(caseID: "C-1"), context: ctx("2026-03-10")))
        XCTAssertEqual(notices(closed)[0].detail?["disposition"], "unfounded")
        XCTAssertNil(notices(closed)[0].detail?["amount_paid"])
        for status in [CaseStatus.transferred, .taskForce, .leaderPackage] {
            XCTAssertEqual(try applied(sampleCase(status, assignee: .housing)
                .resolve(CaseResolved(caseID: "C-1", disposition: .mediated, note: "调解"), from: .housing,
                         context: ctx("2026-03-09"))).state.status, .resolved, "§7.8: resolvable from \(status)")
        }
    }
}
