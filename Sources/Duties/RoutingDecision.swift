import Messages
import Workflow

/// What the router does with one message (the pure decision of `route`).
public enum RoutingDecision: Sendable, Equatable {
    /// Forward unchanged to these principals' queues (sorted, no duplicates, `copy_to`
    /// included), recording `version` (the duty list in force) in `wage.routing_log`.
    case deliver(recipients: [Principal], version: String)
    /// Not for a department: dead-letter as described by the kind.
    case deadLetter(DeadLetterKind, version: String)
    /// Refuse the message itself: publish it to `wage.dead` with this reason.
    case reject(RejectionReason)
}

/// Why a valid message is dead-lettered rather than delivered.
public enum DeadLetterKind: Sendable, Equatable {
    /// A `message.rejected` from a worker: the router dead-letters the original
    /// message with `x-wage-reason` = `reason` and `x-wage-rejected-by` = `rejectedBy`.
    case workerRejection(WorkerRejection)
}

/// The content of a `message.rejected` (extension; see docs/duty-lists.md).
public struct WorkerRejection: Sendable, Equatable {
    /// The `message_id` of the refused message.
    public let originalMessageID: String
    /// Its type.
    public let originalType: MessageType
    /// The §5 reason the worker gives (`not_assignee`, `unknown_case`, …).
    public let reason: RejectionReason
    /// Who sent the refused message.
    public let originalSender: Principal
    /// Its body as text, when the worker included it.
    public let originalBody: String?
    /// The worker that refused it (the validated sender of the `message.rejected`).
    public let rejectedBy: Principal

    /// Memberwise.
    public init(originalMessageID: String, originalType: MessageType, reason: RejectionReason,
                originalSender: Principal, originalBody: String?, rejectedBy: Principal) {
        self.originalMessageID = originalMessageID
        self.originalType = originalType
        self.reason = reason
        self.originalSender = originalSender
        self.originalBody = originalBody
        self.rejectedBy = rejectedBy
    }
}
