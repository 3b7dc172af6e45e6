import Runtime
import Messages
import Workflow

/// Performs a state machine's actions (`Action`) inside the message's
/// transaction: the one interpreter of every department, with what differs between
/// departments in its `ActionPolicy`. Timeline entries are written under the
/// worker's own department (the database refuses others: row-level security);
/// follow-up messages go to the outbox; ledger postings go where the policy says.
struct ActionPerformer {
    let context: HandlerContext
    let policy: ActionPolicy

    /// A posting reached a department whose policy has no ledger.
    struct UnexpectedPosting: Error, CustomStringConvertible {
        let principal: Principal
        var description: String { "the \(principal.rawValue) worker has no ledger to post to (a bug in its state machine)" }
    }

    /// A timeline entry under another department.
    struct ForeignTimelineEntry: Error, CustomStringConvertible {
        let department: Principal
        let principal: Principal
        var description: String { "the \(principal.rawValue) worker cannot write a timeline entry as \(department.rawValue)" }
    }

    func perform(_ actions: [Action]) throws {
        var entries: [(caseID: String, event: String, detail: JSONValue)] = []
        var known: [String: Bool] = [:]
        func flush() throws {
            try context.timeline(entries)
            entries.removeAll()
        }
        for action in actions {
            switch action {
            case .appendTimeline(let entry):
                guard entry.department == context.principal else {
                    throw ForeignTimelineEntry(department: entry.department, principal: context.principal)
                }
                if policy.timelineOnlyForKnownCases {
                    if known[entry.caseID] == nil { known[entry.caseID] = try CaseDirectory.exists(entry.caseID, db: context.db) }
                    guard known[entry.caseID] == true else { continue }
                }
                entries.append((entry.caseID, entry.event, entry.detail))
                if !policy.batchesTimeline { try flush() }
            case .send(let message):
                try flush()
                guard let message = policy.prepare(message, context) else { continue }
                context.send(message.type, message.payload, suffix: message.idSuffix, correlationID: message.correlationID,
                             appliedBySender: message.appliedBySender)
            case .post(let transaction):
                try flush()
                switch policy.postings {
                case .refused: throw UnexpectedPosting(principal: context.principal)
                case .ignored: continue
                case .performed(let post): try post(transaction)
                }
            }
        }
        try flush()
    }
}

/// What differs between departments when their actions are performed.
struct ActionPolicy {
    /// What happens to a ledger posting.
    enum Postings {
        /// A posting is a bug (the department keeps no ledger): thrown, the message retried.
        case refused
        /// The department moves no money: postings are skipped.
        case ignored
        /// Written by the department's ledger.
        case performed((LedgerTransaction) throws -> Void)
    }

    /// Consecutive timeline entries go to the database in one statement (the office,
    /// whose events come in runs).
    var batchesTimeline = false
    /// Timeline entries about a case that does not exist are left out (legal aid:
    /// an application may name a case id the office never registered).
    var timelineOnlyForKnownCases = false
    /// Ledger postings.
    var postings: Postings = .refused
    /// Rewrites a follow-up before it is queued, or drops it (`nil`).
    var prepare: (FollowUpMessage, HandlerContext) -> FollowUpMessage? = { message, _ in message }
}
