import Foundation
import Runtime
import Store
import Messages
import Workflow

extension CaseOffice {
    /// `case.import` (CONTRACT §7.7, hrss only): records an earlier year's case as
    /// `closed`, with its one timeline entry `imported`; no deadline, transfer or
    /// notice. The same `channel` + `clue_ref` again: acknowledged with no effect
    /// when that case is closed, `invalid_state` when it is not. Two imports of one
    /// key racing are settled by the unique key (the loser finds the closed case).
    func importCase(_ command: CaseImport, message: InboundMessage, context: HandlerContext) throws -> Disposition {
        guard message.sender == .hrss else { return .reject(.forbiddenSender) }
        if let existing = try CaseStore.lock(channel: command.channel, clueRef: command.clueRef, db: context.db) {
            return verdict(existing.importedAgain())
        }
        let caseID = UUID().uuidString.lowercased()
        switch CaseState.imported(command, caseID: caseID, context: workflowContext(context)) {
        case .failure(let reason):
            return .reject(reason)
        case .success(let transition):
            guard try CaseStore.insertImported(transition.state, command: command, sourceMessageID: message.messageID,
                                               db: context.db) else {
                guard let existing = try CaseStore.lock(channel: command.channel, clueRef: command.clueRef, db: context.db)
                else { return .retryLater("case of \(command.channel.rawValue)/\(command.clueRef) not visible yet") }
                return verdict(existing.importedAgain())
            }
            try runner(context).perform(transition.actions)
            return .ack
        }
    }

    private func verdict(_ verdict: CaseState.ImportVerdict) -> Disposition {
        switch verdict {
        case .alreadyImported: return .ack
        case .refused(let reason): return .reject(reason)
        }
    }
}

extension CaseStore {
    /// Inserts an imported, closed case (§7.7); `false` when a case with the same
    /// channel + clue_ref exists already.
    static func insertImported(_ state: CaseState, command: CaseImport, sourceMessageID: String,
                               db: PGConnection) throws -> Bool {
        let resolution = state.resolution
        let inserted = try db.execute(
            """
            INSERT INTO wage.cases (case_id, channel, clue_ref, origin, employer_name, employer_credit_code,
                sector, workers_count, amount_owed_fen, status, risk_level, opened_at, resolved_at, closed_at,
                resolved_by, disposition, amount_paid_fen, workers_paid, resolution_note, source_message_id,
                project_no, imported)
            VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20,
                $21, true)
            ON CONFLICT (channel, clue_ref) DO NOTHING
            """,
            [state.caseID, state.channel.rawValue, state.clueRef, state.origin.rawValue, state.employer.name,
             state.employer.creditCode, state.sector.rawValue, state.workersCount, state.amountOwed.fen,
             state.status.rawValue, state.risk.rawValue, state.openedAt, resolution?.resolvedAt, state.closedAt,
             resolution?.resolvedBy.rawValue, resolution?.disposition.rawValue, resolution?.amountPaid?.fen,
             resolution?.workersPaid, resolution?.note, sourceMessageID, state.projectNo])
        return inserted.affectedRows == 1
    }
}
