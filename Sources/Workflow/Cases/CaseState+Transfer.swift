import Messages
/// `case.transfer`: the office (re-)assigns the case.
extension CaseState {
    /// Statuses from which the office may transfer: a new case, a returned one, and
    /// re-transfer (reassignment) while transferred or accepted. Not once a task
    /// force or leader package owns it, nor after resolution.
    public static let transferable: Set<CaseStatus> = [.registered, .returned, .transferred, .accepted]

    /// Applies a transfer to `department` (the command's `to`, or the responsible
    /// department of its sector, resolved by the caller from the duty list).
    ///
    /// New status `transferred`. `dueOn` is set once, on the first transfer (the
    /// 5th working day after today, configuration `case.transfer_working_days`); a re-transfer, also after a return, keeps it
    /// (CONTRACT §7.2, seed 004 第二十条 "工作不推诿"). A
    /// transfer to the current assignee with the same sector while transferred or
    /// accepted changes nothing (no actions): it is a repeat. When the case is taken
    /// from another department, that department gets a `case.notice` `reassigned`.
    /// The `case.transfer` message itself is the notice to the new assignee, so no
    /// message is sent to it. Rejections: `forbidden_recipient` (not a department),
    /// `invalid_state`.
    public func transfer(_ command: CaseTransfer, to department: Principal, context: WorkflowContext) -> Outcome<CaseState> {
        guard department.isDepartment else { return .failure(.forbiddenRecipient) }
        guard CaseState.transferable.contains(status) else { return .failure(.invalidState) }
        if (status == .transferred || status == .accepted), assignee == department, sector == command.sector {
            return .success(Transition(state: self))
        }
        let previous = assignee
        var next = self
        next.status = .transferred
        next.assignee = department
        next.sector = command.sector
        next.dueOn = dueOn ?? CaseState.transferDue(context)
        var actions = [next.entry(.transferred, by: .hrss, .compact([
            "from": previous.map(JSONValue.principal), "to": .principal(department),
            "sector": .string(command.sector.rawValue), "due_on": next.dueOn.map(JSONValue.day),
            "note": command.note.map(JSONValue.string),
            // §7.5: the configuration the deadline used (only when this transfer set it)
            "settings": dueOn == nil ? Optional(CaseState.transferSettings(context)) : Optional<JSONValue>.none,
        ]))]
        if let previous, previous != department,
           let notice = next.notice(.reassigned, to: [previous], ["to": .principal(department)]) {
            actions.append(notice)
        }
        return .success(Transition(state: next, actions: actions))
    }
}
