import Messages
/// One row to append to the shared case timeline (`wage.case_timeline`):
/// which department did what to which case, with a JSON detail.
public struct TimelineEntry: Sendable, Hashable {
    /// The case the entry belongs to.
    public var caseID: String
    /// The department under which the entry is recorded: the principal of the
    /// worker that writes it (row-level security allows no other). Who acted, when
    /// different, is in `detail["by"]`.
    public var department: Principal
    /// The event name, e.g. `transferred`, `task_force_formed`.
    public var event: String
    /// Event detail; always a JSON object.
    public var detail: JSONValue

    public init(caseID: String, department: Principal, event: String, detail: JSONValue = .object([:])) {
        self.caseID = caseID
        self.department = department
        self.event = event
        self.detail = detail
    }
}
