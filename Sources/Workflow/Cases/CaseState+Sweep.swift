import Messages
/// `office.sweep`: deadlines as of a date.
extension CaseState {
    /// Evaluates this case's deadline as of `asOf`; `nil` when nothing changes.
    ///
    /// Overdue means `asOf > dueOn` (the due day itself is in time). The sweep
    /// acts on every open case past its `dueOn`, whatever its status (CONTRACT
    /// §7.8), one step per sweep:
    /// - transferred, accepted or returned → `task_force` (due N working days after
    ///   `asOf`, configuration; a returned case, having no assignee, is taken over by hrss);
    /// - `task_force` → `leader_package`: it has no `dueOn` until `case.assign_leader`
    ///   sets one (§7.3); hrss and the assignee get a `leader_package` notice;
    /// - `leader_package` past the deadline its leader was given → listed for
    ///   discipline supervision once (`supervision_listed`, §7.3).
    public func sweep(asOf: Day, context: WorkflowContext) -> Transition<CaseState>? {
        guard isOverdue(asOf: asOf), let missed = dueOn else { return nil }
        if CaseStatus.sweptToTaskForce.contains(status) {
            return formingTaskForce(on: asOf, context: context, reason: "overdue") { next in
                next.entry(.overdueEscalated, by: .hrss, [
                    "as_of": .day(asOf), "missed_due_on": .day(missed), "previous_status": .string(status.rawValue),
                    "due_on": next.dueOn.map(JSONValue.day) ?? .null, "members": .principals(next.taskForce),
                ])
            }
        }
        switch status {
        case .taskForce: return becomingLeaderPackage(asOf: asOf, missed: missed)
        case .leaderPackage: return listedForSupervision(asOf: asOf)
        default: return nil
        }
    }

    /// task_force → leader_package, without a deadline until a leader is assigned.
    func becomingLeaderPackage(asOf: Day, missed: Day) -> Transition<CaseState> {
        var next = self
        next.status = .leaderPackage
        next.dueOn = nil
        let detail: [String: JSONValue] = ["as_of": .day(asOf), "missed_due_on": .day(missed)]
        var actions = [next.entry(.leaderPackage, by: .hrss, .object(detail))]
        if let notice = next.notice(.leaderPackage, to: [.hrss] + (next.assignee.map { [$0] } ?? []), detail) {
            actions.append(notice)
        }
        return Transition(state: next, actions: actions)
    }

    /// A leader package not resolved by its `dueOn`: listed once in
    /// `wage.supervision_list` (`CaseState.supervisionListing(from:to:asOf:)`) with the leader,
    /// city leader and `dueOn` in force, and the timeline event `supervision_listed`.
    func listedForSupervision(asOf: Day) -> Transition<CaseState>? {
        guard !underDisciplineSupervision, let dueOn else { return nil }
        var next = self
        next.underDisciplineSupervision = true
        let listing = SupervisionListing(caseID: caseID, leader: leader?.name, leaderDepartment: leader?.department,
                                         cityLeader: leader?.cityLeader, dueOn: dueOn, listedOn: asOf)
        return Transition(state: next, actions: [next.entry(.supervisionListed, by: .hrss, listing.detail)])
    }
}

/// One row of `wage.supervision_list` (CONTRACT §7.3): a leader package that
/// missed its deadline, with the values in force when it was listed.
public struct SupervisionListing: Sendable, Hashable {
    public var caseID: String
    public var leader: String?
    public var leaderDepartment: String?
    public var cityLeader: String?
    public var dueOn: Day
    /// The sweep's `as_of`.
    public var listedOn: Day

    /// The `supervision_listed` timeline detail (also what the office stores).
    public var detail: JSONValue {
        .compact(["leader": leader.map(JSONValue.string), "leader_department": leaderDepartment.map(JSONValue.string),
                  "city_leader": cityLeader.map(JSONValue.string), "due_on": .day(dueOn), "listed_on": .day(listedOn),
                  "as_of": .day(listedOn)])
    }
}

extension CaseState {
    /// Sweeps many cases as of `asOf`: the transitions of the cases that changed,
    /// ordered by case id (so follow-up message ids and outbox order are stable).
    public static func sweep(_ cases: [CaseState], asOf: Day, context: WorkflowContext) -> [Transition<CaseState>] {
        cases.sorted { $0.caseID < $1.caseID }.compactMap { $0.sweep(asOf: asOf, context: context) }
    }

    /// The listing a transition made, when it listed the case for supervision.
    public static func supervisionListing(from old: CaseState, to new: CaseState, asOf: Day) -> SupervisionListing? {
        guard !old.underDisciplineSupervision, new.underDisciplineSupervision, let dueOn = new.dueOn else { return nil }
        return SupervisionListing(caseID: new.caseID, leader: new.leader?.name, leaderDepartment: new.leader?.department,
                                  cityLeader: new.leader?.cityLeader, dueOn: dueOn, listedOn: asOf)
    }
}
