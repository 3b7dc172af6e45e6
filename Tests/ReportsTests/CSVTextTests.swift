import Reports
import XCTest

/// CSV as the offices' spreadsheets open it: BOM, every field quoted, quotes
/// doubled, CRLF, formulas defused (numbers left alone).
final class CSVTextTests: XCTestCase {
    func testTheDocumentStartsWithTheBOMAndQuotesEveryField() {
        let text = CSVText.document(header: ["部门", "数值"], rows: [["人社局", "3"]])
        XCTAssertEqual(Array(text.utf8.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 byte-order mark")
        XCTAssertEqual(text, "\u{FEFF}\"部门\",\"数值\"\r\n\"人社局\",\"3\"\r\n")
    }

    func testCommasQuotesAndNewlinesStayInsideTheirField() {
        XCTAssertEqual(CSVText.field("a,b"), "\"a,b\"")
        XCTAssertEqual(CSVText.field("他说\"欠薪\""), "\"他说\"\"欠薪\"\"\"")
        XCTAssertEqual(CSVText.field("第一行\n第二行\r\n"), "\"第一行\n第二行\r\n\"")
        XCTAssertEqual(CSVText.field(""), "\"\"")
        // Read back with a minimal RFC 4180 reader: the same cells come out.
        let cells = ["a,b", "x\"y", "1\n2", "普通"]
        XCTAssertEqual(Self.parse(CSVText.line(cells)), cells)
    }

    func testFormulaCellsAreDefusedButNumbersAreNot() {
        XCTAssertEqual(CSVText.field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"")
        XCTAssertEqual(CSVText.field("@SUM(A1)"), "\"'@SUM(A1)\"")
        XCTAssertEqual(CSVText.field("-cmd"), "\"'-cmd\"")
        XCTAssertEqual(CSVText.field("-3"), "\"-3\"")
        XCTAssertEqual(CSVText.field("-1.50"), "\"-1.50\"")
        XCTAssertEqual(CSVText.field("+1-2"), "\"'+1-2\"")
    }

    /// Splits one CSV line of quoted fields (RFC 4180).
    static func parse(_ line: String) -> [String] {
        var cells: [String] = [], cell = "", quoted = false, previousQuote = false
        for ch in line {
            if quoted {
                if ch == "\"" { quoted = false; previousQuote = true } else { cell.append(ch) }
            } else if ch == "\"" {
                if previousQuote { cell.append("\"") }
                quoted = true; previousQuote = false
            } else if ch == "," {
                cells.append(cell); cell = ""; previousQuote = false
            } else { cell.append(ch); previousQuote = false }
        }
        return cells + [cell]
    }
}
