import Messages
/// `office.sweep`: deadlines as of a date.
extension CaseState {
    /// Evaluates this case's deadline as of `asOf`; `nil` when nothing changes.
    ///
    /// Overdue means `asOf > dueOn` (the due day itself is in time). An overdue
    /// transferred, accepted or returned case becomes `task_force` (due 10 working
    /// days after `asOf`; a returned case, having no assignee, is taken over by
    /// hrss); an overdue `task_force` case becomes `leader_package` (its `dueOn` is
    /// kept as the missed deadline, it is put under discipline supervision and hrss
    /// and the assignee get a `leader_package` notice). One step per sweep.
    public func sweep(asOf: Day, context: WorkflowContext) -> Transition<CaseState>? {
        guard isOverdue(asOf: asOf), let missed = dueOn else { return nil }
        if CaseStatus.sweptToTaskForce.contains(status) {
            return formingTaskForce(on: asOf, calendar: context.calendar, reason: "overdue") { next in
                next.entry(.overdueEscalated, by: .hrss, [
                    "as_of": .day(asOf), "missed_due_on": .day(missed), "previous_status": .string(status.rawValue),
                    "due_on": next.dueOn.map(JSONValue.day) ?? .null, "members": .principals(next.taskForce),
                ])
            }
        }
        guard status == .taskForce else { return nil }
        var next = self
        next.status = .leaderPackage
        next.underDisciplineSupervision = true
        var actions = [next.entry(.leaderPackage, by: .hrss, ["as_of": .day(asOf), "missed_due_on": .day(missed)])]
        if let notice = next.notice(.leaderPackage, to: [.hrss] + (next.assignee.map { [$0] } ?? []),
                                    ["as_of": .day(asOf), "missed_due_on": .day(missed)]) {
            actions.append(notice)
        }
        return Transition(state: next, actions: actions)
    }
}

extension CaseState {
    /// Sweeps many cases as of `asOf`: the transitions of the cases that changed,
    /// ordered by case id (so follow-up message ids and outbox order are stable).
    public static func sweep(_ cases: [CaseState], asOf: Day, context: WorkflowContext) -> [Transition<CaseState>] {
        cases.sorted { $0.caseID < $1.caseID }.compactMap { $0.sweep(asOf: asOf, context: context) }
    }
}
