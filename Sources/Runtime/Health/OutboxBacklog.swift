import Foundation
import Messages
import Metrics
import Store

/// `wage_outbox_backlog` and `wage_outbox_oldest_seconds` of one principal,
/// measured by its relay thread on the relay's own connection (row-level security
/// shows a principal only its own rows).
final class OutboxBacklog {
    let principal: Principal
    let interval: Double
    private var lastLook = Date.distantPast
    let rows: Gauge
    let oldest: Gauge

    init(principal: Principal, interval: Double, factory: any MetricsFactory = MetricsSystem.factory) {
        self.principal = principal
        self.interval = interval
        rows = Gauge(label: MetricName.outboxBacklog, dimensions: [("principal", principal.rawValue)], factory: factory)
        oldest = Gauge(label: MetricName.outboxOldestSeconds, dimensions: [("principal", principal.rawValue)], factory: factory)
    }

    /// Measures when `interval` has passed; a database error propagates (the relay reconnects).
    func measureIfDue(_ db: PGConnection, now: Date = Date()) throws {
        guard now.timeIntervalSince(lastLook) >= interval else { return }
        lastLook = now
        let row = try db.execute(
            """
            SELECT count(*)::text AS n,
                   COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)::float8::text AS age
            FROM wage.outbox WHERE principal = $1 AND published_at IS NULL
            """, [principal.rawValue]).rows.first
        rows.record(Int64(try row?.string("n") ?? "0") ?? 0)
        oldest.record(Double(try row?.string("age") ?? "0") ?? 0)
    }
}
