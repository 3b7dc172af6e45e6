import Duties
import Runtime
import Messages
import Workflow

/// Performs the actions of a legal-aid transition in the message's transaction:
/// timeline entries (only for a case that exists: an unknown `case_id` never
/// blocks legal aid) and follow-up messages through the outbox.
enum LegalAidEffects {
    /// The contract's limit on `message_id` (§2).
    static let maxMessageIDBytes = 128

    static func perform(_ actions: [Action], context: HandlerContext) throws {
        var known: [String: Bool] = [:]
        for action in actions {
            switch action {
            case .appendTimeline(let entry):
                if known[entry.caseID] == nil { known[entry.caseID] = try CaseLink.exists(entry.caseID, db: context.db) }
                if known[entry.caseID] == true {
                    try context.timeline(caseID: entry.caseID, event: entry.event, detail: entry.detail)
                }
            case .send(let message):
                context.send(message.type, message.payload, suffix: suffix(message.idSuffix, context: context),
                             correlationID: message.correlationID)
            case .post:
                continue  // legal aid moves no money
            }
        }
    }

    /// The domain's deterministic suffix, or, when `<cause>:<suffix>` would exceed
    /// 128 bytes (a long cause id and application number), a digest of it: still
    /// deterministic, so a replayed cause produces the same id.
    static func suffix(_ suffix: String, context: HandlerContext) -> String {
        let cause = context.message?.messageID ?? ""
        guard cause.utf8.count + 1 + suffix.utf8.count > maxMessageIDBytes else { return suffix }
        return "la-" + StableHash.hex(suffix)
    }
}
