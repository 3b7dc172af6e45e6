import Foundation
import Messages
import Workflow

/// Connection settings of one principal, read from the environment and, where a
/// variable is absent there, from `.local/stack.env` (CONTRACT §6).
public struct StackEnvironment: Sendable {
    /// All `KEY=value` settings, environment first.
    public let values: [String: String]

    /// Reads the process environment and the first `stack.env` found at
    /// `$WAGE_STACK_ENV`, `./.local/stack.env`, or above the current directory.
    public static func load(environment: [String: String] = ProcessInfo.processInfo.environment) -> StackEnvironment {
        var merged: [String: String] = [:]
        if let path = locateEnvFile(environment: environment),
           let text = try? String(contentsOfFile: path, encoding: .utf8) {
            merged = parse(text)
        }
        for (key, value) in environment where key.hasPrefix("WAGE_") { merged[key] = value }
        return StackEnvironment(values: merged)
    }

    /// Parses `KEY=value` lines; `#` comments and blank lines are ignored.
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#"), let eq = trimmed.firstIndex(of: "=") else { continue }
            result[String(trimmed[..<eq])] = String(trimmed[trimmed.index(after: eq)...])
        }
        return result
    }

    static func locateEnvFile(environment: [String: String]) -> String? {
        if let explicit = environment["WAGE_STACK_ENV"] { return explicit }
        var dir = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        for _ in 0..<8 {
            let candidate = dir.appendingPathComponent(".local/stack.env").path
            if FileManager.default.fileExists(atPath: candidate) { return candidate }
            dir.deleteLastPathComponent()
        }
        return nil
    }

    /// The AMQP URL of a principal (`WAGE_AMQP_URL_<CODE>`).
    public func amqpURL(for principal: Principal) throws -> String {
        try require("WAGE_AMQP_URL_\(principal.rawValue.uppercased())")
    }

    /// The database URL of a principal's own role (`WAGE_DATABASE_URL_<CODE>`).
    public func databaseURL(for principal: Principal) throws -> String {
        try require("WAGE_DATABASE_URL_\(principal.rawValue.uppercased())")
    }

    /// The administrative database URL (`WAGE_DATABASE_URL`).
    public func adminDatabaseURL() throws -> String { try require("WAGE_DATABASE_URL") }

    /// The operators' AMQP URL (`WAGE_AMQP_URL_ADMIN`).
    public func adminAMQPURL() throws -> String { try require("WAGE_AMQP_URL_ADMIN") }

    public func require(_ key: String) throws -> String {
        guard let value = values[key], !value.isEmpty else { throw MissingSetting(key: key) }
        return value
    }

    /// A required setting is absent.
    public struct MissingSetting: Error, CustomStringConvertible {
        public let key: String
        public init(key: String) { self.key = key }
        public var description: String {
            "\(key) is not set: run `deploy/local/stack.sh up` (it writes .local/stack.env) or export \(key)"
        }
    }
}
