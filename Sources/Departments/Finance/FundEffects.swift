import Foundation
import Logging
import Runtime
import Store
import Messages
import Workflow

/// Carries out what a `FundBook` event decided, inside the message's
/// transaction: saves the request, writes the ledger entries (keyed by the
/// message id), the finance timeline entries and the follow-ups to hrss, then
/// runs the ledger's deferred checks at once so that a refused state surfaces
/// here (and is refused) rather than at COMMIT.
struct FundEffects {
    let context: HandlerContext
    let store: FundStore
    let logger: Logger

    /// Applies `outcome`. `requestNo` names the request the event concerns
    /// (nil for a deposit); `isNew` inserts it instead of updating it; `note`
    /// goes on the ledger entry.
    func apply(_ outcome: Outcome<FundBook>, requestNo: String? = nil, note: String?,
               isNew: Bool = false) throws -> Disposition {
        let transition: Transition<FundBook>
        switch outcome {
        case .failure(let reason): return .reject(reason)
        case .success(let t): transition = t
        }
        if let requestNo, let record = transition.state.requests[requestNo] {
            if isNew {
                try store.insert(record, messageID: try messageID())
            } else {
                try store.update(record)
            }
        }
        var policy = ActionPolicy()
        policy.postings = .performed { transaction in
            guard transaction.isBalanced else { throw Unbalanced(kind: transaction.kind) }
            try store.post(transaction, messageID: try messageID(), at: context.now, note: note)
        }
        try ActionPerformer(context: context, policy: policy).perform(transition.actions)
        try checkLedgerNow()
        return .ack
    }

    /// The deferred constraint triggers of the fund (sql/0008).
    static let ledgerConstraints = "wage.fund_entries_balanced, wage.fund_postings_balanced, "
        + "wage.fund_postings_position, wage.fund_requests_position"

    /// Runs the deferred ledger triggers now (balanced entries; available, cash
    /// and advances ≥ 0 under `fund_lock`); a failure is a 23514 `PGError`. Then
    /// defers them again: the runtime may apply further messages in the same
    /// transaction, whose entry is inserted before its postings.
    private func checkLedgerNow() throws {
        try context.db.execute("SET CONSTRAINTS \(FundEffects.ledgerConstraints) IMMEDIATE")
        try context.db.execute("SET CONSTRAINTS \(FundEffects.ledgerConstraints) DEFERRED")
    }

    private func messageID() throws -> String {
        guard let id = context.message?.messageID else { throw NoMessage() }
        return id
    }

    /// The domain produced an entry that does not sum to zero (a bug): never written.
    struct Unbalanced: Error, CustomStringConvertible {
        let kind: LedgerKind
        var description: String { "unbalanced \(kind.rawValue) entry refused before writing" }
    }

    /// Fund effects outside a message (periodic work) have no causing message id.
    struct NoMessage: Error {}
}
