import Messages
/// The events only the current assignee may send: accept, return, progress,
/// resolve, escalate. The assignee is checked first (`not_assignee`), then the
/// status (`invalid_state`).
extension CaseState {
    /// Where each assignee event is allowed.
    public static let acceptable: Set<CaseStatus> = [.transferred]
    public static let returnable: Set<CaseStatus> = [.transferred, .accepted]
    public static let inProgress: Set<CaseStatus> = [.transferred, .accepted, .taskForce, .leaderPackage]
    public static let escalatable: Set<CaseStatus> = [.transferred, .accepted]

    func check(_ sender: Principal, in allowed: Set<CaseStatus>) -> RejectionReason? {
        guard let assignee, sender == assignee else { return .notAssignee }
        return allowed.contains(status) ? nil : .invalidState
    }

    /// `case.accept`: transferred → accepted.
    public func accept(from sender: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        if let r = check(sender, in: CaseState.acceptable) { return .failure(r) }
        var next = self
        next.status = .accepted
        return .success(Transition(state: next, actions: [next.entry(.accepted, by: sender)]))
    }

    /// `case.return`: transferred/accepted → returned. The assignee is cleared (the
    /// office must re-transfer); `dueOn` is kept, so the sweep still escalates a
    /// returned case nobody re-transferred in time.
    public func giveBack(_ command: CaseReturn, from sender: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        if let r = check(sender, in: CaseState.returnable) { return .failure(r) }
        var next = self
        next.status = .returned
        next.assignee = nil
        return .success(Transition(state: next, actions: [next.entry(.returned, by: sender, ["reason": .string(command.reason)])]))
    }

    /// `case.progress`: a note on the timeline; the status does not change.
    public func progress(_ command: CaseProgress, from sender: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        if let r = check(sender, in: CaseState.inProgress) { return .failure(r) }
        return .success(Transition(state: self, actions: [entry(.progress, by: sender, ["note": .string(command.note)])]))
    }

    /// `case.resolved`: → resolved (办结) with its disposition (§7.1), from
    /// transferred, accepted, task_force or leader_package (§7.8), by the assignee.
    public func resolve(_ command: CaseResolved, from sender: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        if let r = check(sender, in: CaseState.inProgress) { return .failure(r) }
        var next = self
        next.status = .resolved
        next.resolution = CaseResolution(disposition: command.disposition, amountPaid: command.amountPaid,
                                         workersPaid: command.workersPaid, note: command.note, resolvedBy: sender,
                                         resolvedAt: context.now)
        return .success(Transition(state: next, actions: [next.entry(.resolved, by: sender, .compact([
            "disposition": .string(command.disposition.rawValue),
            "amount_paid": command.amountPaid.map(JSONValue.money), "workers_paid": command.workersPaid.map(JSONValue.int),
            "note": command.note.map(JSONValue.string),
        ]))]))
    }

    /// `case.escalate`: transferred/accepted → task_force, due 10 working days
    /// after today (configuration); every member gets `task_force_formed`.
    public func escalate(_ command: CaseEscalate, from sender: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        if let r = check(sender, in: CaseState.escalatable) { return .failure(r) }
        return .success(formingTaskForce(on: context.today, context: context, reason: command.reason) { next in
            next.entry(.escalated, by: sender, [
                "reason": .string(command.reason), "due_on": next.dueOn.map(JSONValue.day) ?? .null,
                "members": .principals(next.taskForce),
            ])
        })
    }
}
