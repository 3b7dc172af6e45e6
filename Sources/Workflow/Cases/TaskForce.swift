import Messages
/// One case, one task force 一案一专班 (seed 000 三(三)1).
public enum TaskForce {
    /// The standing members: the office, petitions, justice and police.
    public static let standingMembers: [Principal] = [.hrss, .petitions, .justice, .police]

    /// Working days a task force has to resolve the case (seed 000 三(二)3 "10个工作日内化解").
    public static let workingDaysToResolve = 10

    /// The members for a case handled by `assignee`: the standing members, then the
    /// assignee when it is not one of them.
    public static func members(assignee: Principal?) -> [Principal] {
        (standingMembers + (assignee.map { [$0] } ?? [])).uniqued()
    }
}

extension CaseState {
    /// Working days the responsible department has after a transfer (seed 000 三(二)3).
    public static let workingDaysToHandle = 5

    /// Forms the task force: status `task_force`, members, a new deadline 10
    /// working days after `date`, and the `task_force_formed` notice to each member.
    func formingTaskForce(on date: Day, calendar: WorkingCalendar, reason: String,
                          timeline: (CaseState) -> Action) -> Transition<CaseState> {
        var next = self
        if next.assignee == nil { next.assignee = .hrss }
        next.status = .taskForce
        next.escalatedOn = date
        next.taskForce = TaskForce.members(assignee: next.assignee)
        let due = calendar.nthWorkingDay(after: date, n: TaskForce.workingDaysToResolve)
        next.dueOn = due
        var actions = [timeline(next)]
        if let notice = next.notice(.taskForceFormed, to: next.taskForce, [
            "reason": .string(reason), "due_on": .day(due), "members": .principals(next.taskForce),
            "assignee": next.assignee.map(JSONValue.principal) ?? .null, "escalated_on": .day(date),
        ]) { actions.append(notice) }
        return Transition(state: next, actions: actions)
    }
}
