import Foundation
import XCTest
@testable import Messages
@testable import Workflow

final class ShanghaiTimeTests: XCTestCase {
    func testDayOfAnInstantIsTheShanghaiDay() {
        // 2026-02-13T15:59:59Z = 23:59:59 in Shanghai; one second later is the 14th.
        let late = Date(timeIntervalSince1970: 1_771_000_000)  // 2026-02-13T16:26:40Z
        XCTAssertEqual(Day(shanghai: late), d("2026-02-14"))
        XCTAssertEqual(Day(shanghai: late.addingTimeInterval(-1_601)), d("2026-02-13"))
        XCTAssertEqual(Day(shanghai: late.addingTimeInterval(-1_600)), d("2026-02-14"))
        XCTAssertEqual(d("2026-02-14").shanghaiStart, late.addingTimeInterval(-1_600))
        XCTAssertEqual(Day(shanghai: Date(timeIntervalSince1970: -1)), d("1970-01-01"), "08:00 local minus a second")
        XCTAssertEqual(Day(shanghai: Date(timeIntervalSince1970: -8 * 3600 - 1)), d("1969-12-31"))
    }

    func testAddingYears() {
        XCTAssertEqual(d("2026-03-15").addingYears(1), d("2027-03-15"))
        XCTAssertEqual(d("2028-02-29").addingYears(1), d("2029-03-01"))
        XCTAssertEqual(d("2028-02-29").addingYears(4), d("2032-02-29"))
        let t = d("2026-05-06").shanghaiStart.addingTimeInterval(10 * 3600 + 5)
        XCTAssertEqual(t.addingYearsInShanghai(1), d("2027-05-06").shanghaiStart.addingTimeInterval(10 * 3600 + 5))
    }

    func testContextDerivesTodayFromNow() {
        let now = d("2026-10-01").shanghaiStart.addingTimeInterval(-60)
        XCTAssertEqual(WorkflowContext(now: now, calendar: cn2026).today, d("2026-09-30"))
        let c = WorkflowContext(today: d("2026-10-01"), calendar: cn2026)
        XCTAssertEqual(Day(shanghai: c.now), d("2026-10-01"))
    }
}
