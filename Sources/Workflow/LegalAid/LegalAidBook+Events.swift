import Messages
/// `legalaid.request`, `legalaid.provider`, `legalaid.decision`.
///
/// Timeline entries (under justice) are produced only for applications that name
/// a `case_id`: `legal_aid_received` (every request; `status` = where it stands
/// after receipt), `legal_aid_approved` (means test passed), `legal_aid_assigned`,
/// `legal_aid_denied`. That case may be unknown to this system (no foreign key),
/// so the handler writes them only when the case exists.
extension LegalAidBook {
    /// A new application from `requester`. `wage_arrears`: approved and assigned at
    /// once (or `approved_unassigned` with no active provider); `other`:
    /// `means_test`. A known `application_no` is `invalid_state`.
    public func request(_ request: LegalAidRequest, from requester: Principal, context: WorkflowContext) -> Outcome<LegalAidBook> {
        guard applications[request.applicationNo] == nil else { return .failure(.invalidState) }
        var next = self
        var app = LegalAidApplication(request: request, requestedBy: requester, status: .meansTest, receivedAt: context.now)
        var assignment: [Action] = []
        switch request.matter {
        case .wageArrears:
            app.approvedAt = context.now
            next.assign(app, context: context, actions: &assignment)
        case .other:
            next.applications[app.applicationNo] = app
        }
        var actions: [Action] = []
        if let caseID = request.caseID, let status = next.applications[request.applicationNo]?.status {
            actions.append(.appendTimeline(TimelineEntry(caseID: caseID, department: .justice, event: "legal_aid_received", detail: [
                "application_no": .string(request.applicationNo), "matter": .string(request.matter.rawValue),
                "requested_by": .principal(requester), "status": .string(status.rawValue),
            ])))
        }
        return .success(Transition(state: next, actions: actions + assignment))
    }

    /// Adds a provider or updates its name and `active` flag (open assignments are
    /// kept; a deactivated provider keeps its assignments). Then, while a provider
    /// is active, every waiting application is assigned, oldest first.
    public func updateProvider(_ update: LegalAidProviderUpdate, context: WorkflowContext) -> Transition<LegalAidBook> {
        var next = self
        var provider = providers[update.providerID] ?? LegalAidProvider(id: update.providerID, name: update.name, active: update.active)
        provider.name = update.name
        provider.active = update.active
        next.providers[provider.id] = provider
        var actions: [Action] = []
        if next.nextProvider != nil {
            for app in next.waiting { next.assign(app, context: context, actions: &actions) }
        }
        return Transition(state: next, actions: actions)
    }

    /// The means-test decision, only for an application in `means_test` (else
    /// `invalid_state`, also for an unknown number). `approved` → assigned as for
    /// wage arrears; `denied` → `denied` with the reason (no message: the contract
    /// has none for a denial).
    public func decide(_ decision: LegalAidDecision, context: WorkflowContext) -> Outcome<LegalAidBook> {
        guard var app = applications[decision.applicationNo], app.status == .meansTest else { return .failure(.invalidState) }
        var next = self
        var actions: [Action] = []
        app.decidedAt = context.now
        app.decisionReason = decision.reason
        switch decision.decision {
        case .approved:
            app.approvedAt = context.now
            if let caseID = app.request.caseID {
                actions.append(.appendTimeline(TimelineEntry(caseID: caseID, department: .justice, event: "legal_aid_approved", detail: .compact([
                    "application_no": .string(app.applicationNo), "reason": decision.reason.map(JSONValue.string),
                ]))))
            }
            next.assign(app, context: context, actions: &actions)
        case .denied:
            app.status = .denied
            next.applications[app.applicationNo] = app
            if let caseID = app.request.caseID {
                actions.append(.appendTimeline(TimelineEntry(caseID: caseID, department: .justice, event: "legal_aid_denied", detail: .compact([
                    "application_no": .string(app.applicationNo), "reason": decision.reason.map(JSONValue.string),
                ]))))
            }
        }
        return .success(Transition(state: next, actions: actions))
    }
}
