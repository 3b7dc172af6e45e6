import Foundation
import XCTest
@testable import Store

/// Where the integration tests find PostgreSQL: `WAGE_DATABASE_URL` from the
/// environment, else `.local/stack.env` found by walking up from this file.
enum TestStack {
    struct Missing: Error, CustomStringConvertible {
        var description: String {
            "no PostgreSQL for StoreTests: set WAGE_DATABASE_URL or run `deploy/local/stack.sh up` "
                + "(it writes .local/stack.env)"
        }
    }

    /// The repository root (the directory holding Package.swift), if found.
    static let repoRoot: URL? = {
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }()

    /// KEY=VALUE lines of `.local/stack.env` (empty when absent).
    static let stackEnv: [String: String] = {
        guard let root = repoRoot,
              let text = try? String(contentsOf: root.appendingPathComponent(".local/stack.env"), encoding: .utf8)
        else { return [:] }
        var values: [String: String] = [:]
        for raw in text.split(whereSeparator: \.isNewline) {
            var line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("#") || line.isEmpty { continue }
            if line.hasPrefix("export ") { line.removeFirst(7) }
            guard let eq = line.firstIndex(of: "=") else { continue }
            var value = String(line[line.index(after: eq)...])
            if value.count >= 2, let q = value.first, q == "\"" || q == "'", value.last == q {
                value = String(value.dropFirst().dropLast())
            }
            values[String(line[..<eq])] = value
        }
        return values
    }()

    /// A variable from the environment, else from `.local/stack.env`.
    static func variable(_ name: String) -> String? {
        if let value = ProcessInfo.processInfo.environment[name], !value.isEmpty { return value }
        return stackEnv[name]
    }

    /// The admin URL, or a failure telling how to start the stack.
    static func adminURL() throws -> String {
        guard let url = variable("WAGE_DATABASE_URL") else { throw Missing() }
        return url
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
    for (key, value) in extra { setenv(key, value, 1) }
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    let argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
    defer { for arg in argv { free(arg) } }
    var pid = pid_t()
    guard posix_spawn(&pid, arguments[0], &actions, nil, argv, environ) == 0 else { return -1 }
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
