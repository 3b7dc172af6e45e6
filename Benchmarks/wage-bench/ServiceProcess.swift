import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One service (router or worker) started by the benchmark as its own process
/// from the release build, with its output in a log file, so that its memory
/// (VmHWM) and CPU time can be read from /proc.
final class ServiceProcess {
    let name: String
    let pid: pid_t
    let logPath: String
    private(set) var exitStatus: Int32?

    /// Starts `executable arguments…` with `environment`; stdout and stderr go to `logPath`.
    init(name: String, executable: String, arguments: [String], environment: [String: String], logPath: String) throws {
        guard FileManager.default.isExecutableFile(atPath: executable) else {
            throw BenchFailure("\(executable) is missing: build it with "
                + "`swift build -c release --scratch-path .build-release --product \(URL(fileURLWithPath: executable).lastPathComponent)` "
                + "(deploy/local/bench.sh does)")
        }
        self.name = name
        self.logPath = logPath
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, logPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        let argv = [executable] + arguments
        let envp = environment.map { "\($0.key)=\($0.value)" }
        var child: pid_t = 0
        let status = withCStrings(argv) { a in withCStrings(envp) { e in posix_spawn(&child, executable, &actions, nil, a, e) } }
        guard status == 0 else { throw BenchFailure("could not start \(name): \(String(cString: strerror(status)))") }
        pid = child
    }

    /// True while the process runs (reaps it once it has exited).
    var isRunning: Bool {
        if exitStatus != nil { return false }
        var status: Int32 = 0
        let r = waitpid(pid, &status, WNOHANG)
        if r == pid { exitStatus = status; return false }
        return r == 0
    }

    /// Throws, with the end of its log, when the process has exited.
    func requireRunning() throws {
        guard !isRunning else { return }
        let status = exitStatus ?? 0
        let how = status & 0x7f != 0 ? "was killed by signal \(status & 0x7f)" : "exited with code \((status >> 8) & 0xff)"
        throw BenchFailure("\(name) (pid \(pid)) \(how) during the benchmark; "
            + "last lines of \(logPath):\n\(tail(12))")
    }

    /// SIGTERM (graceful), then SIGKILL after `grace` seconds.
    func stop(grace: Double = 10) {
        guard isRunning else { return }
        kill(pid, SIGTERM)
        let deadline = Date().addingTimeInterval(grace)
        while Date() < deadline { if !isRunning { return }; pause(0.05) }
        kill(pid, SIGKILL)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        exitStatus = status
    }

    /// The last `n` lines of the log.
    func tail(_ n: Int) -> String {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        return text.split(separator: "\n").suffix(n).map { "    " + $0 }.joined(separator: "\n")
    }
}

/// Calls `body` with a NULL-terminated C array of copies of `strings`.
func withCStrings<R>(_ strings: [String], _ body: ([UnsafeMutablePointer<CChar>?]) -> R) -> R {
    let copies = strings.map { strdup($0) } + [nil]
    defer { for c in copies { free(c) } }
    return body(copies)
}
