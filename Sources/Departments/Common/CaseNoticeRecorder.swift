import Runtime
import Workflow

/// Records `case.notice` messages on the case timeline under the receiving department.
/// (Placeholder: handles nothing yet.)
public final class CaseNoticeRecorder: HandlerPart {
    let observers: [any CaseNoticeObserver]
    public init(observers: [any CaseNoticeObserver] = []) { self.observers = observers }
    public let types: Set<MessageType> = []
    public func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition { .reject(.unknownType) }
}
