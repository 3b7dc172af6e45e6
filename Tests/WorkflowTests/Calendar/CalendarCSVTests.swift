import XCTest
@testable import Messages
@testable import Workflow

final class CalendarCSVTests: XCTestCase {
    func testParsesTheShippedFile() throws {
        XCTAssertEqual(cn2026.overrides.count, 39)
        XCTAssertEqual(cn2026.overrides[d("2026-02-14")], true)
        XCTAssertEqual(cn2026.overrides[d("2026-10-07")], false)
    }

    func testNotesKeepSpacesChineseAndCommas() throws {
        let text = """
        day,is_workday,note
        2026-02-14,true,春节调休上班 make-up working day
        2026-02-15,FALSE,"春节, ""Spring"" Festival"
        2026-02-16,f,
        2026-02-17,0

        """
        let rows = try CalendarCSV.parse(text)
        XCTAssertEqual(rows, [
            CalendarRow(day: d("2026-02-14"), isWorkday: true, note: "春节调休上班 make-up working day"),
            CalendarRow(day: d("2026-02-15"), isWorkday: false, note: "春节, \"Spring\" Festival"),
            CalendarRow(day: d("2026-02-16"), isWorkday: false, note: nil),
            CalendarRow(day: d("2026-02-17"), isWorkday: false, note: nil),
        ])
    }

    func testToleratesCRLFBOMAndBlankLines() throws {
        let text = "\u{FEFF}day,is_workday,note\r\n\r\n2026-10-10,true,国庆节调休上班\r\n"
        let rows = try CalendarCSV.parse(text)
        XCTAssertEqual(rows, [CalendarRow(day: d("2026-10-10"), isWorkday: true, note: "国庆节调休上班")])
    }

    func testErrorsCarryTheLineNumber() {
        func error(_ text: String) -> CalendarCSV.ParseError? {
            do { _ = try CalendarCSV.parse(text); return nil } catch { return error }
        }
        XCTAssertEqual(error("2026-01-01,false,x"), .init(line: 1, problem: .missingHeader))
        XCTAssertEqual(error(""), .init(line: 1, problem: .missingHeader))
        XCTAssertEqual(error("day,is_workday,note\n2026-01-01,false,a\n2026-13-01,false,b"), .init(line: 3, problem: .badDay))
        XCTAssertEqual(error("day,is_workday,note\n\n2026-02-30,true,"), .init(line: 3, problem: .badDay))
        XCTAssertEqual(error("day,is_workday,note\n2026-01-01,yes,a"), .init(line: 2, problem: .badFlag))
        XCTAssertEqual(error("day,is_workday,note\n2026-01-01"), .init(line: 2, problem: .tooFewColumns))
        XCTAssertEqual(error("day,is_workday,note\n2026-01-01,true,\n2026-01-01,false,"), .init(line: 3, problem: .duplicateDay))
        XCTAssertEqual(error("day,is_workday,note\n2026-01-01,false,a")?.description, nil)
        XCTAssertEqual(CalendarCSV.ParseError(line: 4, problem: .badFlag).description, "line 4: is_workday is not true/false")
    }
}
