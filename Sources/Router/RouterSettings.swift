/// The numbers a router thread works with; the defaults are what `wage-router` runs with
/// (`--max-batch`, `--prefetch`).
public struct RouterSettings: Sendable, Equatable {
    /// Most deliveries decided in one batch (one confirm wait, one commit, one ack).
    public var maxBatch: Int
    /// Deliveries the broker may have sent the consumer unacknowledged. Above
    /// `maxBatch`, so the next batch is already waiting while one is decided (the
    /// router hop is round trips: a confirm wait and a commit per batch, docs/benchmark.md).
    public var prefetch: UInt16
    /// Seconds the consumer waits for the first delivery of a batch.
    public var pollTimeout: Double
    /// Seconds between two looks at the duty-list version in force (also the
    /// database probe of an idle router, hence how soon `/readyz` sees it down).
    public var dutyCheckInterval: Double
    /// Failed tries (on a reachable database) before a batch is decided one
    /// delivery at a time, and a single delivery refused `processing_failed`
    /// (`RouterRetryPlan`). Outages never count.
    public var maxAttempts: Int

    /// The default batch: a batch takes only what is already waiting, so it is
    /// this large only under a backlog.
    public static let defaultMaxBatch = 200
    /// Two batches' worth.
    public static let defaultPrefetch: UInt16 = 400

    /// The defaults.
    public init(maxBatch: Int = RouterSettings.defaultMaxBatch, prefetch: UInt16 = RouterSettings.defaultPrefetch,
                pollTimeout: Double = 1, dutyCheckInterval: Double = 5, maxAttempts: Int = 5) {
        self.maxBatch = max(1, maxBatch)
        self.prefetch = max(1, prefetch)
        self.pollTimeout = pollTimeout
        self.dutyCheckInterval = dutyCheckInterval
        self.maxAttempts = maxAttempts
    }
}
