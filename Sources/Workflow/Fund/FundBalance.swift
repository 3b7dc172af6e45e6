import Messages
/// The fund's running totals (`wage.fund_balance`), all in fen.
public struct FundBalance: Sendable, Hashable {
    public var deposited: Money
    public var disbursed: Money
    /// Sum of the amounts awaiting approval.
    public var reserved: Money
    public var recovered: Money
    public var writtenOff: Money

    public init(deposited: Money = .zero, disbursed: Money = .zero, reserved: Money = .zero,
                recovered: Money = .zero, writtenOff: Money = .zero) {
        self.deposited = deposited
        self.disbursed = disbursed
        self.reserved = reserved
        self.recovered = recovered
        self.writtenOff = writtenOff
    }

    /// deposits − disbursed − reserved + recovered (CONTRACT §3). The book keeps it ≥ 0.
    public var available: Money { deposited - disbursed - reserved + recovered }
    /// The money in the fund: deposits − disbursed + recovered (= available + reserved).
    public var cash: Money { deposited - disbursed + recovered }
    /// Advances still owed back: disbursed − recovered − written off.
    public var outstanding: Money { disbursed - recovered - writtenOff }
}
