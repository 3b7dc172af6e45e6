import Duties
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Store

/// The router's start as a `Service`: installs the duty-list file and loads the
/// version in force on a dedicated thread (libpq never runs on the async pool),
/// waiting for the database with backoff (a router started before PostgreSQL
/// waits like the workers do), then runs the `RouterService`. Until then
/// `/readyz` says `router-setup: database not connected`.
struct RouterBoot: Service {
    let file: DutyList
    let databaseURL: String
    let amqpURL: String
    let threads: Int
    let settings: RouterSettings
    let health: HealthBoard
    let logger: Logger

    func run() async throws {
        let stop = StopFlag()
        let setup = "router-setup"
        health.register(setup, checks: [.database])
        let (file, databaseURL, logger) = (self.file, self.databaseURL, self.logger)
        let active = try await withTaskCancellationOrGracefulShutdownHandler {
            try await Self.onThread { try Self.inForce(file, databaseURL: databaseURL, stop: stop, logger: logger) }
        } onCancelOrGracefulShutdown: { stop.set() }
        health.remove(setup)
        guard let active else { return }
        logger.info("duty list in force", metadata: ["version": "\(active.version)", "sha256": "\(active.contentHash)"])
        try await RouterService(dutyList: active, databaseURL: databaseURL, amqpURL: amqpURL, threads: threads,
                                logger: logger, health: health, settings: settings).run()
    }

    /// Installs `file` and returns the duty list in force; `nil` when stopped first.
    static func inForce(_ file: DutyList, databaseURL: String, stop: StopFlag, logger: Logger) throws -> DutyList? {
        try withDatabase(databaseURL, stop: stop, logger: logger) { db in
            let version = try DutyListStore.install(file, db: db).inForce ?? file.version
            return version == file.version ? file : try DutyListStore.load(version: version, db: db)
        }
    }

    /// Runs `body` on a setup connection, waiting (with backoff) while the database
    /// cannot be reached; `nil` when `stop` was set first.
    static func withDatabase<T>(_ url: String, stop: StopFlag, logger: Logger,
                                _ body: (PGConnection) throws -> T) throws -> T? {
        var backoff = Backoff()
        while !stop.isSet {
            do {
                let db = try PGConnection(url: url, applicationName: "wage-router-setup")
                defer { db.close() }
                return try body(db)
            } catch let error as PGError where error.meansDatabaseUnavailable {
                logger.warning("database not reachable; waiting for it before routing", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
            }
        }
        return nil
    }

    /// Runs blocking `body` on a new thread and awaits its result.
    static func onThread<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread { continuation.resume(with: Result { try body() }) }
            thread.name = "router-setup"
            thread.start()
        }
    }
}
