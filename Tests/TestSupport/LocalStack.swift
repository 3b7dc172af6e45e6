import Foundation

/// The local stack the integration tests run against, as `deploy/local/stack.sh up`
/// describes it in its `stack.env`: where that file is, and its settings.
///
/// The file is `$WAGE_STACK_ENV`, else `$WAGE_LOCAL_DIR/stack.env`, else
/// `.local/stack.env` in the repository. An explicit setting is never replaced
/// by another stack's file: a test run meant for one stack must not touch another.
/// A setting in the environment (non-empty) wins over the file.
public struct LocalStack: Sendable {
    /// The repository root: `$WAGE_REPO`, else the directory holding
    /// `Package.swift` found by walking up from this source file.
    public let repoRoot: URL?
    /// The stack file to read (it may not exist).
    public let envFile: URL?
    /// The `KEY=value` settings of the stack file (empty when it is absent).
    public let fileValues: [String: String]
    /// The process environment the stack was located with.
    public let environment: [String: String]

    /// Locates the stack from `environment` (by default the process's).
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
        let root = Self.locateRepoRoot(environment: environment)
        repoRoot = root
        if let file = environment["WAGE_STACK_ENV"], !file.isEmpty {
            envFile = URL(fileURLWithPath: file)
        } else if let dir = environment["WAGE_LOCAL_DIR"], !dir.isEmpty {
            envFile = URL(fileURLWithPath: dir).appendingPathComponent("stack.env")
        } else {
            envFile = root?.appendingPathComponent(".local/stack.env")
        }
        if let file = envFile, let text = try? String(contentsOf: file, encoding: .utf8) {
            fileValues = Self.parse(text)
        } else {
            fileValues = [:]
        }
    }

    /// The stack of this test process, located once.
    public static let current = LocalStack()

    /// True when the stack file exists and was read.
    public var isPresent: Bool { !fileValues.isEmpty }

    /// The stack's data directory (the stack file's directory, symlinks resolved).
    public var localDir: String? {
        envFile.map { $0.resolvingSymlinksInPath().deletingLastPathComponent().path }
    }

    /// A setting from the environment (non-empty), else from the stack file.
    public func variable(_ name: String) -> String? {
        if let value = environment[name], !value.isEmpty { return value }
        return fileValues[name]
    }

    /// Every setting of the stack file, with the environment's non-empty
    /// `WAGE_*` variables laid over it.
    public var values: [String: String] {
        var merged = fileValues
        for (key, value) in environment where key.hasPrefix("WAGE_") && !value.isEmpty { merged[key] = value }
        return merged
    }

    /// Parses `KEY=value` lines: blank lines and `#` comments are skipped, an
    /// `export ` prefix and quotes around the value are dropped.
    public static func parse(_ text: String) -> [String: String] {
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
    }

    static func locateRepoRoot(environment: [String: String]) -> URL? {
        if let repo = environment["WAGE_REPO"], !repo.isEmpty { return URL(fileURLWithPath: repo) }
        var dir = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while dir.path != "/" {
            if FileManager.default.fileExists(atPath: dir.appendingPathComponent("Package.swift").path) { return dir }
            dir = dir.deletingLastPathComponent()
        }
        return nil
    }
}
