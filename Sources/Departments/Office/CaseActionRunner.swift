import Runtime
import Messages
import Workflow

/// Performs the actions of a case transition inside the message's transaction:
/// timeline entries (under hrss) and follow-up messages (through the outbox).
///
/// A `case.notice` goes only to principals the duty list in force lets receive
/// one (`case.notice` `notify` allowed set): e.g. a clue reported by `platform`
/// or a leader from `government` is not told, instead of the router refusing the
/// whole notice (`forbidden_recipient`) and so also silencing the other
/// recipients. A notice left with nobody is not sent.
struct CaseActionRunner {
    let context: HandlerContext
    /// Who may receive a `case.notice` (from the duty list in force).
    let noticeRecipients: Set<Principal>

    /// A transition asked for something a case never does (a ledger posting).
    struct UnexpectedAction: Error, CustomStringConvertible {
        var description: String { "the case machine asked for a ledger posting" }
    }

    /// Performs `actions` in order; consecutive timeline entries go in one statement.
    func perform(_ actions: [Action]) throws {
        var entries: [(caseID: String, event: String, detail: JSONValue)] = []
        func flush() throws {
            try context.timeline(entries)
            entries.removeAll()
        }
        for action in actions {
            if case .appendTimeline(let entry) = action {
                entries.append((entry.caseID, entry.event, entry.detail))
                continue
            }
            try flush()
            switch action {
            case .appendTimeline: break
            case .send(let message):
                guard let payload = deliverable(message) else { continue }
                context.send(message.type, payload, suffix: message.idSuffix, correlationID: message.correlationID,
                             appliedBySender: message.appliedBySender)
            case .post:
                throw UnexpectedAction()
            }
        }
        try flush()
    }

    /// The payload to send, with `notify` narrowed for a `case.notice`; `nil` when
    /// no recipient is left.
    func deliverable(_ message: FollowUpMessage) -> JSONValue? {
        guard message.type == .caseNotice, var body = message.payload.objectValue else { return message.payload }
        let notify = (body["notify"]?.arrayValue ?? []).compactMap { $0.stringValue.flatMap(Principal.init(rawValue:)) }
        let kept = notify.filter(noticeRecipients.contains)
        guard !kept.isEmpty else { return nil }
        body["notify"] = .principals(kept)
        return .object(body)
    }
}
