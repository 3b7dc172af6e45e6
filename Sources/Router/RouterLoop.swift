import AMQP
import Duties
import Foundation
import Logging
import Metrics
import Runtime
import Store

/// One router consumer thread: `router.intake` → `RouterCore` → ack. Several
/// threads or processes may run at once (competing consumers).
final class RouterLoop {
    let consumer: AMQPConsumer
    let core: RouterCore
    let stop: StopFlag
    let logger: Logger
    var lastDutyCheck = Date()
    let routed = Counter(label: "wage_router_routed_total")
    let refused = Counter(label: "wage_router_refused_total")
    let maxBatch = 50

    init(consumer: AMQPConsumer, core: RouterCore, stop: StopFlag, logger: Logger) {
        self.consumer = consumer
        self.core = core
        self.stop = stop
        self.logger = logger
    }

    func run() {
        while !stop.isSet {
            refreshDutyListIfDue()
            var batch: [AMQPDelivery] = []
            do {
                guard let first = try consumer.next(timeout: 1) else { continue }
                batch.append(first)
                while batch.count < maxBatch, let more = try consumer.next(timeout: 0) { batch.append(more) }
            } catch {
                logger.warning("broker connection lost; reconnecting", metadata: ["error": "\(error)"])
                try? consumer.reconnect(shouldStop: { self.stop.isSet })
                continue  // what was in hand is redelivered on the new connection
            }
            var backoff = Backoff()
            while !stop.isSet {
                do {
                    let outcomes = try core.route(batch: batch)
                    for outcome in outcomes {
                        if case .refused = outcome { refused.increment() } else { routed.increment() }
                    }
                    for delivery in batch { try? consumer.ack(delivery) }
                    break
                } catch {
                    logger.warning("could not make routing decisions durable; retrying", metadata: ["error": "\(error)"])
                    backoff.sleep(unless: stop)
                    if let pg = error as? PGError, pg.meansDatabaseUnavailable { try? core.db.reconnect() }
                }
            }
        }
    }

    /// Every 5 s: has an operator put another duty-list version in force?
    func refreshDutyListIfDue() {
        guard Date().timeIntervalSince(lastDutyCheck) >= 5 else { return }
        lastDutyCheck = Date()
        do {
            guard let version = try DutyListStore.versionInForce(db: core.db), version != core.dutyList.version else { return }
            core.use(try DutyListStore.load(version: version, db: core.db))
            logger.notice("duty list changed", metadata: ["version": "\(version)"])
        } catch {
            logger.warning("could not check the duty list in force", metadata: ["error": "\(error)"])
        }
    }
}
