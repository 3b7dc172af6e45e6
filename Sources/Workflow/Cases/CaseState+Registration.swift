import Messages
/// `clue.report`: registration and the automatic transfer.
extension CaseState {
    /// Registers a clue as case `caseID` and transfers it at once to `responsible`
    /// (the responsible department of the sector per the duty list; hrss for its
    /// own sectors): status `transferred`, risk graded, `dueOn` = the 5th working
    /// day after today.
    ///
    /// Actions: timeline `registered` and `transferred` (both under hrss) and, when
    /// `responsible` is not hrss, a `case.transfer` to it (suffix `<case>:transfer`).
    /// Rejected `forbidden_recipient` when `responsible` is not a department.
    public static func register(_ report: ClueReport, caseID: String, origin: Principal, responsible: Principal,
                                thresholds: RiskThresholds = .default, context: WorkflowContext) -> Outcome<CaseState> {
        guard responsible.isDepartment else { return .failure(.forbiddenRecipient) }
        let risk = thresholds.grade(workersCount: report.workersCount, amountOwed: report.amountOwed)
        let due = transferDue(context)
        let state = CaseState(
            caseID: caseID, channel: report.channel, clueRef: report.clueRef, origin: origin,
            employer: report.employer, project: report.project, projectNo: report.projectNo, sector: report.sector,
            workersCount: report.workersCount, amountOwed: report.amountOwed, risk: risk,
            status: .transferred, assignee: responsible, dueOn: due, openedAt: context.now)
        var registered: [String: JSONValue] = [
            "channel": .string(report.channel.rawValue), "clue_ref": .string(report.clueRef),
            "reported_by": .principal(origin), "sector": .string(report.sector.rawValue),
            "risk_level": .string(risk.rawValue), "workers_count": .int(report.workersCount),
            "amount_owed": .money(report.amountOwed),
            // §7.5: the configuration the grading used
            "settings": WorkflowSettings.recorded(thresholds),
        ]
        if let projectNo = report.projectNo { registered["project_no"] = .string(projectNo) }
        var actions: [Action] = [
            state.entry(.registered, by: .hrss, .object(registered)),
            state.entry(.transferred, by: .hrss, [
                "to": .principal(responsible), "sector": .string(report.sector.rawValue),
                "due_on": .day(due), "automatic": true, "settings": transferSettings(context),
            ]),
        ]
        if responsible != .hrss {
            var payload = CaseTransfer(caseID: caseID, sector: report.sector, to: responsible,
                                       note: "登记后自动转办 transferred on registration").json.objectValue ?? [:]
            payload["due_on"] = .day(due)
            payload["risk_level"] = .string(risk.rawValue)
            actions.append(.send(FollowUpMessage(type: .caseTransfer, recipients: [responsible], payload: .object(payload),
                                                 idSuffix: "\(FollowUpMessage.key(caseID)):transfer", correlationID: caseID,
                                                 appliedBySender: true)))
        }
        return .success(Transition(state: state, actions: actions))
    }

    /// A second `clue.report` with the same `channel` + `clue_ref`: the same case.
    /// Nothing changes; the timeline records who reported it again.
    public func reportedAgain(by sender: Principal) -> Transition<CaseState> {
        Transition(state: self, actions: [entry(.reportedAgain, by: .hrss, ["reported_by": .principal(sender)])])
    }
}
