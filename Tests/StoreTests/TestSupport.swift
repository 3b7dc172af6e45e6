import Foundation
import TestSupport
import XCTest
@testable import Store

/// Where the integration tests find PostgreSQL: `WAGE_DATABASE_URL` from the
/// environment, else the stack file `LocalStack` (TestSupport) locates:
/// `$WAGE_STACK_ENV`, else `$WAGE_LOCAL_DIR/stack.env`, else `.local/stack.env`
/// in the repository (`$WAGE_REPO`, or found by walking up).
enum TestStack {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "no PostgreSQL for StoreTests: set WAGE_DATABASE_URL or run `deploy/local/stack.sh up` "
                + "(it writes .local/stack.env)"
        }
    }

    private static let local = LocalStack.current

    /// The repository root (the directory holding Package.swift), if found.
    static var repoRoot: URL? { local.repoRoot }

    /// The stack file to read (it may not exist).
    static var stackEnvFile: URL? { local.envFile }

    /// KEY=VALUE lines of the stack file (empty when absent).
    static var stackEnv: [String: String] { local.fileValues }

    /// A variable from the environment, else from the stack file.
    static func variable(_ name: String) -> String? { local.variable(name) }

    /// The admin URL, or a failure telling how to start the stack.
    static func adminURL() throws -> String {
        guard let url = variable("WAGE_DATABASE_URL") else { throw Missing() }
        return url
    }

    /// Environment for `deploy/local/stack.sh` so it acts on the stack the tests use.
    static var scriptEnvironment: [String: String] {
        var env: [String: String] = [:]
        if let port = stackEnv["WAGE_PG_PORT"] { env["WAGE_PG_PORT"] = port }
        if let file = stackEnvFile { env["WAGE_LOCAL_DIR"] = file.deletingLastPathComponent().path }
        return env
    }

    /// True when the database is the one `deploy/local/stack.sh` runs (so it may be restarted).
    static var isLocalStack: Bool {
        guard let root = repoRoot, let url = try? adminURL() else { return false }
        return stackEnv["WAGE_DATABASE_URL"] == url
            && FileManager.default.fileExists(atPath: root.appendingPathComponent("deploy/local/stack.sh").path)
    }

    /// A new admin connection named for the test.
    static func connect(_ name: String = "store-tests") throws -> PGConnection {
        try PGConnection(url: adminURL(), applicationName: name)
    }

    /// A fresh identifier suffix for scratch schemas and channels.
    static func uniqueSuffix() -> String {
        String(UInt64.random(in: 0..<UInt64.max), radix: 36)
    }

    /// `url` with its password replaced.
    static func withPassword(_ url: String, _ password: String) -> String {
        var parts = URLComponents(string: url)!
        parts.password = password
        return parts.string!
    }
}

/// Runs `arguments` (argv[0] is a full path) and waits for it with `waitpid`;
/// returns the exit status. Not `Foundation.Process`: on Linux its
/// `waitUntilExit` also waits for grandchildren holding its internal descriptor,
/// and a restarted postmaster keeps it for its whole life.
func runAndWait(_ arguments: [String], environment extra: [String: String] = [:]) -> Int32 {
    var merged = ProcessInfo.processInfo.environment
    merged.merge(extra) { _, new in new }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    let envp: [UnsafeMutablePointer<CChar>?] = merged.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { for item in argv + envp { free(item) } }
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, envp) == 0 else { return -1 }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status & 0x7f) == 0 ? (status >> 8) & 0xff : -1
}

/// Asserts that `body` throws a ``PGError`` and returns it.
@discardableResult
func assertPGError<T>(_ body: @autoclosure () throws -> T, _ message: String = "",
                      file: StaticString = #filePath, line: UInt = #line) -> PGError? {
    do {
        _ = try body()
        XCTFail("expected a PGError \(message)", file: file, line: line)
    } catch let error as PGError {
        return error
    } catch {
        XCTFail("expected a PGError, got \(error) \(message)", file: file, line: line)
    }
    return nil
}
