import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// A petition end to end: worker-petitions, worker-hrss and the housing worker
/// in-process; staff decisions published as their department.
final class PetitionCaseTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        try h.startWorker(.petitions) { Workers.petitions() }
        try h.startSectorWorker(.housing)
    }

    override func tearDown() async throws { await h.shutdown() }

    func overview(_ no: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.petition_overview WHERE petition_no = $1", [no])
    }

    func send(_ sender: Principal, _ type: String, _ body: JSONValue) throws {
        let id = Harness.newID(type)
        try h.publish(as: sender, type, body, id: id)
        try h.waitConsumed(by: .hrss, id)
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]), "\(type) refused")
    }

    func testTheReplyIsRecordedWhenThePetitionsCaseCloses() throws {
        let no = Harness.newID("P")
        try h.publish(as: .petitions, "petition.received", PetitionBodies.full(no), id: Harness.newID("petition"))
        var caseID: String?
        try h.waitUntil("the petition's case in the housing ledger") {
            caseID = try h.caseID(channel: "petition", clueRef: no)
            guard let caseID else { return false }
            return try h.ledger(.housing, caseID, "ledger_status") == "received"
        }
        let id = try XCTUnwrap(caseID)
        XCTAssertEqual(try overview(no, "case_id"), id)
        XCTAssertEqual(try overview(no, "case_status"), "transferred")
        XCTAssertEqual(try h.value("SELECT origin FROM wage.cases WHERE case_id = $1::uuid", [id]), "petitions")

        try send(.housing, "case.accept", ["case_id": .string(id)])
        try send(.housing, "case.resolved", ["case_id": .string(id), "amount_paid": "80000.00", "workers_paid": 12,
                                             "note": "总包代发"])
        XCTAssertEqual(try overview(no, "status"), "reported", "resolved is not closed: no reply yet")
        try send(.hrss, "case.close", ["case_id": .string(id), "note": "已核实到账"])

        try h.waitUntil("reply recorded") { try overview(no, "status") == "replied" }
        XCTAssertNotNil(try overview(no, "replied_at"))
        let reply = try XCTUnwrap(overview(no, "reply"))
        XCTAssertTrue(reply.contains("80000.00"), reply)
        XCTAssertTrue(reply.contains("12"), reply)
        XCTAssertEqual(try overview(no, "case_status"), "closed")
        XCTAssertEqual(try h.value("SELECT replied_case_id::text FROM wage.petitions WHERE petition_no = $1", [no]), id)
        XCTAssertEqual(try h.events(id, by: .petitions), ["closed", "petition_replied"])
        let detail = try XCTUnwrap(h.value(
            "SELECT detail::text FROM wage.case_timeline WHERE case_id = $1::uuid AND event = 'petition_replied'", [id]))
        let parsed = try JSONValue.parse(Array(detail.utf8))
        XCTAssertEqual(parsed["petition_no"], .string(no))
        XCTAssertEqual(parsed["reply"], .string(reply))

        // A second `closed` notice (staff re-sent it, new message id): recorded, but one reply.
        let again = Harness.newID("notice")
        try h.publish(as: .hrss, "case.notice", ["case_id": .string(id), "event": "closed", "notify": ["petitions"]], id: again)
        try h.waitConsumed(by: .petitions, again)
        XCTAssertEqual(try h.events(id, by: .petitions), ["closed", "petition_replied", "closed"])
        XCTAssertEqual(try overview(no, "reply"), reply)
    }

    func testACollectiveWageVisitBecomesACaseAndAnAlertToPolice() throws {
        let no = Harness.newID("P")
        let id = Harness.newID("visit")
        try h.publish(as: .petitions, "petition.received",
                      PetitionBodies.bare(no, petitioners: 7, wageRelated: true, extra: ["location": "市政府门口", "sector": "construction"]),
                      id: id)
        try h.waitUntil("case registered for the visit") { try h.caseID(channel: "petition", clueRef: no) != nil }
        let police = try h.collect("dept.police", "alert to police") { $0.contains { $0.properties.messageID == "\(id):incident" } }
        XCTAssertEqual(police.first?.json["people"], 7)
        XCTAssertEqual(police.first?.json["location"], "市政府门口")
        try h.waitConsumed(by: .hrss, "\(id):incident")
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", ["\(id):incident"]),
                     "the office takes the alert")
        XCTAssertEqual(try overview(no, "collective"), "true")
    }

    func testANonWagePetitionRegistersNoCase() throws {
        let no = Harness.newID("P")
        let id = Harness.newID("quiet")
        try h.publish(as: .petitions, "petition.received", PetitionBodies.bare(no, petitioners: 1, wageRelated: false), id: id)
        try h.waitConsumed(by: .petitions, id)
        // A later clue from the same office is handled by hrss after anything this one could have sent.
        let marker = Harness.newID("P"), markerID = Harness.newID("marker")
        try h.publish(as: .petitions, "petition.received", PetitionBodies.full(marker), id: markerID)
        try h.waitUntil("marker case registered") { try h.caseID(channel: "petition", clueRef: marker) != nil }
        XCTAssertNil(try h.caseID(channel: "petition", clueRef: no))
        XCTAssertEqual(try overview(no, "status"), "received")
        XCTAssertNil(try overview(no, "case_id"))
    }
}
