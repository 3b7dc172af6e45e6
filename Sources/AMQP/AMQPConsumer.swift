import CRabbitMQ

/// Consumes one queue with manual acks and a prefetch limit on its own connection.
/// Not `Sendable`: use it from one (dedicated) thread.
///
/// Declares nothing: the broker definitions own the topology. `next(timeout:)` returns
/// nil when idle so a loop can check its stop flag; a lost connection throws a
/// recoverable `AMQPError`, after which `reconnect(shouldStop:)` opens a new
/// connection (a new `generation`; acks for older deliveries are ignored).
public final class AMQPConsumer {
    /// Where it connects.
    public let url: AMQPURL
    /// The queue it consumes.
    public let queue: String
    /// Most unacknowledged deliveries the broker sends (`basic.qos`).
    public let prefetch: UInt16
    /// The connection name shown by the broker.
    public let name: String
    /// Identifies the current connection; incremented by `reconnect`.
    public private(set) var generation = 1
    /// The last failure seen by `reconnect` while retrying (for logging), if any.
    public private(set) var lastReconnectError: AMQPError?

    private var connection: Connection?
    private let channel: amqp_channel_t = 1

    /// Connects, logs in, opens channel 1, sets `basic.qos` and starts `basic.consume`.
    public init(url: AMQPURL, queue: String, prefetch: UInt16, name: String) throws {
        self.url = url
        self.queue = queue
        self.prefetch = prefetch
        self.name = name
        try connect()
    }

    deinit { connection?.close() }

    /// The next delivery, or nil when none arrived within `timeout` seconds.
    /// Throws a recoverable error when the connection is lost or not open.
    public func next(timeout: Double) throws -> AMQPDelivery? {
        let conn = try live()
        let deadline = monotonicNow() + timeout
        do {
            while true {
                amqp_maybe_release_buffers(conn.state)
                var envelope = amqp_envelope_t()
                var tv = crmq_timeval(max(0, deadline - monotonicNow()))
                let reply = amqp_consume_message(conn.state, &envelope, &tv, 0)
                if reply.reply_type == AMQP_RESPONSE_NORMAL {
                    defer { amqp_destroy_envelope(&envelope) }
                    return delivery(envelope)
                }
                if reply.reply_type == AMQP_RESPONSE_LIBRARY_EXCEPTION {
                    if reply.library_error == AMQP_STATUS_TIMEOUT.rawValue { return nil }
                    if reply.library_error == AMQP_STATUS_UNEXPECTED_STATE.rawValue {
                        try handleOtherFrame(on: conn)
                        if monotonicNow() >= deadline { return nil }
                        continue
                    }
                }
                try check(.reply(reply), "consume \(queue)")
            }
        } catch {
            drop(after: error)
            throw error
        }
    }

    /// Acknowledges `delivery` (and all before it when `multiple`); ignored for an
    /// older generation.
    public func ack(_ delivery: AMQPDelivery, multiple: Bool = false) throws {
        guard delivery.generation == generation else { return }
        let conn = try live()
        try settle("ack", amqp_basic_ack(conn.state, channel, delivery.deliveryTag, multiple ? 1 : 0))
    }

    /// Negatively acknowledges `delivery` (and all before it when `multiple`), requeued
    /// or dead-lettered; ignored for an older generation.
    public func nack(_ delivery: AMQPDelivery, multiple: Bool = false, requeue: Bool) throws {
        guard delivery.generation == generation else { return }
        let conn = try live()
        try settle("nack", amqp_basic_nack(conn.state, channel, delivery.deliveryTag,
                                           multiple ? 1 : 0, requeue ? 1 : 0))
    }

    /// Rejects `delivery`, requeued or dead-lettered; ignored for an older generation.
    public func reject(_ delivery: AMQPDelivery, requeue: Bool) throws {
        guard delivery.generation == generation else { return }
        let conn = try live()
        try settle("reject", amqp_basic_reject(conn.state, channel, delivery.deliveryTag, requeue ? 1 : 0))
    }

    /// Drops the current connection, increments `generation`, and connects again with
    /// exponential backoff (0.1 s doubling, capped at 5 s) until connected or
    /// `shouldStop()` is true (then it returns unconnected; `next` throws recoverable).
    /// Every failure is retried; the latest is in `lastReconnectError`.
    public func reconnect(shouldStop: () -> Bool) throws {
        connection?.close()
        connection = nil
        generation += 1
        var backoff = Backoff(initial: 0.1, cap: 5)
        while !shouldStop() {
            do {
                try connect()
                lastReconnectError = nil
                return
            } catch {
                lastReconnectError = error
                if !backoff.sleep(unless: shouldStop) { return }
            }
        }
    }

    /// Cancels consuming by closing the connection; unacked deliveries are requeued.
    public func close() {
        connection?.close()
        connection = nil
    }

    // MARK: - Internals

    private func connect() throws(AMQPError) {
        let conn = try Connection(url: url, name: name)
        do {
            try conn.openChannel(channel)
            _ = amqp_basic_qos(conn.state, channel, 0, prefetch, 0)
            try conn.rpcReply(channel: channel, "basic.qos \(prefetch)")
            let arena = CArena()
            _ = amqp_basic_consume(conn.state, channel, arena.bytes(queue), crmq_empty_bytes(),
                                   0, 0, 0, crmq_empty_table())
            try conn.rpcReply(channel: channel, "basic.consume \(queue)")
        } catch {
            conn.close()
            throw error
        }
        connection = conn
    }

    private func live() throws(AMQPError) -> Connection {
        guard let conn = connection, conn.usable else {
            throw AMQPError(kind: .connectionClosed, code: Int(AMQP_STATUS_CONNECTION_CLOSED.rawValue),
                            message: "consumer \(name) on \(queue) is not connected", recoverable: true)
        }
        return conn
    }

    private func settle(_ what: String, _ status: Int32) throws(AMQPError) {
        do { try check(.status(status), "\(what) on \(queue)") } catch {
            drop(after: error)
            throw error
        }
    }

    /// Any failure leaves the consumer without a usable channel: close the connection
    /// (politely only when it is still healthy).
    private func drop(after error: AMQPError) {
        connection?.failed(error)
        connection?.close()
        connection = nil
    }

    /// Reads the frame that is not a `basic.deliver` and acts on it.
    private func handleOtherFrame(on conn: Connection) throws(AMQPError) {
        var frame = amqp_frame_t()
        var tv = crmq_timeval(Connection.ioTimeout)
        try check(.status(amqp_simple_wait_frame_noblock(conn.state, &frame, &tv)), "consume \(queue)")
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return }
        let method = crmq_frame_method(&frame)
        switch method.id {
        case crmq_method_channel_close(), crmq_method_connection_close():
            throw conn.answerClose(method, channel: frame.channel, context: "consume \(queue)")
        case crmq_method_basic_cancel():
            throw AMQPError(kind: .channelClosed, code: 0,
                            message: "consume \(queue): the broker cancelled the consumer", recoverable: true)
        case crmq_method_basic_return():
            var message = amqp_message_t()
            try check(.reply(amqp_read_message(conn.state, frame.channel, &message, 0)), "skip returned message")
            amqp_destroy_message(&message)
        default:
            return  // basic.ack, connection.blocked and the like: nothing to do here
        }
    }

    private func delivery(_ e: amqp_envelope_t) -> AMQPDelivery {
        AMQPDelivery(deliveryTag: e.delivery_tag, redelivered: e.redelivered != 0,
                     exchange: string(e.exchange), routingKey: string(e.routing_key),
                     properties: AMQPProperties(e.message.properties), body: byteArray(e.message.body),
                     generation: generation)
    }
}
