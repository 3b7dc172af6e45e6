import AMQP
import Duties
import Foundation
import Logging
import Runtime
import ServiceLifecycle
import Store
import Messages
import Workflow

/// `wage-router` as a swift-service-lifecycle `Service`: `threads` competing
/// consumers of `router.intake`, each with its own connections.
public struct RouterService: ThreadedService {
    let dutyList: DutyList
    let databaseURL: String
    let amqpURL: String
    let threads: Int
    public let logger: Logger
    /// Where the threads publish their connections' state (served as `/readyz`).
    public let health: HealthBoard
    let settings: RouterSettings

    public init(dutyList: DutyList, databaseURL: String, amqpURL: String, threads: Int = 1,
                logger: Logger, health: HealthBoard? = nil,
                settings: RouterSettings = RouterSettings()) {
        self.health = health ?? HealthBoard(principal: "router")
        self.settings = settings
        self.dutyList = dutyList
        self.databaseURL = databaseURL
        self.amqpURL = amqpURL
        self.threads = max(1, threads)
        self.logger = logger
    }

    /// Starts the router's consumer threads on `threads`; they run until `stop`
    /// is set. Tests use this to run the router in-process.
    public func start(stop: StopFlag, threads: ThreadGroup) throws {
        let url = try AMQPURL(amqpURL)
        let (list, databaseURL, prefetch, logger, health, settings) =
            (dutyList, self.databaseURL, self.settings.prefetch, self.logger, self.health, self.settings)
        for n in 0..<self.threads {
            let name = "router-\(n)"
            health.register(name, checks: [.broker, .database, .consuming])
            threads.spawn(name) {
                guard let db = Connect.database(databaseURL, name: name, stop: stop, logger: logger) else { return }
                health.set(.database, true, for: name)
                guard let consumer = Connect.consumer(url, queue: "router.intake", prefetch: prefetch,
                                                       name: name, stop: stop, logger: logger),
                      let publisher = Self.publisher(url, n: n, stop: stop, logger: logger)
                else { return }
                health.set(.broker, true, for: name)
                let core = RouterCore(dutyList: list, db: db, publisher: publisher, logger: logger)
                RouterLoop(consumer: consumer, core: core, stop: stop, logger: logger, settings: settings,
                           health: health, component: name).run()
                consumer.close(); publisher.close(); db.close()
            }
        }
    }

    static func publisher(_ url: AMQPURL, n: Int, stop: StopFlag, logger: Logger) -> AMQPPublisher? {
        var backoff = Backoff()
        while !stop.isSet {
            do { return try AMQPPublisher(url: url, name: "router-\(n)-publisher") } catch {
                logger.warning("broker not reachable; retrying", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
            }
        }
        return nil
    }
}
