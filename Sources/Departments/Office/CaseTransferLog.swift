import Runtime
import Store
import Messages
import Workflow

/// `wage.case_transfers`: the transfers the office applied, by the message id of
/// the `case.transfer`. The router hands hrss a copy of every transfer
/// (`copy_to: [hrss]`); a copy found here was applied already (the automatic
/// transfer on registration is applied when the case is registered) and has no
/// second effect.
enum CaseTransferLog {
    static func contains(_ messageID: String, db: PGConnection) throws -> Bool {
        try db.execute("SELECT 1 FROM wage.case_transfers WHERE message_id = $1", [messageID]).rows.count == 1
    }

    /// Records the transfer `messageID` that made `state` (its assignee, sector, due date).
    static func record(_ messageID: String, state: CaseState, automatic: Bool, context: HandlerContext) throws {
        guard let to = state.assignee, let due = state.dueOn else { return }
        try context.db.executeDeferred(
            """
            INSERT INTO wage.case_transfers (message_id, case_id, to_department, sector, due_on, automatic, applied_at)
            VALUES ($1, $2::uuid, $3, $4, $5::date, $6, $7) ON CONFLICT (message_id) DO NOTHING
            """,
            [messageID, state.caseID, to.rawValue, state.sector.rawValue, due.iso, automatic, context.now])
    }
}
