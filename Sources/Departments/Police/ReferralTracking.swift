import Runtime
import Workflow

/// The office's side of criminal referrals: receipts, decisions, measures on the timeline.
/// (Placeholder: handles nothing yet.)
public final class ReferralTracking: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
