import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// `wage.credit_check` (CONTRACT §9, the bid check 招投标): the cases of the last 3
/// years as employer or as general contractor of a linked project, unfounded left
/// out, and the unpaid amount still open.
final class CreditCheckTests: CreditSystemTestCase {
    /// A project whose general contractor is `contractor`, registered as the office would.
    func insertProject(contractor: String) throws -> String {
        let projectNo = Harness.newID("PRJ")
        _ = try h.rows("""
            INSERT INTO wage.projects (project_no, name, sector, regulator, builder_name, builder_credit_code,
                                       contractor_name, contractor_credit_code, contract_amount_fen, permit_issued_on,
                                       registered_on, deposit_rate, deposit_basis, deposit_required_fen)
            VALUES ($1, '安置房三期', 'construction', 'housing', '某城投公司', '91500000MA00000000',
                    '某建工集团有限公司', $2, 10000000000, current_date, current_date, '2.00', 'new', 200000000)
            """, [projectNo, contractor])
        return projectNo
    }

    func testCasesOfTheLastThreeYearsAsEmployerOrGeneralContractor() throws {
        let code = newCode()
        let project = try insertProject(contractor: code)
        try insertCase(employer: code, amountFen: 10_000_00)                       // open, counts
        try insertCase(employer: newCode(), amountFen: 20_000_00, projectNo: project) // as general contractor
        try insertCase(employer: code, amountFen: 40_000_00, projectNo: project)   // both capacities: once
        let paid = try insertCase(employer: code, amountFen: 80_000_00)
        try settle(paid, status: "closed")                                          // counts, not unpaid
        let unfounded = try insertCase(employer: code, amountFen: 160_000_00)
        try settle(unfounded, status: "resolved", disposition: "unfounded")         // left out
        try insertCase(employer: code, amountFen: 320_000_00, openedDaysAgo: 3 * 366 + 2)  // too old
        try insertCase(employer: newCode(), amountFen: 640_000_00)                 // someone else

        XCTAssertEqual(try check(code, "cases_3y"), "4")
        XCTAssertEqual(try check(code, "unpaid_3y"), "70000.00")
        XCTAssertEqual(try check(code, "open_cases_3y"), "3")
        XCTAssertEqual(try check(code, "listed"), "false")
        XCTAssertNil(try check(code, "listed_until"))
        XCTAssertEqual(try check(code, "name"), "某建筑劳务有限公司")
        XCTAssertEqual(try check(code, "active_projects"), "1")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.credit_check WHERE credit_code = $1", [code]), "1")
    }

    func testTheThreeYearsAreCalendarYears() throws {
        let code = newCode()
        // Opened at the start of the day exactly 3 years ago (§7.8): still within.
        let edge = try insertCase(employer: code)
        let threeYearsAgo = CalendarPeriod.adding(years: -3, to: today)
        _ = try h.rows("UPDATE wage.cases SET opened_at = ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' WHERE case_id = $1::uuid",
                       [edge, threeYearsAgo.iso])
        XCTAssertEqual(try check(code, "cases_3y"), "1")
        _ = try h.rows("UPDATE wage.cases SET opened_at = ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' WHERE case_id = $1::uuid",
                       [edge, threeYearsAgo.adding(days: -1).iso])
        XCTAssertEqual(try check(code, "cases_3y"), "0", "a day more than 3 years ago")
        XCTAssertEqual(try check(code, "unpaid_3y"), "0.00")
    }

    func testAListedCodeShowsItsListingAndACodeWithNothingHasNoRow() throws {
        let code = newCode()
        let caseID = try caseShowingTheCondition(code)
        let id = try list(listBody(code, basis: [caseID]))
        try waitApplied(id)
        XCTAssertEqual(try check(code, "listed"), "true")
        XCTAssertEqual(try check(code, "listed_until"), CalendarPeriod.adding(years: 3, to: today).iso)
        XCTAssertEqual(try check(code, "cases_3y"), "1")
        XCTAssertEqual(try check(code, "unpaid_3y"), "80000.00")
        XCTAssertNil(try check(newCode(), "listed"), "a code the system has never seen has no row")
    }
}
