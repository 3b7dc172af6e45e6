/// How one lane applies its batches and what it does with a message that was
/// not applied: a state machine with no I/O. `MessageProcessor` reports what
/// happened (an event) and performs the action the plan returns.
///
/// - A batch of more than one message is first applied all or nothing, with no
///   savepoint: in the common case every message applies and the batch costs
///   no round trip more than its statements.
/// - When that attempt is rolled back (a message was refused or failed, or the
///   commit failed), the batch is applied again with a savepoint per message,
///   and so are the next `savepointBatches` batches of more than one message.
/// - When a batch with savepoints fails at its commit (e.g. a deferred
///   constraint), each of its messages is applied on its own.
/// - A message that failed is requeued, unless its delivery is the last attempt
///   (`maxAttempts`): then it is refused `processing_failed`.
public struct BatchPlan: Sendable, Equatable {
    /// How the next batch of more than one message is applied.
    public enum Mode: Sendable, Equatable {
        /// All or nothing, in one transaction with no savepoint.
        case allOrNothing
        /// With a savepoint per message, for this many more batches.
        case savepoints(batchesLeft: Int)
    }

    /// How to apply a batch.
    public enum ApplyAction: Sendable, Equatable {
        /// Each message in a transaction of its own.
        case applyEachAlone
        /// Every message in one transaction, rolled back whole if one is refused or fails.
        case applyAllOrNothing
        /// Every message in one transaction, each inside its own savepoint.
        case applyWithSavepoints
    }

    /// What to do with a message that was not applied this time.
    public enum FailureAction: Sendable, Equatable {
        /// Requeue it: the broker delivers it again (using one delivery attempt).
        case retry
        /// Its last attempt failed: record the refusal `processing_failed`
        /// (with its inbox row) and ack it.
        case refuseProcessingFailed
    }

    /// The numbers the plan uses (`maxAttempts`, `savepointBatches`).
    public let settings: DeliverySettings
    /// How the next batch of more than one message is applied.
    public private(set) var mode: Mode = .allOrNothing

    /// A plan that starts with all or nothing.
    public init(settings: DeliverySettings = DeliverySettings()) { self.settings = settings }

    /// A batch of `count` messages is to be applied.
    public mutating func batchReceived(count: Int) -> ApplyAction {
        guard count > 1 else { return .applyEachAlone }
        switch mode {
        case .allOrNothing:
            return .applyAllOrNothing
        case .savepoints(let left):
            mode = left > 1 ? .savepoints(batchesLeft: left - 1) : .allOrNothing
            return .applyWithSavepoints
        }
    }

    /// The all-or-nothing attempt was rolled back: apply the batch again with
    /// savepoints, and the next `savepointBatches` batches straight away.
    public mutating func allOrNothingRolledBack() -> ApplyAction {
        mode = settings.savepointBatches > 0 ? .savepoints(batchesLeft: settings.savepointBatches) : .allOrNothing
        return .applyWithSavepoints
    }

    /// The batch with savepoints could not commit: apply each message alone.
    public func savepointBatchFailedAtCommit() -> ApplyAction { .applyEachAlone }

    /// A delivery the broker counted `deliveryCount` times before is the last
    /// attempt when the count reached `maxAttempts`. (The count also counts
    /// deliveries returned because a consumer died — a crash, kill -9, a broker
    /// restart —, so reaching it says nothing about the handler: such a message
    /// is still tried, and refused only when this try fails.)
    public func isLastAttempt(deliveryCount: Int) -> Bool { deliveryCount >= settings.maxAttempts }

    /// A message was not applied (its handler failed or asked for a retry, or
    /// its transaction failed; never a lost database).
    public func messageFailed(deliveryCount: Int) -> FailureAction {
        isLastAttempt(deliveryCount: deliveryCount) ? .refuseProcessingFailed : .retry
    }

    /// Recording the refusal `processing_failed` failed too: requeue the message.
    public func refusalAtLimitFailed() -> FailureAction { .retry }
}
