import Messages
/// Decisions, reconsideration and measures on a referral.
extension ReferralState {
    /// `referral.decision`: from `under_review` or `reconsidering` to `filed` or
    /// `not_filed`; anything else is `invalid_state`. A late decision is still
    /// accepted (lateness is only listed). Timeline `referral_filed` /
    /// `referral_not_filed` under police; the decision message is itself the answer
    /// to hrss, so nothing is sent.
    public func decide(_ decision: ReferralDecision, context: WorkflowContext) -> Outcome<ReferralState> {
        guard ReferralStatus.awaitingDecision.contains(status) else { return .failure(.invalidState) }
        var next = self
        next.decidedAt = context.now
        next.decidedOn = context.today
        let action: Action
        switch decision.verdict {
        case .filed(let policeCaseNo):
            next.status = .filed
            next.policeCaseNo = policeCaseNo
            next.decisionReason = nil
            action = next.entry("referral_filed", ["police_case_no": .string(policeCaseNo)])
        case .notFiled(let reason):
            next.status = .notFiled
            next.decisionReason = reason
            action = next.entry("referral_not_filed", ["reason": .string(reason)])
        }
        return .success(Transition(state: next, actions: [action]))
    }

    /// `referral.reconsider`: only after `not_filed`, only once, and only on or
    /// before the 3rd calendar day after that decision; else `invalid_state`.
    /// → `reconsidering` with `decide_by` = today + 3 days.
    public func reconsider(_ request: ReferralReconsider, context: WorkflowContext) -> Outcome<ReferralState> {
        guard status == .notFiled, !reconsidered, let decidedOn,
              context.today <= decidedOn.adding(days: ReferralState.daysToAskReconsideration) else {
            return .failure(.invalidState)
        }
        var next = self
        next.status = .reconsidering
        next.reconsidered = true
        next.reconsiderRequestedAt = context.now
        next.reconsiderReason = request.reason
        next.decideBy = context.today.adding(days: ReferralState.daysToDecide)
        return .success(Transition(state: next, actions: [next.entry("referral_reconsidering", [
            "reason": .string(request.reason), "decide_by": next.decideBy.map(JSONValue.day) ?? .null,
        ])]))
    }

    /// `referral.measure`: allowed once accepted for review (`under_review`,
    /// `reconsidering`, `filed`); `invalid_state` while incomplete or after
    /// `not_filed`. Appends the measure; timeline `referral_measure` under police.
    public func measure(_ measure: ReferralMeasure, context: WorkflowContext) -> Outcome<ReferralState> {
        guard ReferralStatus.measurable.contains(status) else { return .failure(.invalidState) }
        var next = self
        next.measures.append(ReferralMeasureRecord(kind: measure.kind, detail: measure.detail, at: context.now))
        return .success(Transition(state: next, actions: [next.entry("referral_measure", [
            "kind": .string(measure.kind.rawValue), "detail": measure.detail ?? .null,
        ])]))
    }
}
