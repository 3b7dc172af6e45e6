import Messages

/// The names, label values and histogram buckets of every metric the runtime and
/// the router export (docs/operations.md lists them with what to alert on).
public enum MetricName {
    /// Counter {principal, type, outcome, reason}: messages a worker handled.
    public static let messages = "wage_messages_total"
    /// Counter {type, outcome, reason}: messages the router decided.
    public static let routerMessages = "wage_router_messages_total"
    /// Histogram {principal} (seconds): from a batch in hand to its acks.
    public static let handlingSeconds = "wage_handling_seconds"
    /// Histogram {principal}: deliveries per batch.
    public static let batchSize = "wage_batch_size"
    /// Gauge {principal}: outbox rows not yet published.
    public static let outboxBacklog = "wage_outbox_backlog"
    /// Gauge {principal} (seconds): age of the oldest unpublished outbox row (0 when none).
    public static let outboxOldestSeconds = "wage_outbox_oldest_seconds"
    /// Gauge {principal, connection=broker|database}: 1 when every consumer is connected.
    public static let connectionUp = "wage_connection_up"
    /// Gauge {principal}: 1 when `/readyz` answers 200.
    public static let ready = "wage_ready"
    /// Counter {principal, connection}: reconnects after a lost connection.
    public static let reconnects = "wage_reconnects_total"
    /// Gauge {principal, name=calendar|settings}: `wage.reference_versions` in use.
    public static let referenceVersion = "wage_reference_version"
    /// Gauge {version}: 1 for the duty-list version the router routes by, 0 for earlier ones.
    public static let dutyListInForce = "wage_duty_list_in_force"

    /// Outcome label values.
    public enum Outcome: String, Sendable, CaseIterable {
        case applied, duplicate, refused, retried, routed
        case deadLettered = "dead_lettered"
    }

    /// The `reason` label of an outcome that is not a refusal.
    public static let noReason = "none"
    /// The `type` label of a type outside the catalogue (keeps the label set bounded).
    public static let otherType = "other"

    /// The `type` label: the catalogue's name, or `other`.
    public static func typeLabel(_ raw: String?) -> String {
        guard let raw, MessageType(rawValue: raw) != nil else { return otherType }
        return raw
    }

    /// The `reason` label: the refusal's code without its detail
    /// (`schema:amount_owed` → `schema`), so the label set stays bounded.
    public static func reasonLabel(_ reason: RejectionReason?) -> String {
        guard let code = reason?.code else { return noReason }
        return String(code.split(separator: ":", maxSplits: 1).first ?? Substring(code))
    }

    /// Buckets of `wage_batch_size`.
    public static let batchSizeBuckets: [Double] = [1, 2, 5, 10, 20, 50, 100, 200, 500]
    /// Buckets of `wage_handling_seconds`.
    public static let handlingBuckets: [Duration] = [
        .milliseconds(1), .milliseconds(2), .milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50),
        .milliseconds(100), .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2), .seconds(5), .seconds(10),
    ]
}
