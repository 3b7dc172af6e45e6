import Runtime
import Workflow

/// The legal-aid green channel (法律援助).
/// (Placeholder: handles nothing yet.)
public final class LegalAidDesk: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
