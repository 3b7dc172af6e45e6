import Foundation
@testable import Messages
import WageCtlKit
import XCTest

/// `wagectl report submit` and `report returns` (issue 22, docs/reports.md) through
/// the real router and the office's worker, in a month of their own (2024-06).
final class WageCtlReturnsTests: XCTestCase {
    var h: Harness!

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        try h.startRouter()
        try h.startOffice()
        try h.admin.execute("DELETE FROM wage.department_returns WHERE month = '2024-06'")
    }

    override func tearDown() async throws { await h.shutdown() }

    func testASubmittedReturnShowsAsInAndTheOthersAsMissingInChineseAndCSV() throws {
        let sent = try h.wagectl(["--as", "housing", "report", "submit", "--month", "2024-06", "--kind", "construction_starts",
                                  "--figure", "new_starts=2", "--figure", "workers_enrolled=75", "--figure", "wage_paid=600000",
                                  "--actor", "li.si", "--follow", "0", "--json"]).json()
        XCTAssertEqual(sent["outcome"], "routed")
        let id = try XCTUnwrap(sent["message_id"]?.stringValue)
        try h.waitProcessed(id)
        XCTAssertEqual(try h.value("SELECT actor FROM wage.report_returns WHERE month = '2024-06' AND kind = 'construction_starts'"),
                       "li.si")
        XCTAssertEqual(try h.value("""
            SELECT figures->>'wage_paid' || ' ' || jsonb_typeof(figures->'wage_paid') || ' ' || jsonb_typeof(figures->'new_starts')
            FROM wage.report_returns WHERE month = '2024-06' AND kind = 'construction_starts'
            """), "600000 string number", "an amount stays text even when it looks whole; a count is a number")

        // hrss may not send housing's kind: refused before anything is sent.
        let wrong = h.wagectl(["--as", "hrss", "report", "submit", "--month", "2024-06", "--kind", "construction_starts",
                               "--figure", "new_starts=1", "--figure", "workers_enrolled=1", "--figure", "wage_paid=1.00"])
        XCTAssertEqual(wrong.status, 3, wrong.errors)
        XCTAssertTrue(wrong.failure?.message.contains("forbidden_sender") == true, "\(String(describing: wrong.failure))")

        let report = try h.wagectl(["--as", "hrss", "report", "returns", "--month", "2024-06", "--json"]).json()
        let lines = Dictionary(uniqueKeysWithValues: (report["returns"]?.arrayValue ?? []).compactMap { line in
            line["kind"]?.stringValue.map { ($0, line) }
        })
        XCTAssertEqual(lines.count, 7, "every kind of the duty list gets a line")
        XCTAssertEqual(lines["construction_starts"]?["status"], "submitted_late", "due 2024-07-10")
        XCTAssertEqual(lines["construction_starts"]?["figures"]?["workers_enrolled"], "75")
        XCTAssertEqual(lines["water_projects"]?["status"], "missing")
        XCTAssertEqual(lines["water_projects"]?["due_on"], "2024-07-10")
        XCTAssertEqual(lines["police_incidents"]?["status"], "none", "reported at any time")
        XCTAssertEqual(lines["approved_projects"]?["department"], "ndrc")
        XCTAssertEqual(lines["approved_projects"]?["department_name"], "发展和改革局")

        let table = h.wagectl(["--as", "hrss", "report", "returns", "--month", "2024-06", "--lang", "zh"])
        XCTAssertNil(table.error, table.errors)
        XCTAssertTrue(table.output.contains("新开工建设项目"), table.output)
        XCTAssertTrue(table.output.contains("逾期报送"), table.output)
        XCTAssertTrue(table.output.contains("逾期未报"), table.output)
        XCTAssertTrue(table.output.contains("人社局代录"), table.output)

        let csv = h.wagectl(["--as", "hrss", "report", "returns", "--month", "2024-06", "--csv", "--lang", "en"])
        XCTAssertTrue(csv.output.hasPrefix("\u{FEFF}\"kind\",\"department\""), String(csv.output.prefix(80)))
        XCTAssertTrue(csv.output.contains("\"construction_starts\",\"housing\",\"2024-07-10\",\"submitted_late\""), csv.output)
        XCTAssertTrue(csv.output.contains("\"new_starts=2, workers_enrolled=75, wage_paid=600000\""), csv.output)

        // A due day on a weekend is marked, a make-up working day (调休上班) is not, read off wage.calendar.
        func restDay(_ month: String) throws -> JSONValue? {
            try h.wagectl(["--as", "hrss", "report", "returns", "--month", month, "--json"]).json()["returns"]?
                .arrayValue?.first { $0["kind"] == "water_projects" }?["due_on_rest_day"]
        }
        XCTAssertEqual(try restDay("2025-12"), .bool(true), "due Saturday 2026-01-10")
        XCTAssertEqual(try restDay("2026-09"), .bool(false), "due Saturday 2026-10-10, a make-up working day")

        // A department may not read the office's view.
        let housing = h.wagectl(["--as", "housing", "report", "returns", "--month", "2024-06"])
        XCTAssertEqual(housing.failure?.code, .refused, housing.errors)
    }
}
