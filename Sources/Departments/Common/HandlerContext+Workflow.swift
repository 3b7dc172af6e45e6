import Runtime
import Workflow

extension HandlerContext {
    /// The domain's view of this handling: the moment and the working calendar.
    var workflow: WorkflowContext { WorkflowContext(now: now, calendar: calendar) }
}
