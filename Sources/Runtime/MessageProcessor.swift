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

    /// Applies `message` in its own transaction. A lost database propagates (the
    /// caller reconnects and calls again with the same message, which costs no
    /// delivery attempt); every other failure becomes `.retry`.
    public func process(_ message: InboundMessage) throws -> Outcome {
        do {
            return try db.transaction { db in try apply(message, db: db) }
        } catch let failure as Failure {
            return failure.outcome(logger: logger, message: message)
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            return Failure.transaction(error).outcome(logger: logger, message: message)
        }
    }

    /// Applies several messages in ONE transaction (one commit for all), each
    /// inside its own savepoint so that a refusal or a failure of one rolls back
    /// only that message. When the commit itself fails (e.g. a deferred
    /// constraint), every message is applied again on its own. Outcomes are in
    /// the order of `messages`.
    public func process(batch messages: [InboundMessage]) throws -> [Outcome] {
        guard messages.count > 1 else { return try messages.map(process) }
        do {
            return try db.transaction { db in
                var outcomes: [Outcome] = []
                outcomes.reserveCapacity(messages.count)
                for message in messages {
                    try db.execute("SAVEPOINT message")
                    do {
                        outcomes.append(try apply(message, db: db))
                        try db.execute("RELEASE SAVEPOINT message")
                    } catch let failure as Failure {
                        try db.execute("ROLLBACK TO SAVEPOINT message")
                        outcomes.append(failure.outcome(logger: logger, message: message))
                    } catch let error as PGError where !error.meansDatabaseUnavailable {
                        try db.execute("ROLLBACK TO SAVEPOINT message")
                        outcomes.append(Failure.transaction(error).outcome(logger: logger, message: message))
                    }
                }
                return outcomes
            }
        } catch let error as PGError where !error.meansDatabaseUnavailable {
            logger.notice("batch commit failed; applying its messages one by one", metadata: ["error": "\(error)"])
            return try messages.map(process)
        }
    }

    /// The effects of one message inside an open transaction.
    private func apply(_ message: InboundMessage, db: PGConnection) throws -> Outcome {
        let principal = handler.principal.rawValue
        let fresh = try db.execute(
            "INSERT INTO wage.inbox (consumer, message_id, type) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
            [principal, message.messageID, message.rawType])
        guard fresh.affectedRows == 1 else { return .acknowledged(.duplicate) }
        if message.deliveryCount >= maxAttempts {
            try refuse(message, reason: .processingFailed, db: db)
            return .acknowledged(.rejected(.processingFailed))
        }
        let context = HandlerContext(db: db, principal: handler.principal, now: clock(),
                                     calendar: calendar, message: message, logger: logger)
        try db.execute("SAVEPOINT handler")
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
            try db.execute("RELEASE SAVEPOINT handler")
            return .acknowledged(.applied)
        case .reject(let reason):
            try db.execute("ROLLBACK TO SAVEPOINT handler")
            try refuse(message, reason: reason, db: db)
            return .acknowledged(.rejected(reason))
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

    /// Why a message was not applied this time (never a lost database).
    enum Failure: Error {
        case handler(any Error)
        case retryRequested(String)
        case transaction(PGError)

        func outcome(logger: Logger, message: InboundMessage) -> Outcome {
            let why: String
            switch self {
            case .handler(let error): why = "handler failed: \(error)"
            case .retryRequested(let reason): why = reason
            case .transaction(let error): why = "transaction failed: \(error)"
            }
            logger.warning("not applied; will retry", metadata: [
                "message_id": "\(message.messageID)", "type": "\(message.rawType)", "why": "\(why)"])
            return .retry(why)
        }
    }
}

extension PGError {
    /// The database cannot be reached (connection lost, server shutting down):
    /// wait and reconnect rather than count a failed attempt.
    public var meansDatabaseUnavailable: Bool {
        isConnectionFailure || (sqlState?.hasPrefix("57P") ?? false)
    }
}
