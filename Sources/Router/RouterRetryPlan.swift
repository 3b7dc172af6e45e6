import Runtime
import Store

/// What a router thread does when a batch's decisions could not be made durable:
/// a state machine with no I/O. `RouterLoop` reports each failure and performs
/// the action the plan returns.
///
/// - An outage (the database cannot be reached, a broker error, a transient
///   conflict such as a deadlock) never uses an attempt: reconnect when asked,
///   wait and retry, for as long as it lasts (nothing may be lost).
/// - Any other failure (a statement failed on a reachable database) uses one
///   attempt. After `maxAttempts` such failures a batch of several deliveries is
///   decided again one delivery at a time, so one poison message cannot stall
///   the rest; a single delivery that still fails is refused `processing_failed`
///   (dead-lettered and recorded), and the router moves on.
public struct RouterRetryPlan: Sendable, Equatable {
    /// How a failure is counted.
    public enum Failure: Sendable, Equatable {
        /// The database cannot be reached: reconnect, then retry.
        case databaseUnavailable
        /// Passing trouble that heals by itself (broker, deadlock, serialization).
        case transient
        /// A statement failed on a reachable database: one attempt used.
        case failed
    }

    /// What to do next.
    public enum Action: Sendable, Equatable {
        /// Reconnect to the database, wait, and decide the same deliveries again.
        case reconnectAndRetry
        /// Wait and decide the same deliveries again.
        case retry
        /// Decide each delivery of the batch on its own (each with a plan of its own).
        case decideEachAlone
        /// Refuse the single delivery `processing_failed` and ack it.
        case refuseProcessingFailed
    }

    /// How many deliveries are decided together.
    public let batchSize: Int
    /// Failures (of kind `.failed`) allowed before the batch is split or the delivery refused.
    public let maxAttempts: Int
    /// Failures of kind `.failed` so far.
    public private(set) var attempts = 0

    /// A plan for a batch of `batchSize` deliveries.
    public init(batchSize: Int, maxAttempts: Int) {
        self.batchSize = batchSize
        self.maxAttempts = max(1, maxAttempts)
    }

    /// The last try failed with `failure`.
    public mutating func failed(_ failure: Failure) -> Action {
        switch failure {
        case .databaseUnavailable: return .reconnectAndRetry
        case .transient: return .retry
        case .failed:
            attempts += 1
            guard attempts >= maxAttempts else { return .retry }
            return batchSize > 1 ? .decideEachAlone : .refuseProcessingFailed
        }
    }

    /// How an error thrown while deciding a batch counts.
    public static func classify(_ error: any Error) -> Failure {
        guard let pg = error as? PGError else { return .transient }  // the broker: wait for it
        if pg.meansDatabaseUnavailable { return .databaseUnavailable }
        // 40: serialization failure, deadlock; 53: insufficient resources; 55P03: lock not available
        if let state = pg.sqlState, state.hasPrefix("40") || state.hasPrefix("53") || state == "55P03" {
            return .transient
        }
        return .failed
    }
}
