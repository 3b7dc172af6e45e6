import Foundation
import Messages
import Workflow

/// Connection settings of one principal, read from the environment and, where a
/// variable is absent there, from `.local/stack.env` (CONTRACT §6).
///
/// A secret may also come from a file: `<KEY>_FILE` names a file holding the value
/// (the Docker and Kubernetes secrets convention), or `WAGE_SECRETS_DIR` a
/// directory holding one file per key, named `<KEY>`. A process that serves one
/// principal keeps only that principal's credentials (`scoped(to:)`).
public struct StackEnvironment: Sendable {
    /// All `KEY=value` settings, environment first.
    public let values: [String: String]

    public init(values: [String: String]) { self.values = values }

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

    /// Parses env-file lines as the shell scripts do (`deploy/local/migrate.sh`):
    /// `KEY=value`, optionally after `export`, the value optionally in single or
    /// double quotes (inside double quotes `\"` and `\\` are unescaped); `#`
    /// comments and blank lines are ignored. A later line wins.
    public static func parse(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        for line in text.split(whereSeparator: \.isNewline) {
            var trimmed = Substring(line.trimmingCharacters(in: .whitespaces))
            guard !trimmed.isEmpty, !trimmed.hasPrefix("#") else { continue }
            if trimmed.hasPrefix("export "), let rest = trimmed.split(separator: " ", maxSplits: 1).last {
                trimmed = Substring(rest.trimmingCharacters(in: .whitespaces))
            }
            guard let eq = trimmed.firstIndex(of: "=") else { continue }
            let key = trimmed[..<eq].trimmingCharacters(in: .whitespaces)
            guard !key.isEmpty, key.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" }) else { continue }
            result[key] = unquote(trimmed[trimmed.index(after: eq)...])
        }
        return result
    }

    /// A value without its surrounding quotes.
    static func unquote(_ raw: Substring) -> String {
        let value = raw.trimmingCharacters(in: .whitespaces)
        guard value.count >= 2, let first = value.first, first == value.last, first == "\"" || first == "'" else { return value }
        let inner = value.dropFirst().dropLast()
        guard first == "\"" else { return String(inner) }
        var out = ""
        var escaped = false
        for character in inner {
            if escaped { out.append(character); escaped = false } else if character == "\\" { escaped = true } else { out.append(character) }
        }
        return out
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

    /// The settings without any other principal's credentials: what a process that
    /// serves only `principal` keeps (`WAGE_AMQP_URL_<CODE>`, `WAGE_DATABASE_URL_<CODE>`
    /// and their `_FILE` forms of every other code, the admin URLs and the secrets
    /// directory's other files are dropped).
    public func scoped(to principal: Principal) -> StackEnvironment {
        let own = Set(Self.credentialKeys(of: principal).flatMap { [$0, $0 + "_FILE"] })
        let others = Set(Principal.allCases.filter { $0 != principal }.flatMap(Self.credentialKeys(of:))
            .flatMap { [$0, $0 + "_FILE"] })
            .union(["WAGE_DATABASE_URL", "WAGE_DATABASE_URL_FILE", "WAGE_AMQP_URL_ADMIN", "WAGE_AMQP_URL_ADMIN_FILE"])
        var kept = values.filter { !others.contains($0.key) || own.contains($0.key) }
        // Read the principal's own secret files now, so nothing later reaches into the directory.
        for key in Self.credentialKeys(of: principal) where kept[key] == nil {
            if let value = try? fileValue(key) { kept[key] = value }
        }
        kept.removeValue(forKey: "WAGE_SECRETS_DIR")
        return StackEnvironment(values: kept)
    }

    /// The two credential keys of `principal`.
    public static func credentialKeys(of principal: Principal) -> [String] {
        let code = principal.rawValue.uppercased()
        return ["WAGE_AMQP_URL_\(code)", "WAGE_DATABASE_URL_\(code)"]
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

    /// `key`'s value: the variable itself, else the file `<KEY>_FILE` names, else
    /// `$WAGE_SECRETS_DIR/<KEY>`.
    public func require(_ key: String) throws -> String {
        if let value = values[key], !value.isEmpty { return value }
        if let value = try fileValue(key) { return value }
        throw MissingSetting(key: key)
    }

    /// The value of `key` from its secret file, trimmed; `nil` when none is configured.
    func fileValue(_ key: String) throws -> String? {
        let path: String
        if let named = values[key + "_FILE"], !named.isEmpty {
            path = named
        } else if let directory = values["WAGE_SECRETS_DIR"], !directory.isEmpty,
                  FileManager.default.fileExists(atPath: directory + "/" + key) {
            path = directory + "/" + key
        } else {
            return nil
        }
        do {
            let text = try String(contentsOfFile: path, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw UnreadableSecret(key: key, path: path, reason: "the file is empty") }
            return text
        } catch let error as UnreadableSecret {
            throw error
        } catch {
            throw UnreadableSecret(key: key, path: path, reason: "\(error.localizedDescription)")
        }
    }

    /// A required setting is absent.
    public struct MissingSetting: Error, CustomStringConvertible {
        public let key: String
        public init(key: String) { self.key = key }
        public var description: String {
            "\(key) is not set: run `deploy/local/stack.sh up` (it writes .local/stack.env), export \(key), or give its file as \(key)_FILE"
        }
    }

    /// A secret file is configured but cannot be read.
    public struct UnreadableSecret: Error, CustomStringConvertible {
        public let key: String
        public let path: String
        public let reason: String
        public var description: String {
            "\(key): cannot read the secret file \(path) (\(reason)); check the path and that this process's user may read it"
        }
    }
}
