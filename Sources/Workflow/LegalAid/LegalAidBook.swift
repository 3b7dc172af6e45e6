import Messages
/// The legal-aid green channel (seed 004 第十六条) as a value: the provider
/// roster and the applications it knows. Events: `request`, `updateProvider`,
/// `decide` (in `LegalAidBook+Events.swift`).
public struct LegalAidBook: Sendable, Hashable {
    /// Providers by id.
    public var providers: [String: LegalAidProvider]
    /// Applications by `application_no` (at least the ones an event may touch:
    /// the one concerned and every `approved_unassigned` one).
    public var applications: [String: LegalAidApplication]

    public init(providers: [String: LegalAidProvider] = [:], applications: [String: LegalAidApplication] = [:]) {
        self.providers = providers
        self.applications = applications
    }

    /// The provider the next assignment goes to: the active one with the fewest
    /// open assignments; ties go to the lowest `provider_id` compared as strings
    /// (Swift `<`; for ASCII ids byte order, so `"p10" < "p2"`). `nil` when none is active.
    public var nextProvider: LegalAidProvider? {
        providers.values.filter(\.active).min { ($0.openAssignments, $0.id) < ($1.openAssignments, $1.id) }
    }

    /// The applications waiting for a provider, oldest first (received_at, then number).
    public var waiting: [LegalAidApplication] {
        applications.values.filter { $0.status == .approvedUnassigned }
            .sorted { ($0.receivedAt, $0.applicationNo) < ($1.receivedAt, $1.applicationNo) }
    }

    /// Assigns an approved application to `nextProvider`, or leaves it
    /// `approved_unassigned`. Appends the `legalaid.assigned` to the requester and a
    /// timeline entry (when the application names a case) to `actions`.
    mutating func assign(_ application: LegalAidApplication, context: WorkflowContext, actions: inout [Action]) {
        var app = application
        guard var provider = nextProvider else {
            app.status = .approvedUnassigned
            applications[app.applicationNo] = app
            return
        }
        provider.openAssignments += 1
        providers[provider.id] = provider
        app.status = .assigned
        app.providerID = provider.id
        app.assignedAt = context.now
        applications[app.applicationNo] = app
        let assigned = LegalAidAssigned(applicationNo: app.applicationNo, to: app.requestedBy, providerID: provider.id,
                                        providerName: provider.name)
        actions.append(.send(FollowUpMessage(type: .legalaidAssigned, recipients: [app.requestedBy], payload: assigned.json,
                                             idSuffix: "\(FollowUpMessage.key(app.applicationNo)):assigned", correlationID: app.request.caseID)))
        if let caseID = app.request.caseID {
            actions.append(.appendTimeline(TimelineEntry(caseID: caseID, department: .justice, event: "legal_aid_assigned", detail: [
                "application_no": .string(app.applicationNo), "provider_id": .string(provider.id),
                "provider_name": .string(provider.name),
            ])))
        }
    }
}
