import Messages
/// Builders for the timeline entries and notices of the case machine.
extension CaseState {
    /// The department under which the case machine's entries are recorded: the
    /// office's worker holds the case and may write only as itself (row-level
    /// security on `case_events`).
    public static let recordingDepartment = Principal.hrss

    /// A timeline entry for this case, recorded under hrss; `by` (who acted, e.g.
    /// the assignee that accepted) is added to the detail.
    func entry(_ event: CaseTimelineEvent, by actor: Principal, _ detail: JSONValue = .object([:])) -> Action {
        var members = detail.objectValue ?? [:]
        members["by"] = .principal(actor)
        return .appendTimeline(TimelineEntry(caseID: caseID, department: CaseState.recordingDepartment,
                                             event: event.rawValue, detail: .object(members)))
    }

    /// The fields every notice detail carries, so that a member can match the
    /// case to its own records (e.g. petitions: `clue_ref` = `petition_no`).
    var noticeBasics: [String: JSONValue] {
        ["channel": .string(channel.rawValue), "clue_ref": .string(clueRef)]
    }

    /// A `case.notice` to `notify` (deduplicated, order kept); `nil` when nobody is left.
    func notice(_ event: CaseNoticeEvent, to notify: [Principal], _ extra: [String: JSONValue] = [:]) -> Action? {
        let recipients = notify.uniqued()
        guard !recipients.isEmpty else { return nil }
        let detail = JSONValue.object(noticeBasics.merging(extra) { _, new in new })
        let notice = CaseNotice(caseID: caseID, event: event.rawValue, notify: recipients, detail: detail)
        return .send(FollowUpMessage(type: .caseNotice, recipients: recipients, payload: notice.json,
                                     idSuffix: "\(FollowUpMessage.key(caseID)):notice:\(event.rawValue)", correlationID: caseID))
    }
}

extension Action {
    /// A timeline entry with `settings` (the configuration its decision used,
    /// CONTRACT §7.5) added to its detail; any other action unchanged.
    func withSettings(_ settings: JSONValue) -> Action {
        guard case .appendTimeline(var entry) = self else { return self }
        var members = entry.detail.objectValue ?? [:]
        members["settings"] = settings
        entry.detail = .object(members)
        return .appendTimeline(entry)
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
