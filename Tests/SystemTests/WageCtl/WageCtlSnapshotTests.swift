import Foundation
import WageCtlKit
@testable import Messages
import XCTest

/// The archive of finished months (wage.report_snapshots): the first report of a
/// month is archived, a reprint shows what was reported even after later events,
/// `--fresh` recomputes without overwriting, and the quarterly bulletin uses it.
final class WageCtlSnapshotTests: XCTestCase {
    var h: Harness!
    override func setUp() async throws { h = try Harness() }
    override func tearDown() async throws { await h.shutdown() }

    /// A finished month (long past, so no other test's rows fall into it) not yet archived.
    func unarchivedPastMonth() throws -> (year: Int, month: Int, iso: String) {
        for _ in 0..<50 {
            let y = Int.random(in: 2000...2019), m = Int.random(in: 1...12)
            let iso = String(format: "%04d-%02d", y, m)
            if try h.value("SELECT count(*)::text FROM wage.report_snapshots WHERE month = $1", [iso]) == "0" { return (y, m, iso) }
        }
        throw XCTSkip("no unarchived month left in 2000-2019")
    }

    func insertResolved(_ ref: String, month: String, paidFen: Int) throws {
        let c = try h.insertCase(clueRef: ref, status: "resolved", assignee: "market", dueOn: "\(month)-25", sector: "individual_business")
        _ = try h.rows("UPDATE wage.cases SET opened_at = $2::timestamptz, resolved_at = $3::timestamptz, amount_paid_fen = $4, workers_paid = 3 WHERE case_id = $1::uuid",
                       [c.id, "\(month)-02 10:00:00+08", "\(month)-12 10:00:00+08", String(paidFen)])
    }

    func testASnapshotDoesNotChangeAfterLaterEvents() throws {
        let (year, m, month) = try unarchivedPastMonth()
        let tag = Harness.newID("snap")
        try insertResolved(tag + "-a", month: month, paidFen: 150000)
        func market(_ json: JSONValue) -> JSONValue? { json["departments"]?.arrayValue?.first { $0["department"] == "market" } }

        let first = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json"])
        let made = try first.json()
        XCTAssertEqual(made["source"], "archived_now", first.errors)
        XCTAssertEqual(market(made)?["resolved"]?.intValue, 1)
        XCTAssertEqual(market(made)?["recovered"], "1500.00")
        let madeAt = try XCTUnwrap(try h.value("SELECT made_at::text FROM wage.report_snapshots WHERE month = $1 AND kind = 'monthly'", [month]))

        // Later events: a second case resolved in that month (an import, a correction), the first one's payment changed.
        try insertResolved(tag + "-b", month: month, paidFen: 90000)
        _ = try h.rows("UPDATE wage.cases SET amount_paid_fen = 999900 WHERE clue_ref = $1", [tag + "-a"])

        let reprint = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json"])
        let again = try reprint.json()
        XCTAssertEqual(again["source"], "archive")
        XCTAssertEqual(market(again)?["resolved"]?.intValue, 1, "the reprint shows what was reported")
        XCTAssertEqual(market(again)?["recovered"], "1500.00")
        XCTAssertEqual(again["departments"], made["departments"])
        XCTAssertTrue(reprint.errors.contains("Reprinted from the archive"), reprint.errors)
        let zh = h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--lang", "zh"])
        XCTAssertTrue(zh.errors.contains("存档重印"), zh.errors)

        let fresh = try h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json", "--fresh"]).json()
        XCTAssertEqual(fresh["source"], "computed")
        XCTAssertEqual(market(fresh)?["resolved"]?.intValue, 2, "--fresh sees today's data")
        XCTAssertEqual(market(fresh)?["recovered"], "10899.00")
        let afterFresh = try h.wagectl(["--as", "hrss", "report", "monthly", "--month", month, "--json"]).json()
        XCTAssertEqual(market(afterFresh)?["resolved"]?.intValue, 1, "--fresh did not overwrite the archive")
        XCTAssertEqual(try h.value("SELECT count(*)::text FROM wage.report_snapshots WHERE month = $1", [month]), "1")
        XCTAssertEqual(try h.value("SELECT made_at::text FROM wage.report_snapshots WHERE month = $1", [month]), madeAt)

        // Nobody changes an archived report, not even the owner.
        XCTAssertThrowsError(try h.rows("UPDATE wage.report_snapshots SET figures = '{}' WHERE month = $1", [month]))
        XCTAssertThrowsError(try h.rows("DELETE FROM wage.report_snapshots WHERE month = $1", [month]))

        // Another department's report is computed with its own grants and archives nothing.
        let police = try h.wagectl(["--as", "police", "report", "monthly", "--month", month, "--json"]).json()
        XCTAssertEqual(police["source"], "computed")
        XCTAssertEqual(police["computed_because"], "not_office")

        // The quarterly bulletin reads the archived month.
        let quarter = "\(year)Q\((m - 1) / 3 + 1)"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("bulletin-\(UUID().uuidString).html")
        defer { try? FileManager.default.removeItem(at: file) }
        let bulletin = h.wagectl(["--as", "hrss", "report", "quarter", "--quarter", quarter, "--html", file.path, "--json"])
        XCTAssertNil(bulletin.error, bulletin.errors)
        let months = try XCTUnwrap(try bulletin.json()["months"]?.arrayValue, bulletin.errors)
        XCTAssertEqual(months.count, 3)
        let ours = try XCTUnwrap(months.first { $0["month"]?.stringValue == month })
        XCTAssertEqual(ours["source"], "archive")
        XCTAssertEqual(market(ours)?["resolved"]?.intValue, 1)
        let page = try String(contentsOf: file, encoding: .utf8)
        XCTAssertTrue(page.contains("《劳动保障信息简报》") && page.contains("重点关注项目清单") && page.contains("@media print"), "Chinese by default")
        XCTAssertGreaterThanOrEqual(page.components(separatedBy: "<svg").count - 1, 4)
        XCTAssertTrue(page.contains("四、成员单位信息报送情况") && page.contains("成员单位各月报送情况") && page.contains("逾期未报"),
                      "the departments' returns of the three months (long past: every monthly kind missing)")
        for external in ["<script", "src=", "href=", "<link"] { XCTAssertFalse(page.contains(external), external) }
    }
}
