import CRabbitMQ

/// A raw librabbitmq outcome, as handed to `check(_:_:)`.
enum CResult {
    /// An `int` status (`amqp_status_enum`; 0 is success).
    case status(Int32)
    /// An RPC reply (`amqp_get_rpc_reply`, `amqp_login`, `amqp_consume_message`, …).
    case reply(amqp_rpc_reply_t)
}

/// The one funnel from librabbitmq return values to `AMQPError`.
///
/// Returns normally on success; otherwise throws an `AMQPError` whose `code` is the
/// librabbitmq status or the server's reply code (from `connection.close` or
/// `channel.close`) and whose `message` is `context` plus the reply text or
/// `amqp_error_string2`.
func check(_ result: CResult, _ context: @autoclosure () -> String) throws(AMQPError) {
    switch result {
    case .status(let status):
        guard status != AMQP_STATUS_OK.rawValue else { return }
        throw libraryError(status, context())
    case .reply(let reply):
        switch reply.reply_type {
        case AMQP_RESPONSE_NORMAL:
            return
        case AMQP_RESPONSE_NONE:
            throw AMQPError(kind: .library, code: Int(AMQP_STATUS_UNEXPECTED_STATE.rawValue),
                            message: "\(context()): missing RPC reply", recoverable: true)
        case AMQP_RESPONSE_LIBRARY_EXCEPTION:
            throw libraryError(reply.library_error, context())
        default:
            throw serverError(reply.reply, context())
        }
    }
}

/// Maps a librabbitmq status to an error.
private func libraryError(_ status: Int32, _ context: String) -> AMQPError {
    let text = String(cString: amqp_error_string2(status))
    let kind: AMQPError.Kind
    switch status {
    case AMQP_STATUS_TIMEOUT.rawValue:
        kind = .timeout
    case AMQP_STATUS_CONNECTION_CLOSED.rawValue, AMQP_STATUS_SOCKET_CLOSED.rawValue,
         AMQP_STATUS_SOCKET_ERROR.rawValue, AMQP_STATUS_HEARTBEAT_TIMEOUT.rawValue,
         AMQP_STATUS_TCP_ERROR.rawValue:
        kind = .connectionClosed
    default:
        kind = .library
    }
    // Every library-level failure leaves the connection unusable: a new one may work.
    return AMQPError(kind: kind, code: Int(status), message: "\(context): \(text)", recoverable: true)
}

/// Maps a server `connection.close` / `channel.close` (an exception reply) to an error.
private func serverError(_ method: amqp_method_t, _ context: String) -> AMQPError {
    switch method.id {
    case crmq_method_connection_close():
        let close = method.decoded?.assumingMemoryBound(to: amqp_connection_close_t.self).pointee
        let code = Int(close?.reply_code ?? 0)
        let text = close.map { string($0.reply_text) } ?? "connection closed"
        return AMQPError(kind: .connectionClosed, code: code,
                         message: "\(context): server closed the connection: \(code) \(text)",
                         recoverable: isRecoverableConnectionClose(code))
    case crmq_method_channel_close():
        let close = method.decoded?.assumingMemoryBound(to: amqp_channel_close_t.self).pointee
        let code = Int(close?.reply_code ?? 0)
        let text = close.map { string($0.reply_text) } ?? "channel closed"
        return AMQPError(kind: .channelClosed, code: code,
                         message: "\(context): server closed the channel: \(code) \(text)",
                         recoverable: isRecoverableChannelClose(code))
    default:
        return AMQPError(kind: .library, code: Int(AMQP_STATUS_UNEXPECTED_STATE.rawValue),
                         message: "\(context): unexpected server method 0x\(String(method.id, radix: 16))",
                         recoverable: true)
    }
}

/// Connection-level closes are worth a reconnect unless the broker refused us
/// (403 access refused, 404 not found, 406 precondition failed, 530 not allowed, 402 invalid path).
private func isRecoverableConnectionClose(_ code: Int) -> Bool {
    ![402, 403, 404, 406, 530, 540].contains(code)
}

/// Channel-level closes are refusals except for 320 and a locked resource (405).
private func isRecoverableChannelClose(_ code: Int) -> Bool {
    [AMQPError.ReplyCode.connectionForced, AMQPError.ReplyCode.resourceLocked, 541].contains(code)
}

/// An exception reply built from a server method frame, for `check(.reply(...))`.
func serverException(_ method: amqp_method_t) -> amqp_rpc_reply_t {
    amqp_rpc_reply_t(reply_type: AMQP_RESPONSE_SERVER_EXCEPTION, reply: method, library_error: 0)
}
