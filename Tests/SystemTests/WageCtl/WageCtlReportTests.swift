import Foundation
import WageCtlKit
@testable import Messages
import Workflow
import XCTest

/// `report monthly` from fixture rows in a month of their own (far in the future,
/// so no other test's rows fall into it): per-department figures, fund, CSV, HTML.
final class WageCtlReportTests: XCTestCase {
    var h: Harness!
    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    func testTheMonthlyReportCountsPerDepartmentAndRendersCSVAndHTML() throws {
        let month = String(format: "%04d-%02d", Int.random(in: 2060...2099), Int.random(in: 1...12))
        let at = { (day: Int) in "\(month)-\(String(format: "%02d", day)) 10:00:00+08" }
        let tag = Harness.newID("report")
        // Other tests leave open, overdue cases behind (every sector, also market's):
        // the month's backlog is counted against a baseline taken before the fixtures.
        let before = try h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json"]).json()
        let baseline = before["departments"]?.arrayValue?.first { $0["department"] == "market" }
        func base(_ key: String) -> Int { baseline?[key]?.intValue ?? 0 }
        // market (no other test uses it): received 2 in the month; one resolved on time (paid 1000.00) and
        // closed; one overdue at the month's end (resolved afterwards, so later runs' months do not count it).
        let a = try h.insertCase(clueRef: tag + "-a", status: "closed", assignee: "market", dueOn: "\(month)-20", sector: "individual_business")
        let b = try h.insertCase(clueRef: tag + "-b", assignee: "market", dueOn: "\(month)-05", sector: "individual_business")
        defer {
            _ = try? h.rows("UPDATE wage.cases SET status = 'resolved', resolved_at = $2::timestamptz WHERE case_id = $1::uuid",
                            [b.id, "\(month)-28 10:00:00+08"])
        }
        _ = try h.rows("UPDATE wage.cases SET opened_at = $2::timestamptz, resolved_at = $3::timestamptz, closed_at = $4::timestamptz, amount_paid_fen = 100000, workers_paid = 12 WHERE case_id = $1::uuid",
                       [a.id, at(2), at(10), at(12)])
        _ = try h.rows("UPDATE wage.cases SET opened_at = $2::timestamptz WHERE case_id = $1::uuid", [b.id, at(3)])
        for (c, day) in [(a.id, 2), (b.id, 3)] {
            _ = try h.rows("INSERT INTO wage.case_events (case_id, at, department, event, detail) VALUES ($1::uuid, $2::timestamptz, 'hrss', 'transferred', '{\"to\":\"market\"}')",
                           [c, at(day)])
        }
        // The fund: deposit 1000.00, advance 400.00, recovery 100.00, all in the month.
        let request = "FR-" + tag
        _ = try h.admin.transaction { db in
            try db.execute("INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status, requested_at, disbursed_at, recovered_fen) VALUES ($1, $2::uuid, 40000, 3, 'partial_wages', 'employer_fled', 'partially_recovered', $3::timestamptz, $3::timestamptz, 10000)",
                           [request, a.id, at(4)])
            for (kind, fen, req, day, postings) in [("deposit", 100000, nil, 3, [("budget", -100000), ("fund_cash", 100000)]),
                                                    ("disbursement", 40000, request, 4, [("fund_cash", -40000), ("advances_receivable", 40000)]),
                                                    ("recovery", 10000, request, 8, [("advances_receivable", -10000), ("fund_cash", 10000)])] as [(String, Int, String?, Int, [(String, Int)])] {
                _ = fen
                let id = try db.execute("INSERT INTO wage.fund_entries (message_id, kind, request_no, at) VALUES ($1, $2, $3, $4::timestamptz) RETURNING id",
                                        ["\(tag)-\(kind)", kind, req, at(day)]).rows[0].int64("id")
                for (account, amount) in postings {
                    try db.execute("INSERT INTO wage.fund_postings (entry_id, account, amount_fen) VALUES ($1, $2, $3)", [id, account, amount])
                }
            }
        }

        let json = try h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json"]).json()
        let market = try XCTUnwrap(json["departments"]?.arrayValue?.first { $0["department"] == "market" }, "\(json)")
        for (key, added) in [("received", 2), ("resolved", 1), ("resolved_on_time", 1), ("closed", 1), ("overdue", 1)] {
            XCTAssertEqual(market[key]?.intValue, base(key) + added, key)
        }
        XCTAssertEqual(market["recovered"], "1000.00")
        XCTAssertEqual(json["fund"]?["advanced"], "400.00")
        XCTAssertEqual(json["fund"]?["recovered"], "100.00")
        XCTAssertEqual(json["fund"]?["requests"], "1")

        let csv = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--csv", "--lang", "en"]).output
        XCTAssertTrue(csv.hasPrefix("\u{FEFF}\"section\",\"department\",\"metric\",\"value\"\r\n"), csv)
        XCTAssertTrue(csv.contains("\r\n\"cases\",\"market\",\"received\",\"2\"\r\n")
                      && csv.contains("\r\n\"fund\",\"\",\"advanced\",\"400.00\"\r\n"), csv)
        // In Chinese (--lang zh): the names staff use.
        let zh = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--csv", "--lang", "zh"]).output
        XCTAssertTrue(zh.hasPrefix("\u{FEFF}\"栏目\",\"部门\",\"指标\",\"数值\"\r\n"), zh)
        XCTAssertTrue(zh.contains("\r\n\"案件\",\"市场监管局\",\"转办\",\"2\"\r\n"), zh)
        let zhTable = h.wagectl(["--as", "police", "report", "monthly", "--month", month, "--lang", "zh"]).output
        XCTAssertTrue(zhTable.contains("\n市场监管局 ") && zhTable.contains("应急周转金：无权查看（公安局）"), zhTable)

        let file = FileManager.default.temporaryDirectory.appendingPathComponent("wagectl-report-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        // The issuing office comes from configuration (report.office_name).
        let office = "某市根治欠薪办公室-" + tag
        _ = try h.rows("UPDATE wage.settings SET value = $1 WHERE key = 'report.office_name'", [office])
        defer { _ = try? h.rows("UPDATE wage.settings SET value = '根治欠薪工作领导小组办公室' WHERE key = 'report.office_name'") }
        let table = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--html", file.path, "--lang", "en"])
        XCTAssertNil(table.error, table.errors)
        XCTAssertTrue(table.output.contains("\nmarket "), "the table is printed too: \(table.output)")
        let html = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>"))
        XCTAssertTrue(html.contains("@media print") && html.contains("<p class=\"issuer\">\(office)</p>"), "print CSS and the issuing office")
        XCTAssertGreaterThanOrEqual(html.components(separatedBy: "<svg").count - 1, 3, "inline SVG charts")
        for external in ["<script", "src=", "href=", "<link"] { XCTAssertFalse(html.contains(external), "self-contained: \(external)") }

        let police = h.wagectl(["--as", "police", "report", "monthly", "--month", month, "--lang", "en"])
        XCTAssertNil(police.error, police.errors)
        XCTAssertTrue(police.output.contains("fund: not visible to police"), police.output)
    }
}
