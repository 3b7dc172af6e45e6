import Runtime
import Workflow

/// The office's side of `incident.alert`.
/// (Placeholder: handles nothing yet.)
public final class OfficeIncidentDesk: HandlerPart {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
