import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// worker-petitions through the real broker and database, on its own (no office
/// worker: what it sends to hrss is read from `dept.hrss`).
final class PetitionDeskTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startWorker(.petitions) { Workers.petitions() }
    }

    override func tearDown() async throws { await h.shutdown() }

    func overview(_ no: String, _ column: String) throws -> String? {
        try h.value("SELECT \(column)::text FROM wage.petition_overview WHERE petition_no = $1", [no])
    }

    func testAWageRelatedPetitionIsRegisteredAndReportedToTheOfficeAsAClue() throws {
        let no = Harness.newID("P"), id = Harness.newID("petition")
        try h.publish(as: .petitions, "petition.received", PetitionBodies.full(no), id: id)
        try h.waitUntil("petition reported") { try overview(no, "status") == "reported" }
        XCTAssertEqual(try overview(no, "petitioners"), "3")
        XCTAssertEqual(try overview(no, "wage_related"), "true")
        XCTAssertEqual(try overview(no, "collective"), "false")
        XCTAssertNil(try overview(no, "case_id"), "no office ran: no case yet")
        XCTAssertNotNil(try overview(no, "reported_at"))

        let clueID = "\(id):clue"
        let got = try h.collect("dept.hrss", "clue delivered to hrss") { $0.contains { $0.properties.messageID == clueID } }
        XCTAssertEqual(got.count, 1, "only the clue: 3 petitioners is no collective visit")
        let clue = try XCTUnwrap(got.first)
        XCTAssertEqual(clue.properties.type, "clue.report")
        XCTAssertEqual(clue.wageSender, "petitions")
        let report = try ClueReport(json: clue.json)
        XCTAssertEqual(report.channel, .petition)
        XCTAssertEqual(report.clueRef, no)
        XCTAssertEqual(report.employer, Employer(name: "某建筑劳务公司", creditCode: "91330100MA2CXXXX1"))
        XCTAssertEqual(report.sector, .construction)
        XCTAssertEqual(report.workersCount, 12)
        XCTAssertEqual(report.amountOwed, Money(yuan: "80000.00"))
        XCTAssertNil(report.reporter, "no personal data is forwarded")
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [clueID]),
                       "hrss")
        XCTAssertEqual(try h.drain("dept.police").count, 0)
    }

    func testACollectiveVisitAlsoAlertsPoliceAndTheOffice() throws {
        let no = Harness.newID("P"), id = Harness.newID("visit")
        let body = PetitionBodies.bare(no, petitioners: 6, wageRelated: true,
                                       extra: ["location": "信访局接待大厅", "summary": "六名工人集体讨薪"])
        try h.publish(as: .petitions, "petition.received", body, id: id)
        let alertID = "\(id):incident", clueID = "\(id):clue"
        let police = try h.collect("dept.police", "alert delivered to police") { $0.contains { $0.properties.messageID == alertID } }
        XCTAssertEqual(police.count, 1)
        let alert = try IncidentAlert(json: try XCTUnwrap(police.first).json)
        XCTAssertEqual(alert, IncidentAlert(petitionNo: no, people: 6, location: "信访局接待大厅", summary: "六名工人集体讨薪"))
        XCTAssertEqual(police.first?.wageSender, "petitions")

        let office = try h.collect("dept.hrss", "alert and clue delivered to hrss") { got in
            Set(got.compactMap(\.properties.messageID)).isSuperset(of: [alertID, clueID])
        }
        XCTAssertEqual(office.count, 2)
        XCTAssertEqual(try IncidentAlert(json: try XCTUnwrap(office.first { $0.properties.type == "incident.alert" }).json), alert)
        // The clue's documented defaults (docs/domain.md, PetitionClue).
        let clue = try ClueReport(json: try XCTUnwrap(office.first { $0.properties.type == "clue.report" }).json)
        XCTAssertEqual(clue.employer.name, PetitionClue.unknownEmployerName)
        XCTAssertEqual(clue.sector, .other)
        XCTAssertEqual(clue.workersCount, 6)
        XCTAssertEqual(clue.amountOwed, PetitionClue.unknownAmount)
        XCTAssertEqual(try overview(no, "collective"), "true")
        XCTAssertEqual(try overview(no, "location"), "信访局接待大厅")
        XCTAssertEqual(try overview(no, "status"), "reported")
    }

    func testAPetitionNotAboutWagesIsRecordedWithoutAClue() throws {
        let quiet = Harness.newID("P"), crowd = Harness.newID("P")
        let quietID = Harness.newID("quiet"), crowdID = Harness.newID("crowd")
        try h.publish(as: .petitions, "petition.received", PetitionBodies.bare(quiet, petitioners: 2, wageRelated: false), id: quietID)
        try h.publish(as: .petitions, "petition.received", PetitionBodies.bare(crowd, petitioners: 5, wageRelated: false), id: crowdID)
        try h.waitUntil("both recorded") {
            try h.value("SELECT count(*) FROM wage.petition_overview WHERE petition_no IN ($1, $2)", [quiet, crowd]) == "2"
        }
        XCTAssertEqual(try overview(quiet, "status"), "received")
        XCTAssertNil(try overview(quiet, "reported_at"))
        // The outbox row commits with the petition: nothing there means nothing was sent.
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1 || ':%'", [quietID]), "0")
        // Five petitioners without wages: the alert only.
        XCTAssertEqual(try overview(crowd, "status"), "received")
        XCTAssertEqual(try h.value("SELECT string_agg(type, ',') FROM wage.outbox WHERE message_id LIKE $1 || ':%'", [crowdID]),
                       "incident.alert")
        try h.waitUntil("alert routed") {
            try h.value("SELECT count(*) FROM wage.routing_log WHERE message_id = $1", ["\(crowdID):incident"]) == "1"
        }
        let office = try h.drain("dept.hrss")
        XCTAssertEqual(office.map(\.properties.type), ["incident.alert"])
    }

    func testDuplicatesHaveOneEffect() throws {
        let no = Harness.newID("P"), id = Harness.newID("dup")
        let body = PetitionBodies.full(no)
        try h.publish(as: .petitions, "petition.received", body, id: id)
        try h.publish(as: .petitions, "petition.received", body, id: id)  // redelivered / republished
        let resent = Harness.newID("resent")                           // same petition re-sent by a clerk
        try h.publish(as: .petitions, "petition.received", body, id: resent)
        var changed = body.objectValue ?? [:]
        changed["petitioners"] = 9
        let conflicting = Harness.newID("conflict")
        try h.publish(as: .petitions, "petition.received", .object(changed), id: conflicting)
        try h.waitConsumed(by: .petitions, conflicting)

        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.petitions WHERE petition_no = $1", [no]), "1")
        XCTAssertEqual(try overview(no, "petitioners"), "3", "the record is never overwritten")
        XCTAssertEqual(try h.value("SELECT message_id FROM wage.petitions WHERE petition_no = $1", [no]), id)
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.outbox WHERE principal = 'petitions' AND type = 'clue.report' AND body::jsonb ->> 'clue_ref' = $1", [no]),
                       "1", "one clue")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id IN ($1, $2)", [id, resent]), "0",
                       "a duplicate is not a rejection")
        XCTAssertEqual(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'petitions'", [conflicting]),
                       "invalid_state")
        let dead = try h.collect("wage.dead", "conflicting petition dead-lettered") {
            $0.contains { $0.properties.messageID == conflicting }
        }
        XCTAssertEqual(dead.first { $0.properties.messageID == conflicting }?.properties.headers["x-wage-reason"]?.stringValue,
                       "invalid_state")
        let clues = try h.collect("dept.hrss", "clue delivered") { $0.contains { $0.properties.type == "clue.report" } }
        XCTAssertEqual(clues.filter { $0.properties.type == "clue.report" }.count, 1)
    }
}
