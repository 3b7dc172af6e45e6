/// How often the runtime measures what it exports (besides the consumer's own
/// probe, which follows `DeliverySettings.calendarCheckInterval`).
public struct ObservationSettings: Sendable, Equatable {
    /// Seconds between two measurements of the outbox backlog by the relay.
    public var outboxCheckInterval: Double

    /// The defaults every process runs with; `WAGE_OUTBOX_CHECK_INTERVAL` overrides
    /// the interval (`from(values:)`).
    public init(outboxCheckInterval: Double = 5) {
        self.outboxCheckInterval = outboxCheckInterval
    }

    /// The settings from the environment / stack.env values.
    public static func from(values: [String: String]) -> ObservationSettings {
        var settings = ObservationSettings()
        if let interval = values["WAGE_OUTBOX_CHECK_INTERVAL"].flatMap(Double.init), interval > 0 {
            settings.outboxCheckInterval = interval
        }
        return settings
    }
}
