import AMQP
import Foundation
import Logging
import ServiceLifecycle
import Store
import Messages
import Workflow

/// A department worker as a swift-service-lifecycle `Service`: a consumer thread
/// (with `lanes` - 1 helper threads, each lane with its own database connection)
/// and an outbox-relay thread, each with its own broker and database connections,
/// stopped gracefully (the batch in hand finishes, then the threads return).
public struct WorkerService: ThreadedService {
    public typealias HandlerFactory = @Sendable () -> any MessageHandler

    let principal: Principal
    let databaseURL: String
    let amqpURL: String
    let makeHandler: HandlerFactory
    public let logger: Logger
    let prefetch: UInt16
    /// Lanes applying a batch at the same time (`BatchLanes`); 1 = one at a time.
    let lanes: Int
    let metricsDirectory: String?
    /// The numbers of the delivery plan (batch size, attempt limit, pauses).
    let delivery: DeliverySettings
    let clock: @Sendable () -> Date
    /// Where the threads publish their connections' state (served as `/readyz`).
    public let health: HealthBoard
    /// How often the relay measures the outbox backlog.
    let observation: ObservationSettings

    public init(principal: Principal, databaseURL: String, amqpURL: String, prefetch: UInt16 = 100, lanes: Int = 1,
                metricsDirectory: String? = nil, delivery: DeliverySettings = DeliverySettings(), logger: Logger,
                clock: @escaping @Sendable () -> Date = { Date() }, health: HealthBoard? = nil,
                observation: ObservationSettings = ObservationSettings(), makeHandler: @escaping HandlerFactory) {
        self.clock = clock
        self.health = health ?? HealthBoard(principal: principal.rawValue)
        self.observation = observation
        self.delivery = delivery
        self.principal = principal
        self.databaseURL = databaseURL
        self.amqpURL = amqpURL
        self.makeHandler = makeHandler
        self.logger = logger
        self.prefetch = prefetch
        self.lanes = max(1, lanes)
        self.metricsDirectory = metricsDirectory
    }

    /// Starts the worker's threads (consumer, outbox relay, metrics file) on
    /// `threads`; they run until `stop` is set. Tests use this to run a worker
    /// in-process.
    public func start(stop: StopFlag, threads: ThreadGroup) throws {
        let url = try AMQPURL(amqpURL)
        let (principal, databaseURL, logger, prefetch, makeHandler, clock, laneCount) =
            (self.principal, self.databaseURL, self.logger, self.prefetch, self.makeHandler, self.clock, self.lanes)
        let (settings, health, observation) = (delivery, self.health, self.observation)
        let component = "\(principal.rawValue)-consumer"
        health.register(component, checks: [.broker, .database, .consuming])
        threads.spawn(component) {
            let name = component
            var processors: [MessageProcessor] = []
            for lane in 0..<laneCount {
                guard let db = Connect.database(databaseURL, name: lane == 0 ? name : "\(name)-lane-\(lane)",
                                                stop: stop, logger: logger) else {
                    processors.forEach { $0.db.close() }
                    return
                }
                let calendar = (try? CalendarStore.load(db)) ?? WorkingCalendar(overrides: [:])
                processors.append(MessageProcessor(handler: makeHandler(), db: db, calendar: calendar, logger: logger,
                                                   settings: settings, clock: clock))
            }
            health.set(.database, true, for: name)
            let lanes = BatchLanes(processors: processors, name: principal.rawValue)
            guard let consumer = Connect.consumer(url, queue: principal.queueName, prefetch: prefetch,
                                                  name: name, stop: stop, logger: logger) else {
                lanes.close()
                return
            }
            health.set(.broker, true, for: name)
            ConsumerLoop(consumer: consumer, lanes: lanes, stop: stop, logger: logger, settings: settings,
                         health: health, component: name).run()
            consumer.close()
            lanes.close()
        }
        threads.spawn("\(principal.rawValue)-relay") {
            guard let db = Connect.database(databaseURL, name: "\(principal.rawValue)-relay", stop: stop, logger: logger)
            else { return }
            OutboxRelay(principal: principal, db: db, amqpURL: url, stop: stop, logger: logger,
                        backlogInterval: observation.outboxCheckInterval).run()
            db.close()
        }
        if let dir = metricsDirectory {
            threads.spawn("\(principal.rawValue)-metrics") {
                MetricsExport.writeLoop(name: "worker-\(principal.rawValue)", directory: dir, stop: stop)
            }
        }
    }
}

/// Connecting with backoff until it works or the process is stopping.
public enum Connect {
    public static func database(_ url: String, name: String, stop: StopFlag, logger: Logger) -> PGConnection? {
        var backoff = Backoff()
        while !stop.isSet {
            do { return try PGConnection(url: url, applicationName: name) } catch {
                logger.warning("database not reachable; retrying", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
            }
        }
        return nil
    }

    public static func consumer(_ url: AMQPURL, queue: String, prefetch: UInt16, name: String,
                                stop: StopFlag, logger: Logger) -> AMQPConsumer? {
        var backoff = Backoff()
        while !stop.isSet {
            do { return try AMQPConsumer(url: url, queue: queue, prefetch: prefetch, name: name) } catch {
                logger.warning("broker not reachable; retrying", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
            }
        }
        return nil
    }
}
