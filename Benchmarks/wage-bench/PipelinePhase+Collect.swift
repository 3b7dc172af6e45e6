import Foundation
import Store

extension PipelinePhase {
    /// Reads every case of the phase with its moments and turns them into the result.
    func collect(cpu: [String: Double]) throws -> Result {
        let (low, high) = load.refRange
        let rows = try admin.execute(
            """
            SELECT c.clue_ref, c.case_id::text AS case_id,
                   extract(epoch FROM c.opened_at)::float8 AS opened,
                   extract(epoch FROM d.received_at)::float8 AS received,
                   extract(epoch FROM a.at)::float8 AS accepted
            FROM wage.cases c
            LEFT JOIN wage.department_cases d ON d.department = 'housing' AND d.case_id = c.case_id
            LEFT JOIN LATERAL (SELECT min(e.at) AS at FROM wage.case_events e
                               WHERE e.case_id = c.case_id AND e.event = 'accepted') a ON true
            WHERE c.channel = 'national_platform' AND c.clue_ref >= $1 AND c.clue_ref < $2
            """, [low, high]).rows
        let published = load.times()
        let acceptsSent = staff.acceptTimes
        var registered: [Double] = [], delivered: [Double] = [], applied: [Double] = [], total: [Double] = []
        var firstPublish = Double.infinity, lastAccepted = 0.0, acceptedCount = 0
        var stamps: [String: [Double]] = ["registered": [], "in housing's ledger": [], "accepted": []]
        for row in rows {
            guard let n = load.index(ofRef: try row.string("clue_ref")), n < published.count, published[n] > 0 else { continue }
            let sent = published[n]
            firstPublish = min(firstPublish, sent)
            registered.append(try row.double("opened") - sent)
            stamps["registered"]!.append(try row.double("opened"))
            if let received = row["received"].flatMap(Double.init) {
                delivered.append(received - sent)
                stamps["in housing's ledger"]!.append(received)
            }
            guard let done = row["accepted"].flatMap(Double.init) else { continue }
            stamps["accepted"]!.append(done)
            acceptedCount += 1
            lastAccepted = max(lastAccepted, done)
            total.append(done - sent)
            if let acceptSent = acceptsSent[try row.string("case_id")] { applied.append(done - acceptSent) }
        }
        let seconds = lastAccepted > firstPublish ? lastAccepted - firstPublish : 0
        let window = try traffic(from: firstPublish, to: lastAccepted)
        let rate = { (n: Int) in seconds > 0 ? Double(n) / seconds : 0 }
        let sentStamps = published.filter { $0 > 0 }
        return Result(
            phase: load.phase, offeredCluesPerSecond: load.rate, cluesPublished: load.publishedCount,
            publishSeconds: (sentStamps.max() ?? 0) - (sentStamps.min() ?? 0), stoppedEarly: load.stoppedEarly,
            casesRegistered: rows.count, casesAccepted: acceptedCount, seconds: seconds,
            casesPerSecond: rate(acceptedCount), intakeMessagesPerSecond: rate(acceptedCount * 3),
            routedPerSecond: rate(window.routed), workerDeliveriesPerSecond: rate(window.deliveries),
            latencyRegistered: LatencySummary(seconds: registered), latencyDelivered: LatencySummary(seconds: delivered),
            latencyAcceptApplied: LatencySummary(seconds: applied), latencyTotal: LatencySummary(seconds: total),
            cpuPercent: cpu, cpuMillisPerCase: [:], database: nil, stageRates: stamps.compactMapValues(Self.rate), rejections: try rejections())
    }

    /// Events per second between the first and the last of `stamps` (nil for fewer than 10).
    static func rate(_ stamps: [Double]) -> Double? {
        guard stamps.count >= 10, let first = stamps.min(), let last = stamps.max(), last > first else { return nil }
        return (Double(stamps.count - 1) / (last - first) * 10).rounded() / 10
    }

    /// Routing decisions and worker deliveries (inbox rows) recorded in the window.
    private func traffic(from: Double, to: Double) throws -> (routed: Int, deliveries: Int) {
        guard to > from else { return (0, 0) }
        let routed = try admin.execute(
            "SELECT count(*) AS n FROM wage.routing_log WHERE at BETWEEN to_timestamp($1) AND to_timestamp($2)",
            [from, to]).rows.first?.int("n") ?? 0
        let deliveries = try admin.execute(
            """
            SELECT count(*) AS n FROM wage.inbox
            WHERE consumer IN ('hrss', 'housing') AND received_at BETWEEN to_timestamp($1) AND to_timestamp($2)
            """, [from, to]).rows.first?.int("n") ?? 0
        return (routed, deliveries)
    }

    /// Refusals recorded for this run's messages (by the router or a worker): should be 0.
    private func rejections() throws -> Int {
        try admin.execute("SELECT count(*) AS n FROM wage.rejection_log WHERE message_id LIKE $1",
                          ["bench-\(load.run)-%"]).rows.first?.int("n") ?? 0
    }
}
