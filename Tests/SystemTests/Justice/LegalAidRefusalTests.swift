import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Duplicates, senders that may not ask, and the means test with its
/// decisions, through the real broker and database.
final class LegalAidRefusalTests: LegalAidTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startLegalAidWorkers()
        try h.provider("R-1", "援助中心", active: true)
    }

    func testTheSameMessageTwiceAssignsOnceAndANewMessageWithAKnownNumberIsInvalid() throws {
        let id = Harness.newID("lar-dup")
        try h.requestLegalAid("LA-DUP-1", from: .platform, id: id)
        try h.requestLegalAid("LA-DUP-1", from: .platform, id: id)  // redelivery / republish: one effect
        let again = try h.requestLegalAid("LA-DUP-1", from: .hrss)  // same number, new message
        XCTAssertEqual(try deadLetter(again).reason, "invalid_state")
        XCTAssertEqual(try deadLetter(again).rejectedBy, "justice")
        XCTAssertEqual(try h.rejection(again, by: "justice"), "invalid_state")
        try h.requestLegalAid("LA-DUP-2", from: .platform)  // processed after the others (one queue, in order)
        try h.waitForLegalAid("LA-DUP-2", status: "assigned")

        XCTAssertEqual(try h.value("SELECT requested_by FROM wage.legal_aid_overview WHERE application_no = 'LA-DUP-1'"), "platform")
        XCTAssertEqual(try assignedMessages("LA-DUP-1").map(\.id), ["\(id):LA-DUP-1:assigned"])
        XCTAssertEqual(try h.openAssignments(), ["R-1": 2])
        XCTAssertNil(try h.rejection(id, by: "justice"))
        XCTAssertNil(try h.rejection(id, by: "router"))
    }

    func testPrincipalsThatMayNotAskAreRefusedByTheRouter() throws {
        let police = try h.requestLegalAid("LA-FORBID-1", from: .police)
        let housing = try h.requestLegalAid("LA-FORBID-2", from: .housing)
        let provider = Harness.newID("lap-hrss")
        try h.publish(as: .hrss, "legalaid.provider", ["provider_id": "X-1", "name": "冒名", "active": true], id: provider)
        let decision = Harness.newID("lad-petitions")
        try h.publish(as: .petitions, "legalaid.decision", ["application_no": "LA-FORBID-1", "decision": "approved"], id: decision)
        let assigned = Harness.newID("laa-hrss")  // only justice may announce an assignment
        try h.publish(as: .hrss, "legalaid.assigned", ["application_no": "LA-X", "to": "platform", "provider_id": "R-1",
                                                       "provider_name": "援助中心"], id: assigned)
        for id in [police, housing, provider, decision, assigned] {
            let letter = try deadLetter(id)
            XCTAssertEqual(letter.reason, "forbidden_sender", id)
            XCTAssertEqual(letter.rejectedBy, "router", id)
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.legal_aid_overview"), "0")
        XCTAssertEqual(try h.openAssignments(), ["R-1": 0])
        XCTAssertEqual(try h.drain("dept.platform").count, 0)
    }

    func testOtherMattersWaitForTheMeansTestAndAreApprovedOrDenied() throws {
        try h.requestLegalAid("LA-MT-1", from: .platform, matter: "other")
        try h.requestLegalAid("LA-MT-2", from: .petitions, matter: "other")
        try h.waitForLegalAid("LA-MT-1", status: "means_test")
        try h.waitForLegalAid("LA-MT-2", status: "means_test")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.legal_aid_overview WHERE approved_at IS NULL AND provider_id IS NULL"), "2")
        XCTAssertEqual(try h.openAssignments(), ["R-1": 0])

        let approve = Harness.newID("lad")
        try h.publish(as: .justice, "legalaid.decision", ["application_no": "LA-MT-1", "decision": "approved"], id: approve)
        try h.waitForLegalAid("LA-MT-1", status: "assigned")
        try h.publish(as: .justice, "legalaid.decision", ["application_no": "LA-MT-2", "decision": "denied", "reason": "不符合经济困难标准"])
        try h.waitForLegalAid("LA-MT-2", status: "denied")

        let approved = try h.rows("SELECT * FROM wage.legal_aid_overview WHERE application_no = 'LA-MT-1'")[0]
        XCTAssertEqual(try approved.string("provider_id"), "R-1")
        XCTAssertEqual(try approved.optionalDate("approved_at"), try approved.optionalDate("decided_at"))
        XCTAssertEqual(try approved.optionalDate("assigned_at"), try approved.optionalDate("decided_at"))
        XCTAssertEqual(try assignedMessages("LA-MT-1").map(\.id), ["\(approve):LA-MT-1:assigned"])
        var platform: [JSONValue] = []
        try h.waitUntil("platform told") {
            platform += try h.drain("dept.platform").map { try JSONValue.parse($0.body) }
            return !platform.isEmpty
        }
        XCTAssertEqual(platform.map { $0["application_no"] }, ["LA-MT-1"])
        let denied = try h.rows("SELECT * FROM wage.legal_aid_overview WHERE application_no = 'LA-MT-2'")[0]
        XCTAssertEqual(try denied.optionalString("decision_reason"), "不符合经济困难标准")
        XCTAssertNil(try denied.optionalString("provider_id"))
        XCTAssertEqual(try assignedMessages("LA-MT-2").count, 0, "the contract has no message for a denial")

        // a decision for anything not in means_test: assigned, denied, wage arrears, unknown
        try h.requestLegalAid("LA-MT-3")
        try h.waitForLegalAid("LA-MT-3", status: "assigned")
        for no in ["LA-MT-1", "LA-MT-2", "LA-MT-3", "LA-MT-404"] {
            let id = Harness.newID("lad-late")
            try h.publish(as: .justice, "legalaid.decision", ["application_no": .string(no), "decision": "denied"], id: id)
            XCTAssertEqual(try deadLetter(id).reason, "invalid_state", no)
        }
        XCTAssertEqual(try h.value("SELECT string_agg(status, ',' ORDER BY application_no) FROM wage.legal_aid_overview"),
                       "assigned,denied,assigned")
        XCTAssertEqual(try h.openAssignments(), ["R-1": 2])
    }
}
