import Runtime
import Workflow

/// Police intake of criminal referrals (移送).
/// (Placeholder: handles nothing yet.)
public final class ReferralIntake: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
