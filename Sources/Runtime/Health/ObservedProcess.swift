import HealthServer
import Logging
import ServiceLifecycle

/// The HTTP endpoints of a process, wired to its health board and to the
/// process's Prometheus registry (`MetricsExport`).
public enum ObservedProcess {
    /// The health server of process `key` (`ROUTER`, `WORKER_HRSS`, `CONSOLE`) on the
    /// endpoint its settings give (`HealthEndpoint.of`); a `Service` for the process's group.
    public static func server(key: String, health: any ReadinessSource, env: StackEnvironment,
                              logger: Logger) throws -> some Service {
        let endpoint = try HealthEndpoint.of(process: key, values: env.values)
        logger.info("serving /healthz, /readyz, /metrics", metadata: ["url": "\(endpoint.url)"])
        MetricsExport.bootstrap()
        return HealthServer.application(
            endpoint: endpoint, routes: HealthRoutes(readiness: health, metrics: { MetricsExport.render() }),
            name: "wage-\(key.lowercased())", logger: logger)
    }
}
