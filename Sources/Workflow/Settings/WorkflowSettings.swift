import Messages

/// Every number the contract leaves to configuration (CONTRACT §3's risk
/// thresholds, the collective-visit size, and each value marked
/// *(configuration)* in Part II), with the contract's defaults.
///
/// Stored as text key/value pairs (`values`, `init(values:)`; the keys are
/// `Key`'s raw values) so that a table or a file can hold them; a decision that
/// used one of these numbers records the value it used (`recorded(_:)`).
public struct WorkflowSettings: Sendable, Hashable {
    /// The configuration keys, as stored.
    public enum Key: String, CaseIterable, Sendable {
        case riskHighWorkers = "risk.high_workers"
        case riskHighAmount = "risk.high_amount"
        case riskMediumWorkers = "risk.medium_workers"
        case riskMediumAmount = "risk.medium_amount"
        case collectiveVisitSize = "petition.collective_visit_size"
        case transferWorkingDays = "case.transfer_working_days"
        case leaderDueWorkingDays = "case.leader_due_working_days"
        case taskForceWorkingDays = "case.task_force_working_days"
        case depositBaseRate = "deposit.base_rate"
        case depositReplenishWorkingDays = "deposit.replenish_working_days"
        case minimumLabourShare = "account.minimum_labour_share"
        case accountMissingDays = "warning.account_missing_days"
        case statementDueDay = "warning.statement_due_day"
        case payrollDueDay = "warning.payroll_due_day"
        case calendarLookaheadDays = "calendar.lookahead_days"
        case reportOfficeName = "report.office_name"
    }

    /// Risk grading of a clue (§3).
    public var risk: RiskThresholds
    /// Petitioners from which a petition is a collective visit (§3: 5).
    public var collectiveVisitSize: Int
    /// Working days a department has after a case is first transferred (§3, §7.2: 5).
    public var transferWorkingDays: Int
    /// Working days of a leader package without `due_on` (§7.3: 10).
    public var leaderDueWorkingDays: Int
    /// Working days a task force has to resolve the case (§3, seed 000 三(二)3: 10).
    public var taskForceWorkingDays: Int = 10
    /// The deposit's base rate for a newcomer, in hundredths of a percent (§8.2: 2.00% = 200).
    public var depositBaseRate: Rate
    /// Working days to replenish a drawn deposit (§8.2: 15).
    public var depositReplenishWorkingDays: Int
    /// The minimum labour share of a progress payment (§8.3: 30.00% = 3000).
    public var minimumLabourShare: Rate
    /// Days after `permit_issued_on` from which a missing special account is a warning (§8.6: 30).
    public var accountMissingDays: Int
    /// Day of the month after which last month's statement is missing (§8.6: the 10th).
    public var statementDueDay: Int
    /// Day of the month after which last month's payroll is missing (§8.6: the 15th).
    public var payrollDueDay: Int
    /// Days ahead the sweep looks for a year with no calendar rows (§7.4: 60).
    public var calendarLookaheadDays: Int
    /// The issuing office printed on the reports (issue 22: 根治欠薪工作领导小组办公室).
    public var reportOfficeName = "根治欠薪工作领导小组办公室"

    /// The contract's defaults.
    public static let `default` = WorkflowSettings(
        risk: .default, collectiveVisitSize: 5, transferWorkingDays: 5, leaderDueWorkingDays: 10,
        depositBaseRate: Rate(hundredthsOfPercent: 200), depositReplenishWorkingDays: 15,
        minimumLabourShare: Rate(hundredthsOfPercent: 3000), accountMissingDays: 30,
        statementDueDay: 10, payrollDueDay: 15, calendarLookaheadDays: 60)

    public init(risk: RiskThresholds, collectiveVisitSize: Int, transferWorkingDays: Int, leaderDueWorkingDays: Int,
                depositBaseRate: Rate, depositReplenishWorkingDays: Int, minimumLabourShare: Rate,
                accountMissingDays: Int, statementDueDay: Int, payrollDueDay: Int, calendarLookaheadDays: Int) {
        self.risk = risk
        self.collectiveVisitSize = collectiveVisitSize
        self.transferWorkingDays = transferWorkingDays
        self.leaderDueWorkingDays = leaderDueWorkingDays
        self.depositBaseRate = depositBaseRate
        self.depositReplenishWorkingDays = depositReplenishWorkingDays
        self.minimumLabourShare = minimumLabourShare
        self.accountMissingDays = accountMissingDays
        self.statementDueDay = statementDueDay
        self.payrollDueDay = payrollDueDay
        self.calendarLookaheadDays = calendarLookaheadDays
    }
}

/// A percentage with two decimals, held exactly as an integer number of
/// hundredths of a percent (`"2.50"` = 250). Never a floating-point number.
public struct Rate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var hundredthsOfPercent: Int64

    public init(hundredthsOfPercent: Int64) { self.hundredthsOfPercent = hundredthsOfPercent }

    /// Parses `"2.50"`, `"2.5"` or `"3"` (no sign, at most two decimals).
    public init?(percent text: String) {
        guard let money = Money(yuan: text) else { return nil }
        hundredthsOfPercent = money.fen
    }

    /// Two decimals, as the contract writes rates: `"3.00"`, `"0.80"`.
    public var percentString: String { Money(fen: hundredthsOfPercent).yuanString }
    public var description: String { percentString }

    /// `amount × self`, rounded half up to the fen (amounts are never negative).
    public func of(_ amount: Money) -> Money {
        let product = amount.fen.multipliedFullWidth(by: hundredthsOfPercent)
        let (quotient, remainder) = Int64(10_000).dividingFullWidth(product)
        return Money(fen: quotient + (remainder * 2 >= 10_000 ? 1 : 0))
    }

    /// `self × numerator / denominator`, rounded half up (e.g. 50% of the base rate).
    public func scaled(_ numerator: Int64, over denominator: Int64) -> Rate {
        let scaled = hundredthsOfPercent * numerator
        return Rate(hundredthsOfPercent: scaled / denominator + ((scaled % denominator) * 2 >= denominator ? 1 : 0))
    }

    /// Whether `part / whole` is below this rate, computed exactly.
    public func isAbove(_ part: Money, of whole: Money) -> Bool {
        part.fen * 10_000 < hundredthsOfPercent * whole.fen
    }

    public static func < (lhs: Rate, rhs: Rate) -> Bool { lhs.hundredthsOfPercent < rhs.hundredthsOfPercent }
}
