import Duties
import Messages
import XCTest
@testable import Console

/// The project, warning and supervision pages' pieces (no servers): the CSV export,
/// the inspection act's payload, masking and paging.
final class ConsoleProjectPagesTests: XCTestCase {
    func testCSVHasABOMQuotedFieldsAndNoFormulas() {
        let text = CSVExport.text(header: ["项目编号", "名称"], rows: [["P-1", "某\"大桥\"工程"], ["=1+1", "@x"]])
        XCTAssertTrue(text.hasPrefix("\u{FEFF}\"项目编号\",\"名称\"\r\n"))
        XCTAssertTrue(text.contains("\"P-1\",\"某\"\"大桥\"\"工程\"\r\n"))
        XCTAssertTrue(text.contains("\"'=1+1\",\"'@x\"\r\n"), text)
        XCTAssertTrue(Array(text.utf8).starts(with: [0xEF, 0xBB, 0xBF]))
    }

    func testEveryListHasAChineseCSVHeader() {
        for header in [ProjectRow.csvHeader, WarningRow.csvHeader, SupervisionRoutes.csvHeader, CaseRoutes.csvHeader] {
            XCTAssertFalse(header.isEmpty)
            XCTAssertTrue(CSVExport.text(header: header, rows: []).hasPrefix("\u{FEFF}\""))
        }
    }

    func testInspectionPayloadPassesTheRoutersSchema() throws {
        let form = Form(encoded: "inspected_on=2026-03-20&real_name=on&wage_clerk=on&payroll=on&workers_sampled=12&findings=%E5%91%8A%E7%A4%BA%E7%89%8C")
        guard case .success(let body) = InspectionAct.payload(form, projectNo: "P-2026-001") else { return XCTFail() }
        XCTAssertNil(MessageSchemas.validate(type: .inspectionRecorded, body: body, today: .shanghaiToday()))
        XCTAssertEqual(body["project_no"], .string("P-2026-001"))
        // An unchecked box is a measure not found in place.
        XCTAssertEqual(body["checks"]?["notice_board"], .bool(false))
        XCTAssertEqual(body["checks"]?["real_name"], .bool(true))
        XCTAssertEqual(body["findings"], .string("告示牌"))
    }

    func testInspectionFieldsThatCannotBeBuiltAreRefusedLocally() {
        guard case .failure(.schema("inspected_on")) = InspectionAct.payload(Form(encoded: "inspected_on=yesterday"),
                                                                            projectNo: "P") else { return XCTFail() }
        guard case .failure(.schema("workers_sampled")) = InspectionAct.payload(
            Form(encoded: "inspected_on=2026-03-20&workers_sampled=-1"), projectNo: "P") else { return XCTFail() }
    }

    func testWorkerNamesAreMasked() {
        XCTAssertEqual(ProjectLabels.maskName("张三"), "张*")
        XCTAssertEqual(ProjectLabels.maskName("欧阳小明"), "欧***")
        XCTAssertEqual(ProjectLabels.maskName("王"), "王*")
    }

    func testPagingKeepsTheFilters() {
        XCTAssertEqual(Paging.query([("kind", "no_contract"), ("department", ""), ("no", "P 1/2")]), "kind=no_contract&no=P%201%2F2")
        XCTAssertEqual(Paging.query([("q", "大桥")]), "q=%E5%A4%A7%E6%A1%A5")
    }

    func testAnotherDepartmentSeesNoWorkerNames() {
        var ctx: [String: Any] = ["project_no": "P-1", "roster_names": false, "roster": [["name": "张*"]], "checks": []]
        let page = Templates.render("project", ctx)
        XCTAssertTrue(page.contains("仅人社局可见"))
        XCTAssertFalse(page.contains("张*"))
        ctx["roster_names"] = true
        XCTAssertTrue(Templates.render("project", ctx).contains("张*"))
    }

    func testWarningKindsAreAllNamedInChinese() {
        for kind in ["labour_share_low", "no_contract", "deposit_unpaid", "inspection_overdue", "payroll_missing"] {
            XCTAssertNotNil(ProjectLabels.warningKinds[kind], kind)
        }
    }
}
