import Messages
/// The timeline event names the case machine writes (`case_timeline.event`).
public enum CaseTimelineEvent: String, CaseIterable, Sendable, Hashable {
    case registered
    case reportedAgain = "reported_again"
    case transferred
    case accepted
    case returned
    case progress
    case resolved
    case escalated
    case overdueEscalated = "overdue_escalated"
    case leaderPackage = "leader_package"
    case leaderAssigned = "leader_assigned"
    /// §7.3: an overdue leader package listed for discipline supervision (once).
    case supervisionListed = "supervision_listed"
    case closed
    /// §7.7: an earlier year's closed case imported (its only entry).
    case imported
}

/// The `event` values of the `case.notice` messages the office sends.
public enum CaseNoticeEvent: String, CaseIterable, Sendable, Hashable {
    /// A task force was formed (by escalation or by the sweep); sent to every member.
    case taskForceFormed = "task_force_formed"
    /// The task force missed its deadline: the case is now a leader package.
    case leaderPackage = "leader_package"
    /// A leader was named for the case.
    case leaderAssigned = "leader_assigned"
    /// The office re-transferred the case away from this department.
    case reassigned
    /// The case was closed (销号); sent to the originating department.
    case closed
}
