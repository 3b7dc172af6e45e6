import AMQP
import Foundation
import Logging
import Metrics
import Store
import Messages
import Workflow

/// The consumer thread of a worker: takes deliveries from the principal's queue,
/// applies what has arrived together through its `BatchLanes` (one commit per
/// batch and lane, one savepoint per message), then acks them (one `basic.ack`
/// with `multiple` when the whole batch committed). Database and broker outages
/// are waited out with backoff; the delivery in hand is never dropped.
public final class ConsumerLoop {
    let consumer: AMQPConsumer
    let lanes: BatchLanes
    var processor: MessageProcessor { lanes.primary }
    let stop: StopFlag
    let logger: Logger
    var lastPeriodic = Date.distantPast
    let processed: Counter
    let refused: Counter
    let retried: Counter
    /// Most messages applied in one transaction.
    public var maxBatch: Int

    public init(consumer: AMQPConsumer, lanes: BatchLanes, stop: StopFlag, logger: Logger, maxBatch: Int = 50) {
        self.maxBatch = max(1, maxBatch)
        self.consumer = consumer
        self.lanes = lanes
        self.stop = stop
        self.logger = logger
        let who = lanes.primary.handler.principal.rawValue
        processed = Counter(label: "wage_messages_processed_total", dimensions: [("principal", who)])
        refused = Counter(label: "wage_messages_refused_total", dimensions: [("principal", who)])
        retried = Counter(label: "wage_messages_retried_total", dimensions: [("principal", who)])
    }

    /// Runs until the stop flag is set.
    public func run() {
        logger.info("consuming", metadata: ["queue": "\(processor.handler.principal.queueName)"])
        while !stop.isSet {
            runPeriodicIfDue()
            var batch: [AMQPDelivery] = []
            do {
                guard let first = try consumer.next(timeout: 1) else { continue }
                batch.append(first)
                // Whatever the broker has already sent joins the same transaction.
                while batch.count < maxBatch, let more = try consumer.next(timeout: 0) { batch.append(more) }
            } catch {
                if !batch.isEmpty { handle(batch) }  // their acks will not reach the broker; the inbox dedupes the redelivery
                logger.warning("broker connection lost; reconnecting", metadata: ["error": "\(error)"])
                try? consumer.reconnect(shouldStop: { self.stop.isSet })
                continue
            }
            handle(batch)
        }
        logger.info("consumer stopped")
    }

    /// Applies a batch (one transaction), then acks or requeues each delivery.
    func handle(_ deliveries: [AMQPDelivery]) {
        var messages: [InboundMessage] = []
        var kept: [AMQPDelivery] = []
        for delivery in deliveries {
            switch InboundMessage.from(delivery) {
            case .success(let m):
                messages.append(m)
                kept.append(delivery)
            case .failure(let reason):
                // The router validated every property and the body; this is a broker-level
                // anomaly. Reject without requeue: the queue dead-letters it to wage.dead.
                logger.error("undecodable delivery; dead-lettering", metadata: ["reason": "\(reason.code)"])
                try? consumer.reject(delivery, requeue: false)
                refused.increment()
            }
        }
        guard !messages.isEmpty else { return }
        var backoff = Backoff()
        while !stop.isSet {
            do {
                let outcomes = try lanes.process(messages)
                settle(kept, outcomes)
                return
            } catch {
                logger.warning("database unavailable; holding \(messages.count) message(s)", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
                lanes.reconnect()
            }
        }
        // Stopping with messages in hand: give them back to the queue.
        for delivery in kept { try? consumer.nack(delivery, requeue: true) }
    }

    func settle(_ deliveries: [AMQPDelivery], _ outcomes: [MessageProcessor.Outcome]) {
        // All committed: one ack for the batch (every earlier delivery on this
        // channel was settled before this batch was taken).
        if deliveries.count > 1, let last = deliveries.last, outcomes.allSatisfy(\.isAcknowledged) {
            for outcome in outcomes {
                if case .acknowledged(.rejected) = outcome { refused.increment() } else { processed.increment() }
            }
            try? consumer.ack(last, multiple: true)
            return
        }
        var retries = 0
        for (delivery, outcome) in zip(deliveries, outcomes) {
            switch outcome {
            case .acknowledged(let detail):
                if case .rejected = detail { refused.increment() } else { processed.increment() }
                try? consumer.ack(delivery)
            case .retry:
                retries += 1
                retried.increment()
                try? consumer.nack(delivery, requeue: true)
            }
        }
        // A short pause before the requeued messages come back, so a passing
        // condition has time to pass (the delivery limit ends a message that always fails).
        if retries > 0 { Thread.sleep(forTimeInterval: 0.2) }
    }

    func runPeriodicIfDue() {
        guard let interval = processor.handler.periodicInterval,
              Date().timeIntervalSince(lastPeriodic) >= interval else { return }
        lastPeriodic = Date()
        do {
            try lanes.reloadCalendars()
            try processor.runPeriodic()
        } catch {
            logger.warning("periodic work failed; will try at the next interval", metadata: ["error": "\(error)"])
            lanes.reconnect()
        }
    }
}
