import XCTest
import Messages
@testable import Workflow

/// CONTRACT §8.2 and §9: every rung of the deposit ladder, its basis and the rounding.
final class DepositLadderTests: XCTestCase {
    let base = Rate(hundredthsOfPercent: 200)
    let amount = Money(yuan: "12000000.00")!

    func decide(_ history: ContractorHistory, year: Int = 2026, blacklisted: Bool = false,
                amount: Money? = nil) -> DepositDecision {
        DepositLadder.decide(contractAmount: amount ?? self.amount, registrationYear: year, history: history,
                             blacklisted: blacklisted, baseRate: base)
    }

    func testCasesLastYear() {
        let three = decide(ContractorHistory(casesByYear: [2025: 3], projectYears: [2025]))
        XCTAssertEqual([three.rate.percentString, three.basis, three.required.yuanString], ["3.00", "cases:3", "360000.00"])
        let one = decide(ContractorHistory(casesByYear: [2025: 1]))
        XCTAssertEqual([one.rate.percentString, one.basis, one.required.yuanString], ["2.50", "cases:1", "300000.00"])
        XCTAssertEqual(decide(ContractorHistory(casesByYear: [2025: 2])).basis, "cases:2")
        XCTAssertEqual(decide(ContractorHistory(casesByYear: [2025: 7])).rate.percentString, "3.00")
    }

    func testOnlyLastYearsCasesCountForTheRate() {
        // Cases two years ago do not raise the rate, but they end the clean streak there.
        let d = decide(ContractorHistory(casesByYear: [2024: 5], projectYears: [2025, 2024]))
        XCTAssertEqual([d.rate.percentString, d.basis], ["1.00", "clean:1"])
    }

    func testCleanStreak() {
        let newcomer = decide(ContractorHistory(projectYears: [2024, 2023]))
        XCTAssertEqual([newcomer.rate.percentString, newcomer.basis, newcomer.required.yuanString], ["2.00", "new", "240000.00"],
                       "no project last year: a newcomer at the base rate, whatever came before")
        let one = decide(ContractorHistory(projectYears: [2025]))
        XCTAssertEqual([one.rate.percentString, one.basis, one.required.yuanString], ["1.00", "clean:1", "120000.00"])
        let two = decide(ContractorHistory(projectYears: [2025, 2024]))
        XCTAssertEqual([two.rate.percentString, two.basis, two.required.yuanString], ["0.80", "clean:2", "96000.00"])
        let three = decide(ContractorHistory(projectYears: [2025, 2024, 2023]))
        XCTAssertEqual([three.rate.percentString, three.basis, three.required.yuanString], ["0.00", "clean:3", "0.00"])
        let five = decide(ContractorHistory(projectYears: [2025, 2024, 2023, 2022, 2021]))
        XCTAssertEqual([five.rate.percentString, five.basis], ["0.00", "clean:5"])
        let gap = decide(ContractorHistory(projectYears: [2025, 2024, 2022, 2021]))
        XCTAssertEqual(gap.basis, "clean:2", "a year without a project ends the streak")
    }

    func testTheBaseRateComesFromConfiguration() {
        let d = DepositLadder.decide(contractAmount: amount, registrationYear: 2026, history: ContractorHistory(projectYears: [2025]),
                                     blacklisted: false, baseRate: Rate(hundredthsOfPercent: 300))
        XCTAssertEqual([d.rate.percentString, d.basis], ["1.50", "clean:1"])
    }

    func testBlacklistOverridesEverything() {
        let d = decide(ContractorHistory(projectYears: [2025, 2024, 2023]), blacklisted: true)
        XCTAssertEqual([d.rate.percentString, d.basis, d.required.yuanString], ["3.00", "blacklist", "360000.00"])
    }

    func testRoundingHalfUpToTheFen() {
        // 0.80% of 1,234.56 = 9.87648 → 9.88; 2.50% of 0.20 = 0.005 → 0.01; 2.00% of 0.24 = 0.0048 → 0.00.
        XCTAssertEqual(decide(ContractorHistory(projectYears: [2025, 2024]), amount: Money(yuan: "1234.56")!).required.yuanString, "9.88")
        XCTAssertEqual(decide(ContractorHistory(casesByYear: [2025: 1]), amount: Money(yuan: "0.20")!).required.yuanString, "0.01")
        XCTAssertEqual(decide(ContractorHistory(), amount: Money(yuan: "0.24")!).required.yuanString, "0.00")
        XCTAssertEqual(decide(ContractorHistory(casesByYear: [2025: 3]), amount: Money.wireMaximum).required.yuanString,
                       "30000000000.00", "no overflow at the largest wire amount")
    }
}
