import Messages
import Workflow

/// What the consumer does with one batch of deliveries, from intake to
/// settlement: a state machine with no I/O. `ConsumerLoop` reports each event
/// (deliveries received, batch applied, database unavailable, stop requested)
/// and performs the actions the plan returns, in order.
///
/// - An undecodable delivery is refused (rejected without requeue, so the
///   queue dead-letters it); the others are applied together.
/// - When every delivery of a batch of more than one committed, one ack with
///   `multiple` settles them all; otherwise each is acked, or requeued (nack)
///   when it was not committed, followed by a pause when any was requeued.
/// - When the database is unavailable the batch is kept in hand: pause (0.1 s,
///   doubling to 5 s), reconnect, apply it again; no delivery attempt is used.
/// - When the worker stops with the batch in hand, its deliveries are requeued.
/// - When the broker connection was lost while the batch was taken, the batch
///   is still applied (its acks will not reach the broker; the inbox drops the
///   redelivery), then the consumer reconnects.
public struct DeliveryPlan: Sendable, Equatable {
    /// One thing for the consumer to do.
    public enum Action: Sendable, Equatable {
        /// Reject the delivery without requeue: the queue dead-letters it (`wage.dead`).
        case refuse(tag: UInt64, reason: RejectionReason)
        /// Apply the decoded messages of the batch (`BatchLanes`), then report
        /// `applied(_:)` or `databaseUnavailable()`, or `stopRequested()` instead
        /// when the worker is stopping.
        case apply
        /// Wait this long (returning early when the worker stops).
        case pause(seconds: Double)
        /// Reconnect every lane's database connection.
        case reconnectDatabase
        /// Acknowledge the delivery (with `multiple`: and every earlier one on the channel).
        case ack(tag: UInt64, multiple: Bool)
        /// Negatively acknowledge the delivery; with `requeue` the broker delivers it again.
        case nack(tag: UInt64, requeue: Bool)
        /// Reconnect the consumer to the broker (with backoff, until stopped).
        case reconnectBroker
    }

    /// Where the batch is.
    public enum State: Sendable, Equatable {
        /// Nothing received yet.
        case waiting
        /// Decoded deliveries in hand (their tags, in delivery order), to apply.
        case holding([UInt64])
        /// Every delivery settled (or given back); the plan has nothing more to do.
        case done
    }

    /// The numbers the plan uses (`retryPause`, `reconnectPause`, `reconnectPauseCap`).
    public let settings: DeliverySettings
    /// Where the batch is.
    public private(set) var state: State = .waiting
    /// The next wait before reconnecting an unavailable database.
    public private(set) var nextReconnectPause: Double
    /// The broker connection was lost while the batch was taken: reconnect when done.
    public private(set) var brokerLost = false

    /// A plan for one batch.
    public init(settings: DeliverySettings = DeliverySettings()) {
        self.settings = settings
        self.nextReconnectPause = settings.reconnectPause
    }

    /// The batch was taken: each delivery's tag, and the reason it cannot be
    /// decoded (`nil` when it can). `brokerLost`: the connection failed while
    /// the batch was taken (the batch may be empty).
    public mutating func received(_ deliveries: [(tag: UInt64, undecodable: RejectionReason?)],
                                  brokerLost: Bool = false) -> [Action] {
        guard case .waiting = state else { return [] }
        self.brokerLost = brokerLost
        var actions: [Action] = []
        var held: [UInt64] = []
        for delivery in deliveries {
            if let reason = delivery.undecodable {
                actions.append(.refuse(tag: delivery.tag, reason: reason))
            } else {
                held.append(delivery.tag)
            }
        }
        guard !held.isEmpty else { return actions + finish() }
        state = .holding(held)
        return actions + [.apply]
    }

    /// The batch was applied: `results` are in the order of the held deliveries.
    public mutating func applied(_ results: [ProcessingResult]) -> [Action] {
        guard case .holding(let held) = state else { return [] }
        if held.count > 1, let last = held.last, results.count == held.count, results.allSatisfy(\.isAcknowledged) {
            return [.ack(tag: last, multiple: true)] + finish()
        }
        var actions: [Action] = []
        var requeued = false
        for (tag, result) in zip(held, results) {
            if result.isAcknowledged {
                actions.append(.ack(tag: tag, multiple: false))
            } else {
                requeued = true
                actions.append(.nack(tag: tag, requeue: true))
            }
        }
        if requeued { actions.append(.pause(seconds: settings.retryPause)) }
        return actions + finish()
    }

    /// Applying failed because the database is unavailable (`meansDatabaseUnavailable`):
    /// keep the batch, wait, reconnect and apply it again.
    public mutating func databaseUnavailable() -> [Action] {
        guard case .holding = state else { return [] }
        let pause = nextReconnectPause
        nextReconnectPause = min(nextReconnectPause * 2, settings.reconnectPauseCap)
        return [.pause(seconds: pause), .reconnectDatabase, .apply]
    }

    /// The worker is stopping with the batch in hand: give it back to the queue.
    public mutating func stopRequested() -> [Action] {
        guard case .holding(let held) = state else { return [] }
        return held.map { .nack(tag: $0, requeue: true) } + finish()
    }

    private mutating func finish() -> [Action] {
        state = .done
        return brokerLost ? [.reconnectBroker] : []
    }
}
