import XCTest
import Messages
@testable import Workflow

final class CalendarCoverageTests: XCTestCase {
    func testTheYearSixtyDaysAheadMustHaveRows() {
        let d = { (s: String) in Day(iso: s)! }
        XCTAssertNil(CalendarCoverage.missingYear(asOf: d("2026-11-01"), lookaheadDays: 60, yearsLoaded: [2026]),
                     "11-01 + 60 days = 12-31, still 2026")
        XCTAssertEqual(CalendarCoverage.missingYear(asOf: d("2026-11-02"), lookaheadDays: 60, yearsLoaded: [2026]), 2027,
                       "11-02 + 60 days = 2027-01-01")
        XCTAssertNil(CalendarCoverage.missingYear(asOf: d("2026-12-31"), lookaheadDays: 60, yearsLoaded: [2026, 2027]))
        XCTAssertEqual(CalendarCoverage.missingYear(asOf: d("2026-03-01"), lookaheadDays: 60, yearsLoaded: []), 2026)
        XCTAssertEqual(CalendarCoverage.missingYear(asOf: d("2026-10-01"), lookaheadDays: 120, yearsLoaded: [2026]), 2027,
                       "the look-ahead is configuration")
        let warning = CalendarCoverage.warning(year: 2027, asOf: d("2026-12-07"), lookaheadDays: 60)
        XCTAssertEqual(warning.kind, .calendarMissingYear)
        XCTAssertEqual(warning.period, "2027")
        XCTAssertEqual(warning.department, .hrss)
        XCTAssertNil(warning.projectNo)
        XCTAssertTrue(WarningKind.sweepKinds.contains(.calendarMissingYear))
    }
}
