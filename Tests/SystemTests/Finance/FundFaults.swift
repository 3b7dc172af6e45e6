import AMQP
import Departments
import Foundation
import Runtime
@testable import Messages
import Workflow

// Fault injection for the fund tests: workers stopped alone, handlers that
// crash or dawdle, and deliveries that bypass the router's dedupe.

/// A worker with its own stop flag, so a test can stop ("kill") it alone
/// between messages and start another one.
final class StoppableWorker {
    let stop = StopFlag()
    let threads = ThreadGroup()

    /// `prefetch` bounds how many messages the worker applies in one transaction.
    init(_ h: Harness, _ principal: Principal, prefetch: UInt16 = 100,
         _ make: @escaping WorkerService.HandlerFactory) throws {
        try WorkerService(principal: principal, databaseURL: try h.env.databaseURL(for: principal),
                          amqpURL: try h.env.amqpURL(for: principal), prefetch: prefetch, logger: h.logger,
                          makeHandler: make)
            .start(stop: stop, threads: threads)
    }

    /// Stops the consumer (the batch in hand finishes or goes back to the
    /// queue; prefetched ones are requeued when the connection closes) and the relay.
    func kill() async {
        stop.set()
        await threads.wait()
    }
}

extension Harness {
    /// Puts a message straight on `dept.<to>` as the router does (user `router`,
    /// header `x-wage-sender`), bypassing the router's own dedupe: how a
    /// worker sees a broker redelivery or a router republish of the same id.
    func deliverDirect(to recipient: Principal, from sender: Principal, _ type: String, _ body: JSONValue, id: String) throws {
        let publisher = try AMQPPublisher(url: try AMQPURL(try env.amqpURL(for: .router)), name: "test-direct")
        defer { publisher.close() }
        var props = AMQPProperties()
        props.messageID = id
        props.type = type
        props.userID = Principal.router.rawValue
        props.contentType = "application/json"
        props.deliveryMode = 2
        props.headers["x-wage-sender"] = .string(sender.rawValue)
        try publisher.publish([OutgoingMessage(exchange: "wage.dept", routingKey: recipient.rawValue, properties: props,
                                               body: Array(body.serialized.utf8))])
    }
}

/// Wraps a worker's handler to interrupt it: waits `delay` seconds in every
/// message (so a test can stop the worker mid-batch), and throws once, after
/// the real handler wrote its effects, for each id in `crashOnce` (a crash
/// before COMMIT: everything must roll back and the retry apply it once).
final class InterruptingHandler: MessageHandler, @unchecked Sendable {
    let inner: any MessageHandler
    let delay: Double
    private let lock = NSLock()
    private var crashOnce: Set<String>

    init(_ inner: any MessageHandler, delay: Double = 0, crashOnce: Set<String> = []) {
        self.inner = inner
        self.delay = delay
        self.crashOnce = crashOnce
    }

    var principal: Principal { inner.principal }

    struct SimulatedCrash: Error {}

    func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition {
        if delay > 0 { Thread.sleep(forTimeInterval: delay) }
        let disposition = try inner.handle(message, context: context)
        lock.lock()
        let crash = crashOnce.remove(message.messageID) != nil
        lock.unlock()
        if crash { throw SimulatedCrash() }
        return disposition
    }
}
