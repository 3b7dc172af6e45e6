import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One router or worker process started from the build's bin directory, its
/// output appended to a log file.
final class ServiceProcess {
    let name: String
    let executable: String
    let arguments: [String]
    let logPath: String
    private(set) var pid: pid_t = 0
    private(set) var exitStatus: Int32?

    init(name: String, executable: String, arguments: [String], logPath: String) {
        self.name = name
        self.executable = executable
        self.arguments = arguments
        self.logPath = logPath
    }

    /// Starts (or starts again) the process.
    func start(environment: [String: String]) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_APPEND, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var child = pid_t()
        let rc = posix_spawn(&child, executable, &actions, nil, argv, envp)
        guard rc == 0 else { throw FaultSetupError("cannot start \(name): \(String(cString: strerror(rc)))") }
        pid = child
        exitStatus = nil
    }

    /// True while it runs (reaps it once it exited).
    var isRunning: Bool {
        guard pid > 0, exitStatus == nil else { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { exitStatus = status; return false }
        return r == 0
    }

    /// `kill -9` and reap.
    func killHard() {
        guard isRunning else { return }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        exitStatus = status
    }

    /// SIGTERM (graceful shutdown), then SIGKILL after `grace` seconds.
    func stop(grace: Double = 15) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline {
            if !isRunning { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        killHard()
    }

    /// The last `n` lines of its log.
    func tail(_ n: Int) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(n).joined(separator: "\n")
    }
}

/// The whole system as processes, as `deploy/local/run.sh` starts it: the router
/// and the ten department workers. Thread-safe: the chaos monkey kills and
/// restarts while the test reads.
final class ServiceFleet: @unchecked Sendable {
    let services: [ServiceProcess]
    let environment: [String: String]
    let logDir: String
    private let lock = NSLock()
    /// Exits nobody asked for (a process that died on its own), by name.
    private(set) var unplannedExits: [String: Int] = [:]

    /// The processes of `run.sh`, from `binDir`, logging to `logDir`.
    init(stack: FaultStack, logDir: String) throws {
        try FileManager.default.createDirectory(atPath: logDir, withIntermediateDirectories: true)
        self.logDir = logDir
        environment = stack.processEnvironment()
        let dutyList = Harness.repoRoot.appendingPathComponent("deploy/duty-lists/2026-2.yaml").path
        let table: [(String, String, [String])] = [
            ("wage-router", "wage-router", ["--duty-list", dutyList]),
            ("worker-hrss", "worker-hrss", []),
            ("worker-housing", "worker-housing", ["--as", "housing"]),
            ("worker-transport", "worker-housing", ["--as", "transport"]),
            ("worker-water", "worker-housing", ["--as", "water"]),
            ("worker-agriculture", "worker-housing", ["--as", "agriculture"]),
            ("worker-market", "worker-housing", ["--as", "market"]),
            ("worker-police", "worker-police", []),
            ("worker-petitions", "worker-petitions", []),
            ("worker-justice", "worker-justice", []),
            ("worker-finance", "worker-finance", []),
        ]
        services = table.map { name, exe, args in
            ServiceProcess(name: name, executable: "\(stack.binDir)/\(exe)", arguments: args, logPath: "\(logDir)/\(name).log")
        }
    }

    var names: [String] { services.map(\.name) }

    func startAll() throws {
        try lock.withLock { for s in services { try s.start(environment: environment) } }
    }

    /// `kill -9` one process and start it again after `pause` seconds.
    func killAndRestart(_ name: String, pause: Double) throws {
        guard let s = services.first(where: { $0.name == name }) else { return }
        lock.withLock { s.killHard() }
        Thread.sleep(forTimeInterval: pause)
        try lock.withLock { try s.start(environment: environment) }
    }

    /// Starts again every process that exited on its own (a supervisor's job);
    /// returns their names.
    @discardableResult
    func reviveExited() throws -> [String] {
        try lock.withLock {
            var revived: [String] = []
            for s in services where !s.isRunning {
                unplannedExits[s.name, default: 0] += 1
                revived.append("\(s.name) (status \(s.exitStatus ?? -1)): \(s.tail(2))")
                try s.start(environment: environment)
            }
            return revived
        }
    }

    /// SIGTERM to all, SIGKILL for those still running after the grace period.
    func stopAll() {
        lock.withLock {
            for s in services where s.isRunning { kill(s.pid, SIGTERM) }
            for s in services { s.stop(grace: 15) }
        }
    }
}
