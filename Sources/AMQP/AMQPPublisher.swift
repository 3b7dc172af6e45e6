import CRabbitMQ

/// Publishes messages with publisher confirms and `mandatory` on channel 1 of its own
/// connection. Not `Sendable`: use it from one (dedicated) thread.
///
/// `publish` succeeds only when every message was confirmed by the broker and none was
/// returned as unroutable. After a connection-level failure the next `publish`
/// reconnects (bounded backoff within its timeout); after a channel-level refusal
/// (e.g. 406 for a foreign `user_id`) it reopens the channel.
public final class AMQPPublisher {
    /// Where it connects.
    public let url: AMQPURL
    /// The connection name shown by the broker.
    public let name: String
    /// Most unconfirmed messages in flight before `publish` waits for confirms.
    public var window = 1_000

    private var connection: Connection?
    private var channelOpen = false
    private var nextTag: UInt64 = 1
    private let channel: amqp_channel_t = 1

    /// Connects, logs in, opens channel 1 and selects confirm mode; throws `AMQPError`.
    public init(url: AMQPURL, name: String) throws {
        self.url = url
        self.name = name
        try connect()
    }

    deinit { connection?.close() }

    /// Publishes `messages` (`mandatory`, persistent unless `deliveryMode` is set) and
    /// waits up to `timeout` seconds for all confirms.
    ///
    /// Throws `.unroutable` (312, naming the message) when the broker returned one,
    /// `.nacked` when it refused one, `.timeout` when confirms did not arrive, and the
    /// mapped `channelClosed` / `connectionClosed` / `library` error otherwise.
    /// On any throw some messages may still have been delivered: republish with the
    /// same `message_id`s.
    public func publish(_ messages: [OutgoingMessage], timeout: Double = 10) throws {
        guard !messages.isEmpty else { return }
        let deadline = monotonicNow() + timeout
        do {
            try ready(deadline: deadline)
            guard let conn = connection else { return }
            var batch = ConfirmBatch(firstTag: nextTag)
            for message in messages {
                try send(message, on: conn)
                batch.sent(nextTag)
                nextTag += 1
                if batch.pending.count >= window {
                    try awaitConfirms(&batch, upTo: window / 2, deadline: deadline, on: conn)
                }
            }
            try awaitConfirms(&batch, upTo: 0, deadline: deadline, on: conn)
            if let error = batch.outcome(messages) { throw error }
        } catch let error as AMQPError {
            settle(after: error)
            throw error
        }
    }

    /// Closes the connection; a later `publish` reconnects.
    public func close() {
        connection?.close()
        connection = nil
        channelOpen = false
    }

    // MARK: - Connection state

    private func connect(deadline: Double = .infinity) throws(AMQPError) {
        let conn = try Connection(url: url, name: name,
                                  connectTimeout: min(5, max(0.5, deadline - monotonicNow())))
        connection = conn
        try openChannel(on: conn)
    }

    private func openChannel(on conn: Connection) throws(AMQPError) {
        try conn.openChannel(channel)
        _ = amqp_confirm_select(conn.state, channel)
        try conn.rpcReply(channel: channel, "confirm.select")
        channelOpen = true
        nextTag = 1
    }

    /// Makes the connection and channel usable: drains frames that arrived since the
    /// last call (a server close after a broker restart), reconnects with backoff
    /// (0.1 s doubling, capped at 2 s, until `deadline`), reopens the channel.
    private func ready(deadline: Double) throws(AMQPError) {
        if let conn = connection {
            do { try drainPending(on: conn) } catch { settle(after: error) }
        }
        var backoff = Backoff(initial: 0.1, cap: 2)
        while connection == nil {
            do {
                try connect(deadline: deadline)
            } catch {
                settle(after: error)
                guard error.recoverable, monotonicNow() + backoff.current < deadline else { throw error }
                sleepSeconds(backoff.next())
            }
        }
        if let conn = connection, !channelOpen {
            do { try openChannel(on: conn) } catch { settle(after: error); throw error }
        }
    }

    /// Drops the connection after a connection-level failure, or marks the channel for
    /// reopening after a channel-level one.
    private func settle(after error: AMQPError) {
        guard let conn = connection else { return }
        conn.failed(error)
        if !conn.usable {
            // Includes a confirm timeout: late confirms would be misattributed, start afresh.
            close()
        } else if error.kind == .channelClosed {
            channelOpen = false
        }
    }

    // MARK: - Wire

    private func send(_ message: OutgoingMessage, on conn: Connection) throws(AMQPError) {
        let arena = CArena()
        var props = message.properties.cProperties(in: arena)
        let exchange = arena.bytes(message.exchange)
        let key = arena.bytes(message.routingKey)
        let status = message.body.withUnsafeBytes { body in
            amqp_basic_publish(conn.state, channel, exchange, key, 1, 0, &props,
                               crmq_bytes(body.baseAddress, body.count))
        }
        try check(.status(status), "publish \(message.properties.messageID ?? "message") to \(message.exchange)")
    }

    /// Reads frames until at most `upTo` messages of `batch` are unconfirmed.
    private func awaitConfirms(_ batch: inout ConfirmBatch, upTo: Int, deadline: Double,
                               on conn: Connection) throws(AMQPError) {
        while batch.pending.count > upTo {
            let left = deadline - monotonicNow()
            guard left > 0 else {
                throw AMQPError(kind: .timeout, code: Int(AMQP_STATUS_TIMEOUT.rawValue),
                                message: "publish: \(batch.pending.count) confirms not received in time",
                                recoverable: true)
            }
            var frame = amqp_frame_t()
            var tv = crmq_timeval(left)
            try check(.status(amqp_simple_wait_frame_noblock(conn.state, &frame, &tv)), "wait for confirms")
            try handle(frame, batch: &batch, on: conn)
        }
    }

    /// Processes frames already waiting (zero timeout) outside a publish.
    private func drainPending(on conn: Connection) throws(AMQPError) {
        var scratch = ConfirmBatch(firstTag: nextTag)
        while true {
            var frame = amqp_frame_t()
            var tv = crmq_timeval(0)
            let status = amqp_simple_wait_frame_noblock(conn.state, &frame, &tv)
            if status == AMQP_STATUS_TIMEOUT.rawValue { return }
            try check(.status(status), "check connection")
            try handle(frame, batch: &scratch, on: conn)
        }
    }

    private func handle(_ frame: amqp_frame_t, batch: inout ConfirmBatch, on conn: Connection) throws(AMQPError) {
        guard frame.frame_type == UInt8(AMQP_FRAME_METHOD) else { return }
        var f = frame
        let method = crmq_frame_method(&f)
        switch method.id {
        case crmq_method_basic_ack():
            guard let ack = method.decoded?.assumingMemoryBound(to: amqp_basic_ack_t.self).pointee else { return }
            batch.ack(ack.delivery_tag, multiple: ack.multiple != 0)
        case crmq_method_basic_nack():
            guard let nack = method.decoded?.assumingMemoryBound(to: amqp_basic_nack_t.self).pointee else { return }
            batch.nack(nack.delivery_tag, multiple: nack.multiple != 0)
        case crmq_method_basic_return():
            guard let ret = method.decoded?.assumingMemoryBound(to: amqp_basic_return_t.self).pointee else { return }
            // Copy the method's fields before reading the content frames.
            let (code, text) = (Int(ret.reply_code), string(ret.reply_text))
            let (exchange, key) = (string(ret.exchange), string(ret.routing_key))
            var message = amqp_message_t()
            try check(.reply(amqp_read_message(conn.state, frame.channel, &message, 0)), "read returned message")
            let props = AMQPProperties(message.properties)
            amqp_destroy_message(&message)
            batch.returned(.init(messageID: props.messageID, exchange: exchange, routingKey: key,
                                 code: code, text: text))
        case crmq_method_channel_close(), crmq_method_connection_close():
            throw conn.answerClose(method, channel: frame.channel, context: "publish")
        default:
            return  // connection.blocked/unblocked and the like: confirms (or the deadline) decide
        }
    }
}
