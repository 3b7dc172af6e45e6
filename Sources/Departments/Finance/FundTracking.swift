import Runtime
import Workflow

/// The office's side of the fund: `fund.disbursed` / `fund.rejected` on the case timeline.
/// (Placeholder: handles nothing yet.)
public final class FundTracking: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
