import XCTest
@testable import Messages
@testable import Workflow

/// §7.8 calendar periods: months to the same day or that month's last day; years to
/// the same date, 29 February becoming 28 February.
final class CreditCalendarPeriodTests: XCTestCase {
    func testSixMonthsLandOnTheSameDayOrTheMonthsLastDay() {
        let cases: [(String, String)] = [
            ("2026-01-15", "2026-07-15"), ("2026-03-31", "2026-09-30"), ("2026-08-31", "2027-02-28"),
            ("2027-08-31", "2028-02-29"), ("2027-08-29", "2028-02-29"), ("2027-08-30", "2028-02-29"),
            ("2026-08-28", "2027-02-28"), ("2026-07-01", "2027-01-01"), ("2026-12-31", "2027-06-30"),
            ("2026-06-30", "2026-12-30"), ("2026-05-31", "2026-11-30"), ("2028-02-29", "2028-08-29"),
            ("2026-10-31", "2027-04-30"),
        ]
        for (from, expected) in cases {
            XCTAssertEqual(CalendarPeriod.adding(months: 6, to: d(from)), d(expected), "\(from) + 6 months")
        }
    }

    func testMonthsAcrossYearsAndBackwards() {
        XCTAssertEqual(CalendarPeriod.adding(months: 1, to: d("2026-01-31")), d("2026-02-28"))
        XCTAssertEqual(CalendarPeriod.adding(months: 1, to: d("2028-01-31")), d("2028-02-29"))
        XCTAssertEqual(CalendarPeriod.adding(months: 12, to: d("2026-02-28")), d("2027-02-28"))
        XCTAssertEqual(CalendarPeriod.adding(months: 25, to: d("2026-11-30")), d("2028-12-30"))
        XCTAssertEqual(CalendarPeriod.adding(months: 0, to: d("2026-11-30")), d("2026-11-30"))
        XCTAssertEqual(CalendarPeriod.adding(months: -6, to: d("2026-08-31")), d("2026-02-28"))
        XCTAssertEqual(CalendarPeriod.adding(months: -1, to: d("2026-01-15")), d("2025-12-15"))
        XCTAssertEqual(CalendarPeriod.adding(months: -13, to: d("2026-03-31")), d("2025-02-28"))
    }

    func testThreeYearsKeepTheDateAndTurn29FebruaryInto28February() {
        XCTAssertEqual(CalendarPeriod.adding(years: 3, to: d("2026-03-02")), d("2029-03-02"))
        XCTAssertEqual(CalendarPeriod.adding(years: 3, to: d("2024-02-29")), d("2027-02-28"))
        XCTAssertEqual(CalendarPeriod.adding(years: 4, to: d("2024-02-29")), d("2028-02-29"))
        XCTAssertEqual(CalendarPeriod.adding(years: 3, to: d("2025-02-28")), d("2028-02-28"), "not the 29th")
        XCTAssertEqual(CalendarPeriod.adding(years: 3, to: d("2026-12-31")), d("2029-12-31"))
        XCTAssertEqual(CalendarPeriod.adding(years: -3, to: d("2028-02-29")), d("2025-02-28"))
    }

    func testWithinTheLastThreeYears() {
        let today = d("2029-03-02")
        XCTAssertTrue(CalendarPeriod.isWithin(years: 3, before: today, d("2026-03-02")), "exactly 3 years ago")
        XCTAssertFalse(CalendarPeriod.isWithin(years: 3, before: today, d("2026-03-01")))
        XCTAssertTrue(CalendarPeriod.isWithin(years: 3, before: today, today))
        XCTAssertFalse(CalendarPeriod.isWithin(years: 3, before: today, d("2029-03-03")), "the future is not within")
        // 29 February: 2024-02-29 + 3 years = 2027-02-28
        XCTAssertTrue(CalendarPeriod.isWithin(years: 3, before: d("2027-02-28"), d("2024-02-29")))
        XCTAssertFalse(CalendarPeriod.isWithin(years: 3, before: d("2027-03-01"), d("2024-02-29")))
        XCTAssertTrue(CalendarPeriod.isWithin(years: 3, before: d("2027-02-28"), d("2024-02-28")))
        XCTAssertFalse(CalendarPeriod.isWithin(years: 3, before: d("2027-02-28"), d("2024-02-27")))
    }

    /// Every day of four years (a leap year among them): +6 months is never more than 6
    /// calendar months on, and is the same day or the month's last.
    func testSixMonthsForEveryDayOfFourYears() {
        var day = d("2026-01-01")
        while day < d("2030-01-01") {
            let later = CalendarPeriod.adding(months: 6, to: day)
            let months = (later.year - day.year) * 12 + later.month - day.month
            XCTAssertEqual(months, 6, "\(day)")
            if later.day != day.day {
                XCTAssertLessThan(later.day, day.day, "\(day)")
                XCTAssertEqual(later.adding(days: 1).day, 1, "\(day) → \(later) is not the month's last day")
            }
            day = day.adding(days: 1)
        }
    }
}
