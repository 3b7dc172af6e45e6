import ArgumentParser
import Messages
import Workflow

/// Who `wagectl` acts as, and where its credentials are: given before or after
/// the subcommand (`wagectl --as housing case accept …`).
public struct IdentityOptions: ParsableArguments {
    @Option(name: .customLong("as"),
            help: "The principal to act as (hrss, housing, police, …, or admin for operators); default $WAGE_PRINCIPAL.")
    public var principal: String?

    @Option(name: .customLong("stack-env"),
            help: "The KEY=value file with credentials (default $WAGE_STACK_ENV, else .local/stack.env above the current directory).")
    public var stackEnv: String?

    public init() {}
}

/// Output format of views and answers.
public struct OutputOptions: ParsableArguments {
    @Flag(name: .long, help: "Print JSON (for scripts) instead of a table.")
    public var json = false

    public init() {}
}

/// Whom a command acts as.
public enum Identity: Sendable, Equatable, CustomStringConvertible {
    /// A principal of CONTRACT §1, with its own AMQP user and database role.
    case principal(Principal)
    /// The operators' logins (`WAGE_DATABASE_URL`, `WAGE_AMQP_URL_ADMIN`).
    case admin

    /// Parses `hrss`, `housing`, …, or `admin`.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered == "admin" { self = .admin; return }
        guard let principal = Principal(rawValue: lowered) else { return nil }
        self = .principal(principal)
    }

    public var description: String {
        switch self {
        case .principal(let p): return p.rawValue
        case .admin: return "admin"
        }
    }

    /// All codes `--as` accepts, for messages.
    static var codes: String { (Principal.allCases.map(\.rawValue) + ["admin"]).joined(separator: ", ") }
}
