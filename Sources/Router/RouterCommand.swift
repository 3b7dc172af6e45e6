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
    var dutyList: String = "deploy/duty-lists/2026-1.yaml"

    @Option(name: .long, help: "Competing consumer threads in this process.")
    var threads: Int = 1

    public init() {}

    public func run() async throws {
        let env = StackEnvironment.load()
        MaskingLogHandler.bootstrap(level: env.values["WAGE_LOG_LEVEL"])
        MetricsExport.bootstrap()
        let logger = Logger(label: "wage-router")
        let list: DutyList
        do { list = try DutyListLoader.load(path: dutyList) } catch {
            logger.critical("refusing to start: the duty list is invalid: \(error)")
            throw ExitCode(2)
        }
        let databaseURL = try env.databaseURL(for: .router)
        let inForce: String = try {
            let db = try PGConnection(url: databaseURL, applicationName: "wage-router-setup")
            defer { db.close() }
            return try DutyListRegistry.install(list, db: db)
        }()
        let active = inForce == list.version ? list : try {
            let db = try PGConnection(url: databaseURL, applicationName: "wage-router-setup")
            defer { db.close() }
            return try DutyListRegistry.load(version: inForce, db: db)
        }()
        logger.info("duty list in force", metadata: ["version": "\(active.version)", "sha256": "\(active.contentHash)"])
        let service = RouterService(
            dutyList: active, databaseURL: databaseURL, amqpURL: try env.amqpURL(for: .router),
            threads: threads, logger: logger)
        try await ServiceGroup(configuration: .init(
            services: [.init(service: service)], gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
    }
}
