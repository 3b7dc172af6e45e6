import Foundation
@testable import Messages
import WageCtlKit
import Workflow
import XCTest

/// `wagectl credit …` against the real stack (CONTRACT §9, issue 19 item 5).
final class CreditWageCtlTests: CreditSystemTestCase {
    func testListCheckShowAndDelistThroughTheTool() throws {
        let code = newCode()
        let caseID = try caseShowingTheCondition(code)
        let caseNo = try XCTUnwrap(h.value("SELECT case_no FROM wage.cases WHERE case_id = $1::uuid", [caseID]))
        let sent = h.wagectl(["--as", "hrss", "credit", "list", code, "--name", "某建筑劳务有限公司", "--basis", caseNo,
                                "--person", "张三:法定代表人", "--person", "欧阳娜娜：实际控制人", "--json"])
        XCTAssertEqual(sent.status, 0, sent.output + sent.errors)
        try h.waitUntil("listed") { try self.listed(code, "status") == "listed" }
        XCTAssertEqual(try listed(code, "basis"), "{\(caseID)}", "the case number was resolved to the case id")

        // The bid check, as a bidding office (any principal) reads it.
        let check = h.wagectl(["--as", "housing", "credit", "check", code, "--json"])
        XCTAssertEqual(check.status, 0, check.errors)
        let json = try check.json()
        XCTAssertEqual(json["listed"], true)
        XCTAssertEqual(json["verdict"], "restricted")
        XCTAssertEqual(json["cases_3y"], 1)
        XCTAssertEqual(json["unpaid_3y"], "80000.00")
        XCTAssertEqual(json["listed_until"]?.stringValue, CalendarPeriod.adding(years: 3, to: today).iso)
        XCTAssertEqual(json["listings"]?.arrayValue?.count, 1)
        let screen = h.wagectl(["--as", "market", "credit", "check", code])
        XCTAssertTrue(screen.output.contains("失信联合惩戒名单"), screen.output)
        XCTAssertTrue(screen.output.contains("限制"), screen.output)

        // show: persons for hrss only.
        let shownByHrss = try h.wagectl(["--as", "hrss", "credit", "show", code, "--json"]).json()
        XCTAssertEqual(shownByHrss["persons"]?.arrayValue?.compactMap { $0["name"]?.stringValue }, ["张三", "欧阳娜娜"])
        let shownByHousing = try h.wagectl(["--as", "housing", "credit", "show", code, "--json"]).json()
        XCTAssertEqual(shownByHousing["persons"], .null)
        XCTAssertEqual(shownByHousing["listings"]?.arrayValue?.first?["status"], "listed")

        // A refusal is reported with the office's reason.
        let again = h.wagectl(["--as", "hrss", "credit", "list", code, "--name", "某建筑劳务有限公司", "--basis", caseID])
        XCTAssertEqual(again.status, 4, again.output + again.errors)
        XCTAssertTrue((again.output + again.errors).contains("invalid_state"), again.output + again.errors)

        // Locally refused before sending: early_removal without --corrected-on.
        let noDate = h.wagectl(["--as", "hrss", "credit", "delist", code, "--reason", "early_removal"])
        XCTAssertEqual(noDate.status, 3, noDate.output + noDate.errors)
        XCTAssertTrue(noDate.failure?.message.contains("schema:corrected_on") == true, "\(String(describing: noDate.failure))")
        // Other principals may not list.
        let forbidden = h.wagectl(["--as", "housing", "credit", "delist", code, "--reason", "error"])
        XCTAssertEqual(forbidden.status, 3, forbidden.output + forbidden.errors)

        let withdrawn = h.wagectl(["--as", "hrss", "credit", "delist", code, "--reason", "error"])
        XCTAssertEqual(withdrawn.status, 0, withdrawn.output + withdrawn.errors)
        try h.waitUntil("withdrawn") { try self.listed(code, "status") == "withdrawn" }
        let after = try h.wagectl(["--as", "police", "credit", "check", code, "--json"]).json()
        XCTAssertEqual(after["listed"], false)
        XCTAssertEqual(after["verdict"], "attention")
        let unknown = try h.wagectl(["--as", "police", "credit", "check", newCode(), "--json"]).json()
        XCTAssertEqual(unknown["verdict"], "clear")
    }

    func testTheYearlyNoticeListsListingsInForceWithMaskedPersons() throws {
        let code = newCode()
        let id = try list(listBody(code, basis: [try caseShowingTheCondition(code)],
                                   persons: [("张三", "法定代表人"), ("欧阳娜娜", "实际控制人")]))
        try waitApplied(id)
        let withdrawnCode = newCode()
        let other = try list(listBody(withdrawnCode, basis: [try caseShowingTheCondition(withdrawnCode)]))
        try waitApplied(other)
        try waitApplied(try delist(withdrawnCode, reason: "error"))

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent(Harness.newID("notice"))
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let csvPath = dir.appendingPathComponent("notice.csv").path
        let htmlPath = dir.appendingPathComponent("notice.html").path
        let run = h.wagectl(["--as", "hrss", "credit", "notice", "--year", String(today.year), "--csv", csvPath,
                             "--html", htmlPath])
        XCTAssertEqual(run.status, 0, run.output + run.errors)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csvPath))
        XCTAssertEqual(Array(bytes.prefix(3)), [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark")
        let csv = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(csv.contains("统一社会信用代码"), csv)
        let line = try XCTUnwrap(csv.components(separatedBy: "\r\n").first { $0.contains(code) })
        XCTAssertTrue(line.contains("法定代表人：张*；实际控制人：欧***"), line)
        XCTAssertFalse(csv.contains("张三"), "persons are masked")
        XCTAssertFalse(csv.contains(withdrawnCode), "a withdrawn listing is not in force")
        let html = try String(contentsOfFile: htmlPath, encoding: .utf8)
        XCTAssertTrue(html.contains(code) && html.contains("张*") && !html.contains("欧阳娜娜"), html)
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
    }
}
