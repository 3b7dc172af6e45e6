/// The numbers a router thread works with; the defaults are what `wage-router` runs with.
public struct RouterSettings: Sendable, Equatable {
    /// Most deliveries decided in one batch (one confirm wait, one commit).
    public var maxBatch: Int
    /// Seconds the consumer waits for the first delivery of a batch.
    public var pollTimeout: Double
    /// Seconds between two looks at the duty-list version in force (also the
    /// database probe of an idle router, hence how soon `/readyz` sees it down).
    public var dutyCheckInterval: Double
    /// Failed tries (on a reachable database) before a batch is decided one
    /// delivery at a time, and a single delivery refused `processing_failed`
    /// (`RouterRetryPlan`). Outages never count.
    public var maxAttempts: Int

    /// The defaults.
    public init(maxBatch: Int = 50, pollTimeout: Double = 1, dutyCheckInterval: Double = 5, maxAttempts: Int = 5) {
        self.maxBatch = maxBatch
        self.pollTimeout = pollTimeout
        self.dutyCheckInterval = dutyCheckInterval
        self.maxAttempts = maxAttempts
    }
}
