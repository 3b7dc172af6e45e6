import Messages
import Workflow

/// The office's rule for the notices its case machine sends: only to departments
/// the duty list in force lets a `case.notice` reach (a leader's department that is
/// not a principal, e.g. 区政府 as free text, is left out; a notice to nobody is
/// not sent).
enum CaseNoticeFilter {
    /// `message` with its `notify` list filtered, or `nil` when no one is left.
    static func deliverable(_ message: FollowUpMessage, recipients: Set<Principal>) -> FollowUpMessage? {
        guard message.type == .caseNotice, var body = message.payload.objectValue else { return message }
        let notify = (body["notify"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(Principal.init(rawValue:)) }
        let kept = notify.filter(recipients.contains)
        guard !kept.isEmpty else { return nil }
        body["notify"] = .principals(kept)
        var filtered = message
        filtered.payload = .object(body)
        return filtered
    }
}
