import Foundation
import HTTPTypes
import Hummingbird
import Runtime

/// Entry point of the `wage-console` executable: the staff console (工作台).
public enum ConsoleMain {
    /// Builds the routes and serves until SIGTERM/SIGINT.
    public static func run(arguments: [String]) async throws {
        let settings = ConsoleSettings.from(arguments: arguments, environment: ProcessInfo.processInfo.environment)
        let app = makeApplication(settings: settings, env: StackEnvironment.load())
        try await app.runService()
    }

    static func makeApplication(settings: ConsoleSettings, env: StackEnvironment) -> some ApplicationProtocol {
        let connections = Connections(env: env)
        let staff = StaffDirectory(connections: connections)
        let gate = Gate(sessions: SessionStore(lifetime: settings.sessionLifetime), staff: staff, settings: settings)
        let router = Router(context: ConsoleContext.self)
        router.get("/static/console.css") { _, _ in
            Response(status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                     body: .init(byteBuffer: ByteBuffer(string: Templates.css)))
        }
        router.get("/health") { _, _ in "ok" }
        LoginRoutes(gate: gate, throttle: LoginThrottle(perLogin: settings.throttlePerLogin, perAddress: settings.throttlePerAddress,
                                           window: settings.throttleWindow))
            .register(router)
        CaseRoutes(gate: gate, acts: ActSender(connections: connections, staff: staff, settings: settings)).register(router)
        return Application(router: router, configuration: .init(address: .hostname(settings.host, port: settings.port),
                                                                 serverName: "wage-console"),
                           logger: ConsoleLog.logger)
    }
}
