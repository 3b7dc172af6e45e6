/// The numbers the delivery plan decides with (`BatchPlan`, `DeliveryPlan`,
/// `ConsumerLoop`). The defaults are the values every worker runs with.
public struct DeliverySettings: Sendable, Equatable {
    /// Most deliveries taken into one batch (applied in one transaction per lane).
    public var maxBatch: Int
    /// A delivery the broker counted this many times before (`x-delivery-count`)
    /// is the last attempt: it is still tried, and refused `processing_failed`
    /// only if this try fails.
    public var maxAttempts: Int
    /// After an all-or-nothing attempt was rolled back, how many further batches
    /// (of more than one message) are applied with a savepoint per message
    /// before all or nothing is tried again.
    public var savepointBatches: Int
    /// Seconds to wait after requeuing messages that failed, so that a passing
    /// condition has time to pass before they come back.
    public var retryPause: Double
    /// Seconds to wait before the first reconnect to an unavailable database;
    /// doubled after each further failure, up to `reconnectPauseCap`.
    public var reconnectPause: Double
    /// Longest wait between reconnects to an unavailable database.
    public var reconnectPauseCap: Double
    /// Seconds the consumer waits for the first delivery of a batch (then it
    /// looks at the stop flag and the periodic work); the rest of a batch is
    /// what the broker has already sent.
    public var pollTimeout: Double
    /// Seconds between two looks at the versions of the working-day calendar and
    /// the configuration (`ReferenceWatch`): a committed change is used after the
    /// next look (CONTRACT §7.4 asks for 5 seconds at most).
    public var calendarCheckInterval: Double

    /// The settings with the values every worker uses unless told otherwise.
    public init(maxBatch: Int = 50, maxAttempts: Int = 8, savepointBatches: Int = 20, retryPause: Double = 0.2,
                reconnectPause: Double = 0.1, reconnectPauseCap: Double = 5, pollTimeout: Double = 1,
                calendarCheckInterval: Double = 1) {
        self.calendarCheckInterval = calendarCheckInterval
        self.maxBatch = maxBatch
        self.maxAttempts = maxAttempts
        self.savepointBatches = savepointBatches
        self.retryPause = retryPause
        self.reconnectPause = reconnectPause
        self.reconnectPauseCap = reconnectPauseCap
        self.pollTimeout = pollTimeout
    }
}
