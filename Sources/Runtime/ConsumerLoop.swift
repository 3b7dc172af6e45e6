import AMQP
import Foundation
import Logging
import Metrics
import Store
import Messages
import Workflow

/// The consumer thread of a worker: takes deliveries from the principal's queue
/// and performs what the `DeliveryPlan` of each batch says: apply the batch
/// through the `BatchLanes` (one commit per batch and lane), then ack (one
/// `basic.ack` with `multiple` when the whole batch committed) or requeue;
/// wait out database and broker outages with the batch in hand.
public final class ConsumerLoop {
    let consumer: AMQPConsumer
    let lanes: BatchLanes
    var processor: MessageProcessor { lanes.primary }
    let stop: StopFlag
    let logger: Logger
    var lastPeriodic = Date.distantPast
    var references: ReferenceWatch
    let processed: Counter
    let refused: Counter
    let retried: Counter
    /// Where this thread publishes its connections' state (`/readyz`).
    let health: HealthBoard
    /// This thread's name on the health board (`hrss-consumer`).
    let component: String
    /// Messages by type and outcome, batch sizes and latency, reconnects, versions.
    let metrics: LoopMetrics
    /// The numbers of the plan (`maxBatch`, pauses, poll timeout).
    public let settings: DeliverySettings

    public init(consumer: AMQPConsumer, lanes: BatchLanes, stop: StopFlag, logger: Logger,
                settings: DeliverySettings = DeliverySettings(), health: HealthBoard? = nil, component: String? = nil) {
        self.settings = settings
        self.consumer = consumer
        self.lanes = lanes
        self.stop = stop
        self.logger = logger
        self.references = ReferenceWatch(interval: settings.calendarCheckInterval)
        let who = lanes.primary.handler.principal.rawValue
        self.health = health ?? HealthBoard(principal: who)
        self.component = component ?? "\(who)-consumer"
        metrics = LoopMetrics(principal: who)
        processed = Counter(label: "wage_messages_processed_total", dimensions: [("principal", who)])
        refused = Counter(label: "wage_messages_refused_total", dimensions: [("principal", who)])
        retried = Counter(label: "wage_messages_retried_total", dimensions: [("principal", who)])
    }

    /// Runs until the stop flag is set.
    public func run() {
        logger.info("consuming", metadata: ["queue": "\(processor.handler.principal.queueName)"])
        let maxBatch = max(1, settings.maxBatch)
        health.set(.consuming, true, for: component)
        defer { health.set(.consuming, false, for: component) }
        while !stop.isSet {
            watchReferences()
            runPeriodicIfDue()
            var batch: [AMQPDelivery] = []
            var brokerError: (any Error)?
            do {
                guard let first = try consumer.next(timeout: settings.pollTimeout) else { continue }
                batch.append(first)
                // Whatever the broker has already sent joins the same transaction.
                while batch.count < maxBatch, let more = try consumer.next(timeout: 0) { batch.append(more) }
            } catch {
                brokerError = error
            }
            handle(batch, brokerError: brokerError)
        }
        logger.info("consumer stopped")
    }

    /// Performs the plan of one batch: refuse what cannot be decoded, apply the
    /// rest (one transaction per lane), then ack or requeue each delivery.
    func handle(_ deliveries: [AMQPDelivery], brokerError: (any Error)? = nil) {
        let started = Date()
        defer { metrics.batch(size: deliveries.count, seconds: Date().timeIntervalSince(started)) }
        var plan = DeliveryPlan(settings: settings)
        let decoded = deliveries.map { (delivery: $0, message: InboundMessage.from($0)) }
        let messages = decoded.compactMap { try? $0.message.get() }
        let byTag = Dictionary(deliveries.map { ($0.deliveryTag, $0) }, uniquingKeysWith: { first, _ in first })
        var pending = plan.received(decoded.map { item in
            if case .failure(let reason) = item.message { return (item.delivery.deliveryTag, reason) }
            return (item.delivery.deliveryTag, nil)
        }, brokerLost: brokerError != nil)
        while !pending.isEmpty {
            switch pending.removeFirst() {
            case .refuse(let tag, let reason):
                // The router validated every property and the body; this is a broker-level
                // anomaly. Reject without requeue: the queue dead-letters it to wage.dead.
                logger.error("undecodable delivery; dead-lettering", metadata: ["reason": "\(reason.code)"])
                if let delivery = byTag[tag] { try? consumer.reject(delivery, requeue: false) }
                refused.increment()
                metrics.message(type: byTag[tag]?.properties.type, .refused, reason: reason)
            case .apply:
                guard !stop.isSet else { pending = plan.stopRequested(); continue }
                watchReferences()
                do {
                    let results = try lanes.process(messages)
                    health.set(.database, true, for: component)
                    count(results)
                    metrics.count(results, of: messages)
                    pending = plan.applied(results)
                } catch {
                    health.set(.database, false, for: component)
                    logger.warning("database unavailable; holding \(messages.count) message(s)", metadata: ["error": "\(error)"])
                    pending = plan.databaseUnavailable()
                }
            case .pause(let seconds):
                pause(seconds)
            case .reconnectDatabase:
                metrics.reconnected(.database)
                lanes.reconnect()
            case .ack(let tag, let multiple):
                if let delivery = byTag[tag] { try? consumer.ack(delivery, multiple: multiple) }
            case .nack(let tag, let requeue):
                if let delivery = byTag[tag] { try? consumer.nack(delivery, requeue: requeue) }
            case .reconnectBroker:
                // Acks of the batch did not reach the broker; the inbox drops the redelivery.
                logger.warning("broker connection lost; reconnecting", metadata: ["error": "\(brokerError.map { "\($0)" } ?? "")"])
                brokerLost()
                try? consumer.reconnect(shouldStop: { self.stop.isSet })
                if !stop.isSet { brokerBack() }
            }
        }
    }

    /// Metrics: committed messages are processed or refused, the others retried.
    func count(_ results: [ProcessingResult]) {
        for result in results {
            if result.isRefusal { refused.increment() } else if result.isAcknowledged { processed.increment() } else { retried.increment() }
        }
    }

    /// Sleeps `seconds` in short slices, returning early when the worker stops.
    func pause(_ seconds: Double) {
        var left = seconds
        while left > 0, !stop.isSet {
            let slice = min(left, 0.2)
            Thread.sleep(forTimeInterval: slice)
            left -= slice
        }
    }

    func runPeriodicIfDue() {
        guard let interval = processor.handler.periodicInterval,
              Date().timeIntervalSince(lastPeriodic) >= interval else { return }
        lastPeriodic = Date()
        do {
            watchReferences()
            try processor.runPeriodic()
        } catch {
            logger.warning("periodic work failed; will try at the next interval", metadata: ["error": "\(error)"])
            lanes.reconnect()
        }
    }
}
