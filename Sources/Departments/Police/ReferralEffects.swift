import Runtime
import Messages
import Workflow

/// Performs the actions a referral event function returned, inside the message's
/// transaction: timeline entries (under the worker's own department) and follow-ups.
enum ReferralEffects {
    /// An action the referral machine never returns (a ledger posting).
    struct UnexpectedAction: Error, CustomStringConvertible {
        let action: Action
        var description: String { "referral handler cannot perform \(action)" }
    }

    /// The pure domain's view of the handler's moment (instant, business day, calendar).
    static func workflow(_ context: HandlerContext) -> WorkflowContext {
        WorkflowContext(now: context.now, calendar: context.calendar)
    }

    static func perform(_ actions: [Action], context: HandlerContext) throws {
        for action in actions {
            switch action {
            case .appendTimeline(let entry):
                try context.timeline(caseID: entry.caseID, event: entry.event, detail: entry.detail)
            case .send(let message):
                context.send(message.type, message.payload, suffix: message.idSuffix, correlationID: message.correlationID)
            case .post:
                throw UnexpectedAction(action: action)
            }
        }
    }
}
