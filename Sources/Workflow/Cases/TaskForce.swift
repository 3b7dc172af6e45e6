import Messages
/// One case, one task force 一案一专班 (seed 000 三(三)1).
public enum TaskForce {
    /// The standing members: the office, petitions, justice and police.
    public static let standingMembers: [Principal] = [.hrss, .petitions, .justice, .police]

    /// The members for a case handled by `assignee`: the standing members, then the
    /// assignee when it is not one of them.
    public static func members(assignee: Principal?) -> [Principal] {
        (standingMembers + (assignee.map { [$0] } ?? [])).uniqued()
    }
}

extension CaseState {
    /// The first deadline of a case: the Nth working day after today, N =
    /// `case.transfer_working_days` (configuration, 5: seed 000 三(二)3).
    static func transferDue(_ context: WorkflowContext) -> Day {
        context.calendar.nthWorkingDay(after: context.today, n: context.settings.transferWorkingDays)
    }

    /// The configuration a first transfer deadline used, for its timeline entry (§7.5).
    static func transferSettings(_ context: WorkflowContext) -> JSONValue {
        context.settings.recorded(.transferWorkingDays)
    }

    /// Forms the task force: status `task_force`, members, a new deadline N working
    /// days after `date` (N = `case.task_force_working_days`, configuration, 10), and
    /// the `task_force_formed` notice to each member. `timeline` builds the entry
    /// from the new state; the configuration used is added to it as `settings`.
    func formingTaskForce(on date: Day, context: WorkflowContext, reason: String,
                          timeline: (CaseState) -> Action) -> Transition<CaseState> {
        var next = self
        if next.assignee == nil { next.assignee = .hrss }
        next.status = .taskForce
        next.escalatedOn = date
        next.taskForce = TaskForce.members(assignee: next.assignee)
        let due = context.calendar.nthWorkingDay(after: date, n: context.settings.taskForceWorkingDays)
        next.dueOn = due
        var actions = [timeline(next).withSettings(context.settings.recorded(.taskForceWorkingDays))]
        if let notice = next.notice(.taskForceFormed, to: next.taskForce, [
            "reason": .string(reason), "due_on": .day(due), "members": .principals(next.taskForce),
            "assignee": next.assignee.map(JSONValue.principal) ?? .null, "escalated_on": .day(date),
        ]) { actions.append(notice) }
        return Transition(state: next, actions: actions)
    }
}
