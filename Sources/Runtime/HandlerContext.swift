import Foundation
import Store
import Workflow

/// What a handler may touch while it handles one message: the transaction's
/// database connection, the clock and calendar, and the outbox.
public final class HandlerContext {
    /// The connection, inside the message's transaction.
    public let db: PGConnection
    public let principal: Principal
    /// The moment the message is handled.
    public let now: Date
    /// Today in the Asia/Shanghai business calendar.
    public let today: Day
    /// The working-day calendar loaded from `wage.calendar`.
    public let calendar: WorkingCalendar
    /// The message being handled (nil for periodic work).
    public let message: InboundMessage?
    private(set) var followUps: [FollowUp] = []

    init(db: PGConnection, principal: Principal, now: Date, calendar: WorkingCalendar, message: InboundMessage?) {
        self.db = db
        self.principal = principal
        self.now = now
        self.today = Day(shanghai: now)
        self.calendar = calendar
        self.message = message
    }

    /// Queues a follow-up message; its id is `<cause>:<suffix>`, so the same cause
    /// always produces the same id (the relay and receivers dedupe on it).
    public func send(_ type: MessageType, _ body: JSONValue, suffix: String, correlationID: String? = nil) {
        let cause = message?.messageID ?? "periodic-\(Int(now.timeIntervalSince1970))"
        followUps.append(FollowUp(
            messageID: "\(cause):\(suffix)", type: type, body: body, correlationID: correlationID))
    }

    /// Appends an entry to the shared case timeline, under this principal's department.
    public func timeline(caseID: String, event: String, detail: JSONValue = [:]) throws {
        try db.execute(
            "INSERT INTO wage.case_events (case_id, department, event, detail, message_id) VALUES ($1::uuid, $2, $3, $4::jsonb, $5)",
            [caseID, principal.rawValue, event, detail.serialized, message?.messageID])
    }
}
