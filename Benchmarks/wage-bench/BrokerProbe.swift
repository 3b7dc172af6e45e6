import AMQP
import CRabbitMQ
import Foundation

/// An operator's AMQP connection (the `wage-admin` user) for what the AMQP module
/// deliberately does not offer: passive queue checks (message and consumer
/// counts), the scratch quorum queue `bench.raw`, and the broker's version.
/// One thread; every failure is a `BenchFailure` with the broker's reply.
final class BrokerProbe {
    private let state: amqp_connection_state_t
    private var nextChannel: amqp_channel_t = 1
    /// The broker's `version` server property (e.g. `3.10.8`).
    private(set) var serverVersion = "?"

    init(url: AMQPURL) throws {
        state = try Self.open(url)
        serverVersion = Self.property("version", in: amqp_get_server_properties(state)) ?? "?"
    }

    deinit {
        _ = amqp_connection_close(state, Int32(AMQP_REPLY_SUCCESS))
        amqp_destroy_connection(state)
    }

    /// A logged-in connection, or a `BenchFailure` (nothing left to free).
    private static func open(_ url: AMQPURL) throws -> amqp_connection_state_t {
        guard let state = amqp_new_connection() else { throw BenchFailure("amqp_new_connection failed") }
        guard let socket = amqp_tcp_socket_new(state) else {
            amqp_destroy_connection(state)
            throw BenchFailure("amqp_tcp_socket_new failed")
        }
        var open = crmq_timeval(5)
        let status = amqp_socket_open_noblock(socket, url.host, Int32(url.port), &open)
        guard status == 0 else {
            amqp_destroy_connection(state)
            throw BenchFailure("cannot connect to RabbitMQ at \(url.host):\(url.port) (\(String(cString: amqp_error_string2(status)))): "
                + "is the stack up? run deploy/local/stack.sh up")
        }
        let reply = crmq_login_plain(state, url.vhost, 0, 131_072, 0, url.user, url.password)
        guard reply.reply_type == AMQP_RESPONSE_NORMAL else {
            amqp_destroy_connection(state)
            throw BenchFailure("RabbitMQ refused the login of \(url.user) on vhost \(url.vhost): check stack.env")
        }
        return state
    }

    /// Message and consumer counts of `queue` (passive declare on a fresh channel).
    func counts(_ queue: String) throws -> (messages: Int, consumers: Int) {
        try onChannel("check queue \(queue)") { ch in
            let ok = queue.withCString { amqp_queue_declare(state, ch, amqp_cstring_bytes($0), 1, 0, 0, 0, crmq_empty_table()) }
            try rpc("check queue \(queue)")
            guard let ok else { throw BenchFailure("check queue \(queue): no reply") }
            return (Int(ok.pointee.message_count), Int(ok.pointee.consumer_count))
        }
    }

    /// Declares the durable quorum queue `name` (no arguments beyond the type).
    func declareQuorum(_ name: String) throws {
        try onChannel("declare \(name)") { ch in
            var entry = amqp_table_entry_t()
            try "x-queue-type".withCString { key in
                try "quorum".withCString { value in
                    crmq_set_entry_string(&entry, amqp_cstring_bytes(key), amqp_cstring_bytes(value))
                    try withUnsafeMutablePointer(to: &entry) { p in
                        let args = amqp_table_t(num_entries: 1, entries: p)
                        _ = name.withCString { amqp_queue_declare(state, ch, amqp_cstring_bytes($0), 0, 1, 0, 0, args) }
                        try rpc("declare \(name)")
                    }
                }
            }
        }
    }

    /// Deletes `name` (no error when it does not exist).
    func delete(_ name: String) throws {
        try onChannel("delete \(name)") { ch in
            _ = name.withCString { amqp_queue_delete(state, ch, amqp_cstring_bytes($0), 0, 0) }
            try rpc("delete \(name)")
        }
    }

    /// Runs `body` on a new channel and closes it; a server refusal closes the channel for us.
    private func onChannel<T>(_ what: String, _ body: (amqp_channel_t) throws -> T) throws -> T {
        let ch = nextChannel
        nextChannel += 1
        _ = amqp_channel_open(state, ch)
        try rpc("open channel for \(what)")
        let value = try body(ch)
        _ = amqp_channel_close(state, ch, Int32(AMQP_REPLY_SUCCESS))
        return value
    }

    private func rpc(_ what: String) throws {
        let reply = amqp_get_rpc_reply(state)
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL: return
        case AMQP_RESPONSE_SERVER_EXCEPTION:
            if reply.reply.id == crmq_method_channel_close(),
               let close = reply.reply.decoded?.assumingMemoryBound(to: amqp_channel_close_t.self).pointee {
                _ = crmq_send_channel_close_ok(state, nextChannel - 1)
                let text = String(decoding: UnsafeRawBufferPointer(start: close.reply_text.bytes, count: close.reply_text.len),
                                  as: UTF8.self)
                throw BenchFailure("\(what): the broker refused: \(close.reply_code) \(text)")
            }
            throw BenchFailure("\(what): the broker closed the connection")
        default:
            throw BenchFailure("\(what): \(String(cString: amqp_error_string2(reply.library_error)))")
        }
    }

    private static func property(_ name: String, in table: UnsafeMutablePointer<amqp_table_t>?) -> String? {
        guard let table else { return nil }
        for i in 0..<Int(table.pointee.num_entries) {
            let entry = crmq_table_entry(table, Int32(i))!
            let key = String(decoding: UnsafeRawBufferPointer(start: entry.pointee.key.bytes, count: entry.pointee.key.len),
                             as: UTF8.self)
            guard key == name else { continue }
            let bytes = withUnsafePointer(to: entry.pointee.value) { crmq_field_bytes($0) }
            return String(decoding: UnsafeRawBufferPointer(start: bytes.bytes, count: bytes.len), as: UTF8.self)
        }
        return nil
    }
}
