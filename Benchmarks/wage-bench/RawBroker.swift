import AMQP
import Foundation

/// The broker's raw limits with no processing: persistent publishes with
/// publisher confirms (window 100) to a scratch quorum queue `bench.raw`, then
/// consuming them with manual acks (one ack per message, as the workers do, and
/// `multiple` acks every 50). The queue is declared by the operator user and
/// deleted afterwards.
struct RawBroker {
    let adminURL: AMQPURL
    let messages: Int
    let body: [UInt8]
    static let queue = "bench.raw"

    struct Result: Codable {
        var messages: Int
        var bodyBytes: Int
        var publishConfirmedPerSecond: Double
        /// One message per publish, waiting for its confirm before the next (the router's pattern).
        var publishOneAtATimePerSecond: Double
        var consumeAckEachPerSecond: Double
        var consumeAckMultiplePerSecond: Double
    }

    func run(probe: BrokerProbe) throws -> Result {
        try probe.delete(Self.queue)
        try probe.declareQuorum(Self.queue)
        defer { try? probe.delete(Self.queue) }
        let publish = try publishAll()
        let single = try publishOneAtATime(min(2_000, messages / 5))
        let half = messages / 2
        let ackEach = try consume(half, ackEvery: 1)
        let ackMultiple = try consume(messages - half + min(2_000, messages / 5), ackEvery: 50)
        return Result(messages: messages, bodyBytes: body.count, publishConfirmedPerSecond: publish,
                      publishOneAtATimePerSecond: single, consumeAckEachPerSecond: ackEach, consumeAckMultiplePerSecond: ackMultiple)
    }

    /// Publishes `messages` persistent messages (confirms, window 100); returns messages/s.
    private func publishAll() throws -> Double {
        let publisher = try AMQPPublisher(url: adminURL, name: "wage-bench-raw-publish")
        defer { publisher.close() }
        publisher.window = 100
        let chunk = 1_000
        let started = Date()
        var sent = 0
        while sent < messages {
            let n = min(chunk, messages - sent)
            let batch = (0..<n).map { i in
                OutgoingMessage(exchange: "", routingKey: Self.queue,
                                properties: AMQPProperties(messageID: "raw-\(sent + i)", type: "bench.raw",
                                                           contentType: "application/json", deliveryMode: 2),
                                body: body)
            }
            try publisher.publish(batch, timeout: 30)
            sent += n
        }
        return Double(messages) / Date().timeIntervalSince(started)
    }

    /// Publishes `count` messages one at a time, each confirmed before the next; returns messages/s.
    private func publishOneAtATime(_ count: Int) throws -> Double {
        let publisher = try AMQPPublisher(url: adminURL, name: "wage-bench-raw-publish-one")
        defer { publisher.close() }
        let started = Date()
        for i in 0..<count {
            try publisher.publish([OutgoingMessage(
                exchange: "", routingKey: Self.queue,
                properties: AMQPProperties(messageID: "raw-one-\(i)", type: "bench.raw",
                                           contentType: "application/json", deliveryMode: 2),
                body: body)], timeout: 30)
        }
        return Double(count) / Date().timeIntervalSince(started)
    }

    /// Consumes `count` messages, acking every `ackEvery`-th with `multiple`; returns messages/s.
    private func consume(_ count: Int, ackEvery: Int) throws -> Double {
        let consumer = try AMQPConsumer(url: adminURL, queue: Self.queue, prefetch: 200, name: "wage-bench-raw-consume")
        defer { consumer.close() }
        var got = 0
        var started: Date?
        var lastActivity = Date()
        while got < count {
            guard let delivery = try consumer.next(timeout: 1) else {
                if Date().timeIntervalSince(lastActivity) > 10 {
                    throw BenchFailure("raw consume: only \(got) of \(count) messages arrived from \(Self.queue)")
                }
                continue
            }
            if started == nil { started = Date() }
            lastActivity = Date()
            got += 1
            if got % ackEvery == 0 || got == count { try consumer.ack(delivery, multiple: ackEvery > 1) }
        }
        return Double(count) / Date().timeIntervalSince(started ?? Date())
    }
}
