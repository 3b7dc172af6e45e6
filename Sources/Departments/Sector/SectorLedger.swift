import Runtime
import Store
import Messages
import Workflow

/// A sector regulator's ledger (台账) of the cases transferred to it: the same
/// code runs for housing, transport, water, agriculture and market
/// (`Workers.sector(_:)`, `worker-housing --as <code>`).
///
/// It keeps one `wage.department_cases` row per case (its own rows only), opened
/// or refreshed by every `case.transfer` and updated by the `case.notice`s it
/// observes. The department's decisions (accept, progress, resolved, return,
/// escalate) are sent by its staff to hrss and change the case, so the read side
/// is the view `wage.department_ledger` (its rows joined with the live case).
/// See docs/departments.md.
public final class SectorLedger: HandlerPart, CaseNoticeObserver {
    /// The regulator this ledger belongs to (the worker's principal).
    public let principal: Principal

    public init(principal: Principal) { self.principal = principal }

    public let types: Set<MessageType> = [.caseTransfer]

    /// `case.transfer` (from hrss, delivered here because the sector is ours):
    /// records the case in the ledger (a re-transfer updates the row) and
    /// `received` on the case timeline under this department. A case that does
    /// not exist is refused `unknown_case`; malformed fields `schema:<field>`.
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        let transfer: CaseTransfer
        do { transfer = try CaseTransfer(json: message.payload) } catch { return .reject(error) }
        guard try LedgerStore.caseExists(transfer.caseID, db: context.db) else { return .reject(.unknownCase) }
        let transfers = try LedgerStore.recordTransfer(transfer.caseID, department: principal, note: transfer.note,
                                                       at: context.now, db: context.db)
        try context.timeline(caseID: transfer.caseID, event: "received", detail: .compact([
            "sector": .string(transfer.sector.rawValue), "from": .principal(message.sender ?? .hrss),
            "note": transfer.note.map(JSONValue.string), "transfers": .int(transfers),
        ]))
        return .ack
    }

    /// A `case.notice` this department received (already on the timeline): its
    /// event updates the ledger row (`task_force_formed` → `task_force`,
    /// `leader_package`, `reassigned`, `closed`; others only `last_event`).
    public func observe(notice: CaseNotice, message: InboundMessage, context: HandlerContext) throws {
        guard try LedgerStore.caseExists(notice.caseID, db: context.db) else { return }
        try LedgerStore.recordNotice(notice.caseID, event: notice.event, status: LedgerStatus.after(notice: notice.event),
                                     department: principal, at: context.now, db: context.db)
    }
}
