/// An error from the AMQP adapter: a librabbitmq status or an AMQP reply code, with text.
///
/// Built only by the internal `check(_:_:)` funnel (and the few places that detect
/// protocol-level outcomes such as `basic.return` or `basic.nack`).
public struct AMQPError: Error, Sendable, CustomStringConvertible {
    /// What failed.
    public enum Kind: Sendable, Hashable {
        /// A librabbitmq library failure (socket, protocol, heartbeat, …); `code` is the
        /// (negative) `amqp_status_enum` value.
        case library
        /// The broker closed the connection (`connection.close`) or the socket closed.
        case connectionClosed
        /// The broker closed the channel (`channel.close`), e.g. 403, 404, 406.
        case channelClosed
        /// A `mandatory` message matched no queue (`basic.return`, code 312 NO_ROUTE).
        case unroutable
        /// The broker refused a published message (`basic.nack`).
        case nacked
        /// A wait (confirms, connect, RPC) ran out of time.
        case timeout
        /// An AMQP URL could not be parsed.
        case invalidURL
    }

    /// What failed.
    public let kind: Kind
    /// The librabbitmq status (negative) or the AMQP reply code (e.g. 403, 404, 406, 312, 320).
    public let code: Int
    /// The broker's reply text or `amqp_error_string2`, prefixed with what was being done.
    public let message: String
    /// True when retrying on a new connection may succeed (socket, heartbeat, 320
    /// CONNECTION_FORCED, timeouts); false for refusals such as 403, 404, 406 and unroutable.
    public let recoverable: Bool

    /// Creates an error; prefer the `check` funnel inside this module.
    public init(kind: Kind, code: Int, message: String, recoverable: Bool) {
        self.kind = kind
        self.code = code
        self.message = message
        self.recoverable = recoverable
    }

    /// `AMQPError(kind, code N[, recoverable]: message)`.
    public var description: String {
        "AMQPError(\(kind), code \(code)\(recoverable ? ", recoverable" : ""): \(message))"
    }
}

extension AMQPError {
    /// The AMQP reply codes this module names.
    public enum ReplyCode {
        /// 312 NO_ROUTE: a mandatory message matched no queue.
        public static let noRoute = 312
        /// 320 CONNECTION_FORCED: the broker (or an operator) closed the connection.
        public static let connectionForced = 320
        /// 403 ACCESS_REFUSED.
        public static let accessRefused = 403
        /// 404 NOT_FOUND.
        public static let notFound = 404
        /// 405 RESOURCE_LOCKED.
        public static let resourceLocked = 405
        /// 406 PRECONDITION_FAILED (e.g. a `user_id` that is not the connection's user).
        public static let preconditionFailed = 406
    }
}
