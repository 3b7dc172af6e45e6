import Foundation
import Logging
import Store
import Messages
import Workflow

/// Applies one inbound message exactly once: one transaction holding the inbox
/// row, the handler's effects, its follow-ups in the outbox, or, for a refusal,
/// the rejection record and the `message.rejected` notice to the router.
public final class MessageProcessor {
    public let handler: any MessageHandler
    public let db: PGConnection
    let logger: Logger
    var calendar: WorkingCalendar
    /// The configuration handed to every handling (`HandlerContext.settings`).
    public var settings: WorkflowSettings = .default
    let clock: @Sendable () -> Date
    /// How batches are applied and what becomes of a message that failed
    /// (all or nothing or savepoints, the attempt limit); this class only
    /// performs the plan's actions.
    public internal(set) var plan: BatchPlan

    /// `settings.maxAttempts` and `settings.savepointBatches` drive the plan.
    public init(handler: any MessageHandler, db: PGConnection, calendar: WorkingCalendar, logger: Logger,
                settings: DeliverySettings = DeliverySettings(), clock: @escaping @Sendable () -> Date = { Date() }) {
        self.handler = handler
        self.db = db
        self.calendar = calendar
        self.logger = logger
        self.plan = BatchPlan(settings: settings)
        self.clock = clock
    }

    /// Applies `message` in its own transaction. A lost database propagates (the
    /// caller reconnects and calls again with the same message, which costs no
    /// delivery attempt); every other failure becomes `.retry`. A refusal rolls
    /// the effects back and records the refusal (with the inbox row) in a second
    /// transaction, so the common path needs no savepoint.
    public func process(_ message: InboundMessage) throws -> ProcessingResult {
        let attempt = try resultOrFailure(
            { try db.transaction { db in try apply(message, db: db) } },
            refused: { reason in try db.transaction { db in try recordRefusal(message, reason: reason, db: db) } })
        guard case .failure(let failure) = attempt else { return try attempt.get() }
        return try afterFailure(message, failure) { failure in
            try db.transaction { db in try refuseAtLimit(message, failure, db: db) }
        }
    }

    /// Performs the plan's action for a message that was not applied: requeue
    /// it, or record the refusal `processing_failed` with `refuse` (when that
    /// fails too, `undoRefusal` rolls it back and the message is requeued).
    /// A lost database propagates.
    func afterFailure(_ message: InboundMessage, _ failure: Failure, refuse: (Failure) throws -> ProcessingResult,
                      undoRefusal: () throws -> Void = {}) throws -> ProcessingResult {
        var failure = failure
        var action = plan.messageFailed(deliveryCount: message.deliveryCount)
        while true {
            switch action {
            case .retry:
                return failure.retry(logger: logger, message: message)
            case .refuseProcessingFailed:
                do {
                    return try refuse(failure)
                } catch let error as PGError where !error.meansDatabaseUnavailable {
                    try undoRefusal()
                    failure = .transaction(error)
                    action = plan.refusalAtLimitFailed()
                }
            }
        }
    }

    /// The result of `run`, or why it failed. A refusal (`run`'s effects are
    /// rolled back by then) is recorded by `refused`; a lost database propagates.
    func resultOrFailure(_ run: () throws -> ProcessingResult,
                         refused: (RejectionReason) throws -> ProcessingResult) throws -> Result<ProcessingResult, Failure> {
        do {
            return .success(try run())
        } catch let refusal as Refusal {
            do {
                return .success(try refused(refusal.reason))
            } catch let error as PGError where !error.meansDatabaseUnavailable {
                return .failure(.transaction(error))
            }
        } catch let failure as Failure {
            return .failure(failure)
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            return .failure(.transaction(error))
        }
    }

    /// Records the refusal `processing_failed` (with the inbox row) after the last attempt failed.
    func refuseAtLimit(_ message: InboundMessage, _ failure: Failure, db: PGConnection) throws -> ProcessingResult {
        logger.error("failed at the attempt limit; refusing processing_failed", metadata: [
            "message_id": "\(message.messageID)", "type": "\(message.rawType)",
            "deliveries": "\(message.deliveryCount + 1)", "why": "\(failure.why)"])
        return try recordRefusal(message, reason: .processingFailed, db: db)
    }

    /// The inbox row and the refusal of a message whose effects were rolled back
    /// (a duplicate when another delivery of it was applied meanwhile).
    func recordRefusal(_ message: InboundMessage, reason: RejectionReason, db: PGConnection) throws -> ProcessingResult {
        let fresh = try db.execute(
            "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            [handler.principal.rawValue, message.messageID, message.rawType])
        guard fresh.affectedRows == 1 else { return .acknowledged(.duplicate) }
        try refuse(message, reason: reason, db: db)
        try db.flushDeferred()  // a failure belongs to this refusal, not to the next statement
        return .acknowledged(.rejected(reason))
    }

    /// The effects of one message inside an open transaction, with no savepoint
    /// of its own: a refusal throws `Refusal` and a failure `Failure` (or a
    /// `PGError`), and the caller rolls the message's effects back. Writes the
    /// handler queued (`executeDeferred`) are sent before returning when
    /// `flush`, so that their failure is this message's; otherwise they travel
    /// with the next statement or the commit.
    func apply(_ message: InboundMessage, db: PGConnection, flush: Bool = false) throws -> ProcessingResult {
        let principal = handler.principal.rawValue
        let fresh = try db.execute(
            "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            [principal, message.messageID, message.rawType])
        guard fresh.affectedRows == 1 else { return .acknowledged(.duplicate) }
        let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                     calendar: calendar, settings: settings, message: message, logger: logger)
        let disposition: Disposition
        do {
            disposition = try handler.handle(message, context: context)
        } catch let error as PGError where error.meansDatabaseUnavailable {
            throw error
        } catch {
            throw Failure.handler(error)
        }
        switch disposition {
        case .ack:
            try OutboxWriter.insert(context.followUps, from: handler.principal, db: db)
            if flush { try db.flushDeferred() }
            return .acknowledged(.applied)
        case .reject(let reason):
            throw Refusal(reason: reason)
        case .retryLater(let why):
            throw Failure.retryRequested(why)
        }
    }

    /// Runs the handler's periodic work in its own transaction.
    public func runPeriodic() throws {
        try db.transaction { db in
            let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                         calendar: calendar, settings: settings, message: nil, logger: logger)
            try handler.periodic(context: context)
            try OutboxWriter.insert(context.followUps, from: handler.principal, db: db)
        }
    }

    /// Reloads the working-day calendar (after an operator loaded a new year).
    public func reloadCalendar() throws { calendar = try CalendarStore.load(db) }

    private func refuse(_ message: InboundMessage, reason: RejectionReason, db: PGConnection) throws {
        let me = handler.principal
        logger.notice("refused", metadata: [
            "message_id": "\(message.messageID)", "type": "\(message.rawType)", "reason": "\(reason.code)"])
        try RejectionStore.record(
            messageID: message.messageID, type: message.rawType, sender: message.sender?.rawValue,
            reason: reason, rejectedBy: me, body: String(decoding: message.bodyBytes, as: UTF8.self), db: db)
        let notice: JSONValue = [
            "original_message_id": .string(message.messageID),
            "original_type": .string(message.rawType),
            "original_sender": .string(message.sender?.rawValue ?? "unknown"),
            "original_body": .string(String(decoding: message.bodyBytes, as: UTF8.self)),
            "reason": .string(reason.code),
        ]
        try OutboxWriter.insert(
            [FollowUp(messageID: HandlerContext.followUpID(cause: message.messageID, suffix: "rejected:\(me.rawValue)"), type: .messageRejected,
                      body: notice, correlationID: message.correlationID)],
            from: me, db: db)
    }
}
