import Foundation
@testable import Messages
import Workflow
import XCTest

/// CONTRACT §7.4: a change to wage.calendar, made by SQL while the worker runs, is
/// used by the deadlines computed a few seconds after it commits, without a restart.
final class CalendarLiveTests: XCTestCase {
    var h: Harness!
    /// Monday 2026-03-02: without a holiday, 5 working days later is Monday 03-09.
    let clock = TestClock(shanghaiNoonOf: .on("2026-03-02"))
    let holiday = "2026-03-04"

    override func setUp() async throws {
        h = try Harness()
        try h.purgeQueues()
        _ = try h.rows("DELETE FROM wage.calendar WHERE day = $1::date", [holiday])
        try h.startRouter()
        try h.startOffice(clock: clock)
    }

    override func tearDown() async throws {
        _ = try? h.rows("DELETE FROM wage.calendar WHERE day = $1::date", [holiday])
        await h.shutdown()
    }

    func testAHolidayAddedBySQLMovesTheNextDeadlineWithoutARestart() throws {
        XCTAssertEqual(try h.overview(try h.reportClue(Harness.newID("before")), "due_on"), "2026-03-09")
        let version = try XCTUnwrap(try h.value("SELECT version FROM wage.reference_versions WHERE name = 'calendar'"))
        _ = try h.rows("INSERT INTO wage.calendar (day, is_workday, note) VALUES ($1::date, false, 'test holiday')", [holiday])
        XCTAssertNotEqual(try h.value("SELECT version FROM wage.reference_versions WHERE name = 'calendar'"), version,
                          "the change bumped the calendar's version")
        Thread.sleep(forTimeInterval: 5)
        XCTAssertEqual(try h.overview(try h.reportClue(Harness.newID("after")), "due_on"), "2026-03-10",
                       "Wednesday 03-04 is now a holiday: Thu, Fri, Mon, Tue 03-10")
        _ = try h.rows("DELETE FROM wage.calendar WHERE day = $1::date", [holiday])
        Thread.sleep(forTimeInterval: 5)
        XCTAssertEqual(try h.overview(try h.reportClue(Harness.newID("removed")), "due_on"), "2026-03-09",
                       "a deleted holiday is a working day again")
    }

    /// §7.4: the sweep raises calendar_missing_year once while the year 60 days ahead
    /// has no calendar rows, and clears it once the year has rows.
    func testTheSweepWarnsOfAMissingYearOnceAndClearsItWhenLoaded() throws {
        let year = "2031"
        let open = "SELECT count(*) FROM wage.warnings WHERE kind = 'calendar_missing_year' AND period = $1 AND cleared_at IS NULL"
        _ = try h.rows("DELETE FROM wage.calendar WHERE extract(year FROM day) = 2031")
        _ = try h.rows("UPDATE wage.warning_records SET cleared_at = now(), cleared_by = 'test' WHERE kind = 'calendar_missing_year' AND period = $1 AND cleared_at IS NULL", [year])
        for _ in 0..<2 {
            let id = Harness.newID("sweep")
            try h.publish(as: .hrss, "office.sweep", ["as_of": "2030-11-15"], id: id)
            try h.waitProcessed(id)
        }
        XCTAssertEqual(try h.value(open, [year]), "1", "raised once, not again while open")
        let status = try h.wagectl(["--as", "hrss", "calendar", "status", "--json"]).json()
        XCTAssertTrue(status["missing_years"]?.arrayValue?.contains(.string(year)) ?? false, "wagectl calendar status: \(status)")
        XCTAssertTrue(status["years"]?.arrayValue?.contains { $0["year"] == .int(2026) } ?? false, "2026 is loaded")
        XCTAssertEqual(try h.value("SELECT department FROM wage.warnings WHERE kind = 'calendar_missing_year' AND period = $1 AND cleared_at IS NULL", [year]), "hrss")
        XCTAssertEqual(try h.value("SELECT detail->>'lookahead_days' FROM wage.warnings WHERE kind = 'calendar_missing_year' AND period = $1 AND cleared_at IS NULL", [year]), "60")
        _ = try h.rows("INSERT INTO wage.calendar (day, is_workday, note) VALUES ('2031-01-01', false, 'test: 元旦')")
        defer { _ = try? h.rows("DELETE FROM wage.calendar WHERE extract(year FROM day) = 2031") }
        let id = Harness.newID("sweep")
        try h.publish(as: .hrss, "office.sweep", ["as_of": "2030-11-15"], id: id)
        try h.waitProcessed(id)
        XCTAssertEqual(try h.value(open, [year]), "0", "cleared once the year has rows")
        XCTAssertEqual(try h.value("SELECT cleared_by FROM wage.warnings WHERE kind = 'calendar_missing_year' AND period = $1 ORDER BY warning_id DESC LIMIT 1", [year]), "sweep")
    }
}
