import Store

extension PGError {
    /// The database cannot be reached (connection lost, server shutting down), or
    /// the session was left inside a transaction by a failure that could not roll
    /// it back (`25001`): wait and reconnect rather than count a failed attempt.
    ///
    /// This is how the delivery plan tells an outage (`DeliveryPlan.databaseUnavailable()`:
    /// pause, reconnect, apply the same batch again, no delivery attempt used)
    /// from a failed attempt (`BatchPlan.messageFailed(deliveryCount:)`).
    public var meansDatabaseUnavailable: Bool {
        isConnectionFailure || (sqlState?.hasPrefix("57P") ?? false) || sqlState == "25001"
    }
}
