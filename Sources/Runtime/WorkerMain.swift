import Foundation
import HealthServer
import Logging
import ServiceLifecycle
import Messages
import Workflow

/// The whole `main` of a department worker: logging, metrics, settings from the
/// environment / `.local/stack.env`, then the worker service and its HTTP
/// endpoints (`/healthz`, `/readyz`, `/metrics`) until SIGTERM/SIGINT.
public enum WorkerMain {
    /// `lanes` is the default number of lanes (`BatchLanes`); `WAGE_LANES` overrides it.
    public static func run(
        principal: Principal, lanes: Int = 1, makeHandler: @escaping WorkerService.HandlerFactory
    ) async {
        let env = StackEnvironment.load().scoped(to: principal)
        MaskingLogHandler.bootstrap(level: env.values["WAGE_LOG_LEVEL"])
        MetricsExport.bootstrap()
        let logger = Logger(label: "worker-\(principal.rawValue)")
        do {
            let health = HealthBoard(principal: principal.rawValue)
            let service = WorkerService(
                principal: principal,
                databaseURL: try env.databaseURL(for: principal),
                amqpURL: try env.amqpURL(for: principal),
                prefetch: UInt16(env.values["WAGE_PREFETCH"] ?? "") ?? 100,
                lanes: Int(env.values["WAGE_LANES"] ?? "") ?? lanes,
                metricsDirectory: env.values["WAGE_METRICS_DIR"],
                logger: logger, health: health, observation: .from(values: env.values), makeHandler: makeHandler)
            let http = try ObservedProcess.server(key: HealthEndpoint.workerKey(principal.rawValue), health: health,
                                                  env: env, logger: logger)
            let group = ServiceGroup(configuration: .init(
                services: [.init(service: service), .init(service: http)],
                gracefulShutdownSignals: [.sigterm, .sigint],
                logger: logger))
            try await group.run()
        } catch {
            logger.critical("worker stopped: \(error)")
            exit(1)
        }
    }
}
