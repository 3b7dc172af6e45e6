import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// Registration, the deposit decision from the contractor's history, the deposit's
/// movements and completion, through the real router, worker-hrss and the
/// regulators' workers (CONTRACT §8.1, §8.2, §9).
final class ProjectLedgerTests: ProjectSystemTestCase {
    func testANewcomerIsRegisteredAtTheBaseRateAndTheRegulatorKeepsItsCopy() throws {
        let no = newProjectNo(), code = newCode()
        let id = try register(registration(no, contractor: code, amount: "12345678.90"))
        XCTAssertEqual(try overview(no, "regulator"), "housing")
        XCTAssertEqual(try overview(no, "status"), "active")
        XCTAssertEqual(try overview(no, "deposit_rate"), "2.00")
        XCTAssertEqual(try overview(no, "deposit_basis"), "new")
        XCTAssertEqual(try overview(no, "deposit_required"), "246913.58", "2% rounded half up to the fen")
        XCTAssertEqual(try overview(no, "deposit_balance"), "0.00")
        XCTAssertEqual(try overview(no, "deposit_status"), "due")
        XCTAssertEqual(try overview(no, "account_status"), "none")
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [id]),
                       "housing,hrss")
        try h.waitUntil("housing's copy") {
            try h.value("SELECT status FROM wage.department_projects WHERE department = 'housing' AND project_no = $1", [no]) == "active"
        }
        XCTAssertEqual(try projectTimeline(no), ["hrss:registered", "housing:registered"])
        let detail = try XCTUnwrap(h.value(
            "SELECT detail::text FROM wage.project_timeline WHERE project_no = $1 AND department = 'hrss'", [no]))
        XCTAssertTrue(detail.contains("deposit.base_rate"), "the configuration in force is recorded: \(detail)")
    }

    func testTheLadderReadsLastYearsCasesAndTheCleanStreak() throws {
        let y = today.year
        // Three counted cases last year (one as employer, two on its linked projects); an unfounded one does not count.
        let many = newCode()
        try insertCase(employer: many, openedAt: "\(y - 1)-03-01T10:00:00+08")
        try insertProject(contractor: many, permit: "\(y - 1)-02-01")
        let linked = try XCTUnwrap(h.value("SELECT project_no FROM wage.projects WHERE contractor_credit_code = $1", [many]))
        try insertCase(employer: nil, openedAt: "\(y - 1)-05-01T10:00:00+08", projectNo: linked)
        try insertCase(employer: newCode(), openedAt: "\(y - 1)-06-01T10:00:00+08", projectNo: linked)
        try insertCase(employer: many, openedAt: "\(y - 1)-07-01T10:00:00+08", disposition: "unfounded")
        let a = newProjectNo()
        try register(registration(a, contractor: many))
        XCTAssertEqual([try overview(a, "deposit_rate"), try overview(a, "deposit_basis")], ["3.00", "cases:3"])

        // Two clean years with projects: 40% of the base rate.
        let clean = newCode()
        try insertProject(contractor: clean, permit: "\(y - 1)-04-01")
        try insertProject(contractor: clean, permit: "\(y - 2)-04-01")
        try insertCase(employer: clean, openedAt: "\(y - 3)-04-01T10:00:00+08")
        let b = newProjectNo()
        try register(registration(b, contractor: clean))
        XCTAssertEqual([try overview(b, "deposit_rate"), try overview(b, "deposit_basis"), try overview(b, "deposit_required")],
                       ["0.80", "clean:2", "80000.00"])

        // Three clean years: exempt.
        let exempt = newCode()
        for back in 1...3 { try insertProject(contractor: exempt, permit: "\(y - back)-04-01") }
        let c = newProjectNo()
        try register(registration(c, contractor: exempt))
        XCTAssertEqual([try overview(c, "deposit_rate"), try overview(c, "deposit_status")], ["0.00", "exempt"])
    }

    func testAListedContractorPaysThreePercentAndRaisesAWarning() throws {
        let code = newCode()
        for back in 1...3 { try insertProject(contractor: code, permit: "\(today.year - back)-04-01") }
        let basis = try insertCase(employer: code, openedAt: "\(today.year - 4)-04-01T10:00:00+08")
        _ = try h.rows("""
            INSERT INTO wage.credit_listings (credit_code, name, basis, decided_on, listed_until, message_id)
            VALUES ($1, '某建工', ARRAY[$3::uuid], current_date - 10, current_date + 1000, $2)
            """, [code, Harness.newID("listing"), basis])
        let no = newProjectNo()
        try register(registration(no, contractor: code))
        XCTAssertEqual([try overview(no, "deposit_rate"), try overview(no, "deposit_basis")], ["3.00", "blacklist"])
        XCTAssertEqual(try h.value(
            "SELECT credit_code || '/' || department FROM wage.warnings WHERE kind = 'contractor_blacklisted' AND project_no = $1",
            [no]), "\(code)/housing")
    }

    func testDepositMovementsAndRelease() throws {
        let no = newProjectNo()
        try register(registration(no, contractor: newCode(), amount: "1000000.00"))  // 20,000.00 required
        try applied(try send(DepositPaid(projectNo: no, amount: Money(yuan: "20000.00")!, form: .cash), as: .hrss))
        XCTAssertEqual(try overview(no, "deposit_status"), "paid")
        let caseID = try insertCase(employer: newCode(), openedAt: "now", projectNo: no, status: "accepted")
        let beyond = try send(DepositDrawn(projectNo: no, amount: Money(yuan: "20000.01")!, caseID: caseID), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(beyond, by: .hrss), "invalid_state")
        let unknownCase = try send(DepositDrawn(projectNo: no, amount: Money(yuan: "1.00")!, caseID: UUID().uuidString), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(unknownCase, by: .hrss), "unknown_case")
        try applied(try send(DepositDrawn(projectNo: no, amount: Money(yuan: "5000.00")!, caseID: caseID), as: .hrss))
        XCTAssertEqual(try overview(no, "deposit_status"), "drawn")
        XCTAssertEqual(try overview(no, "deposit_balance"), "15000.00")
        XCTAssertEqual(try overview(no, "replenish_by"), WorkingCalendarProbe.nth(15, after: today, h: h),
                       "the 15th working day after the day applied")
        // Not completed, then an open linked case: no release.
        let early = try send(DepositReleased(projectNo: no), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(early, by: .hrss), "invalid_state")
        try applied(try send(ProjectCompleted(projectNo: no, completedOn: today), as: .housing))
        XCTAssertEqual(try overview(no, "status"), "completed")
        let stillOpen = try send(DepositReleased(projectNo: no), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(stillOpen, by: .hrss), "invalid_state")
        _ = try h.rows("UPDATE wage.cases SET status = 'closed', resolved_at = now(), closed_at = now() WHERE case_id = $1::uuid",
                       [caseID])
        try applied(try send(DepositReleased(projectNo: no, note: "完工退还"), as: .hrss))
        XCTAssertEqual([try overview(no, "deposit_status"), try overview(no, "deposit_balance")], ["released", "0.00"])
        // The regulator saw the draw and the release, never the refused draw.
        try h.waitUntil("housing's copy of the release") {
            try h.value("SELECT last_event FROM wage.department_projects WHERE department = 'housing' AND project_no = $1",
                        [no]) == "deposit_released"
        }
        XCTAssertEqual(try projectTimeline(no).filter { $0.hasPrefix("housing:") },
                       ["housing:registered", "housing:deposit_drawn", "housing:completed", "housing:deposit_released"])
    }

    func testRefusals() throws {
        let no = newProjectNo(), code = newCode()
        try register(registration(no, contractor: code))
        let again = try send(registration(no, contractor: code), as: .housing)
        XCTAssertEqual(try h.waitForRejection(again, by: .hrss), "invalid_state", "a second registration")
        let wrongRegulator = try send(ProjectCompleted(projectNo: no, completedOn: today), as: .transport)
        XCTAssertEqual(try h.waitForRejection(wrongRegulator, by: .router), "forbidden_sender")
        // A project number libpq cannot even send (U+0000) is refused by the schema and
        // does not stall the router (it used to retry its batch for ever).
        let nul = try send(DepositPaid(projectNo: "P-\u{0}-1", amount: Money(yuan: "1.00")!, form: .cash), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(nul, by: .router), "schema:project_no")
        let unknown = try send(DepositPaid(projectNo: newProjectNo(), amount: Money(yuan: "1.00")!, form: .cash), as: .hrss)
        XCTAssertEqual(try h.waitForRejection(unknown, by: .router), "unknown_project")
        let statement = try send(AccountStatement(projectNo: no, month: Month(of: today), inflow: .zero, outflow: .zero,
                                                  balance: .zero), as: .bank)
        XCTAssertEqual(try h.waitForRejection(statement, by: .hrss), "invalid_state", "a statement before the account")
        let byPolice = try send(registration(newProjectNo(), contractor: code), as: .police)
        XCTAssertEqual(try h.waitForRejection(byPolice, by: .router), "forbidden_sender")
        var body = registration(newProjectNo(), contractor: code).json
        if case .object(var o) = body { o["sector"] = "services"; body = .object(o) }
        let sectorID = Harness.newID("sector")
        try h.publish(as: .bank, "project.register", body, id: sectorID)
        XCTAssertEqual(try h.waitForRejection(sectorID, by: .router), "schema:sector", "the sector first, whoever sends it")
    }
}

/// The n-th working day after a day, as the database's calendar says (what the worker uses).
enum WorkingCalendarProbe {
    static func nth(_ n: Int, after day: Day, h: Harness) -> String? {
        let rows = (try? h.rows("SELECT day::text AS d, is_workday FROM wage.calendar WHERE day > $1::date AND day <= $1::date + 60",
                                [day.iso])) ?? []
        var overrides: [Day: Bool] = [:]
        for row in rows {
            if let d = try? row.string("d"), let day = Day(iso: d), let w = try? row.bool("is_workday") { overrides[day] = w }
        }
        return WorkingCalendar(overrides: overrides).nthWorkingDay(after: day, n: n).iso
    }
}
