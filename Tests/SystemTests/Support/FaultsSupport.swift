import Foundation
import Runtime
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Where the fault tests find the stack they break and the executables they run:
/// the `stack.env` in use (`LocalStack`: `WAGE_STACK_ENV`, else `$WAGE_LOCAL_DIR/stack.env`,
/// else `.local/stack.env`), its data
/// directory and ports (for `deploy/local/stack.sh restart-…` on the SAME stack),
/// and the build's bin directory (next to the test bundle).
struct FaultStack {
    let envFile: String
    let values: [String: String]
    let localDir: String
    let amqpPort: String
    let pgPort: String
    let epmdPort: String
    let binDir: String

    init() throws {
        let environment = ProcessInfo.processInfo.environment
        let stack = LocalStack.current
        envFile = Harness.stackEnvPath
        guard stack.isPresent else {
            throw FaultSetupError("no stack.env at \(envFile): run deploy/local/stack.sh up (or set WAGE_STACK_ENV)")
        }
        values = stack.fileValues
        localDir = URL(fileURLWithPath: envFile).resolvingSymlinksInPath().deletingLastPathComponent().path
        amqpPort = environment["WAGE_AMQP_PORT"] ?? values["WAGE_AMQP_PORT"] ?? "5672"
        pgPort = environment["WAGE_PG_PORT"] ?? values["WAGE_PG_PORT"] ?? "5432"
        guard let epmd = environment["WAGE_EPMD_PORT"] ?? FaultStack.runningEPMDPort(localDir: localDir)
                ?? (amqpPort == "5672" ? "4391" : nil) else {
            throw FaultSetupError("cannot tell the epmd port of the broker in \(localDir): set WAGE_EPMD_PORT "
                + "(restarting the broker with another stack's epmd port would stop that stack's epmd)")
        }
        epmdPort = epmd
        binDir = try FaultStack.locateBinDir()
    }

    /// The epmd port of the RabbitMQ node whose home is under `localDir` (read from
    /// its command line: `-home <localDir>/rabbitmq/home … -epmd_port N`).
    static func runningEPMDPort(localDir: String) -> String? {
        guard let pids = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return nil }
        for pid in pids where pid.allSatisfy(\.isNumber) {
            guard let data = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let args = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let home = args.firstIndex(of: "-home"), home + 1 < args.count,
                  args[home + 1] == "\(localDir)/rabbitmq/home",
                  let epmd = args.firstIndex(of: "-epmd_port"), epmd + 1 < args.count else { continue }
            return args[epmd + 1]
        }
        return nil
    }

    /// The directory holding `wage-router` and the workers: `WAGE_BIN_DIR`, else the
    /// directory of this test bundle (`swift build --build-tests` builds the
    /// executables into the same directory).
    static func locateBinDir() throws -> String {
        var candidates: [String] = []
        if let dir = ProcessInfo.processInfo.environment["WAGE_BIN_DIR"] { candidates.append(dir) }
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var url = URL(fileURLWithPath: exe).deletingLastPathComponent()
            // …/debug/wage-workflowPackageTests.xctest (a file on Linux) or a bundle directory
            while url.path != "/" {
                candidates.append(url.path)
                if url.lastPathComponent == "debug" || url.lastPathComponent == "release" { break }
                url.deleteLastPathComponent()
            }
        }
        for dir in candidates where FileManager.default.isExecutableFile(atPath: dir + "/wage-router") {
            return dir
        }
        throw FaultSetupError("wage-router not found in \(candidates): build with `swift build --build-tests` "
            + "(it builds the executables too) or set WAGE_BIN_DIR")
    }

    /// Runs `deploy/local/stack.sh <command>` on this stack (same data dir and ports)
    /// and waits for it with posix_spawn + waitpid (Foundation's `Process` can hang
    /// on a server the script leaves running). Returns the exit status.
    @discardableResult
    func stackScript(_ command: String) -> Int32 {
        var env = ProcessInfo.processInfo.environment
        env["WAGE_LOCAL_DIR"] = localDir
        env["WAGE_AMQP_PORT"] = amqpPort
        env["WAGE_PG_PORT"] = pgPort
        env["WAGE_EPMD_PORT"] = epmdPort
        let script = Harness.repoRoot.appendingPathComponent("deploy/local/stack.sh").path
        return spawnAndWait(["/bin/bash", script, command], environment: env, output: "\(localDir)/faults-stack.log")
    }

    /// The environment for the router and worker processes.
    func processEnvironment(logLevel: String = "notice") -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        env["WAGE_STACK_ENV"] = envFile
        env["WAGE_LOG_LEVEL"] = logLevel
        env.removeValue(forKey: "WAGE_METRICS_DIR")
        return env
    }
}

struct FaultSetupError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}

/// Runs `argv` (argv[0] a full path) with `environment`, stdout and stderr appended
/// to `output`, and waits with `waitpid`; returns the exit status (-1 if it died).
func spawnAndWait(_ argv: [String], environment: [String: String], output: String) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_APPEND, 0o644)
    posix_spawn_file_actions_adddup2(&actions, 1, 2)
    let cArgv: [UnsafeMutablePointer<CChar>?] = argv.map { strdup($0) } + [nil]
    let cEnv: [UnsafeMutablePointer<CChar>?] = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (cArgv + cEnv).forEach { free($0) } }
    var pid = pid_t()
    guard posix_spawn(&pid, argv[0], &actions, nil, cArgv, cEnv) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}

/// A short random tag that makes every identifier of one test run unique.
func faultRunTag() -> String { String(UUID().uuidString.lowercased().prefix(8)) }
