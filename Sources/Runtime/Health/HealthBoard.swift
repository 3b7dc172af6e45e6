import Foundation
import HealthServer
import Metrics

/// One thing a component needs for its work.
public enum HealthCheck: String, Sendable, CaseIterable, Comparable {
    case broker, database, consuming

    /// What `/readyz` says when the check fails.
    var failure: String {
        switch self {
        case .broker: return "broker not connected"
        case .database: return "database not connected"
        case .consuming: return "not consuming"
        }
    }

    public static func < (a: HealthCheck, b: HealthCheck) -> Bool { a.rawValue < b.rawValue }
}

/// The readiness of a process as its own threads publish it: each component (a
/// consumer thread, `hrss-consumer`, `router-0`) registers the checks it needs and
/// sets each one as it connects, loses or regains a connection. `/readyz` reads
/// this board under a lock; it never calls librabbitmq or libpq.
///
/// The board also keeps `wage_connection_up{principal,connection}` (1 when every
/// component's check is up) and `wage_ready{principal}`.
public final class HealthBoard: ReadinessSource, @unchecked Sendable {
    private let lock = NSLock()
    private var components: [String: [HealthCheck: Bool]] = [:]
    private let gauges: [HealthCheck: Gauge]
    private let ready: Gauge

    /// A board for a process serving `principal` (the metrics' `principal` label).
    public init(principal: String, factory: any MetricsFactory = MetricsSystem.factory) {
        var gauges: [HealthCheck: Gauge] = [:]
        for check in [HealthCheck.broker, .database] {
            gauges[check] = Gauge(label: MetricName.connectionUp,
                                  dimensions: [("principal", principal), ("connection", check.rawValue)], factory: factory)
        }
        self.gauges = gauges
        ready = Gauge(label: MetricName.ready, dimensions: [("principal", principal)], factory: factory)
        publish([:])
    }

    /// Adds `component` with its `checks`, all down until set.
    public func register(_ component: String, checks: Set<HealthCheck>) {
        update { $0[component] = Dictionary(uniqueKeysWithValues: checks.map { ($0, false) }) }
    }

    /// Sets one check of `component` (ignored for a check it did not register).
    public func set(_ check: HealthCheck, _ up: Bool, for component: String) {
        update { components in
            guard components[component]?[check] != nil else { return }
            components[component]?[check] = up
        }
    }

    /// Removes `component` (its thread ended).
    public func remove(_ component: String) { update { $0[component] = nil } }

    /// The verdict from what the components published.
    public func readiness() -> Readiness {
        lock.lock(); defer { lock.unlock() }
        return Self.readiness(of: components)
    }

    /// Ready when at least one component registered and every check of every
    /// component is up; the reasons name the component and the failed check.
    public static func readiness(of components: [String: [HealthCheck: Bool]]) -> Readiness {
        guard !components.isEmpty else { return Readiness(reasons: ["starting: no consumer is running yet"]) }
        var reasons: [String] = []
        for name in components.keys.sorted() {
            for (check, up) in components[name]!.sorted(by: { $0.key < $1.key }) where !up {
                reasons.append("\(name): \(check.failure)")
            }
        }
        return Readiness(reasons: reasons)
    }

    private func update(_ change: (inout [String: [HealthCheck: Bool]]) -> Void) {
        lock.lock()
        change(&components)
        let snapshot = components
        lock.unlock()
        publish(snapshot)
    }

    private func publish(_ snapshot: [String: [HealthCheck: Bool]]) {
        for (check, gauge) in gauges {
            let relevant = snapshot.values.compactMap { $0[check] }
            gauge.record(!relevant.isEmpty && relevant.allSatisfy { $0 } ? 1 : 0)
        }
        ready.record(Self.readiness(of: snapshot).isReady ? 1 : 0)
    }
}
