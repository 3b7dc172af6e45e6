import Foundation
import Logging
import Store
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
    }

    public let handler: any MessageHandler
    public let db: PGConnection
    let logger: Logger
    var calendar: WorkingCalendar
    let clock: @Sendable () -> Date
    /// Deliveries beyond this count are refused with `processing_failed` instead of retried.
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

    /// Applies `message`. A lost database propagates (the caller reconnects and
    /// calls again with the same message, which costs no delivery attempt); every
    /// other failure becomes `.retry`.
    public func process(_ message: InboundMessage) throws -> Outcome {
        let principal = handler.principal.rawValue
        do {
            return try db.transaction { db in
                let fresh = try db.execute(
                    "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
                    [principal, message.messageID, message.rawType])
                guard fresh.affectedRows == 1 else { return .acknowledged(.duplicate) }
                if message.deliveryCount >= maxAttempts {
                    try refuse(message, reason: .processingFailed, db: db)
                    return .acknowledged(.rejected(.processingFailed))
                }
                let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                             calendar: calendar, message: message)
                try db.execute("SAVEPOINT handler")
                let disposition: Disposition
                do {
                    disposition = try handler.handle(message, context: context)
                } catch let error as PGError where error.meansDatabaseUnavailable {
                    throw error
                } catch {
                    throw HandlerFailure(underlying: error)
                }
                switch disposition {
                case .ack:
                    try OutboxWriter.insert(context.followUps, from: handler.principal, db: db)
                    return .acknowledged(.applied)
                case .reject(let reason):
                    try db.execute("ROLLBACK TO SAVEPOINT handler")
                    try refuse(message, reason: reason, db: db)
                    return .acknowledged(.rejected(reason))
                case .retryLater(let why):
                    throw RetryRequested(reason: why)
                }
            }
        } catch let failure as HandlerFailure {
            logger.warning("handler failed; will retry", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "error": "\(failure.underlying)"])
            return .retry(String(describing: failure.underlying))
        } catch let retry as RetryRequested {
            return .retry(retry.reason)
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            // e.g. a deferred constraint refusing the commit, a serialization failure:
            // a counted retry (the delivery limit ends a message that always fails).
            logger.warning("transaction failed; will retry", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "error": "\(error)"])
            return .retry(String(describing: error))
        }
    }

    /// Runs the handler's periodic work in its own transaction.
    public func runPeriodic() throws {
        try db.transaction { db in
            let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                         calendar: calendar, message: nil)
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
            [FollowUp(messageID: "\(message.messageID):rejected:\(me.rawValue)", type: .messageRejected,
                      body: notice, correlationID: message.correlationID)],
            from: me, db: db)
    }

    struct HandlerFailure: Error { let underlying: any Error }
    struct RetryRequested: Error { let reason: String }
}

extension PGError {
    /// The database cannot be reached (connection lost, server shutting down):
    /// wait and reconnect rather than count a failed attempt.
    public var meansDatabaseUnavailable: Bool {
        isConnectionFailure || (sqlState?.hasPrefix("57P") ?? false)
    }
}
