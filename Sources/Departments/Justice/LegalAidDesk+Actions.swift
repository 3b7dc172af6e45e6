import Runtime
import Messages
import Workflow

extension LegalAidDesk {
    /// The longest `message_id` (CONTRACT §2).
    static let maxMessageIDBytes = 128

    /// How the legal-aid book's actions are performed: timeline entries only for
    /// cases that exist (an application may name a case id the office never
    /// registered); no money moves; a follow-up's id suffix is shortened to a
    /// digest when `<cause>:<suffix>` would pass 128 bytes (still deterministic, so
    /// a replayed cause gives the same id).
    static var actionPolicy: ActionPolicy {
        var policy = ActionPolicy()
        policy.timelineOnlyForKnownCases = true
        policy.postings = .ignored
        policy.prepare = { message, context in
            var shortened = message
            shortened.idSuffix = suffix(message.idSuffix, cause: context.message?.messageID ?? "")
            return shortened
        }
        return policy
    }

    /// `suffix`, or `la-<digest>` when `<cause>:<suffix>` would exceed 128 bytes.
    static func suffix(_ suffix: String, cause: String) -> String {
        guard cause.utf8.count + 1 + suffix.utf8.count > maxMessageIDBytes else { return suffix }
        return "la-" + StableHash.hex(suffix)
    }
}
