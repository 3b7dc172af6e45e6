import AMQP
import Departments
import Foundation
import Runtime
@testable import Messages
import Workflow
import XCTest

/// `case.notice` recorded by a member's worker under its own department, and
/// `incident.alert` kept by the office and linked to the petition's case.
final class OfficeNoticeAndAlertTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice(clock: TestClock(shanghaiNoonOf: .on("2026-03-02")))
    }

    override func tearDown() async throws { await h.shutdown() }

    func testAMemberRecordsTheNoticeUnderItsOwnDepartment() throws {
        // The police worker's notice part alone (the rest of worker-police is not under test here).
        try h.startWorker(.police) { CompositeHandler(principal: .police, parts: [CaseNoticeRecorder()]) }
        let caseID = try h.reportClue(Harness.newID("tf"))
        try h.publish(as: .housing, "case.escalate", ["case_id": .string(caseID), "reason": "需要公安配合"])
        try h.waitUntil("police recorded the notice") { try h.timeline(caseID).contains("police:task_force_formed") }
        try h.waitUntil("hrss recorded the notice") { try h.timeline(caseID).contains("hrss:task_force_formed") }
        let detail = try XCTUnwrap(h.rows(
            "SELECT detail::text AS d FROM wage.case_timeline WHERE case_id = $1::uuid AND department = 'police'", [caseID]).first)
        let json = try JSONValue.parse(Array(try detail.string("d").utf8))
        XCTAssertEqual(json["from"]?.stringValue, "hrss")
        XCTAssertEqual(json["due_on"]?.stringValue, "2026-03-16", "10 working days after Mon 03-02")
        XCTAssertEqual(json["channel"]?.stringValue, "hotline")

        // A notice about no case is refused by the member too.
        let stray = Harness.newID("stray")
        try h.publish(as: .hrss, "case.notice",
                      ["case_id": .string(UUID().uuidString), "event": "closed", "notify": ["police"]], id: stray)
        XCTAssertEqual(try h.waitForRejection(stray, by: .police), "unknown_case")
    }

    func testAnAlertIsKeptAndLinkedToThePetitionsCase() throws {
        let petitionNo = Harness.newID("XF")
        // The alert comes before the petition's clue: kept without a case.
        let early = Harness.newID("alert")
        try h.publish(as: .petitions, "incident.alert",
                      ["petition_no": .string(petitionNo), "people": 23, "location": "区政府门口", "summary": "集体讨薪"], id: early)
        try h.waitProcessed(early)
        XCTAssertEqual(try h.value("SELECT people::text FROM wage.office_alerts WHERE message_id = $1", [early]), "23")
        XCTAssertNil(try h.value("SELECT case_id::text FROM wage.office_alerts WHERE message_id = $1", [early]))
        XCTAssertEqual(try mail.wait("dept.police") { $0.properties.messageID == early }.count, 1)

        // The clue arrives: the alert is linked and put on the case's timeline.
        let caseID = try h.reportClue(petitionNo, as: .petitions, channel: .petition)
        XCTAssertEqual(try h.value("SELECT case_id::text FROM wage.office_alerts WHERE message_id = $1", [early]), caseID)
        XCTAssertEqual(try h.timeline(caseID), ["hrss:registered", "hrss:transferred", "hrss:incident_alert"])

        // A later alert goes straight onto the timeline.
        let later = Harness.newID("alert2")
        try h.publish(as: .petitions, "incident.alert", ["petition_no": .string(petitionNo), "people": 40], id: later)
        try h.waitProcessed(later)
        XCTAssertEqual(try h.timeline(caseID).last, "hrss:incident_alert")
        XCTAssertEqual(try h.timelineDetail(caseID, "incident_alert", 1)?["people"], .number("40"))
        XCTAssertEqual(try h.value("SELECT case_id::text FROM wage.office_alerts WHERE message_id = $1", [later]), caseID)
    }
}
