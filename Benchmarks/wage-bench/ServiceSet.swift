import Foundation
import Store
#if canImport(Glibc)
import Glibc
#endif

/// The router and the two workers the pipeline needs, started from the release
/// build like deploy/local/run.sh starts them; stopped on exit and on Ctrl-C.
final class ServiceSet {
    let processes: [ServiceProcess]
    nonisolated(unsafe) private static var signalSources: [DispatchSourceSignal] = []
    private static let running = Locked<[pid_t]>([])

    /// Starts `wage-router --duty-list … --threads routerThreads`, `hrssProcesses` × `worker-hrss`
    /// (with `WAGE_LANES=hrssLanes` when given) and `worker-housing --as housing`; only the
    /// router with `routerOnly` (the router-hop phase, issue 23).
    init(binDirectory: String, dutyList: String, stackEnv: String, logDirectory: String,
         routerThreads: Int, hrssProcesses: Int, hrssLanes: Int?, routerOnly: Bool = false) throws {
        try FileManager.default.createDirectory(atPath: logDirectory, withIntermediateDirectories: true)
        var environment = ProcessInfo.processInfo.environment
        environment["WAGE_STACK_ENV"] = stackEnv
        var hrssEnvironment = environment
        if let hrssLanes { hrssEnvironment["WAGE_LANES"] = "\(hrssLanes)" }
        let router: (String, String, [String], [String: String]) =
            ("wage-router", "wage-router", ["--duty-list", dutyList, "--threads", "\(routerThreads)"], environment)
        let specs = routerOnly ? [router] : [router]
            + (1...max(1, hrssProcesses)).map { n in
                (n == 1 ? "worker-hrss" : "worker-hrss-\(n)", "worker-hrss", [], hrssEnvironment)
            }
            + [("worker-housing", "worker-housing", ["--as", "housing"], environment)]
        Self.installSignalHandlers()
        var started: [ServiceProcess] = []
        do {
            for (name, executable, arguments, environment) in specs {
                let p = try ServiceProcess(name: name, executable: "\(binDirectory)/\(executable)", arguments: arguments,
                                           environment: environment, logPath: "\(logDirectory)/\(name).log")
                started.append(p)
                Self.running.withLock { $0.append(p.pid) }
                Progress.say("started \(name) (pid \(p.pid), log \(p.logPath))")
            }
        } catch {
            for p in started { p.stop() }
            throw error
        }
        processes = started
    }

    /// Waits until each process consumes its queue (the broker counts its consumer)
    /// and the router has put a duty list in force.
    func waitUntilReady(probe: BrokerProbe, admin: PGConnection, timeout: Double = 60,
                        queues: [String] = ["router.intake", "dept.hrss", "dept.housing"]) throws {
        let deadline = wallNow() + timeout
        while true {
            for p in processes { try p.requireRunning() }
            let consuming = try queues.allSatisfy { try probe.counts($0).consumers > 0 }
            let dutyList = try !admin.execute("SELECT 1 FROM wage.duty_lists WHERE in_force").rows.isEmpty
            if consuming && dutyList { return }
            guard wallNow() < deadline else {
                throw BenchFailure("the router and workers did not start consuming within \(Int(timeout)) s; see their logs: "
                    + processes.map(\.logPath).joined(separator: ", "))
            }
            pause(0.2)
        }
    }

    /// Stops every process (SIGTERM, graceful).
    func stopAll() {
        for p in processes.reversed() { p.stop() }
        Self.running.withLock { $0.removeAll() }
    }

    /// Ctrl-C or SIGTERM: stop the children, then exit.
    private static func installSignalHandlers() {
        guard signalSources.isEmpty else { return }
        for sig in [SIGINT, SIGTERM] {
            signal(sig, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: sig, queue: .global())
            source.setEventHandler {
                for pid in running.current { kill(pid, SIGTERM) }
                FileHandle.standardError.write(Data("wage-bench: interrupted; stopped the router and workers\n".utf8))
                exit(130)
            }
            source.resume()
            signalSources.append(source)
        }
    }
}
