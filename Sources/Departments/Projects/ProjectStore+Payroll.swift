import Foundation
import Store
import Messages
import Workflow

/// A payroll's figures as the office records them (§8.4).
struct PayrollFigures: Sendable, Hashable {
    var gross: Money
    var paid: Money
    /// Σ(gross − paid).
    var unpaid: Money
    /// Lines with `paid` < `gross`.
    var unpaidWorkers: Int

    init(_ lines: [PayrollLine]) {
        var gross = Money.zero, paid = Money.zero, workers = 0
        for line in lines {
            gross += line.gross
            paid += line.paid
            if line.paid < line.gross { workers += 1 }
        }
        self.gross = gross
        self.paid = paid
        self.unpaid = gross - paid
        self.unpaidWorkers = workers
    }
}

extension ProjectStore {
    /// Records `payroll` (a resubmission of the same project + month + subcontractor
    /// replaces the figures and adds its lines as the next submission); returns the
    /// submission number.
    @discardableResult
    func recordPayroll(_ p: PayrollSubmitted, figures: PayrollFigures, caseID: String?, messageID: String?) throws -> Int {
        let submission = try db.execute(
            """
            INSERT INTO wage.payrolls (project_no, month, subcontractor_key, subcontractor_name, subcontractor_credit_code,
                confirmed_by_workers, via_special_account, lines, gross_total_fen, paid_total_fen, unpaid_total_fen,
                unpaid_workers, case_id, message_id)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::uuid, $14)
            ON CONFLICT (project_no, month, subcontractor_key) DO UPDATE SET
                subcontractor_name = EXCLUDED.subcontractor_name, subcontractor_credit_code = EXCLUDED.subcontractor_credit_code,
                confirmed_by_workers = EXCLUDED.confirmed_by_workers, via_special_account = EXCLUDED.via_special_account,
                lines = EXCLUDED.lines, gross_total_fen = EXCLUDED.gross_total_fen, paid_total_fen = EXCLUDED.paid_total_fen,
                unpaid_total_fen = EXCLUDED.unpaid_total_fen, unpaid_workers = EXCLUDED.unpaid_workers,
                case_id = coalesce(EXCLUDED.case_id, wage.payrolls.case_id), message_id = EXCLUDED.message_id,
                submissions = wage.payrolls.submissions + 1, submitted_at = now()
            RETURNING submissions
            """,
            [p.projectNo, p.month.iso, p.subcontractorKey, p.subcontractor.name, p.subcontractor.creditCode,
             p.confirmedByWorkers, p.viaSpecialAccount, p.lines.count, figures.gross.fen, figures.paid.fen,
             figures.unpaid.fen, figures.unpaidWorkers, caseID, messageID]).rows.first?.int("submissions") ?? 1
        let l = p.lines
        try db.execute(
            """
            INSERT INTO wage.payroll_lines (project_no, month, subcontractor_key, submission, worker_id, days, gross_fen, paid_fen)
            SELECT $1, $2, $3, $4, t.worker_id, t.days::int, t.gross::bigint, t.paid::bigint
            FROM unnest($5::text[], $6::text[], $7::text[], $8::text[]) AS t (worker_id, days, gross, paid)
            """,
            [p.projectNo, p.month.iso, p.subcontractorKey, submission, l.map(\.workerID), l.map { String($0.days) },
             l.map { String($0.gross.fen) }, l.map { String($0.paid.fen) }])
        return submission
    }
}
