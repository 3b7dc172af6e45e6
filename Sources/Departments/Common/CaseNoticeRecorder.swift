import Runtime
import Messages
import Workflow

/// `case.notice` for every worker: puts the notice on the case timeline under the
/// receiving department (event = the notice's `event`, detail = its `detail` plus
/// `from`, the office that sent it), then lets each observer react in the same
/// transaction (e.g. the petitions office replying when a case closes).
///
/// Refusals: a malformed payload `schema:<field>`; a `case_id` that is not a
/// UUID or names no case `unknown_case`.
public final class CaseNoticeRecorder: HandlerPart {
    let observers: [any CaseNoticeObserver]

    /// `observers` are called in order after the timeline entry is written.
    public init(observers: [any CaseNoticeObserver] = []) { self.observers = observers }

    public let types: Set<MessageType> = [.caseNotice]

    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        var notice: CaseNotice
        do {
            notice = try CaseNotice(json: message.payload)
        } catch {
            return .reject(error)
        }
        guard let caseID = CaseDirectory.normalized(notice.caseID), try CaseDirectory.exists(caseID, db: context.db)
        else { return .reject(.unknownCase) }
        notice.caseID = caseID  // observers see the canonical (lowercase) id
        var detail = notice.detail?.objectValue ?? [:]
        detail["from"] = message.sender.map(JSONValue.principal) ?? .null
        try context.timeline(caseID: caseID, event: notice.event, detail: .object(detail))
        for observer in observers {
            try observer.observe(notice: notice, message: message, context: context)
        }
        return .ack
    }
}
