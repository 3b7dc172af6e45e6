import Messages
@testable import Reports
import Workflow
import XCTest

/// The returns report's statuses and renderings (pure; the loader is covered by
/// the system tests WageCtlReturnsTests and DepartmentReturnsTests).
final class ReturnsReportTests: XCTestCase {
    func line(_ kind: String, due: String?, submitted: String?, late: Bool, enteredBy: String? = nil,
              source: String? = nil, restDay: Bool = false, revisions: Int = 0) -> ReturnsReport.Line {
        .init(kind: kind, kindName: "报表\(kind)", owner: "housing", ownerName: "住房和城乡建设局", enteredBy: enteredBy,
              dueOn: due.flatMap(Day.init(iso:)), dueOnRestDay: restDay, submittedAt: submitted, late: late,
              figures: [("new_starts", "4"), ("wage_paid", "1,250,000.00")], source: source, revisions: revisions,
              reminded: false)
    }

    func testEachLineHasTheStatusStaffExpect() {
        XCTAssertEqual(line("a", due: "2026-12-10", submitted: "2026-12-08 10:00", late: false).status, .submitted)
        XCTAssertEqual(line("b", due: "2026-12-10", submitted: "2026-12-11 09:00", late: true).status, .submittedLate)
        XCTAssertEqual(line("c", due: "2026-12-10", submitted: nil, late: false).status, .pending)
        XCTAssertEqual(line("d", due: "2026-12-10", submitted: nil, late: true).status, .missing)
        XCTAssertEqual(line("e", due: nil, submitted: nil, late: false).status, .none)
        XCTAssertEqual(line("f", due: nil, submitted: "2026-12-03 08:00", late: false).status, .submitted)
    }

    func testTheTableCountsAndMarksARestDayAndAnEntryOnABodysBehalf() {
        let report = ReturnsReport(month: Month(iso: "2026-04")!, asOf: Day(iso: "2026-05-12")!, lines: [
            line("a", due: "2026-05-10", submitted: nil, late: true, restDay: true),
            line("b", due: "2026-05-10", submitted: "2026-05-09 16:00", late: false, enteredBy: "hrss", source: "县发改局函",
                 revisions: 2),
        ])
        let zh = report.textLines(.zh).joined(separator: "\n")
        XCTAssertTrue(zh.contains("2026-05-10（休息日）"), zh)
        XCTAssertTrue(zh.contains("人社局代录（县发改局函）"), zh)
        XCTAssertTrue(zh.contains("（更正2次）"), zh)
        XCTAssertTrue(zh.hasSuffix("已报送 1，逾期报送 0，待报送 0，逾期未报 1"), zh)
        let en = report.textLines(.en).joined(separator: "\n")
        XCTAssertTrue(en.contains("2026-05-10 (rest day)"), en)
        XCTAssertTrue(en.contains("missing"), en)
    }

    func testTheCSVHasABOMQuotesEveryFieldAndKeepsCommasInsideAField() {
        let report = ReturnsReport(month: Month(iso: "2026-11")!, asOf: Day(iso: "2026-12-08")!, lines: [
            line("construction_starts", due: "2026-12-10", submitted: nil, late: false),
        ])
        let csv = report.csv(.en)
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"kind\",\"department\",\"due on\""), csv)
        let rows = csv.dropFirst().split(separator: "\r\n")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[1], "\"construction_starts\",\"housing\",\"2026-12-10\",\"pending\",\"\",\"\",\"new_starts=4, wage_paid=1,250,000.00\",\"2026-11\",\"construction_starts\"")
        XCTAssertTrue(csv.hasSuffix("\r\n"))
    }

    func testTheJSONCarriesTheStatusAndTheFigures() {
        let report = ReturnsReport(month: Month(iso: "2026-11")!, asOf: Day(iso: "2026-12-08")!, lines: [
            line("construction_starts", due: "2026-12-10", submitted: "2026-12-08 10:00", late: false),
        ])
        let first = report.json["returns"]?.arrayValue?.first
        XCTAssertEqual(first?["status"], "submitted")
        XCTAssertEqual(first?["figures"]?["new_starts"], "4")
        XCTAssertEqual(first?["due_on"], "2026-12-10")
        XCTAssertEqual(report.json["month"], "2026-11")
    }
}
