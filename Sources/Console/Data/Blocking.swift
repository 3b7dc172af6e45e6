import AMQP
import Dispatch
import Foundation
import Messages
import Runtime
import Store

/// The console's connections: its own database login (`WAGE_DATABASE_URL_CONSOLE`:
/// staff accounts and the audit only) and, per served department, that
/// department's own database role and broker user. libpq and librabbitmq block,
/// so every use runs on one serial dispatch queue, never on Swift's cooperative pool.
final class Connections: @unchecked Sendable {
    let env: StackEnvironment
    private let queue = DispatchQueue(label: "wage-console-io")
    private var databases: [String: PGConnection] = [:]
    private var publishers: [Principal: AMQPPublisher] = [:]

    init(env: StackEnvironment) { self.env = env }

    /// Runs `body` on the console's own database login.
    func console<T: Sendable>(_ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        try await run { try body(try self.database(key: "console") { try self.env.require("WAGE_DATABASE_URL_CONSOLE") }) }
    }

    /// Runs `body` on `department`'s own database role.
    func database<T: Sendable>(as department: Principal,
                               _ body: @escaping @Sendable (PGConnection) throws -> T) async throws -> T {
        try await run { try body(try self.database(key: department.rawValue) { try self.env.databaseURL(for: department) }) }
    }

    /// Publishes `message` with `department`'s broker user and waits for the confirm.
    func publish(_ message: OutgoingMessage, as department: Principal) async throws {
        try await run {
            do {
                try self.publisher(for: department).publish([message], timeout: 10)
            } catch {
                self.publishers.removeValue(forKey: department)?.close()
                throw error
            }
        }
    }

    private func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }

    private func database(key: String, url: () throws -> String) throws -> PGConnection {
        if let db = databases[key], db.isConnected, !db.inTransaction { return db }
        databases.removeValue(forKey: key)?.close()
        let db = try PGConnection(url: try url(), applicationName: "wage-console")
        try db.execute("SET TIME ZONE 'Asia/Shanghai'")
        databases[key] = db
        return db
    }

    private func publisher(for department: Principal) throws -> AMQPPublisher {
        if let existing = publishers[department] { return existing }
        let publisher = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: department)),
                                          name: "wage-console-\(department.rawValue)")
        publishers[department] = publisher
        return publisher
    }
}
