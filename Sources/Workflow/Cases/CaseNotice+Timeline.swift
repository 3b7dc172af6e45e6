import Messages

extension CaseNotice {
    /// The timeline entry a member's worker writes when it receives this notice:
    /// the notice's event and detail, under the member's own department.
    public func timelineEntry(recordedBy member: Principal) -> TimelineEntry {
        TimelineEntry(caseID: caseID, department: member, event: event, detail: detail ?? .object([:]))
    }
}
