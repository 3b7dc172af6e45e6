import AMQP
import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The end-to-end part: checks that nothing else consumes the pipeline's queues,
/// starts the router and workers as processes, runs the warm-up, fixed-load and
/// saturation phases with the benchmark as housing staff, and reads each
/// process's peak memory.
struct PipelineRun {
    let options: WageBench
    let env: StackEnvironment
    let admin: PGConnection
    let probe: BrokerProbe
    let run: String
    let stackEnv: String
    let localDir: String
    static let queues = ["router.intake", "dept.hrss", "dept.housing"]

    func execute(into result: inout BenchResult) throws {
        try preflight()
        let repo = FileManager.default.currentDirectoryPath
        let services = try ServiceSet(
            binDirectory: absolute(options.binDir, in: repo), dutyList: absolute(options.dutyList, in: repo),
            stackEnv: stackEnv, logDirectory: "\(localDir)/bench/logs",
            routerThreads: options.routerThreads, hrssProcesses: options.hrssProcesses,
            hrssLanes: options.hrssLanes)
        defer { Progress.say("stopping the router and workers"); services.stopAll() }
        try services.waitUntilReady(probe: probe, admin: admin)
        Progress.say("router and workers are consuming")
        let staff = HousingStaff(databaseURL: try env.databaseURL(for: .housing),
                                 amqpURL: try AMQPURL(try env.amqpURL(for: .housing)), run: run)
        try staff.start()
        defer { staff.finish() }
        let cpu = CPUSampler.standard(
            services: services.processes,
            postmaster: ProcStats.pid(fromFile: "\(localDir)/pg/data/postmaster.pid"),
            broker: ProcStats.pid(fromFile: "\(localDir)/rabbitmq/rabbitmq.pid"))
        let platform = try AMQPURL(try env.amqpURL(for: .platform))
        let projects = ProjectMeasure(options: options, run: run, housing: try AMQPURL(try env.amqpURL(for: .housing)),
                                      platform: platform, admin: admin)
        var background: (start: () -> Void, finish: () throws -> Double)?
        if !options.skipProjects {
            result.projects = ProjectMeasure.Result(
                payrollLines: options.payrollLines, bigPayrollSeconds: try projects.bigPayroll(), projects: options.projects,
                workersPerProject: options.projectWorkers)
            background = try projects.backgroundLoad()
        }
        let phases: [(String, Int, Double?)] = [("warmup", 200, 100)]
            + options.rate.map { r in ("fixed-\(Int(r))", Int(r / 3 * options.duration), r / 3) }
            + [("saturation", options.saturation, nil)]
            + (background == nil ? [] : [(ProjectMeasure.phaseName, options.saturation, nil)])
        for (name, count, rate) in phases {
            if name == ProjectMeasure.phaseName { background?.start() }
            Progress.say(rate.map { String(format: ": %d clues at %.1f/s (%.0f intake messages/s)", count, $0, $0 * 3) }
                .map { name + $0 } ?? "\(name): \(count) clues as fast as confirms allow")
            let load = ClueLoad(phase: name, run: run, count: count, rate: rate)
            let phase = PipelinePhase(load: load, platformURL: platform, admin: admin, staff: staff, cpu: cpu,
                                      processes: services.processes)
            let r = try phase.run()
            result.phases.append(r)
            Progress.say(name + String(format: ": %d cases accepted in %.1f s = %.1f cases/s; registration p99 %.1f ms",
                                       r.casesAccepted, r.seconds, r.casesPerSecond, r.latencyRegistered?.p99 ?? 0))
            if name == ProjectMeasure.phaseName, let background {
                result.projects?.payrollsAppliedSeconds = try background.finish()
                Progress.say(String(format: "projects: %d payrolls applied %.1f s after the first was published",
                                    options.projects, result.projects?.payrollsAppliedSeconds ?? 0))
            }
        }
        for p in services.processes {
            if let mem = ProcStats.memory(p.pid) { result.peakMemoryMiB[p.name] = (Double(mem.peakKiB) / 102.4).rounded() / 10 }
        }
    }

    /// Refuses to start when another router or worker consumes the queues (its
    /// figures would mix with ours), or when messages are already waiting.
    private func preflight() throws {
        for queue in Self.queues {
            let c = try probe.counts(queue)
            if c.consumers > 0 {
                throw BenchFailure("\(queue) already has \(c.consumers) consumer(s): stop the running router and workers "
                    + "(deploy/local/run.sh stop, or the system tests) — the benchmark starts its own")
            }
            if c.messages > 0 {
                guard options.purge else {
                    throw BenchFailure("\(queue) holds \(c.messages) waiting message(s) that would mix with the benchmark's; "
                        + "rerun with --purge to discard them (bench.sh --purge)")
                }
                try drain(queue)
            }
        }
    }

    private func drain(_ queue: String) throws {
        let consumer = try AMQPConsumer(url: try AMQPURL(try env.adminAMQPURL()), queue: queue, prefetch: 500, name: "wage-bench-purge")
        defer { consumer.close() }
        var n = 0
        while let d = try consumer.next(timeout: 0.2) { try consumer.ack(d); n += 1 }
        Progress.say("purged \(n) message(s) from \(queue)")
    }

    private func absolute(_ path: String, in dir: String) -> String {
        path.hasPrefix("/") ? path : "\(dir)/\(path)"
    }
}
