import Messages
/// `case.import` (CONTRACT §7.7): an earlier year's case, already closed.
extension CaseState {
    /// What an import of a case with the same `channel` + `clue_ref` means.
    public enum ImportVerdict: Sendable, Hashable {
        /// The case is there and closed: the same case, acknowledged with no effect.
        case alreadyImported
        /// The key names a case that is not closed: `invalid_state`.
        case refused(RejectionReason)
    }

    /// An import over this existing case: no effect when it is closed, else `invalid_state`.
    public func importedAgain() -> ImportVerdict {
        status == .closed ? .alreadyImported : .refused(.invalidState)
    }

    /// The closed case `caseID` that `command` records: origin hrss (the office
    /// brought it in), no assignee, no deadline, risk graded with the thresholds in
    /// force, `openedAt` = the start of `reported_on`, resolved and closed at the
    /// start of `closed_on` (Asia/Shanghai), the disposition, figures and note as
    /// given. One action: the timeline entry `imported` (no transfer, no notice).
    /// `schema:<field>` when a date bound is broken as of today (the router checks
    /// it first).
    public static func imported(_ command: CaseImport, caseID: String, context: WorkflowContext) -> Outcome<CaseState> {
        if let field = command.problem(today: context.today) { return .failure(.schema(field)) }
        let thresholds = context.settings.risk
        let risk = thresholds.grade(workersCount: command.workersCount, amountOwed: command.amountOwed)
        let closedAt = command.closedOn.shanghaiStart
        let resolution = CaseResolution(disposition: command.disposition, amountPaid: command.amountPaid,
                                        workersPaid: command.workersPaid, note: command.note, resolvedBy: .hrss,
                                        resolvedAt: closedAt)
        let state = CaseState(
            caseID: caseID, channel: command.channel, clueRef: command.clueRef, origin: .hrss, employer: command.employer,
            projectNo: command.projectNo, sector: command.sector, workersCount: command.workersCount,
            amountOwed: command.amountOwed, risk: risk, status: .closed, resolution: resolution,
            openedAt: command.reportedOn.shanghaiStart, closedAt: closedAt)
        let detail: [String: JSONValue?] = [
            "channel": .string(command.channel.rawValue), "clue_ref": .string(command.clueRef),
            "sector": .string(command.sector.rawValue), "workers_count": .int(command.workersCount),
            "amount_owed": .money(command.amountOwed), "reported_on": .day(command.reportedOn),
            "closed_on": .day(command.closedOn), "disposition": .string(command.disposition.rawValue),
            "amount_paid": command.amountPaid.map(JSONValue.money), "workers_paid": command.workersPaid.map(JSONValue.int),
            "project_no": command.projectNo.map(JSONValue.string), "note": command.note.map(JSONValue.string),
            "risk_level": .string(risk.rawValue), "settings": WorkflowSettings.recorded(thresholds),
        ]
        return .success(Transition(state: state, actions: [state.entry(.imported, by: .hrss, .object(detail.compactMapValues { $0 }))]))
    }
}
