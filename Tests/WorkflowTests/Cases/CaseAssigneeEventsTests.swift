import XCTest
@testable import Messages
@testable import Workflow

final class CaseAssigneeEventsTests: XCTestCase {
    let c = ctx("2026-02-13")

    enum Event: CaseIterable { case accept, giveBack, progress, resolve, escalate }

    func run(_ e: Event, on s: CaseState, from sender: Principal) -> Outcome<CaseState> {
        switch e {
        case .accept: return s.accept(from: sender, context: c)
        case .giveBack: return s.giveBack(CaseReturn(caseID: s.caseID, reason: "非本部门职责"), from: sender, context: c)
        case .progress: return s.progress(CaseProgress(caseID: s.caseID, note: "约谈企业"), from: sender, context: c)
        case .resolve:
            return s.resolve(CaseResolved(caseID: s.caseID, amountPaid: yuan("150000.00"), workersPaid: 12), from: sender, context: c)
        case .escalate: return s.escalate(CaseEscalate(caseID: s.caseID, reason: "企业负责人失联"), from: sender, context: c)
        }
    }

    /// Where each event is allowed (written out independently of the implementation).
    let allowed: [Event: Set<CaseStatus>] = [
        .accept: [.transferred],
        .giveBack: [.transferred, .accepted],
        .progress: [.transferred, .accepted, .taskForce, .leaderPackage],
        .resolve: [.transferred, .accepted, .taskForce, .leaderPackage],
        .escalate: [.transferred, .accepted],
    ]

    func testStatusMatrixForTheAssignee() {
        for e in Event.allCases {
            for status in CaseStatus.allCases {
                let outcome = run(e, on: sampleCase(status, assignee: .housing), from: .housing)
                if allowed[e]!.contains(status) {
                    XCTAssertNoThrow(try outcome.get(), "\(e) in \(status)")
                } else {
                    assertRejected(outcome, .invalidState)
                }
            }
        }
    }

    func testOnlyTheAssigneeMayAct() {
        for e in Event.allCases {
            for status in CaseStatus.allCases {
                for other in [Principal.hrss, .transport, .police, .platform] {
                    assertRejected(run(e, on: sampleCase(status, assignee: .housing), from: other), .notAssignee)
                }
            }
            // a returned case has no assignee: its former assignee is nobody special any more
            assertRejected(run(e, on: sampleCase(.returned, assignee: nil), from: .housing), .notAssignee)
        }
    }

    func testAccept() throws {
        let t = try applied(sampleCase(.transferred).accept(from: .housing, context: c))
        XCTAssertEqual(t.state.status, .accepted)
        XCTAssertEqual(t.state.dueOn, d("2026-03-13"), "accepting does not move the deadline")
        XCTAssertEqual(t.timeline, [TimelineEntry(caseID: "C-1", department: .hrss, event: "accepted", detail: ["by": "housing"])],
                       "recorded by the office's worker, naming the actor")
        XCTAssertTrue(t.messages.isEmpty)
    }

    func testReturnClearsTheAssigneeAndKeepsTheDeadline() throws {
        let t = try applied(sampleCase(.accepted).giveBack(CaseReturn(caseID: "C-1", reason: "非本部门职责"), from: .housing, context: c))
        XCTAssertEqual(t.state.status, .returned)
        XCTAssertNil(t.state.assignee)
        XCTAssertEqual(t.state.dueOn, d("2026-03-13"))
        XCTAssertEqual(t.timeline, [TimelineEntry(caseID: "C-1", department: .hrss, event: "returned",
                                                  detail: ["reason": "非本部门职责", "by": "housing"])])
    }

    func testProgressOnlyWritesTheTimeline() throws {
        let s = sampleCase(.taskForce)
        let t = try applied(s.progress(CaseProgress(caseID: "C-1", note: "约谈企业"), from: .housing, context: c))
        XCTAssertEqual(t.state, s)
        XCTAssertEqual(t.timeline, [TimelineEntry(caseID: "C-1", department: .hrss, event: "progress", detail: ["note": "约谈企业", "by": "housing"])])
    }

    func testResolveRecordsTheResolution() throws {
        let t = try applied(sampleCase(.leaderPackage).resolve(
            CaseResolved(caseID: "C-1", amountPaid: yuan("120000.50"), workersPaid: 11, note: "分期支付"), from: .housing, context: c))
        XCTAssertEqual(t.state.status, .resolved)
        XCTAssertEqual(t.state.resolution, CaseResolution(amountPaid: yuan("120000.50"), workersPaid: 11, note: "分期支付",
                                                          resolvedBy: .housing, resolvedAt: c.now))
        XCTAssertEqual(t.timeline.first?.detail, ["disposition": "paid", "amount_paid": "120000.50", "workers_paid": 11,
                                                  "note": "分期支付", "by": "housing"])
        XCTAssertFalse(t.state.isOverdue(asOf: d("2027-01-01")), "a resolved case is never overdue")
    }

    func testEscalateFormsTheTaskForce() throws {
        // Fri 02-13: 10th working day after is 03-05
        let t = try applied(sampleCase(.accepted, assignee: .housing).escalate(
            CaseEscalate(caseID: "C-1", reason: "企业负责人失联"), from: .housing, context: c))
        XCTAssertEqual(t.state.status, .taskForce)
        XCTAssertEqual(t.state.assignee, .housing)
        XCTAssertEqual(t.state.dueOn, d("2026-03-05"))
        XCTAssertEqual(t.state.escalatedOn, d("2026-02-13"))
        XCTAssertEqual(t.state.taskForce, [.hrss, .petitions, .justice, .police, .housing])
        XCTAssertEqual(t.timeline.map(\.event), ["escalated"])
        XCTAssertEqual(t.timeline[0].department, .hrss)
        XCTAssertEqual(t.timeline[0].detail["by"], "housing")
        XCTAssertEqual(t.timeline[0].detail["due_on"], "2026-03-05")
        let n = notices(t)
        XCTAssertEqual(n.count, 1)
        XCTAssertEqual(n[0].event, "task_force_formed")
        XCTAssertEqual(n[0].notify, [.hrss, .petitions, .justice, .police, .housing])
        XCTAssertEqual(n[0].detail?["due_on"], "2026-03-05")
        XCTAssertEqual(n[0].detail?["reason"], "企业负责人失联")
        XCTAssertEqual(n[0].detail?["channel"], "hotline")
        XCTAssertEqual(t.messages[0].recipients, [.hrss, .petitions, .justice, .police, .housing])
        XCTAssertEqual(t.messages[0].idSuffix, "C-1:notice:task_force_formed")
    }

    func testTaskForceMembersAreDeduplicated() throws {
        for member in [Principal.hrss, .police, .petitions, .justice] {
            let t = try applied(sampleCase(.transferred, assignee: member).escalate(
                CaseEscalate(caseID: "C-1", reason: "x"), from: member, context: c))
            XCTAssertEqual(t.state.taskForce, [.hrss, .petitions, .justice, .police])
            XCTAssertEqual(notices(t).first?.notify, [.hrss, .petitions, .justice, .police])
        }
    }
}
