import AMQP
import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// The sector ledgers with the office running: a clue is registered and
/// transferred by worker-hrss, the regulator's staff decide (published as the
/// department, as `wagectl` does), and the ledger view follows the case.
final class SectorCaseFlowTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startWorker(.hrss) { Workers.hrss(settings: .init(sweepInterval: nil)) }
        try h.startSectorWorker(.housing)
        try h.startSectorWorker(.transport)
    }

    override func tearDown() async throws { await h.shutdown() }

    /// Reports a hotline clue of `sector` and waits until `department`'s ledger has it.
    func transferredCase(_ sector: Sector, to department: Principal) throws -> String {
        let ref = Harness.newID("HL")
        try h.publish(as: .platform, "clue.report", SectorFlowBodies.clue(ref, sector: sector), id: Harness.newID("clue"))
        var caseID: String?
        try h.waitUntil("case of \(ref) in the \(department.rawValue) ledger") {
            caseID = try h.caseID(channel: "hotline", clueRef: ref)
            guard let caseID else { return false }
            return try h.ledger(department, caseID, "ledger_status") == "received"
        }
        return try XCTUnwrap(caseID)
    }

    func decide(_ department: Principal, _ type: String, _ body: JSONValue) throws -> String {
        let id = Harness.newID(type)
        try h.publish(as: department, type, body, id: id)
        try h.waitConsumed(by: .hrss, id)
        XCTAssertNil(try h.value("SELECT reason FROM wage.rejections WHERE message_id = $1", [id]), "\(type) refused")
        return id
    }

    func testTheLedgerShowsTheCaseAfterTheDepartmentsDecisions() throws {
        for (sector, department) in [(Sector.construction, Principal.housing), (.transport, .transport)] {
            let caseID = try transferredCase(sector, to: department)
            XCTAssertEqual(try h.ledger(department, caseID, "case_status"), "transferred")
            XCTAssertEqual(try h.ledger(department, caseID, "is_assignee"), "true")
            XCTAssertEqual(try h.ledger(department, caseID, "overdue"), "false")
            XCTAssertEqual(try h.ledger(department, caseID, "due_on"),
                           try h.value("SELECT due_on::text FROM wage.cases WHERE case_id = $1::uuid", [caseID]))
            XCTAssertEqual(try h.events(caseID, by: department), ["received"])

            _ = try decide(department, "case.accept", ["case_id": .string(caseID)])
            XCTAssertEqual(try h.ledger(department, caseID, "case_status"), "accepted")
            XCTAssertEqual(try h.ledger(department, caseID, "last_case_event"), "accepted")
            XCTAssertEqual(try h.ledger(department, caseID, "last_case_event_actor"), department.rawValue)

            _ = try decide(department, "case.progress", ["case_id": .string(caseID), "note": "已约谈总包单位"])
            XCTAssertEqual(try h.ledger(department, caseID, "last_case_event"), "progress")

            _ = try decide(department, "case.resolved",
                           ["case_id": .string(caseID), "amount_paid": "125000.00", "workers_paid": 12])
            XCTAssertEqual(try h.ledger(department, caseID, "case_status"), "resolved")
            XCTAssertEqual(try h.ledger(department, caseID, "amount_paid"), "125000.00")
            XCTAssertEqual(try h.ledger(department, caseID, "ledger_status"), "received", "the row is the department's own word")
            // The department reads it through its own role.
            XCTAssertEqual(try h.valueAs(department, "SELECT case_status FROM wage.department_ledger WHERE case_id = $1::uuid", [caseID]),
                           "resolved")
        }
    }

    func testAnEscalationNoticeIsRecordedAndMovesTheLedgerToTheTaskForce() throws {
        let caseID = try transferredCase(.construction, to: .housing)
        _ = try decide(.housing, "case.escalate", ["case_id": .string(caseID), "reason": "总包单位拒不配合"])
        try h.waitUntil("housing ledger: task force") { try h.ledger(.housing, caseID, "ledger_status") == "task_force" }
        XCTAssertEqual(try h.events(caseID, by: .housing), ["received", "task_force_formed"])
        XCTAssertEqual(try h.ledger(.housing, caseID, "case_status"), "task_force")
        XCTAssertEqual(try h.ledger(.housing, caseID, "last_event"), "task_force_formed")
        XCTAssertEqual(try h.ledger(.housing, caseID, "due_on"),
                       try h.value("SELECT due_on::text FROM wage.cases WHERE case_id = $1::uuid", [caseID]),
                       "the task force's deadline")
    }

    func testAReturnedCaseTransferredAgainUpdatesTheRow() throws {
        let caseID = try transferredCase(.construction, to: .housing)
        _ = try decide(.housing, "case.return", ["case_id": .string(caseID), "reason": "not our duty"])
        XCTAssertEqual(try h.ledger(.housing, caseID, "case_status"), "returned")
        XCTAssertEqual(try h.ledger(.housing, caseID, "is_assignee"), "false")
        // The office re-transfers (staff, through wagectl, as hrss).
        let again = Harness.newID("retransfer")
        try h.publish(as: .hrss, "case.transfer", ["case_id": .string(caseID), "sector": "construction", "note": "请再核查"], id: again)
        try h.waitUntil("re-transfer in the ledger") { try h.ledger(.housing, caseID, "transfers") == "2" }
        XCTAssertEqual(try h.ledger(.housing, caseID, "note"), "请再核查")
        XCTAssertEqual(try h.events(caseID, by: .housing), ["received", "received"])
        try h.waitUntil("case transferred again") { try h.ledger(.housing, caseID, "case_status") == "transferred" }
        XCTAssertEqual(try h.ledger(.housing, caseID, "is_assignee"), "true")
    }

    func testAReassignedCaseMovesFromTheHousingLedgerToTransport() throws {
        let caseID = try transferredCase(.construction, to: .housing)
        // The office corrects the sector (staff, through wagectl, as hrss).
        try h.publish(as: .hrss, "case.transfer", ["case_id": .string(caseID), "sector": "transport", "note": "国道项目"],
                      id: Harness.newID("reassign"))
        try h.waitUntil("transport ledger row") { try h.ledger(.transport, caseID, "ledger_status") == "received" }
        try h.waitUntil("housing told") { try h.ledger(.housing, caseID, "ledger_status") == "reassigned" }
        XCTAssertEqual(try h.ledger(.housing, caseID, "is_assignee"), "false")
        XCTAssertEqual(try h.ledger(.housing, caseID, "overdue"), "false", "not ours any more")
        XCTAssertEqual(try h.ledger(.transport, caseID, "is_assignee"), "true")
        XCTAssertEqual(try h.events(caseID, by: .housing), ["received", "reassigned"])
        XCTAssertEqual(try h.events(caseID, by: .transport), ["received"])
    }

    func testACaseTheRegulatorReportedItselfIsClosedInItsLedger() throws {
        let ref = Harness.newID("DEPT")
        var body = SectorFlowBodies.clue(ref, sector: .construction).objectValue ?? [:]
        body["channel"] = "department"
        try h.publish(as: .housing, "clue.report", .object(body), id: Harness.newID("clue"))
        var caseID: String?
        try h.waitUntil("own clue in the housing ledger") {
            caseID = try h.caseID(channel: "department", clueRef: ref)
            guard let caseID else { return false }
            return try h.ledger(.housing, caseID, "ledger_status") == "received"
        }
        let id = try XCTUnwrap(caseID)
        _ = try decide(.housing, "case.accept", ["case_id": .string(id)])
        _ = try decide(.housing, "case.resolved", ["case_id": .string(id), "amount_paid": "125000.00", "workers_paid": 12])
        _ = try decide(.hrss, "case.close", ["case_id": .string(id)])
        try h.waitUntil("closed in the ledger") { try h.ledger(.housing, id, "ledger_status") == "closed" }
        XCTAssertEqual(try h.ledger(.housing, id, "case_status"), "closed")
        XCTAssertEqual(try h.events(id, by: .housing), ["received", "closed"])
    }
}

/// Bodies of the sector flow tests.
enum SectorFlowBodies {
    static func clue(_ ref: String, sector: Sector) -> JSONValue {
        ["channel": "hotline", "clue_ref": .string(ref), "employer": ["name": "某工程有限公司"],
         "project": ["name": "国道改建工程", "location": "金凤镇"], "sector": .string(sector.rawValue),
         "workers_count": 12, "amount_owed": "125000.00", "description": "拖欠工资"]
    }
}
