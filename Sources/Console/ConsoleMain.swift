import Foundation
import HTTPTypes
import Hummingbird
import Runtime
import ServiceLifecycle

/// Entry point of the `wage-console` executable: the staff console (工作台).
public enum ConsoleMain {
    /// Builds the routes and serves until SIGTERM/SIGINT, with `/healthz`, `/readyz`
    /// and `/metrics` on the console's own health port (`HealthEndpoint`, key `CONSOLE`).
    public static func run(arguments: [String]) async throws {
        let settings = ConsoleSettings.from(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        let env = StackEnvironment.load()
        MetricsExport.bootstrap()
        let app = makeApplication(settings: settings, env: env)
        let health = HealthBoard(principal: "console")
        let interval = env.values["WAGE_CONSOLE_PROBE_INTERVAL"].flatMap(Double.init) ?? ConsoleProbe.defaultInterval
        let probe = ConsoleProbe(env: env, health: health, interval: interval, logger: ConsoleLog.logger)
        let http = try ObservedProcess.server(key: "CONSOLE", health: health, env: env, logger: ConsoleLog.logger)
        try await ServiceGroup(configuration: .init(
            services: [.init(service: app), .init(service: probe), .init(service: http)],
            gracefulShutdownSignals: [.sigterm, .sigint], logger: ConsoleLog.logger)).run()
    }

    static func makeApplication(settings: ConsoleSettings, env: StackEnvironment) -> some ApplicationProtocol {
        let connections = Connections(env: env)
        let staff = StaffDirectory(connections: connections)
        let backing = settings.persistentSessions ? SessionBacking(connections: connections) : nil
        let gate = Gate(sessions: SessionStore(lifetime: settings.sessionLifetime, backing: backing), staff: staff,
                        settings: settings)
        let router = Router(context: ConsoleContext.self)
        router.get("/static/console.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.css)))
        }
        router.get("/health") { _, _ in "ok" }
        LoginRoutes(gate: gate, throttle: LoginThrottle(perLogin: settings.throttlePerLogin, perAddress: settings.throttlePerAddress,
                                           window: settings.throttleWindow))
            .register(router)
        let acts = ActSender(connections: connections, staff: staff, settings: settings)
        CaseRoutes(gate: gate, acts: acts).register(router)
        ProjectRoutes(gate: gate, acts: acts).register(router)
        WarningRoutes(gate: gate).register(router)
        SupervisionRoutes(gate: gate).register(router)
        ReportRoutes(gate: gate).register(router)
        return Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port),
                                                                 serverName: "wage-console"),
                           logger: ConsoleLog.logger)
    }
}
