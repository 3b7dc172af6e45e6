import AMQP
import Duties
import Foundation
import Logging
import Metrics
import Runtime
import Store

/// One router consumer thread: `router.intake` → `RouterCore` → ack. Several
/// threads or processes may run at once (competing consumers). It publishes its
/// connections on the health board and counts every decision (`RouterMetrics`).
final class RouterLoop {
    let consumer: AMQPConsumer
    let core: RouterCore
    let stop: StopFlag
    let logger: Logger
    let settings: RouterSettings
    let health: HealthBoard
    let component: String
    var lastDutyCheck = Date()
    let metrics: RouterMetrics

    init(consumer: AMQPConsumer, core: RouterCore, stop: StopFlag, logger: Logger, settings: RouterSettings = RouterSettings(),
         health: HealthBoard, component: String) {
        self.consumer = consumer
        self.core = core
        self.stop = stop
        self.logger = logger
        self.settings = settings
        self.health = health
        self.component = component
        metrics = RouterMetrics()
    }

    func run() {
        health.set(.consuming, true, for: component)
        defer { health.set(.consuming, false, for: component) }
        metrics.inForce(core.dutyList.version)
        while !stop.isSet {
            refreshDutyListIfDue()
            var batch: [AMQPDelivery] = []
            do {
                guard let first = try consumer.next(timeout: settings.pollTimeout) else { continue }
                batch.append(first)
                while batch.count < settings.maxBatch, let more = try consumer.next(timeout: 0) { batch.append(more) }
            } catch {
                logger.warning("broker connection lost; reconnecting", metadata: ["error": "\(error)"])
                reconnectBroker()
                continue  // what was in hand is redelivered on the new connection
            }
            route(batch)
        }
    }

    /// Decides the batch, retrying until its decisions are durable, then acks it.
    /// Outages are waited out; a failure on a reachable database that persists
    /// splits the batch and finally refuses the one delivery that causes it
    /// (`RouterRetryPlan`), so a poison message cannot stall the intake.
    func route(_ batch: [AMQPDelivery]) {
        let started = Date()
        var backoff = Backoff()
        var plan = RouterRetryPlan(batchSize: batch.count, maxAttempts: settings.maxAttempts)
        while !stop.isSet {
            do {
                let outcomes = try core.route(batch: batch)
                health.set(.database, true, for: component)
                metrics.count(outcomes, of: batch)
                // One ack for the batch: every earlier delivery of this channel is in it or acked.
                if let last = batch.last { try? consumer.ack(last, multiple: true) }
                metrics.loop.batch(size: batch.count, seconds: Date().timeIntervalSince(started))
                return
            } catch {
                logger.warning("could not make routing decisions durable; retrying", metadata: [
                    "error": "\(error)", "batch": "\(batch.count)", "attempt": "\(plan.attempts + 1)"])
                switch plan.failed(RouterRetryPlan.classify(error)) {
                case .reconnectAndRetry:
                    backoff.sleep(unless: stop)
                    health.set(.database, false, for: component)
                    metrics.loop.reconnected(.database)
                    try? core.db.reconnect()
                case .retry:
                    backoff.sleep(unless: stop)
                case .decideEachAlone:
                    logger.error("a batch keeps failing; deciding its deliveries one by one", metadata: ["batch": "\(batch.count)"])
                    for delivery in batch where !stop.isSet { route([delivery]) }
                    return
                case .refuseProcessingFailed:
                    refuseAtLimit(batch[0], after: error)
                    return
                }
            }
        }
    }

    /// Refuses one delivery that failed at every attempt, waiting out an outage
    /// while the refusal itself cannot be made durable.
    func refuseAtLimit(_ delivery: AMQPDelivery, after error: any Error) {
        logger.error("failed at the attempt limit; refusing processing_failed", metadata: [
            "message_id": "\(delivery.properties.messageID ?? "-")", "type": "\(delivery.properties.type ?? "-")",
            "error": "\(error)"])
        var backoff = Backoff()
        while !stop.isSet {
            do {
                let outcome = try core.refuseProcessingFailed(delivery)
                metrics.count([outcome], of: [delivery])
                try? consumer.ack(delivery)
                return
            } catch {
                logger.warning("could not record the refusal; retrying", metadata: ["error": "\(error)"])
                backoff.sleep(unless: stop)
                if RouterRetryPlan.classify(error) == .databaseUnavailable { try? core.db.reconnect() }
            }
        }
    }

    func reconnectBroker() {
        health.set(.broker, false, for: component)
        health.set(.consuming, false, for: component)
        metrics.loop.reconnected(.broker)
        try? consumer.reconnect(shouldStop: { self.stop.isSet })
        guard !stop.isSet else { return }
        health.set(.broker, true, for: component)
        health.set(.consuming, true, for: component)
    }

    /// Every `dutyCheckInterval`: has an operator put another duty-list version in
    /// force? The look is also this thread's database probe while idle.
    func refreshDutyListIfDue() {
        guard Date().timeIntervalSince(lastDutyCheck) >= settings.dutyCheckInterval else { return }
        lastDutyCheck = Date()
        do {
            let version = try DutyListStore.versionInForce(db: core.db)
            health.set(.database, true, for: component)
            guard let version, version != core.dutyList.version else { return }
            core.use(try DutyListStore.load(version: version, db: core.db))
            metrics.inForce(version)
            logger.notice("duty list changed", metadata: ["version": "\(version)"])
        } catch {
            logger.warning("could not check the duty list in force", metadata: ["error": "\(error)"])
            if let pg = error as? PGError, pg.meansDatabaseUnavailable {
                health.set(.database, false, for: component)
                metrics.loop.reconnected(.database)
                try? core.db.reconnect()
            }
        }
    }
}
