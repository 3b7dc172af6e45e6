import Messages
/// Office decisions: naming a leader and closing (销号).
extension CaseState {
    /// Where a leader may be named: a leader package, and already a task force
    /// (the office may name one early for a hard case).
    public static let leaderAssignable: Set<CaseStatus> = [.taskForce, .leaderPackage]

    /// `case.assign_leader`: records (or replaces) the leader and the city leader;
    /// the status does not change. On a leader package it also sets the deadline
    /// (CONTRACT §7.3): the command's `due_on`, which must be after today
    /// (`schema:due_on`), or else the Nth working day after today (N =
    /// `case.leader_due_working_days`, configuration, 10; recorded as `settings`).
    /// On a task force (a leader named early) the task force's deadline stands.
    /// The leader's department and the assignee get `leader_assigned`.
    public func assignLeader(_ command: CaseAssignLeader, context: WorkflowContext) -> Outcome<CaseState> {
        if let due = command.dueOn, due <= context.today { return .failure(.schema("due_on")) }
        guard CaseState.leaderAssignable.contains(status) else { return .failure(.invalidState) }
        var next = self
        next.leader = CaseLeader(name: command.leader, department: command.leaderDepartment, cityLeader: command.cityLeader)
        var detail: [String: JSONValue] = ["leader": .string(command.leader), "leader_department": .string(command.leaderDepartment)]
        if let cityLeader = command.cityLeader { detail["city_leader"] = .string(cityLeader) }
        var settings: JSONValue?
        if status == .leaderPackage {
            let due = command.dueOn
                ?? context.calendar.nthWorkingDay(after: context.today, n: context.settings.leaderDueWorkingDays)
            next.dueOn = due
            detail["due_on"] = .day(due)
            if command.dueOn == nil { settings = context.settings.recorded(.leaderDueWorkingDays) }
        }
        var entryDetail = detail
        if let settings { entryDetail["settings"] = settings }
        var actions = [next.entry(.leaderAssigned, by: .hrss, .object(entryDetail))]
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
