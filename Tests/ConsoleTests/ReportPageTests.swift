import Messages
import XCTest
@testable import Console

/// 月度报表 in the console (no servers): who may open it, and the page around the report.
final class ConsoleReportPageTests: XCTestCase {
    func testTheOfficeAndTheGovernmentApproverMayReadItOthersMayNot() {
        XCTAssertTrue(ReportAccess.allows(department: .hrss, roles: ["clerk"]))
        XCTAssertTrue(ReportAccess.allows(department: .government, roles: ["approver"]))
        XCTAssertFalse(ReportAccess.allows(department: .government, roles: ["clerk"]))
        for other in Principal.allCases where other != .hrss && other != .government {
            XCTAssertFalse(ReportAccess.allows(department: other, roles: ["clerk", "head", "approver"]), other.rawValue)
        }
    }

    func testTheNavigationLinksTheReportOnlyForThoseAllowed() {
        let allowed = Templates.render("message", ["person": ["login": "lq", "may_report": true], "heading": "x"])
        XCTAssertTrue(allowed.contains("href=\"/reports/monthly\""))
        let refused = Templates.render("message", ["person": ["login": "zw", "may_report": false], "heading": "x"])
        XCTAssertFalse(refused.contains("/reports/monthly"))
    }

    func testThePageEmbedsTheReportUnescapedAndTheMonthEscaped() {
        let page = Templates.render("report_monthly", ["month": "2026-11", "issuer": "某<办>", "heading": "h",
                                                        "body": "<svg><title>图</title></svg>"])
        XCTAssertTrue(page.contains("<div class=\"report\" id=\"report\"><svg><title>图</title></svg></div>"))
        XCTAssertTrue(page.contains("某&lt;办&gt;") && page.contains("/reports/monthly.csv?month=2026-11"))
        XCTAssertEqual(ReportRoutes.previousMonth(of: Day(iso: "2026-01-15")!), "2025-12")
    }
}
