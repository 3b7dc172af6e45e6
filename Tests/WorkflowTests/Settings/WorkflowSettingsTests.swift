import XCTest
import Messages
@testable import Workflow

final class WorkflowSettingsTests: XCTestCase {
    func testRateOfAmountRoundsHalfUpToTheFen() {
        let rate = Rate(percent: "2.50")!
        XCTAssertEqual(rate.of(Money(yuan: "100.00")!), Money(yuan: "2.50")!)
        // 0.3 fen rounds down, 0.5 fen rounds up
        XCTAssertEqual(Rate(percent: "3.00")!.of(Money(fen: 10)), Money(fen: 0))
        XCTAssertEqual(Rate(percent: "0.50")!.of(Money(fen: 100)), Money(fen: 1))
        XCTAssertEqual(Rate(percent: "0.80")!.of(Money(yuan: "12345678.91")!), Money(yuan: "98765.43")!)
        XCTAssertEqual(Rate(percent: "0.00")!.of(Money(yuan: "1000000000000.00")!), .zero)
    }

    func testRateScalingAndShares() {
        let base = Rate(percent: "2.00")!
        XCTAssertEqual(base.scaled(50, over: 100).percentString, "1.00")
        XCTAssertEqual(base.scaled(40, over: 100).percentString, "0.80")
        let minimum = Rate(percent: "30")!
        XCTAssertTrue(minimum.isAbove(Money(yuan: "29.99")!, of: Money(yuan: "100.00")!))
        XCTAssertFalse(minimum.isAbove(Money(yuan: "30.00")!, of: Money(yuan: "100.00")!))
        XCTAssertNil(Rate(percent: "-1"))
        XCTAssertNil(Rate(percent: "1.234"))
    }

    func testValuesRoundTripAndOverride() throws {
        let defaults = WorkflowSettings.default
        XCTAssertEqual(Set(defaults.values.keys), Set(WorkflowSettings.Key.allCases))
        let again = try WorkflowSettings(values: Dictionary(uniqueKeysWithValues: defaults.values.map { ($0.key.rawValue, $0.value) }))
        XCTAssertEqual(again, defaults)
        let changed = try WorkflowSettings(values: ["deposit.base_rate": "1.50", "petition.collective_visit_size": "7", "unknown.key": "x"])
        XCTAssertEqual(changed.depositBaseRate.percentString, "1.50")
        XCTAssertEqual(changed.collectiveVisitSize, 7)
        XCTAssertEqual(changed.payrollDueDay, 15)
        XCTAssertThrowsError(try WorkflowSettings(values: ["warning.payroll_due_day": "31"]))
        XCTAssertThrowsError(try WorkflowSettings(values: ["risk.high_amount": "lots"]))
        XCTAssertEqual(changed.recorded(.depositBaseRate), .object(["deposit.base_rate": .string("1.50")]))
    }
}
