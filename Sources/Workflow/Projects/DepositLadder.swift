import Messages

/// The general contractor's history in this system, as the deposit ladder reads it
/// (CONTRACT §8.2): per year, whether it had a registered project (by
/// `permit_issued_on`) and how many counted cases (employer or general contractor of
/// a linked project, `unfounded` left out).
public struct ContractorHistory: Sendable, Hashable {
    /// Counted cases registered in each year.
    public var casesByYear: [Int: Int]
    /// Years with at least one registered project.
    public var projectYears: Set<Int>

    public init(casesByYear: [Int: Int] = [:], projectYears: Set<Int> = []) {
        self.casesByYear = casesByYear
        self.projectYears = projectYears
    }

    /// Counted cases in `year`.
    public func cases(in year: Int) -> Int { casesByYear[year] ?? 0 }
}

/// The deposit decision kept with a project: rate, basis and required amount.
public struct DepositDecision: Sendable, Hashable {
    /// Percent with two decimals (`"3.00"`, `"0.80"`, `"0.00"`).
    public var rate: Rate
    /// `cases:N`, `clean:K`, `new` or `blacklist`.
    public var basis: String
    /// `contract_amount × rate`, rounded half up to the fen.
    public var required: Money

    public init(rate: Rate, basis: String, required: Money) {
        self.rate = rate
        self.basis = basis
        self.required = required
    }
}

/// The rate ladder of the wage deposit (工资保证金, the deposit rule; CONTRACT §8.2, §9).
/// Only the base rate is configuration (`deposit.base_rate`); the rungs are the
/// rule's own numbers.
public enum DepositLadder {
    /// 3 or more cases last year: 3.0%.
    public static let manyCasesRate = Rate(hundredthsOfPercent: 300)
    /// 1 or 2 cases last year: 2.5%.
    public static let someCasesRate = Rate(hundredthsOfPercent: 250)
    /// Cases last year from which the higher rate applies.
    public static let manyCases = 3
    /// A listed general contractor (§9): 3.0% whatever its history.
    public static let blacklistRate = Rate(hundredthsOfPercent: 300)
    /// Clean years → share of the base rate, in percent (1 year: 50%, 2 years: 40%);
    /// `exemptAfterCleanYears` clean years or more: exempt.
    public static let cleanShares: [Int: Int64] = [1: 50, 2: 40]
    /// Clean years from which no deposit is required.
    public static let exemptAfterCleanYears = 3

    /// The clean streak k: the years Y−1, Y−2, … back to the first year in which the
    /// contractor had no registered project or had a counted case.
    public static func cleanStreak(_ history: ContractorHistory, registrationYear year: Int) -> Int {
        var k = 0
        while history.projectYears.contains(year - 1 - k), history.cases(in: year - 1 - k) == 0 { k += 1 }
        return k
    }

    /// The decision for a project of `contractAmount` registered in `year` by a
    /// contractor with `history`; a listed contractor pays the blacklist rate.
    public static func decide(contractAmount: Money, registrationYear year: Int, history: ContractorHistory,
                              blacklisted: Bool, baseRate: Rate) -> DepositDecision {
        let (rate, basis) = rung(registrationYear: year, history: history, blacklisted: blacklisted, baseRate: baseRate)
        return DepositDecision(rate: rate, basis: basis, required: rate.of(contractAmount))
    }

    static func rung(registrationYear year: Int, history: ContractorHistory, blacklisted: Bool,
                     baseRate: Rate) -> (Rate, String) {
        if blacklisted { return (blacklistRate, "blacklist") }
        let n = history.cases(in: year - 1)
        if n >= manyCases { return (manyCasesRate, "cases:\(n)") }
        if n > 0 { return (someCasesRate, "cases:\(n)") }
        let k = cleanStreak(history, registrationYear: year)
        if k == 0 { return (baseRate, "new") }
        if k >= exemptAfterCleanYears { return (Rate(hundredthsOfPercent: 0), "clean:\(k)") }
        return (baseRate.scaled(cleanShares[k] ?? 100, over: 100), "clean:\(k)")
    }
}
