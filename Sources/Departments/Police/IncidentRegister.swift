import Runtime
import Workflow

/// Police register of `incident.alert`s.
/// (Placeholder: handles nothing yet.)
public final class IncidentRegister: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
