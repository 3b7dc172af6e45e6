import AMQP
import ArgumentParser
import Duties
import Foundation
import Messages
import Runtime
import Store

/// `wage-bench`: the benchmark's command line. deploy/local/bench.sh builds the
/// release products and runs it against the local stack.
struct WageBench: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "wage-bench",
        abstract: "End-to-end throughput, latency and memory of the pipeline beside the machine's raw RabbitMQ and PostgreSQL limits.")

    @Option(help: "The stack's settings file (default $WAGE_STACK_ENV, else .local/stack.env).")
    var stackEnv: String?

    @Option(help: "Where the release executables are.")
    var binDir = ".build-release/release"

    @Option(help: "The duty list the router installs.")
    var dutyList = "deploy/duty-lists/2026-2.yaml"

    @Option(help: ArgumentHelp(
        "Offered loads of the fixed phases, in intake messages per second (repeatable).",
        discussion: "Each case is 3 intake messages (clue.report, case.transfer, case.accept), so 200 is 66.7 clue.report/s. The first rate is the one the latency target is judged at."))
    var rate: [Double] = [200, 600]

    @Option(help: "Seconds of each fixed phase.")
    var duration: Double = 20

    @Option(help: "Clues published as fast as confirms allow in the saturation phase.")
    var saturation = 3000

    @Option(help: "Messages of the raw broker measurement.")
    var rawMessages = 20000

    @Option(help: "Seconds of each raw commit measurement (1 and 4 clients).")
    var rawSeconds: Double = 4

    @Option(help: "Router consumer threads (wage-router --threads).")
    var routerThreads = 1

    @Option(help: "worker-hrss processes (competing consumers of dept.hrss).")
    var hrssProcesses = 1

    @Option(help: "Lanes of each worker-hrss (WAGE_LANES; default: the worker's own, 2).")
    var hrssLanes: Int?

    @Option(help: "Where to write the results as JSON (default <stack dir>/bench/result.json).")
    var json: String?

    @Flag(help: "Discard messages already waiting in router.intake, dept.hrss and dept.housing.")
    var purge = false

    @Flag(help: "Skip the raw limits.")
    var skipRaw = false

    @Flag(help: "Skip the end-to-end phases (raw limits only).")
    var skipPipeline = false

    @Flag(help: "Skip the project measurements (issue 18: the big payroll, the clue phase under a project load).")
    var skipProjects = false

    @Option(help: "Lines of the big payroll whose time to apply is measured.")
    var payrollLines = PayrollSubmitted.maxLines

    @Option(help: "Projects of the background project load (each with a roster and a payroll).")
    var projects = 100

    @Option(help: "Workers on each background project's roster and payroll.")
    var projectWorkers = 200

    @Option(help: "Messages of the router-hop phase (the router alone on a backlog, beside the trivial Python peer; runs even with --skip-pipeline; 0 skips it).")
    var routerHopMessages = 20000

    @Option(help: "The Python with pika and psycopg for the router-hop peer (bench.sh makes a venv under the stack dir).")
    var peerPython = ".local/venv/bin/python"

    @Option(help: "The router-hop peer consumer.")
    var peerScript = "Benchmarks/peer/peer_consumer.py"

    func validate() throws {
        guard (1...PayrollSubmitted.maxLines).contains(payrollLines), projects > 0,
              (1...PayrollSubmitted.maxLines).contains(projectWorkers) else {
            throw ValidationError("payroll-lines and project-workers must be 1...\(PayrollSubmitted.maxLines), projects positive")
        }
        guard !rate.isEmpty, rate.allSatisfy({ $0 > 0 }), duration > 0, saturation > 0, rawMessages >= 100, rawSeconds > 0, routerHopMessages >= 0, routerThreads > 0, hrssProcesses > 0, (hrssLanes ?? 1) > 0 else {
            throw ValidationError("rate, duration, saturation, raw-messages (≥ 100), raw-seconds, router-threads, hrss-processes and hrss-lanes must be positive")
        }
    }

    func run() throws {
        do { try BenchRun(options: self).execute() } catch let failure as BenchFailure {
            FileHandle.standardError.write(Data("wage-bench: error: \(failure.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
