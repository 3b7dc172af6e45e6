import Runtime
import Workflow

/// The office's case workflow: clues, transfers, deadlines, task forces, closing.
/// (Placeholder: handles nothing yet.)
public final class CaseOffice: HandlerPart {
    public init(settings: OfficeSettings = .init()) {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
