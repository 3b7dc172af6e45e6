import AMQP
import Foundation
import Runtime
import Store
import Messages
import Workflow

/// The connections of one command: the stack settings, the identity it acts
/// as, and lazily opened database connections and AMQP publishers.
///
/// Not `Sendable`: libpq and librabbitmq are blocking C libraries, used here
/// synchronously from the command's own thread.
final class Session {
    let env: StackEnvironment
    let identityOptions: IdentityOptions
    let console: Console
    private var databases: [String: PGConnection] = [:]
    private var publishers: [Principal: AMQPPublisher] = [:]

    init(_ identityOptions: IdentityOptions, console: Console = Console.current) {
        var environment = ProcessInfo.processInfo.environment
        if let path = identityOptions.stackEnv { environment["WAGE_STACK_ENV"] = path }
        self.env = StackEnvironment.load(environment: environment)
        self.identityOptions = identityOptions
        self.console = console
    }

    deinit { close() }

    /// Whom the command acts as when neither `--as` nor `WAGE_PRINCIPAL` says (a
    /// sending command's default sender); `nil`: it must be said.
    var defaultIdentity: Identity?

    /// `--as`, else `WAGE_PRINCIPAL`, else `fallback` or `defaultIdentity`; throws a
    /// usage error when none is given.
    func identity(default fallback: Identity? = nil) throws -> Identity {
        let given = identityOptions.principal ?? env.values["WAGE_PRINCIPAL"]
        if given?.isEmpty ?? true, let fallback = fallback ?? defaultIdentity { return fallback }
        guard let code = given, !code.isEmpty else {
            throw WageCtlError(.usage, "no principal: say whom you act as",
                               hint: "add --as <code> (one of \(Identity.codes)) or export WAGE_PRINCIPAL")
        }
        guard let identity = Identity(code: code) else {
            throw WageCtlError(.usage, "unknown principal '\(code)'", hint: "use one of \(Identity.codes)")
        }
        return identity
    }

    /// The identity, which must be a principal (sending needs an AMQP user of §1);
    /// `fallback` when none is given.
    func principal(default fallback: Principal? = nil) throws -> Principal {
        guard case .principal(let p) = try identity(default: fallback.map(Identity.principal)) else {
            throw WageCtlError(.usage, "messages are sent by a principal, not by admin",
                               hint: "add --as <department>, e.g. --as hrss")
        }
        return p
    }

    /// The identity's own database connection: the principal's role (its grants
    /// decide what it sees) or the administrative login.
    func database() throws -> PGConnection {
        switch try identity() {
        case .principal(let p): return try database(for: p)
        case .admin: return try adminDatabase()
        }
    }

    /// A principal's own database role (`WAGE_DATABASE_URL_<CODE>`).
    func database(for principal: Principal) throws -> PGConnection {
        try connect(key: principal.rawValue, role: "wage_\(principal.rawValue)") { try env.databaseURL(for: principal) }
    }

    /// The administrative login (`WAGE_DATABASE_URL`), for operator commands.
    func adminDatabase() throws -> PGConnection {
        try connect(key: "admin", role: "the administrative login") { try env.adminDatabaseURL() }
    }

    /// A publisher logged in as `principal` (`WAGE_AMQP_URL_<CODE>`).
    func publisher(for principal: Principal) throws -> AMQPPublisher {
        if let existing = publishers[principal] { return existing }
        let text = try setting { try env.amqpURL(for: principal) }
        do {
            let publisher = try AMQPPublisher(url: try AMQPURL(text), name: "wagectl-\(principal.rawValue)")
            publishers[principal] = publisher
            return publisher
        } catch let error as AMQPError {
            throw Self.explain(error, principal: principal)
        }
    }

    func close() {
        for db in databases.values { db.close() }
        for p in publishers.values { p.close() }
        databases.removeAll()
        publishers.removeAll()
    }

    private func connect(key: String, role: String, url: () throws -> String) throws -> PGConnection {
        if let existing = databases[key] { return existing }
        let text = try setting(url)
        do {
            let db = try PGConnection(url: text, applicationName: "wagectl")
            try db.execute("SET TIME ZONE 'Asia/Shanghai'")
            databases[key] = db
            return db
        } catch let error as PGError {
            throw WageCtlError(.unreachable, "cannot connect to PostgreSQL as \(role): \(error.message)",
                               hint: "is the stack up (deploy/local/stack.sh up)? are the credentials in stack.env current?")
        }
    }

    private func setting(_ read: () throws -> String) throws -> String {
        do { return try read() } catch let missing as StackEnvironment.MissingSetting {
            throw WageCtlError(.configuration, "\(missing.key) is not set",
                               hint: "run deploy/local/stack.sh up (it writes .local/stack.env), pass --stack-env FILE, or export \(missing.key)")
        }
    }

    /// Turns a broker failure into advice.
    static func explain(_ error: AMQPError, principal: Principal) -> WageCtlError {
        switch error.kind {
        case .invalidURL:
            return WageCtlError(.configuration, error.message, hint: "fix WAGE_AMQP_URL_\(principal.rawValue.uppercased())")
        case .connectionClosed where error.code == AMQPError.ReplyCode.accessRefused:
            return WageCtlError(.unreachable, "the broker refused the login of \(principal.rawValue)",
                                hint: "check WAGE_AMQP_URL_\(principal.rawValue.uppercased()) in stack.env")
        default:
            return WageCtlError(.unreachable, "cannot publish as \(principal.rawValue): \(error.message)",
                                hint: "is RabbitMQ running (deploy/local/stack.sh status)?")
        }
    }
}
