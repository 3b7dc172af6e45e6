import Messages
/// The status of a case (CONTRACT §4, `case_overview.status`).
public enum CaseStatus: String, CaseIterable, Sendable, Hashable, Codable {
    /// Registered by the office; transient, registration transfers at once.
    case registered
    /// Sent to the responsible department, awaiting its acceptance.
    case transferred
    /// Accepted by the assignee, being handled.
    case accepted
    /// Sent back by the assignee (e.g. not its duty); the office must re-transfer.
    case returned
    /// Escalated to a task force 一案一专班.
    case taskForce = "task_force"
    /// Overdue in the task force: leader package 领导包案, under discipline supervision.
    case leaderPackage = "leader_package"
    /// Resolved by the assignee (办结); may now be closed.
    case resolved
    /// Closed by the office (销号). Final.
    case closed

    /// Statuses with a running deadline that the sweep escalates to a task force.
    public static let sweptToTaskForce: Set<CaseStatus> = [.transferred, .accepted, .returned]

    /// Whether the case is still open (not resolved or closed).
    public var isOpen: Bool { self != .resolved && self != .closed }
}
