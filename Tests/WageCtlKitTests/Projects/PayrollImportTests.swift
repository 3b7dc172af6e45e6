@testable import Messages
@testable import WageCtlKit
import XCTest

/// `payroll import`: one `payroll.submitted` per project + month + subcontractor,
/// sent whole or not at all, with refusals mapped back to CSV lines.
final class PayrollImportTests: XCTestCase {
    let today = Day(year: 2026, month: 5, day: 10)!
    static let header = PayrollImport.columns.joined(separator: ",")

    func row(_ worker: String, project: String = "P-1", month: String = "2026-04", sub: String = "某劳务有限公司",
             code: String = "91500000MA5U333333", days: String = "22", gross: String = "6600.00",
             paid: String = "6600.00", confirmed: String = "true", via: String = "true") -> String {
        [project, month, sub, code, worker, days, gross, paid, confirmed, via].joined(separator: ",")
    }

    func plan(_ rows: [String], maxLines: Int = PayrollSubmitted.maxLines) throws -> ImportPlan {
        let text = ([Self.header] + rows).joined(separator: "\r\n") + "\r\n"
        let table = try CSVTable.parse(text, required: PayrollImport.required, known: PayrollImport.columns).table
        return PayrollImport.plan(table, today: today, maxLines: maxLines)
    }

    func testRowsAreGroupedByProjectMonthAndSubcontractor() throws {
        let plan = try plan([
            row("W-1"), row("W-1", month: "2026-03"), row("W-2", paid: "0.00"),
            row("W-3", sub: "个体班组 张三", code: "", confirmed: "否"), row("W-1", project: "P-2"), row("W-4", sub: "某劳务 (改名)", code: ""),
        ])
        XCTAssertEqual(plan.refusals, [])
        XCTAssertEqual(plan.batches.map(\.label), [
            "P-1/2026-04/91500000MA5U333333 (2 lines)", "P-1/2026-03/91500000MA5U333333 (1 lines)",
            "P-1/2026-04/个体班组 张三 (1 lines)", "P-2/2026-04/91500000MA5U333333 (1 lines)", "P-1/2026-04/某劳务 (改名) (1 lines)",
        ])
        XCTAssertEqual(plan.batches[0].lines, [2, 4])
        let first = try PayrollSubmitted(body: plan.batches[0].body)
        XCTAssertEqual(first.lines.map(\.workerID), ["W-1", "W-2"])
        XCTAssertEqual(first.lines[1].unpaid, Money(fen: 660_000))
        XCTAssertEqual(first.subcontractor, Employer(name: "某劳务有限公司", creditCode: "91500000MA5U333333"))
        let byName = try PayrollSubmitted(body: plan.batches[2].body)
        XCTAssertNil(byName.subcontractor.creditCode)
        XCTAssertFalse(byName.confirmedByWorkers)
        for batch in plan.batches { XCTAssertNil(PayrollSubmitted.validate(batch.body, today: today)) }
        XCTAssertTrue(plan.batches[0].messageID.hasPrefix("payroll.submitted/P-1/2026-04/91500000MA5U333333/"))
    }

    func testABadRowRefusesItsWholePayrollOnly() throws {
        let plan = try plan([row("W-1"), row("W-2", gross: "100.00", paid: "100.01"), row("W-1", month: "2026-03")])
        XCTAssertEqual(plan.batches.map(\.lines), [[4]])
        XCTAssertEqual(plan.refusals.map(\.reason), ["schema:paid", "refused_rows"])
        XCTAssertEqual(plan.refusals[0].lines, [3])
        XCTAssertEqual(plan.refusals[1].lines, [2, 3])
    }

    func testCatalogueProblemsAreMappedBackToTheirLine() throws {
        let days = try plan([row("W-1"), row("W-2", days: "32")])
        XCTAssertEqual(days.refusals.first?.lines, [3])
        XCTAssertEqual(days.refusals.first?.reason, "schema:days")
        XCTAssertEqual(days.refusals.first?.path, "lines[1].days")
        XCTAssertEqual(days.refusals.last?.reason, "refused_rows")
        XCTAssertEqual(days.batches, [])

        let twice = try plan([row("W-1"), row("W-2"), row("W-1")])
        XCTAssertEqual(twice.refusals.first?.lines, [4], "the second line of the worker")
        XCTAssertEqual(twice.refusals.first?.reason, "schema:worker_id")
    }

    func testRowsOfOnePayrollMustAgree() throws {
        let plan = try plan([row("W-1"), row("W-2", via: "false")])
        XCTAssertEqual(plan.refusals.first?.reason, "schema:via_special_account")
        XCTAssertEqual(plan.refusals.first?.lines, [3])
        XCTAssertTrue(plan.refusals.first?.detail.contains("line 2") == true)
        XCTAssertEqual(plan.batches, [])
    }

    func testMoreLinesThanAPayrollHoldsRefusesTheGroup() throws {
        let plan = try plan((1...4).map { row("W-\($0)") } + [row("W-1", project: "P-2")], maxLines: 3)
        XCTAssertEqual(plan.refusals.map(\.reason), ["schema:lines"])
        XCTAssertEqual(plan.refusals[0].lines, [2, 3, 4, 5])
        XCTAssertEqual(plan.batches.count, 1)
        XCTAssertEqual(PayrollSubmitted.maxLines, 2000)
    }

    func testTheRealLimitIs2000Lines() throws {
        let plan = try plan((1...2001).map { row("W-\($0)") } + (1...2000).map { row("W-\($0)", project: "P-2") })
        XCTAssertEqual(plan.refusals.map(\.reason), ["schema:lines"])
        XCTAssertEqual(plan.batches.map(\.lines.count), [2000])
        XCTAssertNil(PayrollSubmitted.validate(plan.batches[0].body, today: today))
    }
}
