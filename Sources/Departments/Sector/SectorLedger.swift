import Runtime
import Workflow

/// A sector regulator's ledger (台账) of the cases transferred to it.
/// (Placeholder: handles nothing yet.)
public final class SectorLedger: HandlerPart, CaseNoticeObserver {
    public init(principal: Principal) {}
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
    public func observe(notice: CaseNotice, message: InboundMessage, context: HandlerContext) throws {}
}
