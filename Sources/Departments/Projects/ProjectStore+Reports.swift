import Foundation
import Store
import Messages
import Workflow

/// What the bank, the real-name platform and inspectors report about a project
/// (§8.3 to §8.5), stored by the office.
extension ProjectStore {
    /// Files (or re-files) the special account.
    func fileAccount(_ a: AccountOpened, on day: Day) throws {
        try db.execute(
            "UPDATE wage.projects SET account_bank_name = $2, account_no = $3, account_opened_on = $4::date WHERE project_no = $1",
            [a.projectNo, a.bankName, a.accountNo, day.iso])
    }

    func recordFunding(_ f: AccountFunded, minimumShare: Rate, messageID: String?) throws {
        try db.execute(
            """
            INSERT INTO wage.account_fundings (project_no, period, progress_payment_fen, labour_amount_fen, minimum_share, message_id)
            VALUES ($1, $2, $3, $4, $5::numeric / 10000, $6)
            """,
            [f.projectNo, f.period.iso, f.progressPayment.fen, f.labourAmount.fen, minimumShare.hundredthsOfPercent, messageID])
    }

    func recordAlert(_ a: AccountAlert, caseID: String?, messageID: String?) throws {
        try db.execute(
            "INSERT INTO wage.account_alerts (project_no, kind, detail, case_id, message_id) VALUES ($1, $2, $3, $4::uuid, $5)",
            [a.projectNo, a.kind.rawValue, a.detail, caseID, messageID])
    }

    /// Records a statement; a second one of the same month replaces the first.
    func recordStatement(_ s: AccountStatement, messageID: String?) throws {
        try db.execute(
            """
            INSERT INTO wage.account_statements (project_no, month, inflow_fen, outflow_fen, balance_fen, message_id)
            VALUES ($1, $2, $3, $4, $5, $6)
            ON CONFLICT (project_no, month) DO UPDATE SET inflow_fen = EXCLUDED.inflow_fen, outflow_fen = EXCLUDED.outflow_fen,
                balance_fen = EXCLUDED.balance_fen, message_id = EXCLUDED.message_id, at = now()
            """,
            [s.projectNo, s.month.iso, s.inflow.fen, s.outflow.fen, s.balance.fen, messageID])
    }

    /// The `outflow` of the latest statement, if any (the amount of a case opened on misappropriation).
    func lastOutflow(_ projectNo: String) throws -> Money? {
        try db.execute(
            "SELECT outflow_fen FROM wage.account_statements WHERE project_no = $1 ORDER BY month DESC LIMIT 1", [projectNo])
            .rows.first.map { Money(fen: try $0.int64("outflow_fen")) }
    }

    /// Workers on the roster.
    func rosterSize(_ projectNo: String) throws -> Int {
        try db.execute("SELECT count(*)::int AS n FROM wage.roster WHERE project_no = $1", [projectNo]).rows.first?.int("n") ?? 0
    }

    /// Adds or updates the workers (keyed by `worker_id`), in one statement (an absent
    /// optional travels as "", which the decoder never yields for a present value).
    func enrol(_ r: RosterEnrol, messageID: String?) throws {
        let w = r.workers
        try db.execute(
            """
            INSERT INTO wage.roster (project_no, worker_id, name, id_number, employer_name, employer_credit_code,
                contract_signed, entered_on, message_id)
            SELECT $1, t.worker_id, t.name, NULLIF(t.id_number, ''), t.employer_name, NULLIF(t.employer_credit_code, ''),
                   t.contract_signed::boolean,
                   t.entered_on::date, $2
            FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[])
                AS t (worker_id, name, id_number, employer_name, employer_credit_code, contract_signed, entered_on)
            ON CONFLICT (project_no, worker_id) DO UPDATE SET name = EXCLUDED.name, id_number = EXCLUDED.id_number,
                employer_name = EXCLUDED.employer_name, employer_credit_code = EXCLUDED.employer_credit_code,
                contract_signed = EXCLUDED.contract_signed, entered_on = EXCLUDED.entered_on,
                message_id = EXCLUDED.message_id, updated_at = now()
            """,
            [r.projectNo, messageID, w.map(\.workerID), w.map(\.name), w.map { $0.idNumber ?? "" },
             w.map(\.employer.name), w.map { $0.employer.creditCode ?? "" },
             w.map { $0.contractSigned ? "true" : "false" }, w.map(\.enteredOn.iso)])
    }

    /// The `worker_id`s among `ids` that are not on the project's roster.
    func unregistered(_ projectNo: String, _ ids: [String]) throws -> [String] {
        try db.execute(
            """
            SELECT t.id FROM unnest($2::text[]) WITH ORDINALITY AS t (id, n)
            WHERE NOT EXISTS (SELECT 1 FROM wage.roster r WHERE r.project_no = $1 AND r.worker_id = t.id) ORDER BY t.n
            """, [projectNo, ids]).rows.map { try $0.string("id") }
    }

    func recordInspection(_ i: InspectionRecorded, by department: Principal, messageID: String?) throws {
        try db.execute(
            """
            INSERT INTO wage.inspections (project_no, inspected_on, department, real_name, wage_clerk, notice_board,
                special_account, payroll, workers_sampled, findings, message_id)
            VALUES ($1, $2::date, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """,
            [i.projectNo, i.inspectedOn.iso, department.rawValue, i.checks.realName, i.checks.wageClerk, i.checks.noticeBoard,
             i.checks.specialAccount, i.checks.payroll, i.workersSampled, i.findings, messageID])
    }
}
