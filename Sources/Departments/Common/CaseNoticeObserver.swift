import Runtime
import Messages
import Workflow

/// A part that wants to react to a `case.notice` its worker received (after the
/// `CaseNoticeRecorder` put it on the timeline, in the same transaction), e.g.
/// the petitions office recording its reply when a case closes.
public protocol CaseNoticeObserver: AnyObject {
    func observe(notice: CaseNotice, message: InboundMessage, context: HandlerContext) throws
}
