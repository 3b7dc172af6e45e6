import AMQP
import Foundation
import Store

/// One end-to-end phase: offers its clues, waits until every case is accepted
/// (or progress stalls), then reads the moments each case was registered,
/// delivered to housing and accepted, and the routing and inbox counts.
struct PipelinePhase {
    let load: ClueLoad
    let platformURL: AMQPURL
    let admin: PGConnection
    let staff: HousingStaff
    let cpu: CPUSampler
    let processes: [ServiceProcess]
    /// A paced load stops when this many seconds of offered clues are still open.
    var maxBacklogSeconds = 10.0
    /// The phase ends when no case completed for this long.
    var stallSeconds = 30.0

    struct Result: Codable {
        var phase: String
        var offeredCluesPerSecond: Double?
        /// The offered load in intake messages per second (3 per case).
        var offeredMessagesPerSecond: Double? { offeredCluesPerSecond.map { $0 * 3 } }
        var cluesPublished: Int
        var publishSeconds: Double
        var stoppedEarly: String?
        var casesRegistered: Int
        var casesAccepted: Int
        var seconds: Double
        var casesPerSecond: Double
        var intakeMessagesPerSecond: Double
        var routedPerSecond: Double
        var workerDeliveriesPerSecond: Double
        var latencyRegistered: LatencySummary?
        var latencyDelivered: LatencySummary?
        var latencyAcceptApplied: LatencySummary?
        var latencyTotal: LatencySummary?
        var cpuPercent: [String: Double]
        /// CPU milliseconds each part spent per accepted case: unlike rates, this
        /// hardly changes when other programs share the cores.
        var cpuMillisPerCase: [String: Double]
        var database: DatabaseCost?
        /// Cases per second each stage completed while the phase ran (from its own
        /// timestamps): hrss registering, housing recording, hrss applying accepts.
        var stageRates: [String: Double]
        var rejections: Int
    }

    func run() throws -> Result {
        let accepted = Locked(0)
        let countersBefore = try DatabaseCounters.read(admin)
        let before = cpu.sample()
        let publisherError = Locked<String?>(nil)
        let finished = DispatchSemaphore(value: 0)
        let (load, url, backlogSeconds) = (self.load, platformURL, maxBacklogSeconds)
        let maxBacklog = (load.rate ?? 0) * backlogSeconds
        Thread.detachNewThread {
            defer { finished.signal() }
            do {
                let publisher = try AMQPPublisher(url: url, name: "wage-bench-platform")
                defer { publisher.close() }
                publisher.window = 100
                try load.publish(with: publisher) {
                    let open = load.publishedCount - accepted.current
                    return Double(open) > maxBacklog
                        ? "after \(load.publishedCount) clues: \(open) cases still open (more than \(Int(backlogSeconds)) s of load)"
                        : nil
                }
            } catch { publisherError.withLock { $0 = "publishing clue.report as platform: \(error)" } }
        }
        var counts = (registered: 0, accepted: 0)
        var publishing = true
        var lastProgress = wallNow(), lastReport = wallNow()
        while true {
            if publishing, finished.wait(timeout: .now()) == .success { publishing = false }
            if let e = publisherError.current { throw BenchFailure(e) }
            if let e = staff.problem { throw BenchFailure(e) }
            for p in processes { try p.requireRunning() }
            let now = try progress()
            if now.accepted > counts.accepted { lastProgress = wallNow() }
            counts = now
            accepted.withLock { $0 = now.accepted }
            if wallNow() - lastReport >= 2 {
                lastReport = wallNow()
                Progress.say("\(load.phase): published \(load.publishedCount)/\(load.count), registered \(now.registered), accepted \(now.accepted)")
            }
            if !publishing, now.accepted >= load.publishedCount { break }
            if !publishing, wallNow() - lastProgress > stallSeconds {
                Progress.say("\(load.phase): no case accepted for \(Int(stallSeconds)) s; ending the phase with \(load.publishedCount - now.accepted) open")
                break
            }
            pause(0.25)
        }
        let after = cpu.sample()
        pause(1.2)  // backends report WAL statistics about once a second
        let counters = try DatabaseCounters.read(admin)
        var result = try collect(cpu: CPUSampler.percent(from: before, to: after))
        result.database = countersBefore.perCase(until: counters, cases: result.casesAccepted)
        if result.casesAccepted > 0 {
            result.cpuMillisPerCase = CPUSampler.seconds(from: before, to: after)
                .mapValues { ($0 * 1000 / Double(result.casesAccepted) * 100).rounded() / 100 }
        }
        return result
    }

    /// Registered and accepted cases of this phase so far.
    private func progress() throws -> (registered: Int, accepted: Int) {
        let (low, high) = load.refRange
        let row = try admin.execute(
            """
            SELECT count(*) AS registered, count(*) FILTER (WHERE status = 'accepted') AS accepted FROM wage.cases
            WHERE channel = 'national_platform' AND clue_ref >= $1 AND clue_ref < $2
            """, [low, high]).rows.first
        return (try row?.int("registered") ?? 0, try row?.int("accepted") ?? 0)
    }
}
