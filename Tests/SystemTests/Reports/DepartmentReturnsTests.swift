import AMQP
import Departments
import Foundation
import Store
@testable import Messages
import Workflow
import XCTest

/// Department returns (issue 22, docs/reports.md) through the real router, workers
/// and database: `report.submitted` from the owing department or hrss on a body's
/// behalf, refusals, corrections, and the sweep's expected returns and one reminder.
/// Months of their own (2024-03, 2025-07) keep other tests' sweeps out of the way.
final class DepartmentReturnsTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
        try h.startSectorWorker(.housing)
    }

    override func tearDown() async throws { await h.shutdown() }

    func returnRow(_ month: String, _ kind: String) throws -> PGRow? {
        try h.rows("""
            SELECT department, entered_by, source, late::text AS late, submitted_at::text AS submitted_at, revisions,
                   figures::text AS figures, due_on::text AS due_on, due_on_rest_day::text AS rest, reminded_at IS NOT NULL AS reminded
            FROM wage.report_returns WHERE month = $1 AND kind = $2
            """, [month, kind]).first
    }

    func clean(_ months: [String]) throws {
        try h.admin.execute("DELETE FROM wage.department_returns WHERE month = ANY($1::text[])", [months])
        try h.admin.execute("DELETE FROM wage.report_reminders WHERE month = ANY($1::text[])", [months])
    }

    func testTheOwingDepartmentAndHrssForABodySubmitAndACorrectionKeepsTheFirstTime() throws {
        try clean(["2024-03"])
        let first = Harness.newID("return")
        try h.publish(as: .housing, "report.submitted", [
            "month": "2024-03", "kind": "construction_starts",
            "figures": ["new_starts": 3, "workers_enrolled": 120, "wage_paid": "880000.00"]], id: first)
        try h.waitProcessed(first)
        let row = try XCTUnwrap(try returnRow("2024-03", "construction_starts"))
        XCTAssertEqual(try row.string("department"), "housing")
        XCTAssertNil(try row.optionalString("entered_by"))
        XCTAssertEqual(try row.string("late"), "true", "due 2024-04-10, submitted now")
        XCTAssertEqual(try row.string("due_on"), "2024-04-10")
        XCTAssertEqual(try row.int("revisions"), 0)
        let submittedAt = try row.string("submitted_at")

        // 发改's return, entered by hrss, marked with the body and the source.
        let onBehalf = Harness.newID("return-ndrc")
        try h.publish(as: .hrss, "report.submitted", [
            "month": "2024-03", "kind": "approved_projects", "source": "县发改局2024年4月8日函",
            "figures": ["projects": 2, "total_investment": "36000000.00"]], id: onBehalf)
        try h.waitProcessed(onBehalf)
        let ndrc = try XCTUnwrap(try returnRow("2024-03", "approved_projects"))
        XCTAssertEqual(try ndrc.string("department"), "ndrc")
        XCTAssertEqual(try ndrc.optionalString("entered_by"), "hrss")
        XCTAssertEqual(try ndrc.optionalString("source"), "县发改局2024年4月8日函")

        // A correction: figures replaced, the first submission's time kept, counted.
        let correction = Harness.newID("return-fix")
        try h.publish(as: .housing, "report.submitted", [
            "month": "2024-03", "kind": "construction_starts",
            "figures": ["new_starts": 4, "workers_enrolled": 150, "wage_paid": "990000.00"], "note": "补报1项"], id: correction)
        try h.waitProcessed(correction)
        let fixed = try XCTUnwrap(try returnRow("2024-03", "construction_starts"))
        XCTAssertEqual(try fixed.int("revisions"), 1)
        XCTAssertEqual(try fixed.string("submitted_at"), submittedAt)
        let figures = try XCTUnwrap(JSONValue.parse(Array(try fixed.string("figures").utf8)).objectValue)
        XCTAssertEqual(figures["new_starts"], .int(4))
        XCTAssertEqual(figures["wage_paid"], .string("990000.00"))
    }

    func testTheRouterRefusesAKindTheSenderDoesNotOweUnknownKindsAndWrongFigures() throws {
        try clean(["2024-03"])
        let cases: [(Principal, JSONValue, String)] = [
            // housing does not owe finance's return; hrss does not owe housing's.
            (.housing, ["month": "2024-03", "kind": "fund_expenditure",
                        "figures": ["projects_paid": 1, "amount_paid": "1.00", "labour_share_paid": "1.00"]], "forbidden_sender"),
            (.hrss, ["month": "2024-03", "kind": "construction_starts",
                     "figures": ["new_starts": 1, "workers_enrolled": 1, "wage_paid": "1.00"]], "forbidden_sender"),
            (.housing, ["month": "2024-03", "kind": "no_such_kind", "figures": ["x": 1]], "schema:kind"),
            (.housing, ["month": "2024-03", "kind": "construction_starts",
                        "figures": ["new_starts": 1, "wage_paid": "1.00"]], "schema:figures.workers_enrolled"),
            (.housing, ["month": "2024-03", "kind": "construction_starts",
                        "figures": ["new_starts": -1, "workers_enrolled": 1, "wage_paid": "1.00"]], "schema:figures.new_starts"),
            (.housing, ["month": "2024-03", "kind": "construction_starts",
                        "figures": ["new_starts": 1, "workers_enrolled": 1, "wage_paid": "1.00", "extra": 2]], "schema:figures.extra"),
            (.housing, ["month": "2099-01", "kind": "construction_starts",
                        "figures": ["new_starts": 1, "workers_enrolled": 1, "wage_paid": "1.00"]], "schema:month"),
        ]
        for (sender, body, reason) in cases {
            let id = Harness.newID("bad-return")
            try h.publish(as: sender, "report.submitted", body, id: id)
            try h.waitUntil("router refused \(id)") { try h.rejection(id, by: "router") != nil }
            XCTAssertEqual(try h.rejection(id, by: "router"), reason, "\(sender.rawValue) \(body.serialized)")
        }
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.department_returns WHERE month = '2024-03'"), "0")
    }

    func testTheSweepExpectsTheMonthsReturnsAndRemindsAMissingOneOnceAfterItsDueDay() throws {
        try clean(["2025-07"])
        // Before the due day (2025-08-10): expected, not reminded.
        let early = Harness.newID("sweep-returns-0810")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2025-08-10"], id: early)
        try h.waitProcessed(early)
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.report_returns WHERE month = '2025-07' AND submitted_at IS NULL AND reminded_at IS NULL
            """), "6", "every monthly kind expected, none reminded on the due day (police reports at any time)")
        XCTAssertNil(try returnRow("2025-07", "police_incidents"))
        // 2025-08-10 is a Sunday: still the due day, marked.
        XCTAssertEqual(try returnRow("2025-07", "water_projects")?.string("rest"), "true")

        // housing submits on time; the others are still missing after the 10th.
        let onTime = Harness.newID("return-0810")
        try h.publish(as: .housing, "report.submitted", [
            "month": "2025-07", "kind": "construction_starts",
            "figures": ["new_starts": 0, "workers_enrolled": 0, "wage_paid": "0.00"]], id: onTime)
        try h.waitProcessed(onTime)
        let late = Harness.newID("sweep-returns-0811")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2025-08-11"], id: late)
        try h.waitProcessed(late)
        XCTAssertEqual(try returnRow("2025-07", "construction_starts")?.bool("reminded"), false)
        for kind in ["water_projects", "fund_expenditure", "enterprise_integrity", "approved_projects", "collective_bargaining"] {
            let row = try XCTUnwrap(try returnRow("2025-07", kind), kind)
            XCTAssertEqual(try row.string("late"), "true", "missing with the due day passed: \(kind)")
            XCTAssertEqual(try row.bool("reminded"), true, kind)
        }
        // A reminder message to each principal that owes one (not to the bodies hrss enters for),
        // routed to that department.
        let reminded = try h.rows("""
            SELECT department, reminder_message_id FROM wage.department_returns
            WHERE month = '2025-07' AND reminder_message_id IS NOT NULL ORDER BY department
            """)
        XCTAssertEqual(try reminded.map { try $0.string("department") }, ["finance", "market", "water"])
        for row in reminded {
            let id = try row.string("reminder_message_id"), department = try row.string("department")
            try h.waitUntil("reminder \(id) routed") {
                try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [id]) == department
            }
        }

        // A second sweep reminds nobody again.
        let again = Harness.newID("sweep-returns-0812")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2025-08-12"], id: again)
        try h.waitProcessed(again)
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.department_returns WHERE month = '2025-07' AND reminder_message_id IS NOT NULL
            """), "3")
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.routing_log WHERE type = 'report.reminder' AND message_id LIKE $1
            """, ["\(again)%"]), "0")
    }

    func testAReminderReachesTheDepartmentsOwnLedgerOnce() throws {
        try clean(["2025-07"])
        let id = Harness.newID("reminder")
        try h.publish(as: .hrss, "report.reminder", [
            "department": "housing", "month": "2025-07", "kind": "construction_starts", "due_on": "2025-08-10"], id: id)
        try h.waitProcessed(id, by: .housing)
        XCTAssertEqual(try h.value("""
            SELECT count(*) FROM wage.report_reminders WHERE department = 'housing' AND message_id = $1 AND month = '2025-07'
            """, [id]), "1")
        // Only hrss may send one, only to a department that owes returns.
        let spoof = Harness.newID("reminder-spoof")
        try h.publish(as: .housing, "report.reminder", [
            "department": "housing", "month": "2025-07", "kind": "construction_starts", "due_on": "2025-08-10"], id: spoof)
        try h.waitUntil("router refused \(spoof)") { try h.rejection(spoof, by: "router") != nil }
        XCTAssertEqual(try h.rejection(spoof, by: "router"), "forbidden_sender")
        let toPetitions = Harness.newID("reminder-petitions")
        try h.publish(as: .hrss, "report.reminder", [
            "department": "petitions", "month": "2025-07", "kind": "construction_starts", "due_on": "2025-08-10"], id: toPetitions)
        try h.waitUntil("router refused \(toPetitions)") { try h.rejection(toPetitions, by: "router") != nil }
        XCTAssertEqual(try h.rejection(toPetitions, by: "router"), "forbidden_recipient")
    }
}
