import Runtime
import Workflow

/// A requester's side of legal aid: `legalaid.assigned`.
/// (Placeholder: handles nothing yet.)
public final class LegalAidTracking: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
