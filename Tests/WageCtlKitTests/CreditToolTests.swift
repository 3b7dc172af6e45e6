import Messages
@testable import WageCtlKit
import XCTest

/// `wagectl credit`'s pure parts: the yearly notice's CSV and HTML, the bid-check
/// verdict, `--person NAME:ROLE`.
final class CreditToolTests: XCTestCase {
    let day = Day(year: 2026, month: 12, day: 7)!

    func notice() -> CreditNotice {
        CreditNotice(year: 2026, asOf: day, entries: [
            .init(creditCode: "91500000MA5U000000", name: "某建筑劳务有限公司, \"分公司\"", decidedOn: "2026-03-02",
                  listedUntil: "2029-03-02",
                  persons: [CreditPerson(name: "张三", role: "法定代表人"), CreditPerson(name: "欧阳娜娜", role: "实际控制人")],
                  basisCases: 2),
            .init(creditCode: "91500000MA5U000001", name: "<b>某公司</b>", decidedOn: "2026-05-01", listedUntil: "2029-05-01",
                  persons: [], basisCases: 1),
        ], personsReadable: true)
    }

    func testTheCSVHasABOMCRLFQuotingAndMaskedPersons() {
        let csv = notice().csv
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}序号,统一社会信用代码,单位名称,列入日期,有效期至,相关人员,依据案件数\r\n"))
        XCTAssertTrue(csv.contains("1,91500000MA5U000000,\"某建筑劳务有限公司, \"\"分公司\"\"\",2026-03-02,2029-03-02,法定代表人：张*；实际控制人：欧***,2\r\n"),
                      csv)
        XCTAssertFalse(csv.contains("张三"))
        XCTAssertEqual(csv.components(separatedBy: "\r\n").count, 4, "header, two rows, final line end")
    }

    func testTheHTMLEscapesAndMasks() {
        let html = notice().html
        XCTAssertTrue(html.contains("&lt;b&gt;某公司&lt;/b&gt;"))
        XCTAssertFalse(html.contains("<b>某公司"))
        XCTAssertTrue(html.contains("张*"))
        XCTAssertFalse(html.contains("欧阳娜娜"))
        XCTAssertTrue(html.contains("2026年度拖欠农民工工资失信联合惩戒对象名单通报"))
        XCTAssertTrue(html.contains("截至 2026-12-07"))
    }

    func testTheNoticeDayIsTheYearsEndOrToday() {
        XCTAssertEqual(CreditNotice.asOf(year: 2025, today: day), Day(year: 2025, month: 12, day: 31))
        XCTAssertEqual(CreditNotice.asOf(year: 2026, today: day), day)
    }

    func testTheVerdictOfTheBidCheck() {
        func card(listed: Bool, cases: Int, open: Int) -> CreditCheckCard {
            CreditCheckCard(code: "C", today: day, name: "某公司", listed: listed, listedUntil: "2029-03-02", cases: cases,
                            openCases: open, unpaid: "10.00")
        }
        XCTAssertEqual(card(listed: true, cases: 0, open: 0).verdict, "restricted")
        XCTAssertEqual(card(listed: false, cases: 2, open: 1).verdict, "attention")
        XCTAssertEqual(card(listed: false, cases: 2, open: 0).verdict, "notice")
        XCTAssertEqual(card(listed: false, cases: 0, open: 0).verdict, "clear")
        XCTAssertTrue(card(listed: true, cases: 0, open: 0).lines.joined().contains("有效期至 2029-03-02"))
    }

    func testPersonOption() {
        XCTAssertEqual(CreditListCommand.person("张三:法定代表人"), CreditPerson(name: "张三", role: "法定代表人"))
        XCTAssertEqual(CreditListCommand.person("张三：实际控制人"), CreditPerson(name: "张三", role: "实际控制人"))
        XCTAssertNil(CreditListCommand.person("张三"))
        XCTAssertNil(CreditListCommand.person(":法定代表人"))
    }
}
