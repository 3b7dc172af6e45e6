import ArgumentParser
import Duties
import Foundation
import HealthServer
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

    @Option(name: .long, help: "Most deliveries decided in one batch (one confirm wait, one commit).")
    var maxBatch: Int = RouterSettings.defaultMaxBatch

    @Option(name: .long, help: "Unacknowledged deliveries the broker may send each consumer thread (above --max-batch).")
    var prefetch: UInt16 = RouterSettings.defaultPrefetch

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
        let health = HealthBoard(principal: "router")
        let boot = RouterBoot(file: list, databaseURL: try env.databaseURL(for: .router),
                              amqpURL: try env.amqpURL(for: .router), threads: threads,
                              settings: RouterSettings(maxBatch: maxBatch, prefetch: prefetch), health: health, logger: logger)
        let http = try ObservedProcess.server(key: "ROUTER", health: health, env: env, logger: logger)
        try await ServiceGroup(configuration: .init(
            services: [.init(service: boot), .init(service: http)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: logger)).run()
    }
}
