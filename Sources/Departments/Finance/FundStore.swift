import Foundation
import Store
import Messages
import Workflow

/// The fund's rows as the finance worker reads and writes them, inside the
/// message's transaction: the serialising lock, the running totals
/// (`wage.fund_balance`), one request (`wage.fund_requests`) and ledger entries
/// (`wage.fund_entries` + `wage.fund_postings`). Money in fen throughout.
struct FundStore {
    let db: PGConnection

    /// A stored value the domain cannot read (a status or enum the code does not know).

    /// Takes `wage.fund_lock` for the rest of the transaction. Every finance
    /// transaction that reserves or moves money takes it first, so balance checks
    /// on several worker instances run one after the other and each sees the
    /// previous one's commit (READ COMMITTED: every later statement has a new snapshot).
    func lock() throws {
        try db.execute("SELECT id FROM wage.fund_lock WHERE id = 1 FOR UPDATE")
    }

    /// The running totals; read after `lock()`.
    func balance() throws -> FundBalance {
        let row = try db.execute("""
            SELECT deposited_fen, disbursed_fen, reserved_fen, recovered_fen, written_off_fen FROM wage.fund_balance
            """).rows[0]
        return FundBalance(deposited: Money(fen: try row.int64("deposited_fen")),
                           disbursed: Money(fen: try row.int64("disbursed_fen")),
                           reserved: Money(fen: try row.int64("reserved_fen")),
                           recovered: Money(fen: try row.int64("recovered_fen")),
                           writtenOff: Money(fen: try row.int64("written_off_fen")))
    }

    /// Whether `caseID` names a case in `wage.cases` (false for text that is not a UUID).
    func caseExists(_ caseID: String) throws -> Bool {
        try CaseDirectory.exists(caseID, db: db)
    }

    /// The request `requestNo`, or nil when finance never recorded it.
    func request(_ requestNo: String) throws -> FundRequestRecord? {
        guard let row = try db.execute("""
            SELECT request_no, case_id::text AS case_id, amount_fen, beneficiaries, purpose, reason, status,
                   requested_at, decided_at, approver, decision_note, disbursed_at, recovered_fen,
                   written_off_fen, written_off_at
            FROM wage.fund_requests WHERE request_no = $1
            """, [requestNo]).rows.first else { return nil }
        let request = FundRequest(
            caseID: try row.string("case_id"), requestNo: try row.string("request_no"),
            amount: Money(fen: try row.int64("amount_fen")), beneficiaries: try row.int("beneficiaries"),
            purpose: try FundStore.decode(row, "purpose"), reason: try FundStore.decode(row, "reason"))
        return FundRequestRecord(
            request: request, status: try FundStore.decode(row, "status"), requestedAt: try row.date("requested_at"),
            decidedAt: try row.optionalDate("decided_at"), approver: try row.optionalString("approver"),
            decisionNote: try row.optionalString("decision_note"), disbursedAt: try row.optionalDate("disbursed_at"),
            recovered: Money(fen: try row.int64("recovered_fen")), writtenOff: Money(fen: try row.int64("written_off_fen")),
            writtenOffAt: try row.optionalDate("written_off_at"))
    }

    /// Records a new request (`fund.request` with id `messageID`).
    func insert(_ record: FundRequestRecord, messageID: String) throws {
        try db.execute("""
            INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status,
                                            requested_at, message_id)
            VALUES ($1, $2::uuid, $3, $4, $5, $6, $7, $8, $9)
            """,
            [record.requestNo, record.request.caseID, record.amount.fen, record.request.beneficiaries,
             record.request.purpose.rawValue, record.request.reason.rawValue, record.status.rawValue,
             record.requestedAt, messageID])
    }

    /// Saves what an event changed. Instants the domain sets once (decided,
    /// disbursed, written off) are only filled in, never overwritten: an
    /// operator's correction of `disbursed_at` stays as it is.
    func update(_ record: FundRequestRecord) throws {
        try db.execute("""
            UPDATE wage.fund_requests
            SET status = $2, approver = $3, decision_note = $4, recovered_fen = $5, written_off_fen = $6,
                decided_at = coalesce(decided_at, $7), disbursed_at = coalesce(disbursed_at, $8),
                written_off_at = coalesce(written_off_at, $9)
            WHERE request_no = $1
            """,
            [record.requestNo, record.status.rawValue, record.approver, record.decisionNote, record.recovered.fen,
             record.writtenOff.fen, record.decidedAt, record.disbursedAt, record.writtenOffAt])
    }

    /// Writes one balanced ledger entry caused by `messageID` (unique: a second
    /// entry for the same message fails 23505, so a replay can never post twice).
    func post(_ transaction: LedgerTransaction, messageID: String, at: Date, note: String?) throws {
        let id = try db.execute("""
            INSERT INTO wage.fund_entries (message_id, kind, request_no, at, note) VALUES ($1, $2, $3, $4, $5)
            RETURNING id
            """, [messageID, transaction.kind.rawValue, transaction.requestNo, at, note]).rows[0].int64("id")
        for posting in transaction.postings {
            try db.execute("INSERT INTO wage.fund_postings (entry_id, account, amount_fen) VALUES ($1, $2, $3)",
                           [id, posting.account.rawValue, posting.amountFen])
        }
    }

    private static func decode<T: RawRepresentable>(_ row: PGRow, _ column: String) throws -> T where T.RawValue == String {
        let text = try row.string(column)
        guard let value = T(rawValue: text) else { throw CorruptRow("wage.fund_requests", "\(column) holds unknown value '\(text)'") }
        return value
    }
}
