import XCTest
import Messages
@testable import Workflow

/// CONTRACT §8.5 and §8.6: the one-month inspection date and each of the sweep's six
/// warning rules, on both sides of its boundary.
final class ProjectWarningRulesTests: XCTestCase {
    let settings = WorkflowSettings.default
    func day(_ s: String) -> Day { Day(iso: s)! }
    func month(_ s: String) -> Month { Month(iso: s)! }

    func project(_ change: (inout ProjectSnapshot) -> Void = { _ in }) -> ProjectSnapshot {
        var p = ProjectSnapshot(projectNo: "P-1", regulator: .housing, permitIssuedOn: day("2026-03-02"),
                                deposit: ProjectDeposit(required: Money(yuan: "100.00")!, balance: Money(yuan: "100.00")!),
                                accountOpenedOn: day("2026-03-05"), statementMonths: [], payrollMonths: [],
                                firstEntry: nil, inspected: true)
        change(&p)
        return p
    }

    func kinds(_ p: ProjectSnapshot, _ asOf: String, open: [WarningKind: Set<Month>] = [:]) -> [String] {
        ProjectWarningRules.evaluate(p, asOf: day(asOf), settings: settings, openPeriods: open)
            .map { $0.kind.rawValue + ($0.period.map { "@" + $0 } ?? "") }
    }

    func testInspectionDateIsOneCalendarMonthClampedToTheMonthsEnd() {
        XCTAssertEqual(ProjectWarningRules.inspectionDue(permitIssuedOn: day("2026-03-02")), day("2026-04-02"))
        XCTAssertEqual(ProjectWarningRules.inspectionDue(permitIssuedOn: day("2026-01-31")), day("2026-02-28"))
        XCTAssertEqual(ProjectWarningRules.inspectionDue(permitIssuedOn: day("2028-01-31")), day("2028-02-29"))
        XCTAssertEqual(ProjectWarningRules.inspectionDue(permitIssuedOn: day("2026-12-15")), day("2027-01-15"))
    }

    func testInspectionOverdue() {
        let p = project { $0.inspected = false }
        XCTAssertFalse(kinds(p, "2026-04-02").contains("inspection_overdue"), "on the one-month date: not yet")
        XCTAssertTrue(kinds(p, "2026-04-03").contains("inspection_overdue"))
        XCTAssertFalse(kinds(project(), "2026-06-01").contains("inspection_overdue"))
    }

    func testDepositUnpaid() {
        let due = project { $0.deposit.balance = Money(yuan: "99.99")! }
        XCTAssertFalse(kinds(due, "2026-03-02").contains("deposit_unpaid"), "on the permit day: not yet")
        XCTAssertTrue(kinds(due, "2026-03-03").contains("deposit_unpaid"))
        XCTAssertFalse(kinds(project(), "2026-03-03").contains("deposit_unpaid"), "paid")
        let exempt = project { $0.deposit = ProjectDeposit(required: .zero) }
        XCTAssertFalse(kinds(exempt, "2026-03-03").contains("deposit_unpaid"))
        let drawn = project { $0.deposit.balance = .zero; $0.deposit.drawn = true }
        XCTAssertFalse(kinds(drawn, "2026-03-03").contains("deposit_unpaid"), "after a draw it is the other kind")
    }

    func testDepositNotReplenished() {
        let p = project { $0.deposit.balance = Money(yuan: "10.00")!; $0.deposit.drawn = true; $0.deposit.replenishBy = day("2026-05-20") }
        XCTAssertFalse(kinds(p, "2026-05-20").contains("deposit_not_replenished"))
        XCTAssertTrue(kinds(p, "2026-05-21").contains("deposit_not_replenished"))
        let back = project { $0.deposit.drawn = true; $0.deposit.replenishBy = nil }
        XCTAssertFalse(kinds(back, "2026-05-21").contains("deposit_not_replenished"))
    }

    func testAccountMissing() {
        let p = project { $0.accountOpenedOn = nil }
        XCTAssertFalse(kinds(p, "2026-03-31").contains("account_missing"), "permit + 29 days")
        XCTAssertTrue(kinds(p, "2026-04-01").contains("account_missing"), "permit + 30 days")
        XCTAssertFalse(kinds(project(), "2026-04-01").contains("account_missing"))
    }

    func testStatementMissingForTheLastMonth() {
        let p = project()
        XCTAssertFalse(kinds(p, "2026-04-10").contains("statement_missing@2026-03"), "on the 10th: not yet")
        XCTAssertTrue(kinds(p, "2026-04-11").contains("statement_missing@2026-03"))
        XCTAssertFalse(kinds(project { $0.statementMonths = [self.month("2026-03")] }, "2026-04-11").contains("statement_missing@2026-03"))
        let openedLate = project { $0.accountOpenedOn = self.day("2026-04-01") }
        XCTAssertFalse(kinds(openedLate, "2026-04-11").contains("statement_missing@2026-03"), "opened after that month")
        // An open warning of an earlier month stays until that month's statement arrives.
        XCTAssertEqual(kinds(p, "2026-05-02", open: [.statementMissing: [month("2026-03")]]).filter { $0.hasPrefix("statement") },
                       ["statement_missing@2026-03"], "May 2: April's is not due yet, March's still missing")
    }

    func testPayrollMissing() {
        let p = project { $0.firstEntry = self.day("2026-03-31") }
        XCTAssertFalse(kinds(p, "2026-04-15").contains("payroll_missing@2026-03"), "on the 15th: not yet")
        XCTAssertTrue(kinds(p, "2026-04-16").contains("payroll_missing@2026-03"))
        XCTAssertFalse(kinds(project { $0.firstEntry = self.day("2026-04-01") }, "2026-04-16").contains("payroll_missing@2026-03"),
                       "nobody on the roster in March")
        XCTAssertFalse(kinds(project { $0.firstEntry = self.day("2026-03-01"); $0.payrollMonths = [self.month("2026-03")] },
                             "2026-04-16").contains("payroll_missing@2026-03"))
        XCTAssertFalse(kinds(project(), "2026-04-16").contains { $0.hasPrefix("payroll_missing") }, "empty roster")
    }

    func testDueDaysComeFromConfiguration() throws {
        var s = settings
        try s.set(.payrollDueDay, "20")
        let p = project { $0.firstEntry = self.day("2026-03-01") }
        XCTAssertFalse(ProjectWarningRules.evaluate(p, asOf: day("2026-04-20"), settings: s).contains { $0.kind == .payrollMissing })
        XCTAssertTrue(ProjectWarningRules.evaluate(p, asOf: day("2026-04-21"), settings: s).contains { $0.kind == .payrollMissing })
    }

    func testWarningsGoToTheRegulator() {
        let p = project { $0.regulator = .water; $0.inspected = false }
        XCTAssertEqual(Set(ProjectWarningRules.evaluate(p, asOf: day("2026-06-01"), settings: settings).map(\.department)), [.water])
    }
}
