@testable import WageCtlKit
import XCTest

/// `CSVTable`: the CSV files `roster import` and `payroll import` read.
final class CSVTableTests: XCTestCase {
    func testQuotesCommasLineEndsBOMAndBlankLines() throws {
        let text = "\u{FEFF}a,b,c\r\n1,\"x, \"\"y\"\"\",3\r\n\r\n\"multi\nline\",,\n4,5,6"
        let (table, ignored) = try CSVTable.parse(text, required: ["a", "b"], known: ["a", "b", "c"])
        XCTAssertEqual(ignored, [])
        XCTAssertEqual(table.header, ["a", "b", "c"])
        XCTAssertEqual(table.records.map(\.line), [2, 4, 6], "each record keeps the line it starts on; the blank line is skipped")
        XCTAssertEqual(table.records[0].text("b"), "x, \"y\"")
        XCTAssertEqual(table.records[1].text("a"), "multi\nline")
        XCTAssertNil(table.records[1].text("b"), "an empty cell is absent")
        XCTAssertEqual(table.records[2].text("c"), "6", "the last line needs no line end")
    }

    func testHeaderProblemsNameTheLine() {
        XCTAssertThrowsError(try CSVTable.parse("a,c\n1,2\n", required: ["a", "b"], known: ["a", "b"])) {
            XCTAssertEqual(($0 as? CSVTable.FormatError)?.line, 1)
            XCTAssertTrue("\($0)".contains("no column b"), "\($0)")
        }
        XCTAssertThrowsError(try CSVTable.parse("a,a\n", required: ["a"], known: ["a"])) {
            XCTAssertTrue("\($0)".contains("twice"))
        }
        XCTAssertThrowsError(try CSVTable.parse("", required: ["a"], known: ["a"]))
    }

    func testRowProblemsNameTheLine() {
        XCTAssertThrowsError(try CSVTable.parse("a,b\n1,2\n1,2,3\n", required: ["a"], known: ["a", "b"])) {
            XCTAssertEqual($0 as? CSVTable.FormatError, CSVTable.FormatError(line: 3, problem: "3 cells but the header has 2 columns"))
        }
        XCTAssertThrowsError(try CSVTable.parse("a\n\"open\n", required: ["a"], known: ["a"])) {
            XCTAssertEqual(($0 as? CSVTable.FormatError)?.line, 2)
        }
        XCTAssertThrowsError(try CSVTable.parse("a\n\"x\"y\n", required: ["a"], known: ["a"])) {
            XCTAssertEqual(($0 as? CSVTable.FormatError)?.line, 2)
        }
    }

    func testUnknownColumnsAreIgnoredAndHeadersAreCaseInsensitive() throws {
        let (table, ignored) = try CSVTable.parse(" Project_No ,remark\nP-1,hello\n", required: ["project_no"], known: ["project_no"])
        XCTAssertEqual(ignored, ["remark"])
        XCTAssertEqual(table.records[0].cells, ["project_no": "P-1"])
    }

    func testTypedCellsNameTheirColumn() throws {
        let (table, _) = try CSVTable.parse("flag,day,money,n\n是,2026-13-01,12.345,x\n", required: [], known: ["flag", "day", "money", "n"])
        let r = table.records[0]
        XCTAssertEqual(try r.bool("flag"), true)
        XCTAssertThrowsError(try r.day("day")) { XCTAssertEqual(($0 as? CellProblem)?.column, "day") }
        XCTAssertThrowsError(try r.money("money")) { XCTAssertEqual(($0 as? CellProblem)?.column, "money") }
        XCTAssertThrowsError(try r.int("n")) { XCTAssertEqual(($0 as? CellProblem)?.column, "n") }
        XCTAssertThrowsError(try r.required("missing")) { XCTAssertEqual(($0 as? CellProblem)?.column, "missing") }
    }
}
