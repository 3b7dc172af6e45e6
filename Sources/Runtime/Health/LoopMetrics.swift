import Foundation
import Messages
import Metrics

/// The metrics of one consumer thread (worker or router), on that thread only:
/// counters by type and outcome are made once per label set and kept.
public final class LoopMetrics {
    let principal: String
    let factory: any MetricsFactory
    private var counters: [[String]: Counter] = [:]
    let handling: Metrics.Timer
    let batchSize: Recorder
    private var reconnectCounters: [String: Counter] = [:]
    private var versionGauges: [String: Gauge] = [:]

    /// Metrics labelled with `principal`, made by `factory` (the process's by default).
    public init(principal: String, factory: any MetricsFactory = MetricsSystem.factory) {
        self.principal = principal
        self.factory = factory
        handling = Metrics.Timer(label: MetricName.handlingSeconds, dimensions: [("principal", principal)], factory: factory)
        batchSize = Recorder(label: MetricName.batchSize, dimensions: [("principal", principal)], aggregate: true, factory: factory)
    }

    /// Counts one message of `type` (raw) with `outcome` (and the refusal's `reason`).
    public func message(type: String?, _ outcome: MetricName.Outcome, reason: RejectionReason? = nil) {
        let labels = [MetricName.typeLabel(type), outcome.rawValue, MetricName.reasonLabel(reason)]
        if let counter = counters[labels] { counter.increment(); return }
        let counter = Counter(label: MetricName.messages, dimensions: [
            ("principal", principal), ("type", labels[0]), ("outcome", labels[1]), ("reason", labels[2]),
        ], factory: factory)
        counters[labels] = counter
        counter.increment()
    }

    /// Counts a worker's results (in the order of `messages`).
    func count(_ results: [ProcessingResult], of messages: [InboundMessage]) {
        for (result, message) in zip(results, messages) {
            switch result {
            case .acknowledged(.applied): self.message(type: message.rawType, .applied)
            case .acknowledged(.duplicate): self.message(type: message.rawType, .duplicate)
            case .acknowledged(.rejected(let reason)): self.message(type: message.rawType, .refused, reason: reason)
            case .retry: self.message(type: message.rawType, .retried)
            }
        }
    }

    /// Records a batch of `size` deliveries handled in `seconds`.
    public func batch(size: Int, seconds: Double) {
        guard size > 0 else { return }
        batchSize.record(size)
        handling.recordNanoseconds(Int64(max(0, seconds) * 1_000_000_000))
    }

    /// Counts a reconnect of `connection` (`broker` or `database`).
    public func reconnected(_ connection: HealthCheck) {
        let key = connection.rawValue
        if reconnectCounters[key] == nil {
            reconnectCounters[key] = Counter(label: MetricName.reconnects,
                                             dimensions: [("principal", principal), ("connection", key)], factory: factory)
        }
        reconnectCounters[key]!.increment()
    }

    /// Publishes the reference versions in use (`calendar`, `settings`).
    func versions(_ versions: [String: Int64]) {
        for (name, version) in versions {
            if versionGauges[name] == nil {
                versionGauges[name] = Gauge(label: MetricName.referenceVersion,
                                            dimensions: [("principal", principal), ("name", name)], factory: factory)
            }
            versionGauges[name]!.record(version)
        }
    }
}
