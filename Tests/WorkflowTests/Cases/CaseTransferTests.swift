import XCTest
@testable import Messages
@testable import Workflow

final class CaseTransferTests: XCTestCase {
    func testReTransferOfAReturnedCase() throws {
        let s = sampleCase(.returned, assignee: nil, due: "2026-02-26")
        let t = try applied(s.transfer(CaseTransfer(caseID: "C-1", sector: .transport, note: "交通项目"), to: .transport,
                                       context: ctx("2026-02-13")))
        XCTAssertEqual(t.state.status, .transferred)
        XCTAssertEqual(t.state.assignee, .transport)
        XCTAssertEqual(t.state.sector, .transport)
        // CONTRACT §7.2 (amends Part I's fresh 5 working days): the clock does not restart.
        XCTAssertEqual(t.state.dueOn, d("2026-02-26"), "due_on is kept on re-transfer")
        XCTAssertEqual(t.timeline.map(\.event), ["transferred"])
        XCTAssertEqual(t.timeline[0].detail, ["to": "transport", "sector": "transport", "due_on": "2026-02-26", "note": "交通项目", "by": "hrss"])
        XCTAssertTrue(t.messages.isEmpty, "the case.transfer itself reaches the new assignee; nobody to tell")
    }

    func testTransferOfARegisteredCase() throws {
        let t = try applied(sampleCase(.registered, assignee: nil, due: nil)
            .transfer(CaseTransfer(caseID: "C-1", sector: .construction), to: .housing, context: ctx("2026-03-02")))
        XCTAssertEqual(t.state.status, .transferred)
        XCTAssertEqual(t.state.dueOn, d("2026-03-09"))
    }

    func testReassignmentsAndReturnsNeverMoveTheFirstDeadline() throws {
        // Registered on Monday 03-02 and transferred: due Monday 03-09. Returned, re-transferred,
        // reassigned twice on later days: still due 03-09, so the sweep escalates it on 03-10.
        var s = try applied(sampleCase(.registered, assignee: nil, due: nil)
            .transfer(CaseTransfer(caseID: "C-1", sector: .construction), to: .housing, context: ctx("2026-03-02"))).state
        XCTAssertEqual(s.dueOn, d("2026-03-09"))
        s.status = .returned
        s.assignee = nil
        for (day, to, sector) in [("2026-03-05", Principal.water, Sector.water), ("2026-03-06", .housing, .construction),
                                  ("2026-03-09", .transport, .transport)] {
            s = try applied(s.transfer(CaseTransfer(caseID: "C-1", sector: sector), to: to, context: ctx(day))).state
            XCTAssertEqual(s.dueOn, d("2026-03-09"), "after the transfer of \(day)")
        }
        XCTAssertTrue(s.isOverdue(asOf: d("2026-03-10")))
    }

    func testReassignmentTellsThePreviousAssignee() throws {
        for status in [CaseStatus.transferred, .accepted] {
            let t = try applied(sampleCase(status, assignee: .housing)
                .transfer(CaseTransfer(caseID: "C-1", sector: .water), to: .water, context: ctx("2026-03-02")))
            XCTAssertEqual(t.state.status, .transferred)
            XCTAssertEqual(t.state.assignee, .water)
            XCTAssertEqual(t.timeline[0].detail["from"], "housing")
            let n = notices(t)
            XCTAssertEqual(n.count, 1)
            XCTAssertEqual(n.first?.event, "reassigned")
            XCTAssertEqual(n.first?.notify, [.housing])
            XCTAssertEqual(n.first?.detail?["to"], "water")
            XCTAssertEqual(n.first?.detail?["clue_ref"], "HL-001")
            XCTAssertEqual(t.messages.first?.idSuffix, "C-1:notice:reassigned")
        }
    }

    func testRepeatingTheCurrentTransferChangesNothing() throws {
        let s = sampleCase(.accepted, assignee: .housing, due: "2026-03-05")
        let t = try applied(s.transfer(CaseTransfer(caseID: "C-1", sector: .construction), to: .housing, context: ctx("2026-03-04")))
        XCTAssertEqual(t.state, s)
        XCTAssertTrue(t.actions.isEmpty)
    }

    func testSameAssigneeNewSectorIsARealTransfer() throws {
        let s = sampleCase(.accepted, assignee: .hrss, due: "2026-03-05")
        let t = try applied(s.transfer(CaseTransfer(caseID: "C-1", sector: .services), to: .hrss, context: ctx("2026-03-04")))
        XCTAssertEqual(t.state.status, .transferred)
        XCTAssertEqual(t.state.sector, .services)
        XCTAssertEqual(t.state.dueOn, d("2026-03-05"), "§7.2: a re-transfer keeps the first deadline")
        XCTAssertTrue(t.messages.isEmpty, "no reassignment notice to oneself")
    }

    func testRefusedOnceTheTaskForceOwnsItOrAfterResolution() {
        for status in [CaseStatus.taskForce, .leaderPackage, .resolved, .closed] {
            assertRejected(sampleCase(status).transfer(CaseTransfer(caseID: "C-1", sector: .water), to: .water,
                                                       context: ctx("2026-03-02")), .invalidState)
        }
    }

    func testRefusedToANonDepartment() {
        assertRejected(sampleCase(.returned, assignee: nil).transfer(CaseTransfer(caseID: "C-1", sector: .water), to: .platform,
                                                                     context: ctx("2026-03-02")), .forbiddenRecipient)
    }
}
