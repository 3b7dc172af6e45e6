import AMQP
import Foundation
import Logging
import Metrics
import Store
import Workflow

/// The consumer thread of a worker: takes deliveries from the principal's queue,
/// applies each through `MessageProcessor` (commit), then acks. Database and broker
/// outages are waited out with backoff; the delivery in hand is never dropped.
public final class ConsumerLoop {
    let consumer: AMQPConsumer
    let processor: MessageProcessor
    let stop: StopFlag
    let logger: Logger
    var lastPeriodic = Date.distantPast
    let processed: Counter
    let refused: Counter
    let retried: Counter

    public init(consumer: AMQPConsumer, processor: MessageProcessor, stop: StopFlag, logger: Logger) {
        self.consumer = consumer
        self.processor = processor
        self.stop = stop
        self.logger = logger
        let who = processor.handler.principal.rawValue
        processed = Counter(label: "wage_messages_processed_total", dimensions: [("principal", who)])
        refused = Counter(label: "wage_messages_refused_total", dimensions: [("principal", who)])
        retried = Counter(label: "wage_messages_retried_total", dimensions: [("principal", who)])
    }

    /// Runs until the stop flag is set.
    public func run() {
        logger.info("consuming", metadata: ["queue": "\(processor.handler.principal.queueName)"])
        while !stop.isSet {
            runPeriodicIfDue()
            let delivery: AMQPDelivery?
            do {
                delivery = try consumer.next(timeout: 1)
            } catch {
                logger.warning("broker connection lost; reconnecting", metadata: ["error": "\(error)"])
                try? consumer.reconnect(shouldStop: { self.stop.isSet })
                continue
            }
            guard let delivery else { continue }
            handle(delivery)
        }
        logger.info("consumer stopped")
    }

    func handle(_ delivery: AMQPDelivery) {
        let message: InboundMessage
        switch InboundMessage.from(delivery) {
        case .success(let m): message = m
        case .failure(let reason):
            // The router validated every property and the body; this is a broker-level
            // anomaly. Reject without requeue: the queue dead-letters it to wage.dead.
            logger.error("undecodable delivery; dead-lettering", metadata: ["reason": "\(reason.code)"])
            try? consumer.reject(delivery, requeue: false)
            refused.increment()
            return
        }
        var backoff = Backoff()
        while !stop.isSet {
            do {
                let outcome = try processor.process(message)
                switch outcome {
                case .acknowledged(let detail):
                    if case .rejected = detail { refused.increment() } else { processed.increment() }
                    try? consumer.ack(delivery)
                case .retry(let why):
                    retried.increment()
                    logger.info("requeueing", metadata: ["message_id": "\(message.messageID)", "why": "\(why)"])
                    backoff.sleep(unless: stop)
                    try? consumer.nack(delivery, requeue: true)
                }
                return
            } catch {
                logger.warning("database unavailable; holding the message", metadata: [
                    "message_id": "\(message.messageID)", "error": "\(error)"])
                backoff.sleep(unless: stop)
                try? processor.db.reconnect()
            }
        }
        // Stopping with a message in hand: give it back to the queue.
        try? consumer.nack(delivery, requeue: true)
    }

    func runPeriodicIfDue() {
        guard let interval = processor.handler.periodicInterval,
              Date().timeIntervalSince(lastPeriodic) >= interval else { return }
        lastPeriodic = Date()
        do {
            try processor.reloadCalendar()
            try processor.runPeriodic()
        } catch {
            logger.warning("periodic work failed; will try at the next interval", metadata: ["error": "\(error)"])
            try? processor.db.reconnect()
        }
    }
}
