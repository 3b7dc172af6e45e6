import CRabbitMQ

/// One librabbitmq connection (`amqp_connection_state_t`), owned by one class on one thread.
///
/// Opens the TCP (or, for `amqps`, TLS) socket with a timeout, trying the URL's
/// brokers in turn, logs in with PLAIN (heartbeat 30 s, connection name in the
/// client properties) and answers server closes. `close()` is idempotent.
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

    /// Connects to the first broker of `url.endpoints` that answers and logs in;
    /// throws the last broker's mapped `AMQPError` (each failed handle is freed).
    /// A broker that refuses the login for good (a non-recoverable error, e.g.
    /// ACCESS_REFUSED) ends the search: another node of the cluster would refuse too.
    init(url: AMQPURL, name: String, connectTimeout: Double = 5) throws(AMQPError) {
        var lastError: AMQPError?
        for endpoint in url.endpoints {
            do {
                state = try Self.open(endpoint, url: url, name: name, connectTimeout: connectTimeout)
                self.endpoint = endpoint
                return
            } catch {
                lastError = error
                if !error.recoverable { break }
            }
        }
        throw lastError ?? AMQPError(kind: .invalidURL, code: 0, message: "no broker in \(url)", recoverable: false)
    }

    /// The broker this connection reached.
    let endpoint: AMQPURL.Endpoint

    /// One connection attempt to `endpoint`: socket (TCP, or TLS for `amqps`), then login.
    private static func open(_ endpoint: AMQPURL.Endpoint, url: AMQPURL, name: String,
                             connectTimeout: Double) throws(AMQPError) -> amqp_connection_state_t {
        guard let state = amqp_new_connection() else {
            throw AMQPError(kind: .library, code: Int(AMQP_STATUS_NO_MEMORY.rawValue),
                            message: "amqp_new_connection failed", recoverable: true)
        }
        let arena = CArena()
        do throws(AMQPError) {
            let socket = try makeSocket(state, tls: url.tls, arena: arena)
            var io = crmq_timeval(Self.ioTimeout)
            try check(.status(amqp_set_handshake_timeout(state, &io)), "set handshake timeout")
            try check(.status(amqp_set_rpc_timeout(state, &io)), "set RPC timeout")
            var open = crmq_timeval(connectTimeout)
            try check(.status(amqp_socket_open_noblock(socket, arena.cString(endpoint.host), Int32(endpoint.port), &open)),
                      "connect to \(endpoint.text)\(url.tls == nil ? "" : " over TLS")")
            var clientProps = cTable(["connection_name": .string(name)], in: arena)
            let reply = crmq_login_plain_props(
                state, arena.cString(url.vhost), 0, 131_072, Self.heartbeat, &clientProps,
                arena.cString(url.user), arena.cString(url.password))
            try check(.reply(reply), "login to \(url) at \(endpoint.text) as \(url.user)")
            return state
        } catch {
            _ = amqp_destroy_connection(state)
            throw error
        }
    }

    /// A TCP socket, or a TLS socket with the CA, client key and verification of `tls`.
    private static func makeSocket(_ state: amqp_connection_state_t, tls: TLSOptions?,
                                   arena: CArena) throws(AMQPError) -> OpaquePointer {
        let noMemory = AMQPError(kind: .library, code: Int(AMQP_STATUS_NO_MEMORY.rawValue),
                                 message: "could not create a socket", recoverable: true)
        guard let tls else {
            guard let socket = amqp_tcp_socket_new(state) else { throw noMemory }
            return socket
        }
        guard let socket = amqp_ssl_socket_new(state) else { throw noMemory }
        if let ca = tls.caCertificateFile {
            try check(.status(amqp_ssl_socket_set_cacert(socket, arena.cString(ca))), "load the CA certificates \(ca)")
        }
        if let certificate = tls.certificateFile, let key = tls.keyFile {
            try check(.status(amqp_ssl_socket_set_key(socket, arena.cString(certificate), arena.cString(key))),
                      "load the client certificate \(certificate)")
        }
        amqp_ssl_socket_set_verify_peer(socket, tls.verifyPeer ? 1 : 0)
        amqp_ssl_socket_set_verify_hostname(socket, tls.verifyPeer ? 1 : 0)
        return socket
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
