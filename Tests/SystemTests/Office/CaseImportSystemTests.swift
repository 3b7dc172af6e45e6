import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §7.7 through the real router, worker and database: `case.import`.
final class CaseImportSystemTests: XCTestCase {
    var h: Harness!
    var mail: Mailbox!

    override func setUp() async throws {
        h = try Harness()
        mail = Mailbox(h)
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
    }

    override func tearDown() async throws { await h.shutdown() }

    static func body(_ clueRef: String, reported: String = "2024-03-01", closed: String = "2024-04-15",
                     disposition: String = "paid") -> JSONValue {
        ["channel": "hotline", "clue_ref": .string(clueRef),
         "employer": ["name": "某建筑劳务有限公司", "credit_code": "91500000MA5U000000"], "sector": "construction",
         "workers_count": 8, "amount_owed": "64000.00", "reported_on": .string(reported), "closed_on": .string(closed),
         "disposition": .string(disposition), "amount_paid": "64000.00", "workers_paid": 8,
         "project_no": "PRJ-NOT-REGISTERED", "note": "2024年台账导入"]
    }

    func caseID(_ clueRef: String) throws -> String? {
        try h.value("SELECT case_id::text FROM wage.cases WHERE channel = 'hotline' AND clue_ref = $1", [clueRef])
    }

    func testAnImportIsAClosedCaseWithOneEntryAndASecondImportHasNoEffect() throws {
        let ref = Harness.newID("IMP")
        let first = Harness.newID("import")
        try h.publish(as: .hrss, "case.import", Self.body(ref, disposition: "unfounded"), id: first)
        try h.waitProcessed(first)
        let id = try XCTUnwrap(try caseID(ref))
        XCTAssertEqual(try h.overview(id, "status"), "closed")
        XCTAssertEqual(try h.overview(id, "disposition"), "unfounded", "kept so §8 and §9 can skip it")
        XCTAssertNil(try h.overview(id, "due_on"))
        XCTAssertNil(try h.overview(id, "assignee"))
        XCTAssertEqual(try h.overview(id, "project_no"), "PRJ-NOT-REGISTERED", "an unknown project_no is kept as given")
        XCTAssertEqual(try h.value("SELECT (opened_at AT TIME ZONE 'Asia/Shanghai')::text FROM wage.case_overview WHERE case_id = $1::uuid", [id]),
                       "2024-03-01 00:00:00")
        XCTAssertEqual(try h.value("SELECT (closed_at AT TIME ZONE 'Asia/Shanghai')::text FROM wage.case_overview WHERE case_id = $1::uuid", [id]),
                       "2024-04-15 00:00:00")
        XCTAssertEqual(try h.timeline(id), ["hrss:imported"])

        // The same key again (another message id): acknowledged, no effect, no refusal.
        let second = Harness.newID("import-again")
        try h.publish(as: .hrss, "case.import", Self.body(ref, closed: "2024-05-01"), id: second)
        try h.waitProcessed(second)
        XCTAssertEqual(try h.timeline(id), ["hrss:imported"])
        XCTAssertEqual(try h.overview(id, "disposition"), "unfounded")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.rejections WHERE message_id = $1", [second]), "0")
        // No transfer and no notice went anywhere.
        XCTAssertTrue(try mail.current("dept.housing") { $0.payload["case_id"]?.stringValue == id }.isEmpty)
    }

    func testOnlyHrssMayImport() throws {
        for sender in [Principal.platform, .housing, .petitions] {
            let id = Harness.newID("import-\(sender.rawValue)")
            try h.publish(as: sender, "case.import", Self.body(Harness.newID("IMP")), id: id)
            XCTAssertEqual(try h.waitForRejection(id, by: .router), "forbidden_sender", sender.rawValue)
        }
    }

    func testDateBoundsAreSchemaClosedOn() throws {
        let before = Harness.newID("import-before")
        try h.publish(as: .hrss, "case.import", Self.body(Harness.newID("IMP"), reported: "2024-03-01", closed: "2024-02-28"),
                      id: before)
        XCTAssertEqual(try h.waitForRejection(before, by: .router), "schema:closed_on")
        let future = Harness.newID("import-future")
        try h.publish(as: .hrss, "case.import",
                      Self.body(Harness.newID("IMP"), reported: "2024-03-01", closed: Day.shanghaiToday().adding(days: 1).iso),
                      id: future)
        XCTAssertEqual(try h.waitForRejection(future, by: .router), "schema:closed_on")
    }

    func testAnImportOverACaseThatIsNotClosedIsInvalidState() throws {
        let ref = Harness.newID("OPEN")
        let open = try h.reportClue(ref)
        let id = Harness.newID("import-open")
        try h.publish(as: .hrss, "case.import", Self.body(ref), id: id)
        XCTAssertEqual(try h.waitForRejection(id, by: .hrss), "invalid_state")
        XCTAssertEqual(try h.overview(open, "status"), "transferred", "nothing changed")
        XCTAssertFalse(try h.timeline(open).contains("hrss:imported"))
    }
}
