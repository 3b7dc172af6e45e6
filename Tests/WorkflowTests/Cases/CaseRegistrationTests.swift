import XCTest
@testable import Messages
@testable import Workflow

final class CaseRegistrationTests: XCTestCase {
    func testRegistersAndTransfersToTheResponsibleDepartment() throws {
        // Thu 2026-02-12: the 5th working day after is 02-26 (Sat 02-14 make-up counts, 15–23 off)
        let t = try applied(CaseState.register(sampleClue(), caseID: "C-9", origin: .platform, responsible: .housing,
                                               context: ctx("2026-02-12")))
        let s = t.state
        XCTAssertEqual(s.status, .transferred)
        XCTAssertEqual(s.assignee, .housing)
        XCTAssertEqual(s.dueOn, d("2026-02-26"))
        XCTAssertEqual(s.risk, .medium)
        XCTAssertEqual(s.origin, .platform)
        XCTAssertEqual(s.channel, .hotline)
        XCTAssertEqual(s.clueRef, "HL-001")
        XCTAssertEqual(s.amountOwed, yuan("150000.00"))
        XCTAssertEqual(s.openedAt, ctx("2026-02-12").now)
        XCTAssertNil(s.closedAt)
        XCTAssertEqual(t.timeline.map(\.event), ["registered", "transferred"])
        XCTAssertEqual(t.timeline.map(\.department), [.hrss, .hrss])
        XCTAssertEqual(t.timeline.map(\.caseID), ["C-9", "C-9"])
        XCTAssertEqual(t.timeline[0].detail["risk_level"], "medium")
        XCTAssertEqual(t.timeline[0].detail["reported_by"], "platform")
        XCTAssertEqual(t.timeline[1].detail["due_on"], "2026-02-26")

        XCTAssertEqual(t.messages.count, 1)
        let m = t.messages[0]
        XCTAssertEqual(m.type, .caseTransfer)
        XCTAssertEqual(m.recipients, [.housing])
        XCTAssertEqual(m.correlationID, "C-9")
        XCTAssertEqual(m.messageID(cause: "msg-1"), "msg-1:C-9:transfer")
        XCTAssertTrue(m.appliedBySender, "the office applied the transfer on registration; no copy back")
        let transfer = try CaseTransfer(json: payload(m.payload))
        XCTAssertEqual(transfer, CaseTransfer(caseID: "C-9", sector: .construction, to: .housing, note: transfer.note))
        XCTAssertEqual(m.payload["due_on"], "2026-02-26")
    }

    func testHrssSectorsStayWithHrssWithoutAMessage() throws {
        let t = try applied(CaseState.register(sampleClue(sector: .manufacturing, workers: 40), caseID: "C-2",
                                               origin: .petitions, responsible: .hrss, context: ctx("2026-09-30")))
        XCTAssertEqual(t.state.assignee, .hrss)
        XCTAssertEqual(t.state.status, .transferred)
        XCTAssertEqual(t.state.risk, .high)
        XCTAssertEqual(t.state.dueOn, d("2026-10-13"), "National Day: 10-08, 09, Sat 10, 12, 13")
        XCTAssertTrue(t.messages.isEmpty)
        XCTAssertEqual(t.timeline.count, 2)
    }

    func testCustomThresholdsGradeTheRisk() throws {
        let strict = RiskThresholds(highWorkers: 5, highAmount: yuan("1000.00"), mediumWorkers: 2, mediumAmount: yuan("10.00"))
        let t = try applied(CaseState.register(sampleClue(workers: 1, amount: "5.00"), caseID: "C", origin: .hrss,
                                               responsible: .hrss, thresholds: strict, context: ctx("2026-03-02")))
        XCTAssertEqual(t.state.risk, .low)
        let u = try applied(CaseState.register(sampleClue(workers: 12), caseID: "C", origin: .hrss,
                                               responsible: .hrss, thresholds: strict, context: ctx("2026-03-02")))
        XCTAssertEqual(u.state.risk, .high)
    }

    func testANonDepartmentCannotBeResponsible() {
        for p in [Principal.platform, .government, .router] {
            assertRejected(CaseState.register(sampleClue(), caseID: "C", origin: .hrss, responsible: p, context: ctx("2026-03-02")),
                           .forbiddenRecipient)
        }
    }

    func testASecondReportOnlyAddsATimelineEntry() {
        let s = sampleCase(.accepted)
        let t = s.reportedAgain(by: .petitions)
        XCTAssertEqual(t.state, s)
        XCTAssertEqual(t.timeline, [TimelineEntry(caseID: "C-1", department: .hrss, event: "reported_again",
                                                  detail: ["reported_by": "petitions", "by": "hrss"])])
        XCTAssertTrue(t.messages.isEmpty)
    }
}
