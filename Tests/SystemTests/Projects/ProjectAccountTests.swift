import Departments
import Foundation
@testable import Messages
import Workflow
import XCTest

/// The wage special account (CONTRACT §8.3) and inspections (§8.5) through the real servers.
final class ProjectAccountTests: ProjectSystemTestCase {
    func testFundingBelowTheLabourShareAndStatements() throws {
        let no = newProjectNo()
        try register(registration(no, sector: .transport, contractor: newCode()), as: .transport)
        let period = Month(of: today).previous
        let early = try send(AccountFunded(projectNo: no, period: period, progressPayment: Money(yuan: "100.00")!,
                                           labourAmount: Money(yuan: "30.00")!), as: .bank)
        XCTAssertEqual(try h.waitForRejection(early, by: .hrss), "invalid_state", "funding before the account is opened")
        let opened = try send(AccountOpened(projectNo: no, bankName: "某银行", accountNo: "6217-0001"), as: .bank)
        try applied(opened)
        XCTAssertEqual(try h.value("SELECT array_to_string(recipients, ',') FROM wage.routing_log WHERE message_id = $1", [opened]),
                       "hrss,transport", "the regulator of a transport project is transport")
        XCTAssertEqual(try overview(no, "account_status"), "opened")
        try applied(try send(AccountFunded(projectNo: no, period: period, progressPayment: Money(yuan: "100.00")!,
                                           labourAmount: Money(yuan: "30.00")!), as: .bank))
        XCTAssertEqual(try openWarnings(no), [], "exactly 30% is enough")
        try applied(try send(AccountFunded(projectNo: no, period: period.previous, progressPayment: Money(yuan: "100.00")!,
                                           labourAmount: Money(yuan: "29.99")!), as: .bank))
        XCTAssertEqual(try openWarnings(no), ["labour_share_low@\(period.previous.iso)"])
        XCTAssertEqual(try h.value("SELECT department FROM wage.warnings WHERE project_no = $1", [no]), "transport")
        try applied(try send(AccountStatement(projectNo: no, month: period, inflow: Money(yuan: "30.00")!, outflow: .zero,
                                              balance: Money(yuan: "30.00")!), as: .bank))
        try applied(try send(AccountStatement(projectNo: no, month: period, inflow: Money(yuan: "30.00")!,
                                              outflow: Money(yuan: "12.34")!, balance: Money(yuan: "17.66")!), as: .bank))
        XCTAssertEqual(try h.value("SELECT count(*) || '/' || max(outflow_fen) FROM wage.account_statements WHERE project_no = $1",
                                   [no]), "1/1234", "a second statement of the month replaces the first")
        try h.waitUntil("transport's copy") {
            try h.value("SELECT last_event FROM wage.department_projects WHERE department = 'transport' AND project_no = $1",
                        [no]) == "account_funded"
        }
    }

    func testMisappropriationOpensACaseAtOnce() throws {
        let no = newProjectNo(), code = newCode()
        try register(registration(no, contractor: code))
        try applied(try send(AccountOpened(projectNo: no, bankName: "某银行", accountNo: "6217-0002"), as: .bank))
        try applied(try send(AccountStatement(projectNo: no, month: Month(of: today).previous, inflow: Money(yuan: "900.00")!,
                                              outflow: Money(yuan: "880.00")!, balance: Money(yuan: "20.00")!), as: .bank))
        let insufficient = try send(AccountAlert(projectNo: no, kind: .insufficient), as: .bank)
        try applied(insufficient)
        let alert = try send(AccountAlert(projectNo: no, kind: .misappropriated, detail: "专户资金被转出"), as: .bank)
        try applied(alert)
        XCTAssertEqual(try openWarnings(no), ["account_insufficient", "account_misappropriated"])
        XCTAssertEqual(try h.value("""
            SELECT channel || '|' || clue_ref || '|' || workers_count || '|' || amount_owed || '|' || status || '|' || assignee
            FROM wage.case_overview WHERE project_no = $1
            """, [no]), "bank|\(no)/\(alert)|1|880.00|transferred|housing")
        XCTAssertEqual(try h.value("SELECT employer_credit_code FROM wage.cases WHERE project_no = $1", [no]), code,
                       "the general contractor is the employer")
    }

    func testInspectionFindingsAndTheSweep() throws {
        let no = newProjectNo()
        let permit = today.adding(days: -45)
        try register(registration(no, contractor: newCode(), permit: permit))
        // The sweep as of today: deposit unpaid, no account after 30 days, no inspection after a month.
        try applied(try send(OfficeSweep(asOf: today), as: .hrss))
        XCTAssertEqual(try openWarnings(no), ["account_missing", "deposit_unpaid", "inspection_overdue"])
        try applied(try send(OfficeSweep(asOf: today), as: .hrss))
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.warnings WHERE project_no = $1", [no]), "3", "raised once")
        try applied(try send(InspectionRecorded(projectNo: no, inspectedOn: today, checks: InspectionChecks(
            realName: true, wageClerk: false, noticeBoard: true, specialAccount: true, payroll: true)), as: .housing))
        try applied(try send(DepositPaid(projectNo: no, amount: Money(yuan: "200000.00")!, form: .insurance), as: .hrss))
        try applied(try send(OfficeSweep(asOf: today), as: .hrss))
        XCTAssertEqual(try openWarnings(no), ["account_missing", "inspection_findings"], "the sweep cleared its own kinds")
        XCTAssertEqual(try h.value("""
            SELECT cleared_by FROM wage.warnings WHERE project_no = $1 AND kind = 'inspection_overdue'
            """, [no]), "sweep")
        try applied(try send(ProjectCompleted(projectNo: no, completedOn: today), as: .housing))
        try applied(try send(OfficeSweep(asOf: today), as: .hrss))
        XCTAssertEqual(try openWarnings(no), ["inspection_findings"], "a completed project holds no sweep warning")
    }
}
