import Messages
@testable import Reports
import Workflow
import XCTest

/// The monthly report's renderers in both languages (no database: a report value).
final class MonthlyReportRenderingTests: XCTestCase {
    static func sample(compiledBy: String = "hrss", fund: Bool = true) -> MonthlyReport {
        let (first, end) = MonthlyReport.bounds(of: "2026-11")!
        var housing = MonthlyReport.Department(code: "housing")
        housing.received = 4; housing.resolved = 3; housing.resolvedOnTime = 2; housing.closed = 1; housing.overdue = 1
        housing.recovered = Money(fen: 256_000_00)
        var market = MonthlyReport.Department(code: "market")
        market.received = 1
        var r = MonthlyReport(month: "2026-11", firstDay: first, endDay: end, asOf: end.adding(days: -1),
                              compiledBy: compiledBy, departments: [housing, market])
        if fund { r.fund = .init(requests: 2, rejected: 1, advanced: Money(fen: 40000), recovered: Money(fen: 10000)) }
        r.petitions = .init(received: 5, wageRelated: 4, collective: 1)
        r.dispositions = CaseDisposition.allCases.map { ($0, $0 == .mediated ? 2 : 0) }
        return r
    }

    func testTheChineseTableUsesTheNamesStaffUse() {
        let lines = Self.sample().textLines(.zh)
        XCTAssertEqual(lines[0], "2026年11月根治欠薪工作月度报表（信息互通制度）：2026-11-01 至 2026-11-30，超期截至 2026-11-30，编制：人社局")
        XCTAssertTrue(lines[2].hasPrefix("部门"), lines[2])
        let housing = lines.first { $0.hasPrefix("住建局") } ?? ""
        XCTAssertTrue(housing.contains("66.7%") && housing.contains("256000.00"), housing)
        XCTAssertTrue(lines.contains { $0.hasPrefix("市场监管局") } && lines.contains { $0.hasPrefix("合计") }, "\(lines)")
        XCTAssertTrue(lines.contains("办结方式：已支付 0，线索不实 0，调解达成协议 2，仲裁 0，诉讼 0，移送公安立案 0，其他渠道解决 0"), "\(lines)")
        XCTAssertTrue(lines.contains { $0.hasPrefix("涉嫌拒不支付劳动报酬罪移送：无权查看（人社局）") }, "\(lines)")
        // The columns line up: CJK characters take two terminal columns.
        XCTAssertEqual(TextWidth.of(lines[2]), TextWidth.of(housing))
    }

    func testEnglishStaysAsItWas() {
        let lines = Self.sample().textLines
        XCTAssertEqual(lines[0], "Monthly report 2026-11 (信息互通制度, seed 003): 2026-11-01 to 2026-11-30, overdue as of 2026-11-30, compiled as hrss")
        XCTAssertTrue(lines[2].hasPrefix("DEPARTMENT"), lines[2])
        XCTAssertTrue(lines.contains { $0.hasPrefix("housing ") })
        XCTAssertTrue(lines.contains("referrals: not visible to hrss"), "\(lines)")
    }

    func testTheChineseCSVHasBOMQuotedFieldsAndChineseNames() {
        let csv = Self.sample().csv(.zh)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"栏目\",\"部门\",\"指标\",\"数值\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"案件\",\"住建局\",\"转办\",\"4\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"案件\",\"合计\",\"追回工资（元）\",\"256000.00\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"应急周转金\",\"\",\"垫付\",\"400.00\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"办结方式\",\"\",\"调解达成协议\",\"2\"\r\n"), csv)
        XCTAssertFalse(csv.contains("\"housing\""), "codes are named in Chinese")
        for line in csv.dropFirst().split(separator: "\r\n") {
            XCTAssertEqual(CSVTextTests.parse(String(line)).count, 4, String(line))
        }
    }

    func testTheEnglishCSVKeepsItsKeys() {
        let csv = Self.sample(fund: false).csv
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"section\",\"department\",\"metric\",\"value\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"cases\",\"housing\",\"on_time_rate\",\"0.667\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"fund\",\"\",\"not_visible\",\"\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"resolved_by_disposition\",\"\",\"mediated\",\"2\"\r\n"), csv)
    }

    func testTheHTMLHasPrintCSSTheIssuerAndChineseCharts() {
        let page = Self.sample().html(.zh, issuer: "某市<根治欠薪>办公室", note: "存档重印")
        XCTAssertTrue(page.hasPrefix("<!DOCTYPE html>\n<html lang=\"zh-CN\">"), page)
        XCTAssertTrue(page.contains("@media print") && page.contains("size:A4") && page.contains("print-color-adjust:exact"))
        XCTAssertTrue(page.contains("<p class=\"issuer\">某市&lt;根治欠薪&gt;办公室</p>"), "the issuer, escaped")
        XCTAssertTrue(page.contains("<h1>2026年11月根治欠薪工作月度报表</h1>") && page.contains("存档重印"))
        XCTAssertTrue(page.contains("<th>按期办结率</th>") && page.contains("<td>住建局</td>"))
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<svg").count - 1, 4, "inline charts")
        XCTAssertTrue(page.contains(">各部门案件办理情况</text>") && page.contains(">住建局</text>"), "chart labels in Chinese")
        for external in ["<script", "src=", "href=", "<link"] { XCTAssertFalse(page.contains(external), external) }
    }

    func testTheLanguageFollowsTheLocale() {
        XCTAssertEqual(ReportLanguage.fromEnvironment(["LANG": "zh_CN.UTF-8"]), .zh)
        XCTAssertEqual(ReportLanguage.fromEnvironment(["LANG": "en_US.UTF-8"]), .en)
        XCTAssertEqual(ReportLanguage.fromEnvironment([:]), .en)
        XCTAssertEqual(ReportLanguage.fromEnvironment(["LC_ALL": "C", "LANG": "zh_CN.UTF-8"]), .en, "LC_ALL wins")
        XCTAssertEqual(ReportLanguage.fromEnvironment(["LC_ALL": "", "LANG": "zh_CN.UTF-8"]), .zh, "an empty LC_ALL is unset")
        XCTAssertEqual(ReportLanguage.fromEnvironment(["LANG": "zh_TW.UTF-8"]), .en, "zh_CN only")
    }

    func testStaffNamesAndTheIssuer() {
        XCTAssertEqual(StaffNames.department("hrss"), "人社局")
        XCTAssertEqual(StaffNames.status("transferred"), "已转办")
        XCTAssertEqual(StaffNames.status("accepted"), "已受理")
        XCTAssertEqual(ReportLanguage.zh.department("unassigned"), "未分配")
        XCTAssertEqual(Set(StaffNames.dispositions.map(\.code)), Set(CaseDisposition.allCases.map(\.rawValue)))
        XCTAssertEqual(IssuingOffice.resolved(nil), "根治欠薪工作领导小组办公室")
        XCTAssertEqual(IssuingOffice.resolved("  "), IssuingOffice.defaultName)
        XCTAssertEqual(IssuingOffice.resolved(" 某市人社局 "), "某市人社局")
    }
}
