import Foundation
import Store
import Messages
import Workflow

/// The office's SQL on the project ledger (CONTRACT §8), inside the message's
/// transaction. Money in fen; days as ISO text.
struct ProjectStore {
    let db: PGConnection

    /// The project's row, locked for the rest of the transaction (deposit movements of
    /// concurrent messages queue here, so the balance is never computed from a stale value).
    func lock(_ projectNo: String) throws -> ProjectRecord? {
        try db.execute("SELECT \(ProjectRecord.columns) FROM wage.projects WHERE project_no = $1 FOR UPDATE", [projectNo])
            .rows.first.map(ProjectRecord.init(row:))
    }

    /// Whether `projectNo` is registered.
    func exists(_ projectNo: String) throws -> Bool {
        !(try db.execute("SELECT 1 FROM wage.projects WHERE project_no = $1", [projectNo]).rows.isEmpty)
    }

    /// The contractor's history for the deposit ladder (§8.2): counted cases per year
    /// (employer or general contractor of a linked project, `unfounded` left out) and
    /// the years of its registered projects (by `permit_issued_on`).
    func history(of creditCode: String) throws -> ContractorHistory {
        let cases = try db.execute(
            """
            SELECT extract(year FROM c.opened_at AT TIME ZONE 'Asia/Shanghai')::int AS year, count(DISTINCT c.case_id)::int AS n
            FROM wage.cases c
            WHERE (c.employer_credit_code = $1
                   OR c.project_no IN (SELECT p.project_no FROM wage.projects p WHERE p.contractor_credit_code = $1))
              AND c.disposition IS DISTINCT FROM 'unfounded'
            GROUP BY 1
            """, [creditCode]).rows
        var byYear: [Int: Int] = [:]
        for row in cases { byYear[try row.int("year")] = try row.int("n") }
        let years = try db.execute(
            "SELECT DISTINCT extract(year FROM permit_issued_on)::int AS year FROM wage.projects WHERE contractor_credit_code = $1",
            [creditCode]).rows
        return ContractorHistory(casesByYear: byYear, projectYears: Set(try years.map { try $0.int("year") }))
    }

    /// Whether `creditCode` is on the arrears blacklist in force on `day` (§9).
    func isListed(_ creditCode: String, on day: Day) throws -> Bool {
        try db.execute("SELECT wage.credit_listed($1, $2::date) AS listed", [creditCode, day.iso]).rows.first?.bool("listed") ?? false
    }

    /// Enters a project in the ledger with its deposit decision; `false` when the
    /// `project_no` is registered already.
    func insert(_ r: ProjectRegister, regulator: Principal, decision: DepositDecision, settings: JSONValue,
                today: Day, messageID: String) throws -> Bool {
        try db.execute(
            """
            INSERT INTO wage.projects (project_no, name, sector, regulator, location, investor, builder_name, builder_credit_code,
                contractor_name, contractor_credit_code, contract_amount_fen, permit_issued_on, planned_completion, registered_on,
                source_message_id, deposit_rate, deposit_basis, deposit_required_fen, deposit_settings)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12::date, $13::date, $14::date, $15, $16, $17, $18, $19::jsonb)
            ON CONFLICT (project_no) DO NOTHING
            """,
            [r.projectNo, r.name, r.sector.rawValue, regulator.rawValue, r.location, r.investor?.rawValue, r.builder.name,
             r.builder.creditCode, r.generalContractor.name, r.generalContractor.creditCode, r.contractAmount.fen,
             r.permitIssuedOn.iso, r.plannedCompletion?.iso, today.iso, messageID, decision.rate.percentString,
             decision.basis, decision.required.fen, settings.serialized]).affectedRows == 1
    }

    /// Marks the project completed on `day`.
    func complete(_ projectNo: String, on day: Day) throws {
        try db.execute("UPDATE wage.projects SET status = 'completed', completed_on = $2::date WHERE project_no = $1",
                       [projectNo, day.iso])
    }

    /// Stores the deposit's new figures and its movement.
    func move(_ projectNo: String, to deposit: ProjectDeposit, kind: String, amount: Money, form: DepositForm? = nil,
              reference: String? = nil, caseID: String? = nil, note: String? = nil, messageID: String?) throws {
        try db.execute(
            """
            UPDATE wage.projects SET deposit_balance_fen = $2, deposit_drawn = $3, replenish_by = $4::date,
                deposit_released_on = $5::date WHERE project_no = $1
            """,
            [projectNo, deposit.balance.fen, deposit.drawn, deposit.replenishBy?.iso, deposit.releasedOn?.iso])
        try db.execute(
            """
            INSERT INTO wage.deposit_movements (project_no, kind, amount_fen, form, reference, case_id, note, balance_after_fen, message_id)
            VALUES ($1, $2, $3, $4, $5, $6::uuid, $7, $8, $9)
            """,
            [projectNo, kind, amount.fen, form?.rawValue, reference, caseID, note, deposit.balance.fen, messageID])
    }

    /// Linked cases that are not resolved or closed (a deposit is not released while any is open).
    func openLinkedCases(_ projectNo: String) throws -> Int {
        try db.execute(
            "SELECT count(*)::int AS n FROM wage.cases WHERE project_no = $1 AND status NOT IN ('resolved', 'closed')",
            [projectNo]).rows.first?.int("n") ?? 0
    }
}
