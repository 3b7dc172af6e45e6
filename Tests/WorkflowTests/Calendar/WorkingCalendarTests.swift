import XCTest
@testable import Messages
@testable import Workflow

/// Expected dates are computed by hand from deploy/calendar/CN-2026.csv:
/// 春节 holiday 02-15 (Sun) … 02-23 (Mon), make-up Saturdays 02-14 and 02-28;
/// 中秋 09-25 … 09-27, 国庆 10-01 (Thu) … 10-07, make-up Sunday 09-20 and Saturday 10-10;
/// 元旦 01-01 … 01-03 with make-up Sunday 01-04.
final class WorkingCalendarTests: XCTestCase {
    func testListedAndUnlistedDays() {
        XCTAssertTrue(cn2026.isWorkday(d("2026-02-14")), "make-up Saturday")
        XCTAssertFalse(cn2026.isWorkday(d("2026-02-16")), "Spring Festival Monday")
        XCTAssertFalse(cn2026.isWorkday(d("2026-02-21")), "Saturday inside the holiday")
        XCTAssertTrue(cn2026.isWorkday(d("2026-09-20")), "make-up Sunday before National Day")
        XCTAssertTrue(cn2026.isWorkday(d("2026-10-10")), "make-up Saturday after National Day")
        XCTAssertFalse(cn2026.isWorkday(d("2026-10-11")), "ordinary Sunday")
        XCTAssertFalse(cn2026.isWorkday(d("2026-10-01")), "National Day (a Thursday)")
        XCTAssertTrue(cn2026.isWorkday(d("2026-03-02")), "unlisted Monday")
        XCTAssertFalse(cn2026.isWorkday(d("2026-03-07")), "unlisted Saturday")
        XCTAssertTrue(cn2026.isWorkday(d("2027-01-01")), "unlisted Friday outside the file")
    }

    func testEmptyCalendarIsMondayToFriday() {
        let plain = WorkingCalendar()
        XCTAssertEqual(plain.nthWorkingDay(after: d("2026-02-13"), n: 5), d("2026-02-20"))
        XCTAssertFalse(plain.isWorkday(d("2026-02-14")))
    }

    func testFifthWorkingDayAroundSpringFestival() {
        // Thu 02-12: 13 (1), Sat 14 (2), 24 (3), 25 (4), 26 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-12"), n: 5), d("2026-02-26"))
        // Fri 02-13: Sat 14 (1), 24, 25, 26, 27 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-13"), n: 5), d("2026-02-27"))
        // the make-up Saturday itself is not counted; the next make-up Saturday is
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-14"), n: 5), d("2026-02-28"))
        // from inside the holiday
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-18"), n: 5), d("2026-02-28"))
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-23"), n: 1), d("2026-02-24"))
    }

    func testTenthWorkingDayAcrossSpringFestival() {
        // Fri 02-13: 14 (1), 24–27 (2–5), Sat 28 (6), Mon 03-02 … Thu 03-05 (7–10)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-13"), n: 10), d("2026-03-05"))
    }

    func testAroundNationalDay() {
        // Wed 09-30: 10-01…07 off, 08 (1), 09 (2), Sat 10 (3), Mon 12 (4), Tue 13 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-09-30"), n: 5), d("2026-10-13"))
        // Fri 09-18: Sat 19 off, Sun 20 make-up (1), 21, 22, 23, Thu 24 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-09-18"), n: 5), d("2026-09-24"))
        // Thu 09-24: 25–27 Mid-Autumn, 28, 29, 30, 10-08, Fri 10-09 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-09-24"), n: 5), d("2026-10-09"))
        // … then Sat 10 (6), 12, 13, 14, Thu 15 (10)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-09-24"), n: 10), d("2026-10-15"))
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-10-03"), n: 5), d("2026-10-13"))
    }

    func testOrdinaryWeekendsAndNewYear() {
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-03-06"), n: 5), d("2026-03-13"))
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-03-07"), n: 5), d("2026-03-13"))
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-03-08"), n: 1), d("2026-03-09"))
        // Wed 2025-12-31: 01-01…03 off, Sun 01-04 make-up (1), 05, 06, 07, Thu 08 (5)
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2025-12-31"), n: 5), d("2026-01-08"))
    }

    func testZeroOrNegativeNIsTheStartDay() {
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-16"), n: 0), d("2026-02-16"))
        XCTAssertEqual(cn2026.nthWorkingDay(after: d("2026-02-16"), n: -3), d("2026-02-16"))
    }

    func testWorkingDaysInRange() {
        let spring = cn2026.workingDays(from: d("2026-02-09"), to: d("2026-03-01"))
        XCTAssertEqual(spring.map(\.iso), [
            "2026-02-09", "2026-02-10", "2026-02-11", "2026-02-12", "2026-02-13", "2026-02-14",
            "2026-02-24", "2026-02-25", "2026-02-26", "2026-02-27", "2026-02-28",
        ])
        let national = cn2026.workingDays(from: d("2026-09-28"), to: d("2026-10-11"))
        XCTAssertEqual(national.map(\.iso), ["2026-09-28", "2026-09-29", "2026-09-30", "2026-10-08", "2026-10-09", "2026-10-10"])
        XCTAssertEqual(cn2026.workingDays(from: d("2026-02-16"), to: d("2026-02-16")), [])
        XCTAssertEqual(cn2026.workingDays(from: d("2026-02-14"), to: d("2026-02-14")), [d("2026-02-14")])
        XCTAssertEqual(cn2026.workingDays(from: d("2026-03-05"), to: d("2026-03-01")), [])
    }

    func testNthWorkingDayAgreesWithWorkingDays() {
        // the nth working day after D is the nth element of workingDays(D+1 … )
        var day = d("2026-01-01")
        while day < d("2026-12-20") {
            let next = cn2026.workingDays(from: day.adding(days: 1), to: day.adding(days: 40))
            XCTAssertEqual(cn2026.nthWorkingDay(after: day, n: 5), next[4], "\(day)")
            XCTAssertEqual(cn2026.nthWorkingDay(after: day, n: 10), next[9], "\(day)")
            day = day.adding(days: 1)
        }
    }
}
