import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// Evaluates every open deadline as of `asOf` (`office.sweep`, or today for
    /// the periodic sweep), all in the message's one transaction: an overdue
    /// transferred/accepted/returned case becomes a task force (due N working days
    /// after `asOf`, configuration), an overdue task force a leader package (no
    /// deadline until a leader is assigned), and a leader package past the deadline
    /// its leader was given is listed in `wage.supervision_list` once (§7.3). One
    /// step per case per sweep. Only the overdue rows are read. It also checks that
    /// the calendar reaches far enough ahead (§7.4).
    func sweep(asOf: Day, context: HandlerContext) throws {
        try checkCalendarCoverage(asOf: asOf, context: context)
        let due = try CaseStore.lockOverdue(asOf: asOf, db: context.db)
        guard !due.isEmpty else { return }
        let byID = Dictionary(uniqueKeysWithValues: due.map { ($0.caseID, $0) })
        for transition in CaseState.sweep(due, asOf: asOf, context: workflowContext(context)) {
            guard let old = byID[transition.state.caseID] else { continue }
            let becameLeaderPackage = transition.state.status == .leaderPackage && old.status != .leaderPackage
            try commit(transition, from: old, leaderPackage: becameLeaderPackage ? (asOf, old.dueOn) : nil, context: context)
            if let listing = CaseState.supervisionListing(from: old, to: transition.state, asOf: asOf) {
                try CaseStore.list(listing, messageID: context.message?.messageID, db: context.db)
            }
        }
    }
}
