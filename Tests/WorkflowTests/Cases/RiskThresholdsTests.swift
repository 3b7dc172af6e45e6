import XCTest
@testable import Messages
@testable import Workflow

final class RiskThresholdsTests: XCTestCase {
    let t = RiskThresholds.default

    func testWorkerBoundaries() {
        XCTAssertEqual(t.grade(workersCount: 1, amountOwed: yuan("0.01")), .low)
        XCTAssertEqual(t.grade(workersCount: 9, amountOwed: yuan("99999.99")), .low)
        XCTAssertEqual(t.grade(workersCount: 10, amountOwed: yuan("1.00")), .medium)
        XCTAssertEqual(t.grade(workersCount: 29, amountOwed: yuan("1.00")), .medium)
        XCTAssertEqual(t.grade(workersCount: 30, amountOwed: yuan("1.00")), .high)
    }

    func testAmountBoundaries() {
        XCTAssertEqual(t.grade(workersCount: 1, amountOwed: yuan("100000.00")), .medium)
        XCTAssertEqual(t.grade(workersCount: 1, amountOwed: yuan("999999.99")), .medium)
        XCTAssertEqual(t.grade(workersCount: 1, amountOwed: yuan("1000000.00")), .high)
    }

    func testEitherCriterionSufficesAndTheHigherWins() {
        XCTAssertEqual(t.grade(workersCount: 30, amountOwed: yuan("5.00")), .high)
        XCTAssertEqual(t.grade(workersCount: 10, amountOwed: yuan("2000000.00")), .high)
        XCTAssertEqual(t.grade(workersCount: 12, amountOwed: yuan("50.00")), .medium)
    }

    func testThresholdsAreConfiguration() {
        let strict = RiskThresholds(highWorkers: 5, highAmount: yuan("10000.00"), mediumWorkers: 2, mediumAmount: yuan("1000.00"))
        XCTAssertEqual(strict.grade(workersCount: 5, amountOwed: yuan("1.00")), .high)
        XCTAssertEqual(strict.grade(workersCount: 2, amountOwed: yuan("1.00")), .medium)
        XCTAssertEqual(strict.grade(workersCount: 1, amountOwed: yuan("1000.00")), .medium)
        XCTAssertEqual(strict.grade(workersCount: 1, amountOwed: yuan("999.99")), .low)
    }

    func testLevelsOrderAndCodes() {
        XCTAssertLessThan(RiskLevel.low, .medium)
        XCTAssertLessThan(RiskLevel.medium, .high)
        XCTAssertEqual(RiskLevel.allCases.map(\.rawValue), ["low", "medium", "high"])
    }
}
