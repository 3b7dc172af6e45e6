import Runtime
import Workflow

extension HandlerContext {
    /// The domain's view of this handling: the moment, the working calendar and
    /// the configuration in force.
    var workflow: WorkflowContext { WorkflowContext(now: now, calendar: calendar, settings: settings) }
}
