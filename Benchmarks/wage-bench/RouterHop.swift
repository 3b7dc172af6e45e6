import AMQP
import Foundation
import Runtime
import Store

/// The router hop alone (issue 23, target 3): `messages` clue.reports queued in
/// router.intake while no router runs, then the router started alone to drain
/// them (consume, validate, routing log, forward with confirms, ack); beside it,
/// in the same run, the trivial peer (Benchmarks/peer/peer_consumer.py: parse
/// each message and insert it, 100 per commit with executemany) on a pre-loaded
/// quorum queue of as many messages of the same size.
struct RouterHop {
    let options: WageBench
    let env: StackEnvironment
    let admin: PGConnection
    let probe: BrokerProbe
    let run: String
    let stackEnv: String
    let localDir: String
    static let phase = "hop"

    struct Result: Codable {
        var messages: Int
        /// Messages ÷ (last − first routing-log transaction start of the phase).
        var routerMessagesPerSecond: Double
        var routerCPUMillisPerMessage: Double?
        var peerMessagesPerSecond: Double?
        var peerError: String?
        var ratio: Double? { peerMessagesPerSecond.map { routerMessagesPerSecond / max($0, 0.001) } }
    }

    func execute() throws -> Result {
        for queue in PipelineRun.queues where try probe.counts(queue).consumers > 0 {
            throw BenchFailure("\(queue) already has a consumer: stop the running router and workers first")
        }
        let count = options.routerHopMessages
        Progress.say("router hop: queueing \(count) clue.reports in router.intake with no router running")
        let load = ClueLoad(phase: Self.phase, run: run, count: count, rate: nil)
        let publisher = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: .platform)), name: "wage-bench-hop")
        publisher.window = 100
        try load.publish(with: publisher) { nil }
        publisher.close()
        let repo = FileManager.default.currentDirectoryPath
        let bin = options.binDir.hasPrefix("/") ? options.binDir : "\(repo)/\(options.binDir)"
        let duty = options.dutyList.hasPrefix("/") ? options.dutyList : "\(repo)/\(options.dutyList)"
        let services = try ServiceSet(binDirectory: bin, dutyList: duty, stackEnv: stackEnv,
                                      logDirectory: "\(localDir)/bench/logs", routerThreads: options.routerThreads,
                                      hrssProcesses: 1, hrssLanes: nil, routerOnly: true)
        let cpu = CPUSampler.standard(services: services.processes, postmaster: nil, broker: nil)
        let before = cpu.sample()
        let (low, high) = load.refRange
        var routed = 0
        let deadline = wallNow() + Double(count) / 50 + 60
        while routed < count {
            for p in services.processes { try p.requireRunning() }
            guard wallNow() < deadline else { services.stopAll(); throw BenchFailure("the router did not drain \(count) messages in time") }
            pause(0.25)
            routed = Int(try admin.execute("SELECT count(*) AS n FROM wage.routing_log WHERE message_id >= $1 AND message_id < $2",
                                           [low, high]).rows.first?.string("n") ?? "0") ?? 0
            Progress.say("router hop: \(routed)/\(count) routed")
        }
        let after = cpu.sample()
        services.stopAll()
        let spanText = try admin.execute("""
            SELECT extract(epoch FROM max(at) - min(at))::float8::text AS s FROM wage.routing_log
            WHERE message_id >= $1 AND message_id < $2
            """, [low, high]).rows.first?.string("s")
        let span = spanText.flatMap { Double($0) } ?? 0
        var result = Result(messages: count, routerMessagesPerSecond: Double(count - 1) / max(span, 0.001))
        if let routerSeconds = CPUSampler.seconds(from: before, to: after)["wage-router"] {
            result.routerCPUMillisPerMessage = routerSeconds * 1000 / Double(count)
        }
        try discardRouted()
        Progress.say(String(format: "router hop: %.0f msg/s; the trivial peer next", result.routerMessagesPerSecond))
        do { result.peerMessagesPerSecond = try peer(count: count) } catch { result.peerError = "\(error)" }
        return result
    }

    /// The routed clues wait in dept.hrss (no worker ran): removed so the pipeline phases start empty.
    private func discardRouted() throws {
        for queue in ["dept.hrss", "dept.housing"] where try probe.counts(queue).messages > 0 {
            let consumer = try AMQPConsumer(url: try AMQPURL(try env.adminAMQPURL()), queue: queue, prefetch: 500,
                                            name: "wage-bench-hop-drain")
            defer { consumer.close() }
            var n = 0
            while let d = try consumer.next(timeout: 0.3) { try consumer.ack(d); n += 1 }
            Progress.say("router hop: discarded the \(n) routed message(s) in \(queue)")
        }
    }

    /// Runs the peer (`--peer-python`, Benchmarks/peer/peer_consumer.py) and reads its rate.
    private func peer(count: Int) throws -> Double {
        let bodyFile = "\(localDir)/bench/peer-body.json"
        try Data(SampleClue.body.utf8).write(to: URL(fileURLWithPath: bodyFile))
        let process = Process()
        process.executableURL = URL(fileURLWithPath: options.peerPython)
        process.arguments = [options.peerScript, "--stack-env", stackEnv, "--messages", "\(count)", "--body-file", bodyFile]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0,
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any],
              let rate = json["messages_per_second"] as? Double else {
            throw BenchFailure("the peer consumer failed (exit \(process.terminationStatus)): \(String(decoding: data, as: UTF8.self))")
        }
        return rate
    }
}
