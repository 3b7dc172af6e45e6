import Foundation
import Logging
import Store
import Messages
import Workflow

/// Applies one inbound message exactly once: one transaction holding the inbox
/// row, the handler's effects, its follow-ups in the outbox, or, for a refusal,
/// the rejection record and the `message.rejected` notice to the router.
public final class MessageProcessor {
    /// The outcome for the broker.
    public enum Outcome: Equatable, Sendable {
        /// Committed (applied, refused and recorded, or already applied before): ack.
        case acknowledged(Detail)
        /// Not committed; requeue the delivery.
        case retry(String)

        public enum Detail: Equatable, Sendable { case applied, duplicate, rejected(RejectionReason) }

        /// Committed: the delivery is acked.
        public var isAcknowledged: Bool {
            if case .acknowledged = self { return true }
            return false
        }
    }

    public let handler: any MessageHandler
    public let db: PGConnection
    let logger: Logger
    var calendar: WorkingCalendar
    let clock: @Sendable () -> Date
    /// Batches left to apply with savepoints before trying all-or-nothing again.
    var savepointBatchesLeft = 0
    /// A message delivered this many times before (`x-delivery-count`) whose attempt
    /// fails again is refused with `processing_failed` instead of retried.
    public var maxAttempts: Int

    public init(handler: any MessageHandler, db: PGConnection, calendar: WorkingCalendar, logger: Logger,
                maxAttempts: Int = 8, clock: @escaping @Sendable () -> Date = { Date() }) {
        self.handler = handler
        self.db = db
        self.calendar = calendar
        self.logger = logger
        self.maxAttempts = maxAttempts
        self.clock = clock
    }

    /// Applies `message` in its own transaction. A lost database propagates (the
    /// caller reconnects and calls again with the same message, which costs no
    /// delivery attempt); every other failure becomes `.retry`. A refusal rolls
    /// the effects back and records the refusal (with the inbox row) in a second
    /// transaction, so the common path needs no savepoint.
    public func process(_ message: InboundMessage) throws -> Outcome {
        let attempt = try outcomeOrFailure(
            { try db.transaction { db in try apply(message, db: db) } },
            refused: { reason in try db.transaction { db in try recordRefusal(message, reason: reason, db: db) } })
        guard case .failure(let failure) = attempt else { return try attempt.get() }
        guard isLastAttempt(message) else { return failure.outcome(logger: logger, message: message) }
        do {
            return try db.transaction { db in try refuseAtLimit(message, failure, db: db) }
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            return Failure.transaction(error).outcome(logger: logger, message: message)
        }
    }

    /// The outcome of `run`, or why it failed. A refusal (`run`'s effects are
    /// rolled back by then) is recorded by `refused`; a lost database propagates.
    func outcomeOrFailure(_ run: () throws -> Outcome,
                          refused: (RejectionReason) throws -> Outcome) throws -> Result<Outcome, Failure> {
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

    /// A delivery at or beyond `maxAttempts` whose attempt failed is the last one.
    /// (The delivery count also counts deliveries returned because a consumer died —
    /// a crash, kill -9, a broker restart —, so reaching it says nothing about the
    /// handler: such a message is still tried, and refused only when this try fails.)
    func isLastAttempt(_ message: InboundMessage) -> Bool { message.deliveryCount >= maxAttempts }

    /// Records the refusal `processing_failed` (with the inbox row) after the last attempt failed.
    func refuseAtLimit(_ message: InboundMessage, _ failure: Failure, db: PGConnection) throws -> Outcome {
        logger.error("failed at the attempt limit; refusing processing_failed", metadata: [
            "message_id": "\(message.messageID)", "type": "\(message.rawType)",
            "deliveries": "\(message.deliveryCount + 1)", "why": "\(failure.why)"])
        return try recordRefusal(message, reason: .processingFailed, db: db)
    }

    /// The inbox row and the refusal of a message whose effects were rolled back
    /// (a duplicate when another delivery of it was applied meanwhile).
    func recordRefusal(_ message: InboundMessage, reason: RejectionReason, db: PGConnection) throws -> Outcome {
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
    func apply(_ message: InboundMessage, db: PGConnection, flush: Bool = false) throws -> Outcome {
        let principal = handler.principal.rawValue
        let fresh = try db.execute(
            "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            [principal, message.messageID, message.rawType])
        guard fresh.affectedRows == 1 else { return .acknowledged(.duplicate) }
        let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                     calendar: calendar, message: message, logger: logger)
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
                                         calendar: calendar, message: nil, logger: logger)
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

    /// The handler refused the message: its effects are rolled back, then the refusal is recorded.
    struct Refusal: Error { let reason: RejectionReason }

    /// Why a message was not applied this time (never a lost database).
    enum Failure: Error {
        case handler(any Error)
        case retryRequested(String)
        case transaction(PGError)

        var why: String {
            switch self {
            case .handler(let error): return "handler failed: \(error)"
            case .retryRequested(let reason): return reason
            case .transaction(let error): return "transaction failed: \(error)"
            }
        }

        func outcome(logger: Logger, message: InboundMessage) -> Outcome {
            logger.warning("not applied; will retry", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "why": "\(why)"])
            return .retry(why)
        }
    }
}

extension PGError {
    /// The database cannot be reached (connection lost, server shutting down), or
    /// the session was left inside a transaction by a failure that could not roll
    /// it back (`25001`): wait and reconnect rather than count a failed attempt.
    public var meansDatabaseUnavailable: Bool {
        isConnectionFailure || (sqlState?.hasPrefix("57P") ?? false) || sqlState == "25001"
    }
}
