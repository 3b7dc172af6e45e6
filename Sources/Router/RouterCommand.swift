import ArgumentParser
import Duties
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Store

/// `wage-router`: the only principal that writes to department queues.
public struct RouterCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "wage-router",
        abstract: "Routes every message from wage.intake to the responsible departments, by the duty list in force.")

    @Option(name: .long, help: "The duty-list file to install (a new version is put in force).")
    var dutyList: String = "deploy/duty-lists/2026-2.yaml"

    @Option(name: .long, help: "Competing consumer threads in this process.")
    var threads: Int = 1

    public init() {}

    public func run() async throws {
        let env = StackEnvironment.load().scoped(to: .router)
        MaskingLogHandler.bootstrap(level: env.values["WAGE_LOG_LEVEL"])
        MetricsExport.bootstrap()
        let logger = Logger(label: "wage-router")
        let list: DutyList
        do { list = try DutyListLoader.load(path: dutyList) } catch {
            logger.critical("refusing to start: the duty list is invalid: \(error)")
            throw ExitCode(2)
        }
        let databaseURL = try env.databaseURL(for: .router)
        let inForce = try Self.withDatabase(databaseURL, logger: logger) { db in try DutyListStore.install(list, db: db).inForce ?? list.version }
        let active = inForce == list.version ? list
            : try Self.withDatabase(databaseURL, logger: logger) { db in try DutyListStore.load(version: inForce, db: db) }
        logger.info("duty list in force", metadata: ["version": "\(active.version)", "sha256": "\(active.contentHash)"])
        let service = RouterService(
            dutyList: active, databaseURL: databaseURL, amqpURL: try env.amqpURL(for: .router),
            threads: threads, logger: logger)
        try await ServiceGroup(configuration: .init(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
    }

    /// Runs `body` on a setup connection, waiting (with backoff) while the database
    /// cannot be reached: a router started before PostgreSQL (a reboot, a restart in
    /// the wrong order) waits for it like the workers do, instead of exiting.
    static func withDatabase<T>(_ url: String, logger: Logger, _ body: (PGConnection) throws -> T) throws -> T {
        var backoff = Backoff()
        let never = StopFlag()
        while true {
            do {
                let db = try PGConnection(url: url, applicationName: "wage-router-setup")
                defer { db.close() }
                return try body(db)
            } catch let error as PGError where error.meansDatabaseUnavailable {
                logger.warning("database not reachable; waiting for it before routing", metadata: ["error": "\(error)"])
                backoff.sleep(unless: never)
            }
        }
    }
}
