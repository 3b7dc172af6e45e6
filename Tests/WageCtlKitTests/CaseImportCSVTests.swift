import Messages
@testable import WageCtlKit
import XCTest

/// `wagectl import cases`: the CSV format, payloads and message ids.
final class CaseImportCSVTests: XCTestCase {
    let header = "channel,clue_ref,employer_name,sector,workers_count,amount_owed,reported_on,closed_on,disposition"

    func testQuotedFieldsBlankLinesAndABOM() throws {
        let rows = try CaseImportCSV.rows("\u{FEFF}\(header),note\r\nhotline,A-1,\"某公司, 分公司\",construction,8,64000.00,2024-03-01,2024-04-15,paid,\"说\"\"明\"\"\n第二行\"\n\nwalk_in,B-2,乙,services,x,1.00,2024-01-01,2024-01-02,unfounded,\n")
        XCTAssertEqual(rows.count, 2)
        XCTAssertEqual(rows[0].line, 2)
        XCTAssertEqual(rows[0].cells["employer_name"], "某公司, 分公司")
        XCTAssertEqual(rows[0].cells["note"], "说\"明\"\n第二行")
        XCTAssertEqual(rows[1].line, 5, "the quoted line break counts")
        XCTAssertNil(rows[1].cells["note"], "an empty cell is an absent field")
        let body = CaseImportCSV.payload(rows[0])
        XCTAssertEqual(body["workers_count"], .int(8))
        XCTAssertEqual(body["employer"]?["name"], "某公司, 分公司")
        XCTAssertNil(CaseImport.validate(body, today: Day(year: 2026, month: 12, day: 3)!))
        XCTAssertEqual(CaseImport.validate(CaseImportCSV.payload(rows[1]), today: Day(year: 2026, month: 12, day: 3)!),
                       .schema("workers_count"), "a count that is not a number is named by the router's check")
    }

    func testTheHeaderMustNameTheRequiredColumnsAndNoUnknownOnes() {
        XCTAssertThrowsError(try CaseImportCSV.rows("channel,clue_ref\n"))
        XCTAssertThrowsError(try CaseImportCSV.rows("\(header),colour\n"))
        XCTAssertThrowsError(try CaseImportCSV.rows("\(header)\nhotline,\"open"))
    }

    func testTheMessageIDIsDeterministicAndChangesWithTheContent() throws {
        let rows = try CaseImportCSV.rows("\(header)\nhotline,A-1,甲,construction,8,64000.00,2024-03-01,2024-04-15,paid\nhotline,A-1,甲,construction,8,64000.00,2024-03-01,2024-04-16,paid\n")
        let a = CaseImportCSV.messageID(CaseImportCSV.payload(rows[0]))
        XCTAssertEqual(a, CaseImportCSV.messageID(CaseImportCSV.payload(rows[0])))
        XCTAssertNotEqual(a, CaseImportCSV.messageID(CaseImportCSV.payload(rows[1])))
        XCTAssertTrue(a.hasPrefix("import:hotline:A-1:"))
        let long = String(repeating: "x", count: 128)
        var body = CaseImportCSV.payload(rows[0]).objectValue ?? [:]
        body["clue_ref"] = .string(long)
        XCTAssertLessThanOrEqual(CaseImportCSV.messageID(.object(body)).count, 128)
    }
}
