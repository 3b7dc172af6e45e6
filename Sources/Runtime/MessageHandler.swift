import Store
import Messages
import Workflow

/// A department's business logic for the messages that reach its queue.
///
/// `handle` runs on the worker's consumer thread inside the message's database
/// transaction: everything it writes through `context.db`, every timeline entry
/// and every follow-up it adds commits together with the inbox row, or not at all.
public protocol MessageHandler: AnyObject {
    /// The principal whose queue this handler consumes and whose role it uses.
    var principal: Principal { get }

    /// Applies one message. Throwing rolls back and retries the message later
    /// (it counts against the delivery limit); return `.reject` to refuse it.
    func handle(_ message: InboundMessage, context: HandlerContext) throws -> Disposition

    /// Work done on a timer on the consumer thread, in its own transaction
    /// (e.g. the office's periodic deadline sweep). Default: nothing.
    func periodic(context: HandlerContext) throws

    /// How often `periodic` runs, in seconds; `nil` for never.
    var periodicInterval: Double? { get }
}

extension MessageHandler {
    public func periodic(context: HandlerContext) throws {}
    public var periodicInterval: Double? { nil }
}
