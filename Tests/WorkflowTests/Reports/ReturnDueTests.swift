import Messages
import Workflow
import XCTest

/// The due day of department returns (seed 003: by the 10th of the next month), as written.
final class ReturnDueTests: XCTestCase {
    let tenth = ReturnDue.dayOfNextMonth(10)

    func month(_ iso: String) -> Month { Month(iso: iso)! }

    func testTheReturnOfAMonthIsDueOnTheTenthOfTheNextOneAcrossTheYearEnd() {
        XCTAssertEqual(tenth.dueOn(month("2026-11")), d("2026-12-10"))
        XCTAssertEqual(tenth.dueOn(month("2026-12")), d("2027-01-10"))
        XCTAssertNil(ReturnDue.anyTime.dueOn(month("2026-11")))
    }

    func testTheTenthStaysTheDueDayWhenItIsAWeekendOrHolidayAndTheReportSaysSo() {
        // 2026-01-10 is a Saturday, 2026-05-10 a Sunday: still the due day, flagged.
        XCTAssertEqual(tenth.dueOn(month("2025-12")), d("2026-01-10"))
        XCTAssertTrue(tenth.fallsOnRestDay(month("2025-12"), calendar: cn2026))
        XCTAssertTrue(tenth.fallsOnRestDay(month("2026-04"), calendar: cn2026))
        // 2026-10-10 is a Saturday but a make-up working day (国庆节调休上班).
        XCTAssertFalse(tenth.fallsOnRestDay(month("2026-09"), calendar: cn2026))
        // 2026-12-10 is a Thursday.
        XCTAssertFalse(tenth.fallsOnRestDay(month("2026-11"), calendar: cn2026))
        XCTAssertFalse(ReturnDue.anyTime.fallsOnRestDay(month("2025-12"), calendar: cn2026))
    }

    func testOnTheDueDayIsOnTimeAndTheDayAfterIsLateEvenWhenTheTenthWasASunday() {
        let april = month("2026-04")  // due Sunday 2026-05-10
        XCTAssertFalse(tenth.isLate(april, submittedOn: d("2026-05-10"), today: d("2026-06-01")))
        XCTAssertFalse(tenth.isLate(april, submittedOn: d("2026-04-30"), today: d("2026-06-01")))
        XCTAssertTrue(tenth.isLate(april, submittedOn: d("2026-05-11"), today: d("2026-05-11")))
    }

    func testAMissingReturnBecomesLateAndOverdueTheDayAfterItsDueDay() {
        let november = month("2026-11")
        XCTAssertFalse(tenth.isLate(november, submittedOn: nil, today: d("2026-12-10")))
        XCTAssertFalse(tenth.isOverdue(november, submitted: false, asOf: d("2026-12-10")))
        XCTAssertTrue(tenth.isLate(november, submittedOn: nil, today: d("2026-12-11")))
        XCTAssertTrue(tenth.isOverdue(november, submitted: false, asOf: d("2026-12-11")))
        XCTAssertFalse(tenth.isOverdue(november, submitted: true, asOf: d("2027-03-01")))
    }

    func testAnAnyTimeReturnIsNeverLate() {
        XCTAssertFalse(ReturnDue.anyTime.isLate(month("2026-01"), submittedOn: nil, today: d("2026-12-31")))
        XCTAssertFalse(ReturnDue.anyTime.isOverdue(month("2026-01"), submitted: false, asOf: d("2026-12-31")))
    }

    func testTheReturnsDueInAMonthAreThoseOfThePreviousMonth() {
        XCTAssertEqual(ReturnDue.reportedMonth(dueIn: d("2026-12-08")), month("2026-11"))
        XCTAssertEqual(ReturnDue.reportedMonth(dueIn: d("2027-01-11")), month("2026-12"))
    }
}
