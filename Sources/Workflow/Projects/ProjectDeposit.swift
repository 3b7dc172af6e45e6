import Messages

/// A project's wage deposit (工资保证金, CONTRACT §8.2) as a value: the required amount
/// decided at registration, the balance, and the draws. Its event functions return
/// the new value or the refusal; money is integer fen and the balance never negative.
public struct ProjectDeposit: Sendable, Hashable {
    /// What the ladder required at registration (0 = exempt).
    public var required: Money
    public var balance: Money
    /// At least one `deposit.drawn` was applied.
    public var drawn: Bool
    /// After a draw that left the balance below `required`: the day it must be back.
    public var replenishBy: Day?
    /// The day it was returned (退还); nothing moves after that.
    public var releasedOn: Day?

    public init(required: Money, balance: Money = .zero, drawn: Bool = false, replenishBy: Day? = nil,
                releasedOn: Day? = nil) {
        self.required = required
        self.balance = balance
        self.drawn = drawn
        self.replenishBy = replenishBy
        self.releasedOn = releasedOn
    }

    /// `deposit.paid`: adds to the balance; back at `required`, the replenish date is
    /// cleared. A released deposit takes nothing more (`invalid_state`).
    public func paid(_ amount: Money) -> Result<ProjectDeposit, RejectionReason> {
        guard releasedOn == nil else { return .failure(.invalidState) }
        var next = self
        next.balance += amount
        if next.balance >= required { next.replenishBy = nil }
        return .success(next)
    }

    /// `deposit.drawn` on `today`: wages paid out of the deposit. More than the balance
    /// is `invalid_state`. Left below `required`, it must be replenished by the
    /// `replenishWorkingDays`-th working day after `today`.
    public func drawn(_ amount: Money, today: Day, calendar: WorkingCalendar,
                      replenishWorkingDays: Int) -> Result<ProjectDeposit, RejectionReason> {
        guard releasedOn == nil, amount <= balance else { return .failure(.invalidState) }
        var next = self
        next.balance -= amount
        next.drawn = true
        next.replenishBy = next.balance < required
            ? calendar.nthWorkingDay(after: today, n: replenishWorkingDays) : nil
        return .success(next)
    }

    /// `deposit.released` on `today` (退还): only for a completed project without a
    /// linked case that is not resolved or closed (工程完工且未拖欠), once.
    public func released(today: Day, projectCompleted: Bool, openLinkedCases: Int) -> Result<ProjectDeposit, RejectionReason> {
        guard releasedOn == nil, projectCompleted, openLinkedCases == 0 else { return .failure(.invalidState) }
        var next = self
        next.balance = .zero
        next.replenishBy = nil
        next.releasedOn = today
        return .success(next)
    }

    /// `deposit_status` of §8.2, first match wins.
    public var status: DepositStatus {
        if releasedOn != nil { return .released }
        if required == .zero { return .exempt }
        if balance < required && drawn { return .drawn }
        if balance >= required { return .paid }
        return .due
    }
}

/// `deposit_status` (CONTRACT §8.2).
public enum DepositStatus: String, CaseIterable, Sendable, Hashable, Codable {
    case released, exempt, drawn, paid, due
}
