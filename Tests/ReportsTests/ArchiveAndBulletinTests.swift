import Messages
@testable import Reports
import XCTest

/// The archive's decision, quarters, the watch list's cells and the bulletin page (pure).
final class ArchiveAndBulletinTests: XCTestCase {
    let end = Day(iso: "2026-12-01")!

    func testAFinishedMonthOfTheOfficeIsArchivedOthersAreOnlyComputed() {
        let after = Day(iso: "2026-12-08")!, during = Day(iso: "2026-11-30")!
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: after, compiledBy: "hrss", fresh: false), .archive)
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: end, compiledBy: "admin", fresh: false), .archive, "the day after the month")
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: during, compiledBy: "hrss", fresh: false),
                       .compute(reason: ArchivePolicy.monthNotEnded))
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: after, compiledBy: "hrss", fresh: true),
                       .compute(reason: ArchivePolicy.fresh))
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: after, compiledBy: "police", fresh: false),
                       .compute(reason: ArchivePolicy.notOffice))
        XCTAssertEqual(ArchivePolicy.decide(endDay: end, today: after, compiledBy: "hrss", fresh: false, mayArchive: false), .readOnly)
    }

    func testTheSourceIsSaidInBothLanguages() {
        let archived = ReportArchive.Source.archive(madeAt: "2026-12-02 09:00", madeBy: "hrss")
        XCTAssertTrue(archived.note(.zh)!.contains("存档重印") && archived.note(.zh)!.contains("2026-12-02 09:00 由 人社局 编制"))
        XCTAssertTrue(archived.note(.en)!.hasPrefix("Reprinted from the archive"))
        XCTAssertEqual(archived.annotated(.object([:]))["source"], .string("archive"))
        XCTAssertEqual(ReportArchive.Source.computed(reason: "fresh").annotated(.object([:]))["computed_because"], .string("fresh"))
        XCTAssertNil(ReportArchive.Source.computed(reason: ArchivePolicy.notOffice).note(.zh))
    }

    func testQuarters() {
        let q = Quarter("2026q4")!
        XCTAssertEqual(q.months, ["2026-10", "2026-11", "2026-12"])
        XCTAssertEqual(q.bounds.0.iso, "2026-10-01")
        XCTAssertEqual(q.bounds.1.iso, "2027-01-01")
        XCTAssertEqual(q.name(.zh), "2026年第四季度")
        XCTAssertEqual(Quarter("2027Q1")!.months.first, "2027-01")
        for bad in ["2026Q5", "2026Q0", "2026-Q4", "26Q4", "2026", "Q4"] { XCTAssertNil(Quarter(bad), bad) }
    }

    func testWatchListCellsInChinese() {
        var e = WatchList.Entry(kind: .taskForce, subject: "WA-2026-000001", name: "某劳务公司", department: "housing",
                                riskLevel: "high", status: "task_force", workersCount: 12, amountOwed: Money(fen: 12_500_000),
                                detail: "hrss,police", since: Day(iso: "2026-11-05")!, until: nil, openAtEnd: true)
        XCTAssertEqual(WatchList.cells(e, .zh), ["专班督办案件", "WA-2026-000001", "某劳务公司", "住建局", "高", "专班督办", "12",
                                                 "125000.00", "专班：人社局、公安局", "2026-11-05", ""])
        e.kind = .projectWarning; e.detail = "payroll_missing"; e.status = "active"
        XCTAssertEqual(WatchList.cells(e, .zh)[8], "当月工资单缺失")
        XCTAssertEqual(WatchList.cells(e, .zh)[5], "在建")
        XCTAssertEqual(WatchList.cells(e, .en)[0], "project_warning")
        let list = WatchList(month: "2026-11", entries: [e])
        XCTAssertTrue(list.csv(.zh).hasPrefix("\u{FEFF}\"类别\",\"编号\""))
        XCTAssertEqual(list.counts.first { $0.0 == .projectWarning }?.1, 1)
    }

    func testTheBulletinPageHasEverySectionAndPrintCSS() {
        let months = Quarter("2026Q4")!.months.map { month -> (report: MonthlyReport, source: ReportArchive.Source) in
            var r = MonthlyReportRenderingTests.sample()
            r.month = month
            return (r, month == "2026-12" ? .computed(reason: ArchivePolicy.monthNotEnded) : .archive(madeAt: "2026-12-02 09:00", madeBy: "hrss"))
        }
        let bulletin = QuarterlyBulletin(quarter: Quarter("2026Q4")!, months: months, watch: WatchList(month: "2026Q4", entries: []),
                                         returnsHTML: nil, issuer: "某市根治欠薪办")
        XCTAssertEqual(bulletin.departmentTotals.first { $0.code == "housing" }?.received, 12, "three months summed")
        let page = bulletin.html(.zh)
        for part in ["《劳动保障信息简报》（2026年第四季度）", "某市根治欠薪办", "一、案件办理总体情况", "二、各部门本季度办理情况",
                     "三、各月专项情况", "四、成员单位信息报送情况", "暂无成员单位报送数据", "五、重点关注项目清单",
                     "存档（2026-12-02 09:00）", "临时数（未存档）", "@media print", "size:A4"] {
            XCTAssertTrue(page.contains(part), part)
        }
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<svg").count - 1, 4)
    }
}
