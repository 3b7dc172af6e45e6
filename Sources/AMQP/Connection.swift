import CRabbitMQ

/// One librabbitmq connection (`amqp_connection_state_t`), owned by one class on one thread.
///
/// Opens the TCP socket with a timeout, logs in with PLAIN (heartbeat 30 s, connection
/// name in the client properties) and answers server closes. `close()` is idempotent.
final class Connection {
    /// The librabbitmq handle (valid until `close()`).
    let state: amqp_connection_state_t
    /// False once the socket failed or the broker closed the connection.
    private(set) var usable = true
    private var destroyed = false

    /// Heartbeat asked for at login, in seconds.
    static let heartbeat: Int32 = 30
    /// Socket-open, handshake and RPC timeout, in seconds.
    static let ioTimeout = 10.0

    /// Connects and logs in; throws a mapped `AMQPError` (the handle is freed on failure).
    init(url: AMQPURL, name: String, connectTimeout: Double = 5) throws(AMQPError) {
        guard let state = amqp_new_connection() else {
            throw AMQPError(kind: .library, code: Int(AMQP_STATUS_NO_MEMORY.rawValue),
                            message: "amqp_new_connection failed", recoverable: true)
        }
        self.state = state
        let arena = CArena()
        do throws(AMQPError) {
            guard let socket = amqp_tcp_socket_new(state) else {
                throw AMQPError(kind: .library, code: Int(AMQP_STATUS_NO_MEMORY.rawValue),
                                message: "amqp_tcp_socket_new failed", recoverable: true)
            }
            var io = crmq_timeval(Self.ioTimeout)
            try check(.status(amqp_set_handshake_timeout(state, &io)), "set handshake timeout")
            try check(.status(amqp_set_rpc_timeout(state, &io)), "set RPC timeout")
            var open = crmq_timeval(connectTimeout)
            try check(.status(amqp_socket_open_noblock(socket, arena.cString(url.host), Int32(url.port), &open)),
                      "connect to \(url.host):\(url.port)")
            var clientProps = cTable(["connection_name": .string(name)], in: arena)
            let reply = crmq_login_plain_props(
                state, arena.cString(url.vhost), 0, 131_072, Self.heartbeat, &clientProps,
                arena.cString(url.user), arena.cString(url.password))
            try check(.reply(reply), "login to \(url) as \(url.user)")
        } catch {
            destroy()
            throw error
        }
    }

    deinit { destroy() }

    /// Opens `channel` (an RPC).
    func openChannel(_ channel: amqp_channel_t) throws(AMQPError) {
        _ = amqp_channel_open(state, channel)
        try rpcReply(channel: channel, "open channel \(channel)")
    }

    /// Checks the reply of the last RPC on `channel` (`amqp_get_rpc_reply`). A server
    /// close is answered with close-ok; any failure but a channel-level refusal marks
    /// the connection unusable.
    func rpcReply(channel: amqp_channel_t, _ context: @autoclosure () -> String) throws(AMQPError) {
        let reply = amqp_get_rpc_reply(state)
        let error: AMQPError
        if reply.reply_type == AMQP_RESPONSE_SERVER_EXCEPTION {
            error = answerClose(reply.reply, channel: channel, context: context())
        } else {
            do { try check(.reply(reply), context()); return } catch let e { error = e }
        }
        failed(error)
        throw error
    }

    /// Records that `error` happened on this connection. Only a channel-level refusal
    /// (answered with `channel.close-ok`), a return or a nack leave it usable; after
    /// anything else (socket, heartbeat, server close, timeout) it is not closed
    /// politely, so `close()` cannot block on a dead peer.
    func failed(_ error: AMQPError) {
        switch error.kind {
        case .channelClosed, .unroutable, .nacked, .invalidURL: return
        case .library, .connectionClosed, .timeout: usable = false
        }
    }

    /// Answers a server `channel.close` / `connection.close` frame method, as the
    /// protocol requires, and returns the mapped error for it.
    func answerClose(_ method: amqp_method_t, channel: amqp_channel_t, context: String) -> AMQPError {
        var mapped = AMQPError(kind: .library, code: 0, message: context, recoverable: true)
        do { try check(.reply(serverException(method)), context) } catch { mapped = error }
        if method.id == crmq_method_connection_close() {
            _ = crmq_send_connection_close_ok(state)
            usable = false
        } else if method.id == crmq_method_channel_close() {
            _ = crmq_send_channel_close_ok(state, channel)
        }
        return mapped
    }

    /// Closes politely when still usable (bounded by the RPC timeout), then frees the handle.
    func close() {
        guard !destroyed else { return }
        if usable {
            _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
        }
        usable = false
        destroy()
    }

    private func destroy() {
        guard !destroyed else { return }
        destroyed = true
        usable = false
        _ = amqp_destroy_connection(state)
    }
}
