import Foundation
@testable import Messages
import WageCtlKit
import XCTest

/// `wagectl project list|show` and `warnings list|clear` against the real database,
/// on rows inserted as admin (no department worker runs).
final class ProjectWageCtlTests: XCTestCase {
    var h: Harness!
    var fx: ProjectWageCtlFixtures!

    override func setUp() async throws {
        h = try Harness()
        fx = ProjectWageCtlFixtures(h: h)
    }

    override func tearDown() async throws { await h.shutdown() }

    func numbers(_ run: WageCtlRun) throws -> [String] {
        try run.json().arrayValue?.compactMap { $0["project_no"]?.stringValue } ?? []
    }

    func testARegulatorListsItsOwnProjectsAndTheOfficeFilters() throws {
        let mine = try fx.project()
        let water = try fx.project(sector: "water", regulator: "water", requiredFen: 0)
        let housing = try numbers(h.wagectl(["--as", "housing", "project", "list", "--limit", "100000", "--json"]))
        XCTAssertTrue(housing.contains(mine))
        XCTAssertFalse(housing.contains(water), "housing sees its own projects only")
        let byOffice = try numbers(h.wagectl(["--as", "hrss", "project", "list", "--department", "water", "--limit", "100000", "--json"]))
        XCTAssertTrue(byOffice.contains(water) && !byOffice.contains(mine))
        let exempt = try h.wagectl(["--as", "police", "project", "list", "--sector", "water", "--deposit", "exempt",
                                    "--limit", "100000", "--json"]).json()
        XCTAssertEqual(exempt.arrayValue?.first { $0["project_no"] == .string(water) }?["deposit_status"], "exempt")
        let other = h.wagectl(["--as", "housing", "project", "list", "--regulator", "water"])
        XCTAssertEqual(other.status, 4, other.errors)
        let table = h.wagectl(["--as", "hrss", "project", "list", "--regulator", "housing", "--limit", "100000"])
        XCTAssertTrue(table.output.hasPrefix("PROJECT NO"), table.output)
    }

    func testShowHasTheLedgerRosterCountsPayrollsOpenWarningsAndTimeline() throws {
        let no = try fx.project(balanceFen: 10_000_000)
        try fx.worker(no, "W-1", name: "王强", signed: true)
        try fx.worker(no, "W-2", name: "欧阳娜娜", signed: false)
        try fx.payroll(no, month: "2026-03", grossFen: 1_440_000, paidFen: 1_440_000)
        try fx.payroll(no, month: "2026-04", grossFen: 1_440_000, paidFen: 780_000)
        let opened = try h.insertCase(clueRef: "\(no)/2026-04/91500000MA5U333333")
        _ = try h.rows("UPDATE wage.payrolls SET case_id = $1::uuid WHERE project_no = $2 AND month = '2026-04'", [opened.id, no])
        try fx.event(no, "housing", "registered", actor: "zhang")
        try fx.event(no, "hrss", "deposit_decided", detail: #"{"rate":"2.00"}"#)
        try fx.warning("no_contract", project: no)
        try fx.warning("deposit_unpaid", project: no, cleared: true)

        let json = try h.wagectl(["--as", "housing", "project", "show", no, "--json"]).json()
        XCTAssertEqual(json["project"]?["roster_size"], 2)
        XCTAssertEqual(json["project"]?["deposit_status"], "due")
        XCTAssertEqual(json["project"]?["deposit_balance"], "100000.00")
        XCTAssertEqual(json["project"]?["open_warnings"], 1)
        XCTAssertEqual(json["roster"]?["workers"], 2)
        XCTAssertEqual(json["roster"]?["without_contract"], 1)
        XCTAssertEqual(json["payrolls"]?.arrayValue?.map { $0["month"] }, ["2026-04", "2026-03"])
        XCTAssertEqual(json["payrolls"]?.arrayValue?.first?["unpaid_total"], "6600.00")
        XCTAssertEqual(json["payrolls"]?.arrayValue?.first?["case_no"]?.stringValue, opened.no, "the case the unpaid wages opened")
        XCTAssertEqual(json["payrolls"]?.arrayValue?.last?["case_no"], .null)
        XCTAssertEqual(json["open_warnings"]?.arrayValue?.map { $0["kind"] }, ["no_contract"])
        XCTAssertEqual(json["timeline"]?.arrayValue?.map { $0["event"] }, ["registered", "deposit_decided"])
        XCTAssertEqual(json["timeline"]?.arrayValue?.first?["actor"], "zhang")
        XCTAssertNil(json["roster_workers"], "the workers only with --workers")

        let byOffice = try h.wagectl(["--as", "hrss", "project", "show", no, "--workers", "--json"]).json()
        XCTAssertEqual(byOffice["roster_workers"]?.arrayValue?.map { $0["name"] }, ["王*", "欧***"], "names masked even for hrss")
        let byHousing = try h.wagectl(["--as", "housing", "project", "show", no, "--workers", "--json"]).json()
        XCTAssertEqual(byHousing["roster_workers"]?.arrayValue?.count, 2)
        XCTAssertNil(byHousing["roster_workers"]?.arrayValue?.first?["name"], "names are hrss-only")

        let screen = h.wagectl(["--as", "hrss", "project", "show", no, "--workers"])
        XCTAssertNil(screen.error, screen.errors)
        XCTAssertTrue(screen.output.contains("real-name roster") && screen.output.contains("deposit_decided"), screen.output)
        XCTAssertFalse(screen.output.contains("欧阳娜娜") || screen.output.contains("500101199001011234"), screen.output)
        XCTAssertEqual(h.wagectl(["--as", "water", "project", "show", no]).status, 4, "another regulator's project")
        XCTAssertEqual(h.wagectl(["--as", "hrss", "project", "show", "P-none-\(UUID().uuidString)"]).status, 6)
    }

    func testWarningsListFiltersAndClearIsAuditedOnce() throws {
        let no = try fx.project()
        let irregular = try fx.warning("payroll_irregular", project: no, period: "2026-04")
        let overdue = try fx.warning("inspection_overdue", project: no)
        try fx.warning("deposit_unpaid", project: no, cleared: true)
        let code = "91500000" + UUID().uuidString.prefix(10).uppercased()
        let listed = try fx.warning("contractor_blacklisted", project: nil, creditCode: code, department: "hrss")
        func ids(_ args: [String]) throws -> [String] {
            try h.wagectl(["--as", "transport", "warnings", "list", "--json", "--limit", "100000"] + args).json()
                .arrayValue?.compactMap { $0["warning_id"].map(\.serialized) } ?? []
        }
        XCTAssertEqual(try ids(["--project", no]).count, 3)
        XCTAssertEqual(Set(try ids(["--project", no, "--open"])), [irregular, overdue])
        XCTAssertEqual(try ids(["--project", no, "--cleared"]).count, 1)
        XCTAssertEqual(try ids(["--project", no, "--kind", "payroll_irregular"]), [irregular])
        XCTAssertTrue(try ids(["--department", "hrss", "--kind", "contractor_blacklisted"]).contains(listed))
        XCTAssertFalse(try ids(["--department", "housing", "--kind", "contractor_blacklisted"]).contains(listed))
        XCTAssertEqual(h.wagectl(["--as", "hrss", "warnings", "list", "--open", "--cleared"]).status, 2)

        let cleared = h.wagectl(["--as", "admin", "warnings", "clear", irregular, "--note", "已整改，补签工资表", "--operator", "li.si", "--json"])
        XCTAssertEqual(cleared.status, 0, cleared.output + cleared.errors)
        XCTAssertEqual(try cleared.json()["cleared_by"], "li.si")
        XCTAssertEqual(try h.value("SELECT clear_note FROM wage.warnings WHERE warning_id = $1", [irregular]), "已整改，补签工资表")
        XCTAssertEqual(try h.value("SELECT count(*) FROM wage.operator_audit WHERE action = 'warnings.clear' AND subject = $1 AND operator = 'li.si'",
                                   [irregular]), "1")
        XCTAssertEqual(h.wagectl(["--as", "admin", "warnings", "clear", irregular, "--note", "again"]).status, 7)
        XCTAssertEqual(h.wagectl(["--as", "admin", "warnings", "clear", "999999999", "--note", "x"]).status, 6)
        let sweepKind = h.wagectl(["--as", "admin", "warnings", "clear", overdue, "--note", "已巡查"])
        XCTAssertEqual(sweepKind.status, 0, sweepKind.errors)
        XCTAssertTrue(sweepKind.errors.contains("sweep kind"), sweepKind.errors)
    }
}
