import AMQP
import Metrics
import Runtime

/// The router's metrics, on one router thread: every decision by type, outcome
/// and reason (`wage_router_messages_total`), the totals `wage_router_routed_total`
/// and `wage_router_refused_total`, batches and reconnects (`LoopMetrics` with
/// principal `router`), and the duty-list version in force.
final class RouterMetrics {
    let loop: LoopMetrics
    let factory: any MetricsFactory
    let routed: Counter
    let refused: Counter
    private var counters: [[String]: Counter] = [:]
    private var versions: [String: Gauge] = [:]

    init(factory: any MetricsFactory = MetricsSystem.factory) {
        self.factory = factory
        loop = LoopMetrics(principal: "router", factory: factory)
        routed = Counter(label: "wage_router_routed_total", factory: factory)
        refused = Counter(label: "wage_router_refused_total", factory: factory)
    }

    /// Counts the outcomes of a batch (in the order of `deliveries`).
    func count(_ outcomes: [RouterCore.RoutingResult], of deliveries: [AMQPDelivery]) {
        for (outcome, delivery) in zip(outcomes, deliveries) {
            let type = delivery.properties.type
            switch outcome {
            case .routed: routed.increment(); decision(type, .routed)
            case .refused(let reason): refused.increment(); decision(type, .refused, MetricName.reasonLabel(reason))
            case .deadLettered: routed.increment(); decision(type, .deadLettered)
            case .alreadyDone: routed.increment(); decision(type, .duplicate)
            }
        }
    }

    func decision(_ type: String?, _ outcome: MetricName.Outcome, _ reason: String = MetricName.noReason) {
        let labels = [MetricName.typeLabel(type), outcome.rawValue, reason]
        if counters[labels] == nil {
            counters[labels] = Counter(label: MetricName.routerMessages,
                                       dimensions: [("type", labels[0]), ("outcome", labels[1]), ("reason", labels[2])],
                                       factory: factory)
        }
        counters[labels]!.increment()
    }

    /// `wage_duty_list_in_force{version}`: 1 for `version`, 0 for those seen before.
    func inForce(_ version: String) {
        for (known, gauge) in versions where known != version { gauge.record(0) }
        if versions[version] == nil {
            versions[version] = Gauge(label: MetricName.dutyListInForce, dimensions: [("version", version)], factory: factory)
        }
        versions[version]!.record(1)
    }
}
