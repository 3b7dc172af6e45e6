import Foundation
import Runtime
import Store
import Messages
import Workflow

/// Writes a department's rows of `wage.department_cases` (row-level security:
/// the worker's role sees and writes only its own department's rows).
enum LedgerStore {
    /// Whether `caseID` names a case in `wage.cases` (a malformed id names none).
    static func caseExists(_ caseID: String, db: PGConnection) throws -> Bool {
        try CaseDirectory.exists(caseID, db: db)
    }

    /// Opens the row of a transferred case, or, for a re-transfer, sets it back to
    /// `received` with the new time and note and counts the transfer. Returns the
    /// number of transfers the ledger now holds for the case.
    static func recordTransfer(_ caseID: String, department: Principal, note: String?, at now: Date,
                               db: PGConnection) throws -> Int {
        let rows = try db.execute("""
            INSERT INTO wage.department_cases AS d
                (department, case_id, received_at, status, last_event, last_event_at, note, transfers)
            VALUES ($1, $2::uuid, $3, $4, 'transferred', $3, $5, 1)
            ON CONFLICT (department, case_id) DO UPDATE
                SET received_at = EXCLUDED.received_at, status = EXCLUDED.status, last_event = 'transferred',
                    last_event_at = EXCLUDED.last_event_at, note = EXCLUDED.note, transfers = d.transfers + 1
            RETURNING transfers
            """, [department.rawValue, caseID, now, LedgerStatus.received, note]).rows
        guard let row = rows.first else { return 0 }
        return try row.int("transfers")
    }

    /// Records a notice on the case's row: its event as `last_event`, and the new
    /// ledger status when the event changes it (`nil`: keep). A case the ledger
    /// does not hold yet gets a row (status `status ?? notified`, no transfers):
    /// the department is involved (e.g. named as the leader's department).
    static func recordNotice(_ caseID: String, event: String, status: String?, department: Principal, at now: Date,
                             db: PGConnection) throws {
        try db.execute("""
            INSERT INTO wage.department_cases AS d
                (department, case_id, received_at, status, last_event, last_event_at, transfers)
            VALUES ($1, $2::uuid, $3, COALESCE($4, $6), $5, $3, 0)
            ON CONFLICT (department, case_id) DO UPDATE
                SET status = COALESCE($4, d.status), last_event = EXCLUDED.last_event,
                    last_event_at = EXCLUDED.last_event_at
            """, [department.rawValue, caseID, now, status, event, LedgerStatus.notified])
    }
}

/// The ledger's own status words (`department_cases.status`, the view's
/// `ledger_status`). The case's status is `case_status` in the view.
enum LedgerStatus {
    /// Transferred to the department (also after a re-transfer).
    static let received = "received"
    /// Known only through a notice (never transferred here).
    static let notified = "notified"

    /// The ledger status a `case.notice` event sets; `nil` keeps the current one.
    static func after(notice event: String) -> String? {
        switch CaseNoticeEvent(rawValue: event) {
        case .taskForceFormed?: return "task_force"
        case .leaderPackage?: return "leader_package"
        case .reassigned?: return "reassigned"
        case .closed?: return "closed"
        case .leaderAssigned?, nil: return nil
        }
    }
}
