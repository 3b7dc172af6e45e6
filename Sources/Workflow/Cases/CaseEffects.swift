/// Builders for the timeline entries and notices of the case machine.
extension CaseState {
    /// A timeline entry for this case.
    func entry(_ event: CaseTimelineEvent, by department: Principal, _ detail: JSONValue = .object([:])) -> Action {
        .appendTimeline(TimelineEntry(caseID: caseID, department: department, event: event.rawValue, detail: detail))
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
                                     idSuffix: "\(caseID):notice:\(event.rawValue)", correlationID: caseID))
    }
}

extension Array where Element: Hashable {
    /// The elements without repeats, first occurrence kept.
    func uniqued() -> [Element] {
        var seen: Set<Element> = []
        return filter { seen.insert($0).inserted }
    }
}
