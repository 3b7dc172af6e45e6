import Messages
/// Configurable risk grading of a clue (CONTRACT §3): `high` when
/// `workers_count ≥ highWorkers` or `amount_owed ≥ highAmount`; `medium` when
/// `≥ mediumWorkers` or `≥ mediumAmount`; else `low`. Bounds are inclusive.
public struct RiskThresholds: Sendable, Hashable, Codable {
    public var highWorkers: Int
    public var highAmount: Money
    public var mediumWorkers: Int
    public var mediumAmount: Money

    public init(highWorkers: Int, highAmount: Money, mediumWorkers: Int, mediumAmount: Money) {
        self.highWorkers = highWorkers
        self.highAmount = highAmount
        self.mediumWorkers = mediumWorkers
        self.mediumAmount = mediumAmount
    }

    /// The contract's defaults: 30 workers / 1,000,000 yuan; 10 workers / 100,000 yuan.
    public static let `default` = RiskThresholds(
        highWorkers: 30, highAmount: Money(fen: 1_000_000_00),
        mediumWorkers: 10, mediumAmount: Money(fen: 100_000_00))

    /// The grade of a clue with these figures.
    public func grade(workersCount: Int, amountOwed: Money) -> RiskLevel {
        if workersCount >= highWorkers || amountOwed >= highAmount { return .high }
        if workersCount >= mediumWorkers || amountOwed >= mediumAmount { return .medium }
        return .low
    }
}
