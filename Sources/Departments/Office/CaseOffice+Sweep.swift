import Runtime
import Messages
import Workflow

extension CaseOffice {
    /// Evaluates every open deadline as of `asOf` (`office.sweep`, or today for
    /// the periodic sweep): an overdue transferred/accepted/returned case becomes
    /// a task force (due 10 working days after `asOf`), an overdue task force a
    /// leader package. One step per case per sweep. Only the overdue rows are read.
    /// It also checks that the calendar reaches far enough ahead (§7.4).
    func sweep(asOf: Day, context: HandlerContext) throws {
        try checkCalendarCoverage(asOf: asOf, context: context)
        let due = try CaseStore.lockOverdue(asOf: asOf, db: context.db)
        guard !due.isEmpty else { return }
        let byID = Dictionary(uniqueKeysWithValues: due.map { ($0.caseID, $0) })
        for transition in CaseState.sweep(due, asOf: asOf, context: workflowContext(context)) {
            guard let old = byID[transition.state.caseID] else { continue }
            let becameLeaderPackage = transition.state.status == .leaderPackage && old.status != .leaderPackage
            try commit(transition, from: old, leaderPackageOn: becameLeaderPackage ? asOf : nil, context: context)
        }
    }
}
