import Foundation

/// What the consumer thread publishes about itself: its connections on the
/// `HealthBoard` and the reference versions in use as metrics.
extension ConsumerLoop {
    /// Looks at the calendar and configuration versions when due (`ReferenceWatch`):
    /// that query is also the database probe of an idle consumer. A lost database
    /// marks the consumer not ready and reconnects the lanes.
    func watchReferences() {
        guard let answered = references.refreshIfDue(lanes, logger: logger) else { return }
        health.set(.database, answered, for: component)
        if answered {
            metrics.versions(references.versions)
        } else {
            metrics.reconnected(.database)
            lanes.reconnect()
        }
    }

    /// The broker connection was lost: not ready until `brokerBack()`.
    func brokerLost() {
        health.set(.broker, false, for: component)
        health.set(.consuming, false, for: component)
        metrics.reconnected(.broker)
    }

    /// The consumer is connected and consuming again.
    func brokerBack() {
        health.set(.broker, true, for: component)
        health.set(.consuming, true, for: component)
    }
}
