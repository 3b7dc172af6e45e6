import Messages
/// `petition.received` and the reply when the case closes.
extension PetitionState {
    /// Records a petition. Wage-related: a `clue.report` to hrss (suffix `clue`),
    /// status `reported`. `petitioners ≥ collectiveThreshold`: collective, and an
    /// `incident.alert` to police and hrss (suffix `incident`). A `petition_no` already recorded is `invalid_state`.
    public static func receive(_ petition: PetitionReceived, existing: PetitionState?,
                               collectiveThreshold: Int = defaultCollectiveThreshold,
                               context: WorkflowContext) -> Outcome<PetitionState> {
        guard existing == nil else { return .failure(.invalidState) }
        var state = PetitionState(petition: petition, collective: petition.petitioners >= collectiveThreshold,
                                  status: .received, receivedAt: context.now)
        var actions: [Action] = []
        if petition.wageRelated {
            state.status = .reported
            state.reportedAt = context.now
            actions.append(.send(FollowUpMessage(type: .clueReport, recipients: [.hrss],
                                                 payload: PetitionClue.clue(for: petition).json,
                                                 idSuffix: "clue")))
        }
        if state.collective {
            let alert = IncidentAlert(petitionNo: petition.petitionNo, people: petition.petitioners,
                                      location: petition.location, summary: petition.summary)
            actions.append(.send(FollowUpMessage(type: .incidentAlert, recipients: [.police, .hrss], payload: alert.json,
                                                 idSuffix: "incident")))
        }
        return .success(Transition(state: state, actions: actions))
    }

    /// The case of a reported petition was closed (`case.notice` `closed`): records
    /// the reply 答复 (built from the notice) and `petition_replied` on the case
    /// timeline under petitions. `invalid_state` unless the notice is a `closed`
    /// notice about this petition and the petition is `reported`.
    public func caseClosed(_ notice: CaseNotice, context: WorkflowContext) -> Outcome<PetitionState> {
        guard notice.event == CaseNoticeEvent.closed.rawValue, PetitionState.petitionNo(of: notice) == petitionNo,
              status == .reported else { return .failure(.invalidState) }
        var next = self
        next.status = .replied
        next.caseID = notice.caseID
        next.repliedAt = context.now
        next.reply = PetitionState.reply(for: notice)
        return .success(Transition(state: next, actions: [
            .appendTimeline(TimelineEntry(caseID: notice.caseID, department: .petitions, event: "petition_replied", detail: [
                "petition_no": .string(petitionNo), "reply": .string(next.reply ?? ""),
            ])),
        ]))
    }

    /// The reply text: the case was closed, with what was paid when the notice says so.
    static func reply(for notice: CaseNotice) -> String {
        var parts = ["案件已办结销号 the case was resolved and closed"]
        if let paid = notice.detail?["amount_paid"]?.stringValue { parts.append("支付 paid \(paid) 元 yuan") }
        if let workers = notice.detail?["workers_paid"]?.intValue { parts.append("\(workers) 名工人 workers") }
        if let note = notice.detail?["note"]?.stringValue { parts.append(note) }
        return parts.joined(separator: "; ")
    }
}
