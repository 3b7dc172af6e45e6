import AMQP
import Foundation
import Runtime
import Store

/// One run of the benchmark: raw limits, then the pipeline phases with the
/// router and workers as processes, then the report.
struct BenchRun {
    let options: WageBench

    func execute() throws {
        Progress.started = Date()
        let envPath = options.stackEnv ?? ProcessInfo.processInfo.environment["WAGE_STACK_ENV"] ?? ".local/stack.env"
        guard FileManager.default.fileExists(atPath: envPath) else {
            throw BenchFailure("\(envPath) does not exist: start the stack first (deploy/local/stack.sh up)")
        }
        let stackEnv = URL(fileURLWithPath: envPath).standardizedFileURL.path
        let localDir = URL(fileURLWithPath: stackEnv).deletingLastPathComponent().path
        let env = StackEnvironment.load(environment: ["WAGE_STACK_ENV": stackEnv])
        let admin: PGConnection
        do { admin = try PGConnection(url: try env.adminDatabaseURL(), applicationName: "wage-bench") } catch {
            throw BenchFailure("cannot connect to PostgreSQL as the administrator (\(error)): is the stack up? run deploy/local/stack.sh up")
        }
        try admin.execute("SET plan_cache_mode = force_custom_plan")
        let adminAMQP = try AMQPURL(try env.adminAMQPURL())
        let probe = try BrokerProbe(url: adminAMQP)
        let run = "b" + String(Int(Date().timeIntervalSince1970), radix: 36)
        var result = BenchResult(run: run, startedAt: ISO8601DateFormatter().string(from: Date()),
                                 machine: try MachineInfo.read(admin: admin, rabbitmq: probe.serverVersion),
                                 settings: settings(), phases: [], peakMemoryMiB: [:], projects: nil, targets: [])
        Progress.say("run \(run) on \(result.machine.cpus) × \(result.machine.cpuModel); load average \(result.machine.loadAverageAtStart)")
        if result.machine.busy { Progress.say("warning: the machine is busy (load average above half the cores): figures will be low") }

        if !options.skipRaw {
            let body = Array(SampleClue.body.utf8)
            Progress.say("raw: RabbitMQ publish with confirms and consume with ack, \(options.rawMessages) persistent messages on quorum queue bench.raw")
            result.rawBroker = try RawBroker(adminURL: adminAMQP, messages: options.rawMessages, body: body).run(probe: probe)
            Progress.say("raw: PostgreSQL single-row commits, 1 client then 4 clients, \(options.rawSeconds) s each")
            result.rawDatabase = try RawDatabase(adminURL: try env.adminDatabaseURL(), seconds: options.rawSeconds,
                                                 body: SampleClue.body).run()
        }
        if options.routerHopMessages > 0 {
            result.routerHop = try RouterHop(options: options, env: env, admin: admin, probe: probe, run: run,
                                             stackEnv: stackEnv, localDir: localDir).execute()
        }
        if !options.skipPipeline {
            try PipelineRun(options: options, env: env, admin: admin, probe: probe, run: run, stackEnv: stackEnv,
                            localDir: localDir).execute(into: &result)
        }
        if !options.skipRaw && !options.skipPipeline {
            Progress.say("raw: PostgreSQL single-row commits, 1 client, again after the pipeline (fsync speed drifts)")
            result.rawDatabase?.oneClientAfterPipelineCommitsPerSecond =
                try RawDatabase(adminURL: try env.adminDatabaseURL(), seconds: options.rawSeconds, body: SampleClue.body).oneClientAgain()
        }
        result.targets = result.judged()
        let jsonPath = options.json ?? "\(localDir)/bench/result.json"
        try result.write(to: jsonPath)
        print(ReportText(result: result).render())
        print("\nresults as JSON: \(jsonPath)")
        fflush(nil)
    }
}

extension BenchRun {
    /// The settings a reader needs to repeat the run.
    func settings() -> [String: String] {
        [
            "fixed_rates_messages_per_second": options.rate.map { "\(Int($0))" }.joined(separator: ","),
            "fixed_seconds": "\(options.duration)",
            "saturation_clues": "\(options.saturation)", "router_threads": "\(options.routerThreads)",
            "hrss_processes": "\(options.hrssProcesses)",
            "hrss_lanes": options.hrssLanes.map(String.init) ?? "worker's default (2)",
            "worker_prefetch": ProcessInfo.processInfo.environment["WAGE_PREFETCH"] ?? "workers' default",
        ]
    }
}

/// The body used by the raw measurements: a clue.report of the size the pipeline carries.
enum SampleClue {
    static let body: String = {
        let load = ClueLoad(phase: "raw", run: "raw", count: 1, rate: nil)
        return String(decoding: load.sampleBody(0), as: UTF8.self)
    }()
}
