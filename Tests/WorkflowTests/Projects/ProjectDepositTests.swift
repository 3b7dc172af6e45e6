import XCTest
import Messages
@testable import Workflow

/// CONTRACT §8.2 movements: paid, drawn (never beyond the balance), replenish by the
/// 15th working day, release only when complete with no open linked case; the status.
final class ProjectDepositTests: XCTestCase {
    let calendar = WorkingCalendar(rows: [])
    let required = Money(yuan: "1000.00")!
    func money(_ s: String) -> Money { Money(yuan: s)! }
    func day(_ s: String) -> Day { Day(iso: s)! }

    func testPayDrawReplenish() throws {
        var d = ProjectDeposit(required: required)
        XCTAssertEqual(d.status, .due)
        d = try d.paid(money("1000.00")).get()
        XCTAssertEqual(d.status, .paid)
        d = try d.drawn(money("400.00"), today: day("2026-12-04"), calendar: calendar, replenishWorkingDays: 15).get()
        XCTAssertEqual(d.balance, money("600.00"))
        XCTAssertEqual(d.status, .drawn)
        // Friday 4 December + 15 working days (weekends only in this calendar) = Friday 25 December.
        XCTAssertEqual(d.replenishBy, day("2026-12-25"))
        XCTAssertEqual(d.drawn(money("600.01"), today: day("2026-12-04"), calendar: calendar, replenishWorkingDays: 15),
                       .failure(.invalidState), "beyond the balance")
        d = try d.paid(money("399.99")).get()
        XCTAssertNotNil(d.replenishBy, "still below the required amount")
        d = try d.paid(money("0.01")).get()
        XCTAssertNil(d.replenishBy, "cleared when back at the required amount")
        XCTAssertEqual(d.status, .paid)
    }

    func testDrawingTheWholeBalanceIsAllowed() throws {
        let d = try ProjectDeposit(required: required, balance: required)
            .drawn(required, today: day("2026-12-04"), calendar: calendar, replenishWorkingDays: 15).get()
        XCTAssertEqual(d.balance, .zero)
    }

    func testRelease() throws {
        let d = ProjectDeposit(required: required, balance: required)
        XCTAssertEqual(d.released(today: day("2026-12-04"), projectCompleted: false, openLinkedCases: 0), .failure(.invalidState))
        XCTAssertEqual(d.released(today: day("2026-12-04"), projectCompleted: true, openLinkedCases: 1), .failure(.invalidState))
        let released = try d.released(today: day("2026-12-04"), projectCompleted: true, openLinkedCases: 0).get()
        XCTAssertEqual(released.balance, .zero)
        XCTAssertEqual(released.status, .released)
        XCTAssertEqual(released.released(today: day("2026-12-05"), projectCompleted: true, openLinkedCases: 0), .failure(.invalidState))
        XCTAssertEqual(released.paid(money("1.00")).map(\.balance), .failure(.invalidState))
    }

    func testStatusOrder() {
        XCTAssertEqual(ProjectDeposit(required: .zero, releasedOn: day("2026-01-01")).status, .released)
        XCTAssertEqual(ProjectDeposit(required: .zero).status, .exempt)
        XCTAssertEqual(ProjectDeposit(required: required, balance: money("1.00"), drawn: true).status, .drawn)
        XCTAssertEqual(ProjectDeposit(required: required, balance: required, drawn: true).status, .paid)
        XCTAssertEqual(ProjectDeposit(required: required, balance: money("999.99")).status, .due)
    }
}
