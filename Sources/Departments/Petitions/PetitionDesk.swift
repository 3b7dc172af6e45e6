import Runtime
import Workflow

/// The petitions office: petitions, clue reports, collective-visit alerts, replies.
/// (Placeholder: handles nothing yet.)
public final class PetitionDesk: HandlerPart, CaseNoticeObserver {
    public init() {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
    public func observe(notice: CaseNotice, message: InboundMessage, context: HandlerContext) throws {}
}
