import Foundation
import Metrics
import Prometheus

/// Process metrics in the Prometheus text format, written to
/// `$WAGE_METRICS_DIR/<name>.prom` every few seconds (for a node-exporter
/// textfile collector or a person with `cat`).
public enum MetricsExport {
    nonisolated(unsafe) private static var registry: PrometheusCollectorRegistry?
    private static let lock = NSLock()

    /// Bootstraps swift-metrics with a Prometheus registry once per process.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry {
        lock.lock(); defer { lock.unlock() }
        if let registry { return registry }
        let created = PrometheusCollectorRegistry()
        MetricsSystem.bootstrap(factory(registry: created))
        registry = created
        return created
    }

    /// A Prometheus factory over `registry` with the histogram buckets of `MetricName`.
    public static func factory(registry: PrometheusCollectorRegistry) -> PrometheusMetricsFactory {
        var factory = PrometheusMetricsFactory(registry: registry)
        factory.valueHistogramBuckets[MetricName.batchSize] = MetricName.batchSizeBuckets
        factory.durationHistogramBuckets[MetricName.handlingSeconds] = MetricName.handlingBuckets
        return factory
    }

    /// The current metrics as Prometheus text.
    public static func render() -> String {
        var buffer: [UInt8] = []
        bootstrap().emit(into: &buffer)
        return String(decoding: buffer, as: UTF8.self)
    }

    /// Writes the metrics file every `interval` seconds until `stop` is set.
    public static func writeLoop(name: String, directory: String, interval: Double = 5, stop: StopFlag) {
        try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        let path = "\(directory)/\(name).prom"
        while !stop.isSet {
            try? render().write(toFile: path, atomically: true, encoding: .utf8)
            var waited = 0.0
            while waited < interval, !stop.isSet { Thread.sleep(forTimeInterval: 0.2); waited += 0.2 }
        }
    }
}
