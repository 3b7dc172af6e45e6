import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// The sector workers (housing, and transport from the same code) through the
/// real broker and database, without the office: the cases are inserted as the
/// administrator and `case.transfer` is published as hrss, as the office does.
final class SectorLedgerTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startSectorWorker(.housing)
        try h.startSectorWorker(.transport)
    }

    override func tearDown() async throws { await h.shutdown() }

    func transfer(_ caseID: String, _ sector: Sector, note: String? = nil, id: String = Harness.newID("transfer")) throws {
        try h.publish(as: .hrss, "case.transfer",
                      .compact(["case_id": .string(caseID), "sector": .string(sector.rawValue), "note": note.map(JSONValue.string)]),
                      id: id)
    }

    func testATransferOpensTheLedgerRowWithTheLiveCaseAndATimelineEntry() throws {
        let caseID = try h.insertCase(sector: .construction, assignee: .housing, dueInDays: -1)
        try transfer(caseID, .construction, note: "请核查项目工资专用账户")
        try h.waitUntil("housing ledger row") { try h.ledger(.housing, caseID, "ledger_status") == "received" }
        XCTAssertEqual(try h.ledger(.housing, caseID, "transfers"), "1")
        XCTAssertEqual(try h.ledger(.housing, caseID, "note"), "请核查项目工资专用账户")
        XCTAssertEqual(try h.ledger(.housing, caseID, "case_status"), "transferred")
        XCTAssertEqual(try h.ledger(.housing, caseID, "is_assignee"), "true")
        XCTAssertEqual(try h.ledger(.housing, caseID, "overdue"), "true", "due yesterday, still open")
        XCTAssertEqual(try h.ledger(.housing, caseID, "last_case_event"), "received")
        XCTAssertEqual(try h.events(caseID, by: .housing), ["received"])
        let detail = try XCTUnwrap(h.value("SELECT detail::text FROM wage.case_timeline WHERE case_id = $1::uuid AND department = 'housing'", [caseID]))
        let parsed = try JSONValue.parse(Array(detail.utf8))
        XCTAssertEqual(parsed["sector"], "construction")
        XCTAssertEqual(parsed["from"], "hrss")
        XCTAssertEqual(parsed["transfers"], 1)

        // Once the case changes (here as the office would: resolved), the view shows it.
        _ = try h.admin.execute("UPDATE wage.cases SET status = 'resolved', resolved_at = now(), amount_paid_fen = 8000000, workers_paid = 12 WHERE case_id = $1::uuid", [caseID])
        XCTAssertEqual(try h.ledger(.housing, caseID, "case_status"), "resolved")
        XCTAssertEqual(try h.ledger(.housing, caseID, "overdue"), "false", "a resolved case is not overdue")
        XCTAssertEqual(try h.ledger(.housing, caseID, "amount_paid"), "80000.00")

        // Least privilege: each regulator reads its own rows only; others not at all.
        XCTAssertEqual(try h.valueAs(.housing, "SELECT count(*) FROM wage.department_ledger WHERE case_id = $1::uuid", [caseID]), "1")
        XCTAssertEqual(try h.valueAs(.transport, "SELECT count(*) FROM wage.department_ledger WHERE case_id = $1::uuid", [caseID]), "0")
        XCTAssertThrowsError(try h.valueAs(.police, "SELECT count(*) FROM wage.department_ledger"))
        XCTAssertThrowsError(try h.valueAs(.platform, "SELECT count(*) FROM wage.department_ledger"))
    }

    func testAReTransferUpdatesTheRowAndADuplicateHasOneEffect() throws {
        let caseID = try h.insertCase(sector: .construction, assignee: .housing)
        let first = Harness.newID("transfer")
        try transfer(caseID, .construction, note: "first", id: first)
        try transfer(caseID, .construction, note: "first", id: first)   // the same message again
        try h.waitConsumed(by: .housing, first)
        let again = Harness.newID("retransfer")
        try transfer(caseID, .construction, note: "returned and transferred again", id: again)
        try h.waitConsumed(by: .housing, again)
        XCTAssertEqual(try h.ledger(.housing, caseID, "transfers"), "2")
        XCTAssertEqual(try h.ledger(.housing, caseID, "note"), "returned and transferred again")
        XCTAssertEqual(try h.ledger(.housing, caseID, "ledger_status"), "received")
        XCTAssertEqual(try h.events(caseID, by: .housing), ["received", "received"])
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.department_cases WHERE case_id = $1::uuid", [caseID]), "1")
    }

    func testTransportRunsTheSameLedgerForItsOwnSector() throws {
        let caseID = try h.insertCase(sector: .transport, assignee: .transport)
        try transfer(caseID, .transport)
        try h.waitUntil("transport ledger row") { try h.ledger(.transport, caseID, "ledger_status") == "received" }
        XCTAssertEqual(try h.events(caseID, by: .transport), ["received"])
        XCTAssertNil(try h.ledger(.housing, caseID, "ledger_status"), "the router sent it to transport only")
        XCTAssertEqual(try h.valueAs(.transport, "SELECT case_status FROM wage.department_ledger WHERE case_id = $1::uuid", [caseID]),
                       "transferred")
    }

    func testATransferOfAnUnknownCaseIsRefused() throws {
        let unknown = Harness.newID("unknown"), malformed = Harness.newID("malformed")
        try transfer(UUID().uuidString.lowercased(), .construction, id: unknown)
        try transfer("not-a-case-id", .construction, id: malformed)
        for id in [unknown, malformed] {
            try h.waitUntil("refusal of \(id)") {
                try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1 AND rejected_by = 'housing'", [id]) == "unknown_case"
            }
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.inbox WHERE consumer = 'housing' AND message_id IN ($1, $2)", [unknown, malformed]), "2")
    }
}
