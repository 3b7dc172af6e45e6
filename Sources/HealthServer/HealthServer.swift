import Hummingbird
import Logging

/// The small HTTP server of a router or worker process: only the endpoints of
/// `HealthRoutes`, on the process's own `HealthEndpoint`. It is a
/// swift-service-lifecycle `Service`: put it in the process's `ServiceGroup`.
public enum HealthServer {
    /// The server application for `endpoint`; it serves until graceful shutdown.
    public static func application(endpoint: HealthEndpoint, routes: HealthRoutes, name: String,
                                   logger: Logger) -> some ApplicationProtocol {
        let router = Router()
        routes.register(router)
        return Application(router: router,
                           configuration: .init(address: .hostname(endpoint.host, port: endpoint.port), serverName: name),
                           logger: logger)
    }
}
