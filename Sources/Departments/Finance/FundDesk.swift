import Runtime
import Workflow

/// The emergency revolving fund (应急周转金).
/// (Placeholder: handles nothing yet.)
public final class FundDesk: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
