import Messages
import Workflow

/// What processing one message came to this time, and so how its delivery is
/// settled with the broker (`DeliveryPlan.applied(_:)`).
public enum ProcessingResult: Equatable, Sendable {
    /// Committed (applied, refused and recorded, or already applied before): ack.
    case acknowledged(Detail)
    /// Not committed; requeue the delivery. The text says why.
    case retry(String)

    /// What was committed for an acknowledged message.
    public enum Detail: Equatable, Sendable {
        /// The handler's effects and follow-ups committed.
        case applied
        /// The inbox already held the message: nothing was done again.
        case duplicate
        /// The refusal (rejection record and notice to the router) committed.
        case rejected(RejectionReason)
    }

    /// Committed: the delivery is acked.
    public var isAcknowledged: Bool {
        if case .acknowledged = self { return true }
        return false
    }

    /// Committed as a refusal (counted as refused, not processed).
    public var isRefusal: Bool {
        if case .acknowledged(.rejected) = self { return true }
        return false
    }
}
