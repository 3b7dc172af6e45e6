import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Legal aid on a case: the timeline shows it under justice and under the
/// requester; an unknown case never blocks legal aid; an assignment is open
/// until its case is closed.
final class LegalAidCaseTests: LegalAidTestCase {
    override func setUp() async throws {
        try await super.setUp()
        try h.startLegalAidWorkers()
    }

    func testTheTimelineShowsLegalAidUnderJusticeAndUnderTheRequester() throws {
        try h.provider("C-1", "援助律师", active: true)
        let wageCase = try h.insertCase()
        try h.requestLegalAid("LA-CASE-1", from: .petitions, caseID: wageCase.uppercased())  // any uuid spelling
        try h.waitForLegalAid("LA-CASE-1", status: "assigned")
        try h.waitUntil("petitions recorded the assignment") {
            try h.legalAidTimeline(wageCase).count == 3
        }
        XCTAssertEqual(try h.legalAidTimeline(wageCase),
                       ["justice:legal_aid_received", "justice:legal_aid_assigned", "petitions:legal_aid_assignment_received"])
        let overview = try h.rows("SELECT case_id::text AS case_id, case_known FROM wage.legal_aid_overview WHERE application_no = 'LA-CASE-1'")[0]
        XCTAssertEqual(try overview.string("case_id"), wageCase, "stored in canonical form")
        XCTAssertTrue(try overview.bool("case_known"))
        let received = try XCTUnwrap(h.value("""
            SELECT detail::text FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'legal_aid_received'
            """, [wageCase]))
        XCTAssertEqual(try JSONValue.parse(Array(received.utf8)),
                       ["application_no": "LA-CASE-1", "matter": "wage_arrears", "requested_by": "petitions", "status": "assigned"])
        XCTAssertFalse(received.contains("110101199001011234"), "no applicant data on the shared timeline")

        // means test on a case, asked by hrss: received, approved, assigned, and hrss's own entry
        let other = try h.insertCase()
        try h.requestLegalAid("LA-CASE-2", from: .hrss, matter: "other", caseID: other)
        try h.waitForLegalAid("LA-CASE-2", status: "means_test")
        try h.publish(as: .justice, "legalaid.decision", ["application_no": "LA-CASE-2", "decision": "approved", "reason": "材料齐全"])
        try h.waitUntil("hrss recorded the assignment") { try h.legalAidTimeline(other).count == 4 }
        XCTAssertEqual(try h.legalAidTimeline(other), ["justice:legal_aid_received", "justice:legal_aid_approved",
                                                       "justice:legal_aid_assigned", "hrss:legal_aid_assignment_received"])
    }

    func testAnUnknownCaseDoesNotBlockLegalAid() throws {
        try h.provider("U-1", "援助律师", active: true)
        let unknownUUID = UUID().uuidString.lowercased()
        let hrssTold = try h.requestLegalAid("LA-UNK-1", from: .hrss, caseID: unknownUUID)
        try h.requestLegalAid("LA-UNK-2", from: .hrss, caseID: "C-0001")  // an id of another system
        try h.waitForLegalAid("LA-UNK-1", status: "assigned")
        try h.waitForLegalAid("LA-UNK-2", status: "assigned")
        XCTAssertEqual(try h.value("SELECT string_agg(case_id || '=' || case_known, ',' ORDER BY application_no) FROM wage.legal_aid_overview"),
                       "\(unknownUUID)=false,C-0001=false")
        try h.waitUntil("hrss acknowledged the assignment") {
            try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'hrss' AND message_id = $1", ["\(hrssTold):LA-UNK-1:assigned"]) == "1"
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.case_events WHERE case_id::text = $1", [unknownUUID]), "0")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", ["\(hrssTold):LA-UNK-1:assigned"]), "0")
        // the message carries the case id as its correlation id, as sent
        XCTAssertEqual(try h.value("SELECT correlation_id FROM wage.outbox WHERE message_id = $1", ["\(hrssTold):LA-UNK-1:assigned"]),
                       unknownUUID)
    }

    func testAnAssignmentStaysOpenUntilItsCaseIsClosed() throws {
        try h.provider("O-1", "甲", active: true)
        try h.provider("O-2", "乙", active: true)
        let wageCase = try h.insertCase()
        try h.requestLegalAid("LA-OPEN-1", caseID: wageCase)  // → O-1
        try h.requestLegalAid("LA-OPEN-2")  // no case: open for good → O-2
        try h.waitForLegalAid("LA-OPEN-2", status: "assigned")
        XCTAssertEqual(try h.openAssignments(), ["O-1": 1, "O-2": 1])

        try h.closeCase(wageCase)  // 销号 (by the office; here as admin)
        XCTAssertEqual(try h.openAssignments(), ["O-1": 0, "O-2": 1])
        XCTAssertEqual(try h.value("SELECT assignment_open::text FROM wage.legal_aid_overview WHERE application_no = 'LA-OPEN-1'"), "false")
        XCTAssertEqual(try h.value("SELECT status FROM wage.legal_aid_overview WHERE application_no = 'LA-OPEN-1'"), "assigned")
        try h.requestLegalAid("LA-OPEN-3")
        try h.waitForLegalAid("LA-OPEN-3", status: "assigned")
        XCTAssertEqual(try h.value("SELECT provider_id FROM wage.legal_aid_overview WHERE application_no = 'LA-OPEN-3'"), "O-1",
                       "the provider whose case closed has the fewest open")
        XCTAssertEqual(try h.value("SELECT total_assignments FROM wage.legal_aid_providers WHERE provider_id = 'O-1'"), "2")
    }
}
