import Messages
/// Office decisions: naming a leader and closing (销号).
extension CaseState {
    /// Where a leader may be named: a leader package, and already a task force
    /// (the office may name one early for a hard case).
    public static let leaderAssignable: Set<CaseStatus> = [.taskForce, .leaderPackage]

    /// `case.assign_leader`: records (or replaces) the leader; the status does not
    /// change. The leader's department and the assignee get `leader_assigned`.
    public func assignLeader(_ command: CaseAssignLeader, context: WorkflowContext) -> Outcome<CaseState> {
        guard CaseState.leaderAssignable.contains(status) else { return .failure(.invalidState) }
        var next = self
        next.leader = CaseLeader(name: command.leader, department: command.leaderDepartment)
        let detail: [String: JSONValue] = ["leader": .string(command.leader), "leader_department": .string(command.leaderDepartment)]
        var actions = [next.entry(.leaderAssigned, by: .hrss, .object(detail))]
        if let notice = next.notice(.leaderAssigned, to: (next.leader?.principal.map { [$0] } ?? []) + (assignee.map { [$0] } ?? []), detail) {
            actions.append(notice)
        }
        return .success(Transition(state: next, actions: actions))
    }

    /// `case.close` (销号): only after `resolved` (不结案不得销号), else `invalid_state`.
    /// The originating department gets a `case.notice` `closed` unless it is hrss
    /// itself (the office closed it).
    public func close(_ command: CaseClose, context: WorkflowContext) -> Outcome<CaseState> {
        guard status == .resolved else { return .failure(.invalidState) }
        var next = self
        next.status = .closed
        next.closedAt = context.now
        var actions = [next.entry(.closed, by: .hrss, .compact(["note": command.note.map(JSONValue.string)]))]
        let extra: [String: JSONValue?] = [
            "note": command.note.map(JSONValue.string), "closed_on": .day(context.today),
            "disposition": resolution.map { .string($0.disposition.rawValue) },
            "amount_paid": resolution?.amountPaid.map(JSONValue.money),
            "workers_paid": resolution?.workersPaid.map(JSONValue.int),
        ]
        if origin != .hrss, let notice = next.notice(.closed, to: [origin], extra.compactMapValues { $0 }) {
            actions.append(notice)
        }
        return .success(Transition(state: next, actions: actions))
    }
}
