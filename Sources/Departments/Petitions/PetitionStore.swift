import Foundation
import Runtime
import Store
import Messages
import Workflow

/// Reads and writes `wage.petitions`, the petitions worker's own table: the
/// state the `PetitionState` machine works on.
enum PetitionStore {
    static let columns = """
        petition_no, petitioners, form, wage_related, employer, employer_credit_code, sector, amount_owed_fen,
        workers_count, summary, location, collective, status, received_at, reported_at, replied_at, reply,
        replied_case_id::text AS replied_case_id
        """

    /// The petition `number`, locked until the transaction ends; `nil` when unknown.
    static func load(_ number: String, db: PGConnection) throws -> PetitionState? {
        let rows = try db.execute("SELECT \(columns) FROM wage.petitions WHERE petition_no = $1 FOR UPDATE", [number]).rows
        return try rows.first.map(state(from:))
    }

    /// Records a new petition (after `PetitionState.receive`).
    static func insert(_ state: PetitionState, messageID: String, db: PGConnection) throws {
        let p = state.petition
        try db.execute("""
            INSERT INTO wage.petitions (petition_no, petitioners, form, wage_related, employer, employer_credit_code,
                sector, amount_owed_fen, workers_count, summary, location, collective, status, received_at,
                reported_at, message_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16)
            """, [p.petitionNo, p.petitioners, p.form.rawValue, p.wageRelated, p.employer?.name, p.employer?.creditCode,
                  p.sector?.rawValue, p.amountOwed?.fen, p.workersCount, p.summary, p.location, state.collective,
                  state.status.rawValue, state.receivedAt, state.reportedAt, messageID])
    }

    /// Stores the reply (after `PetitionState.caseClosed`).
    static func saveReply(_ state: PetitionState, db: PGConnection) throws {
        try db.execute("""
            UPDATE wage.petitions SET status = $2, replied_at = $3, reply = $4, replied_case_id = $5::uuid
            WHERE petition_no = $1
            """, [state.petitionNo, state.status.rawValue, state.repliedAt, state.reply, state.caseID])
    }

    static func state(from row: PGRow) throws -> PetitionState {
        func decoded<T: RawRepresentable>(_ column: String, _: T.Type) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try row.string(column)) else { throw CorruptRow("wage.petitions", "unreadable \(column)") }
            return value
        }
        var sector: Sector?
        if let raw = try row.optionalString("sector") {
            guard let s = Sector(rawValue: raw) else { throw CorruptRow("wage.petitions", "unreadable sector") }
            sector = s
        }
        let employer = try row.optionalString("employer").map {
            Employer(name: $0, creditCode: try row.optionalString("employer_credit_code"))
        }
        let petition = PetitionReceived(
            petitionNo: try row.string("petition_no"), petitioners: try row.int("petitioners"),
            form: try decoded("form", PetitionForm.self), wageRelated: try row.bool("wage_related"),
            employer: employer, sector: sector, amountOwed: try row.optionalInt64("amount_owed_fen").map(Money.init(fen:)),
            workersCount: try row.optionalInt("workers_count"), summary: try row.optionalString("summary"),
            location: try row.optionalString("location"))
        return PetitionState(
            petition: petition, collective: try row.bool("collective"), status: try decoded("status", PetitionStatus.self),
            receivedAt: try row.date("received_at"), reportedAt: try row.optionalDate("reported_at"),
            caseID: try row.optionalString("replied_case_id"), reply: try row.optionalString("reply"),
            repliedAt: try row.optionalDate("replied_at"))
    }
}
