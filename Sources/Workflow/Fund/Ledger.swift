import Messages
/// The accounts of the emergency fund's double-entry ledger.
public enum LedgerAccount: String, CaseIterable, Sendable, Hashable, Codable {
    /// The budget's side of a deposit (credited when money enters the fund).
    case budget
    /// The money in the fund (应急周转金).
    case fundCash = "fund_cash"
    /// Advances paid to workers, owed back by the employer (垫付 → 追偿).
    case advancesReceivable = "advances_receivable"
    /// Advances that were written off (核销).
    case writtenOff = "written_off"
}

/// One line of a ledger transaction. Sign convention: positive = debit,
/// negative = credit; the postings of one transaction sum to zero.
public struct Posting: Sendable, Hashable {
    public var account: LedgerAccount
    /// Signed amount in fen.
    public var amountFen: Int64

    public init(account: LedgerAccount, amountFen: Int64) {
        self.account = account
        self.amountFen = amountFen
    }
}

/// Why money moved.
public enum LedgerKind: String, Sendable, Hashable, Codable {
    case deposit, disbursement, recovery, writeoff
}

/// One balanced set of postings, written atomically.
public struct LedgerTransaction: Sendable, Hashable {
    public var kind: LedgerKind
    /// The fund request concerned; `nil` for a deposit.
    public var requestNo: String?
    public var postings: [Posting]

    /// Moves `amount` from `credit` to `debit` (one debit, one credit posting).
    public init(kind: LedgerKind, requestNo: String?, amount: Money, debit: LedgerAccount, credit: LedgerAccount) {
        self.kind = kind
        self.requestNo = requestNo
        self.postings = [Posting(account: debit, amountFen: amount.fen), Posting(account: credit, amountFen: -amount.fen)]
    }

    /// Whether the postings sum to zero (double entry).
    public var isBalanced: Bool { postings.reduce(0) { $0 + $1.amountFen } == 0 }
}
