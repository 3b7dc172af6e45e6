import Foundation
import XCTest
@testable import Messages
@testable import Workflow

final class LegalAidBookTests: XCTestCase {
    let c = ctx("2026-03-02")

    func wage(_ no: String, caseID: String? = "C-1") -> LegalAidRequest {
        LegalAidRequest(applicationNo: no, caseID: caseID, applicant: Applicant(name: "李四", phone: "13900000000"), matter: .wageArrears)
    }

    func book(_ providers: [(String, Bool, Int)]) -> LegalAidBook {
        LegalAidBook(providers: Dictionary(uniqueKeysWithValues: providers.map {
            ($0.0, LegalAidProvider(id: $0.0, name: "律师\($0.0)", active: $0.1, openAssignments: $0.2))
        }))
    }

    func testWageArrearsIsAssignedAtOnceAndTheRequesterTold() throws {
        let t = try applied(book([("p1", true, 2), ("p2", true, 1), ("p3", false, 0)]).request(wage("LA-1"), from: .petitions, context: c))
        let app = try XCTUnwrap(t.state.applications["LA-1"])
        XCTAssertEqual(app.status, .assigned)
        XCTAssertEqual(app.providerID, "p2", "fewest open assignments among the active ones")
        XCTAssertEqual(app.requestedBy, .petitions)
        XCTAssertEqual(app.receivedAt, c.now)
        XCTAssertEqual(app.approvedAt, c.now)
        XCTAssertEqual(app.assignedAt, c.now)
        XCTAssertEqual(t.state.providers["p2"]?.openAssignments, 2)
        XCTAssertEqual(t.messages.count, 1)
        let m = t.messages[0]
        XCTAssertEqual(m.type, .legalaidAssigned)
        XCTAssertEqual(m.recipients, [.petitions])
        XCTAssertEqual(m.idSuffix, "LA-1:assigned")
        XCTAssertEqual(m.correlationID, "C-1")
        XCTAssertEqual(try LegalAidAssigned(json: payload(m.payload)),
                       LegalAidAssigned(applicationNo: "LA-1", to: .petitions, providerID: "p2", providerName: "律师p2"))
        XCTAssertEqual(t.timeline.map(\.event), ["legal_aid_received", "legal_aid_assigned"])
        XCTAssertEqual(t.timeline.map(\.department), [.justice, .justice])
        XCTAssertEqual(t.timeline.map(\.caseID), ["C-1", "C-1"])
        XCTAssertEqual(t.timeline[0].detail, ["application_no": "LA-1", "matter": "wage_arrears", "requested_by": "petitions",
                                              "status": "assigned"])
        XCTAssertEqual(t.timeline[1].detail, ["application_no": "LA-1", "provider_id": "p2", "provider_name": "律师p2"])
    }

    func testAWaitingApplicationIsOnTheTimelineAsReceivedAndLaterAsAssigned() throws {
        let t = try applied(LegalAidBook().request(wage("LA-1"), from: .hrss, context: c))
        XCTAssertEqual(t.timeline.map(\.event), ["legal_aid_received"])
        XCTAssertEqual(t.timeline[0].detail["status"], "approved_unassigned")
        let later = t.state.updateProvider(LegalAidProviderUpdate(providerID: "p1", name: "王律师", active: true), context: c)
        XCTAssertEqual(later.timeline.map(\.event), ["legal_aid_assigned"])
        XCTAssertEqual(later.timeline.map(\.caseID), ["C-1"])
    }

    func testTiesGoToTheLowestIdComparedAsStrings() throws {
        let t = try applied(book([("p2", true, 0), ("p10", true, 0), ("q1", true, 0)]).request(wage("LA-1"), from: .hrss, context: c))
        XCTAssertEqual(t.state.applications["LA-1"]?.providerID, "p10", "\"p10\" < \"p2\" as strings")
    }

    func testNoCaseNoTimeline() throws {
        let t = try applied(book([("p1", true, 0)]).request(wage("LA-1", caseID: nil), from: .platform, context: c))
        XCTAssertTrue(t.timeline.isEmpty)
        XCTAssertNil(t.messages.first?.correlationID)
        XCTAssertEqual(t.messages.first?.recipients, [.platform])
    }

    func testADuplicateApplicationIsInvalid() throws {
        let d1 = try applied(book([("p1", true, 0)]).request(wage("LA-1"), from: .hrss, context: c)).state
        assertRejected(d1.request(wage("LA-1"), from: .hrss, context: c), .invalidState)
    }

    func testWithoutAnActiveProviderItWaitsAndIsAssignedOldestFirst() throws {
        var state = book([("p9", false, 4)])
        for (i, day) in ["2026-03-03", "2026-03-02", "2026-03-04"].enumerated() {
            let t = try applied(state.request(wage("LA-\(i)"), from: .hrss, context: ctx(day)))
            XCTAssertEqual(t.state.applications["LA-\(i)"]?.status, .approvedUnassigned)
            XCTAssertNil(t.state.applications["LA-\(i)"]?.providerID)
            XCTAssertTrue(t.messages.isEmpty)
            state = t.state
        }
        XCTAssertEqual(state.waiting.map(\.applicationNo), ["LA-1", "LA-0", "LA-2"])
        // an inactive provider added: still nobody
        let idle = state.updateProvider(LegalAidProviderUpdate(providerID: "p1", name: "王律师", active: false), context: c)
        XCTAssertTrue(idle.actions.isEmpty)
        XCTAssertEqual(idle.state.waiting.count, 3)
        // a new active provider takes them all, oldest first
        let t = idle.state.updateProvider(LegalAidProviderUpdate(providerID: "p2", name: "赵律师", active: true), context: ctx("2026-03-05"))
        XCTAssertEqual(t.messages.map(\.idSuffix), ["LA-1:assigned", "LA-0:assigned", "LA-2:assigned"])
        XCTAssertEqual(t.state.providers["p2"]?.openAssignments, 3)
        XCTAssertTrue(t.state.waiting.isEmpty)
        XCTAssertEqual(t.state.applications["LA-0"]?.assignedAt, ctx("2026-03-05").now)
    }

    func testActivatingSpreadsTheWaitingByTheFairnessRule() throws {
        var state = book([("a", false, 5), ("b", false, 0)])
        for i in 0..<4 { state = try applied(state.request(wage("LA-\(i)"), from: .hrss, context: c)).state }
        state = state.updateProvider(LegalAidProviderUpdate(providerID: "a", name: "A", active: true), context: c).state
        XCTAssertEqual(state.providers["a"]?.openAssignments, 9)
        let t = state.updateProvider(LegalAidProviderUpdate(providerID: "b", name: "B", active: true), context: c)
        XCTAssertTrue(t.actions.isEmpty, "nothing was waiting any more")
        XCTAssertEqual(t.state.providers["b"]?.openAssignments, 0)
    }

    func testProviderUpdatesKeepCountsAndDeactivationStopsAssignments() throws {
        var state = book([("p1", true, 3), ("p2", true, 7)])
        state = state.updateProvider(LegalAidProviderUpdate(providerID: "p1", name: "改名", active: false), context: c).state
        XCTAssertEqual(state.providers["p1"], LegalAidProvider(id: "p1", name: "改名", active: false, openAssignments: 3))
        let t = try applied(state.request(wage("LA-1"), from: .hrss, context: c))
        XCTAssertEqual(t.state.applications["LA-1"]?.providerID, "p2")
    }

    func testOtherMattersWaitForTheMeansTest() throws {
        let other = LegalAidRequest(applicationNo: "LA-7", caseID: "C-1", applicant: Applicant(name: "周五"), matter: .other)
        let t = try applied(book([("p1", true, 0)]).request(other, from: .platform, context: c))
        XCTAssertEqual(t.state.applications["LA-7"]?.status, .meansTest)
        XCTAssertNil(t.state.applications["LA-7"]?.approvedAt)
        XCTAssertTrue(t.messages.isEmpty)
        XCTAssertEqual(t.timeline.map(\.event), ["legal_aid_received"])
        XCTAssertEqual(t.timeline[0].detail["status"], "means_test")
        XCTAssertEqual(t.timeline[0].detail["matter"], "other")

        let ok = try applied(t.state.decide(LegalAidDecision(applicationNo: "LA-7", decision: .approved), context: ctx("2026-03-03")))
        XCTAssertEqual(ok.state.applications["LA-7"]?.status, .assigned)
        XCTAssertEqual(ok.state.applications["LA-7"]?.decidedAt, ctx("2026-03-03").now)
        XCTAssertEqual(ok.messages.map(\.recipients), [[.platform]])
        XCTAssertEqual(ok.timeline.map(\.event), ["legal_aid_approved", "legal_aid_assigned"])
        assertRejected(ok.state.decide(LegalAidDecision(applicationNo: "LA-7", decision: .denied), context: c), .invalidState)

        let no = try applied(t.state.decide(LegalAidDecision(applicationNo: "LA-7", decision: .denied, reason: "经济条件不符"), context: c))
        XCTAssertEqual(no.state.applications["LA-7"]?.status, .denied)
        XCTAssertEqual(no.state.applications["LA-7"]?.decisionReason, "经济条件不符")
        XCTAssertNil(no.state.applications["LA-7"]?.providerID)
        XCTAssertTrue(no.messages.isEmpty)
        XCTAssertEqual(no.timeline.map(\.event), ["legal_aid_denied"])
        assertRejected(no.state.decide(LegalAidDecision(applicationNo: "LA-7", decision: .approved), context: c), .invalidState)
    }

    func testAnApprovedOtherMatterWithoutProvidersWaits() throws {
        let other = LegalAidRequest(applicationNo: "LA-7", applicant: Applicant(name: "周五"), matter: .other)
        let t = try applied(try applied(LegalAidBook().request(other, from: .hrss, context: c)).state
            .decide(LegalAidDecision(applicationNo: "LA-7", decision: .approved), context: c))
        XCTAssertEqual(t.state.applications["LA-7"]?.status, .approvedUnassigned)
    }

    func testDecisionsOnWageArrearsOrUnknownApplicationsAreInvalid() throws {
        let state = try applied(book([("p1", true, 0)]).request(wage("LA-1"), from: .hrss, context: c)).state
        assertRejected(state.decide(LegalAidDecision(applicationNo: "LA-1", decision: .approved), context: c), .invalidState)
        assertRejected(state.decide(LegalAidDecision(applicationNo: "LA-404", decision: .approved), context: c), .invalidState)
    }

    func testFairnessOverManyApplications() throws {
        var rng = SeededGenerator(seed: 7)
        var state = book([("p1", true, 0), ("p2", true, 0), ("p3", true, 0), ("p4", false, 0)])
        var assignedTo: [String] = []
        for i in 0..<300 {
            if i == 100 {  // a newcomer with nothing must catch up before anyone else gets more
                state = state.updateProvider(LegalAidProviderUpdate(providerID: "p5", name: "新", active: true), context: c).state
            }
            if i == 200 { state = state.updateProvider(LegalAidProviderUpdate(providerID: "p2", name: "律师p2", active: false), context: c).state }
            let requester = [Principal.hrss, .petitions, .platform, .justice].randomElement(using: &rng)!
            let t = try applied(state.request(wage("LA-\(i)"), from: requester, context: c))
            state = t.state
            let id = try XCTUnwrap(state.applications["LA-\(i)"]?.providerID)
            assignedTo.append(id)
            let active = state.providers.values.filter(\.active).map(\.openAssignments)
            if !(100..<132).contains(i) {  // while the newcomer catches up the spread is wider
                XCTAssertLessThanOrEqual(active.max()! - active.min()!, 1, "balanced after application \(i)")
            }
            XCTAssertEqual(t.messages.first?.recipients, [requester])
        }
        XCTAssertEqual(Array(assignedTo.prefix(6)), ["p1", "p2", "p3", "p1", "p2", "p3"], "round robin in id order")
        XCTAssertEqual(Set(assignedTo[100..<133]), ["p5"], "the newcomer gets everything until it has caught up")
        XCTAssertFalse(assignedTo[200...].contains("p2"), "a deactivated provider gets nothing")
        XCTAssertFalse(assignedTo.contains("p4"))
        XCTAssertEqual(state.providers.values.map(\.openAssignments).reduce(0, +), 300)
    }
}
