import Foundation
import Logging
import Store
import Messages
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
    /// The configuration in force (`WorkflowSettings`: risk thresholds and every
    /// number the contract marks *(configuration)*).
    public let settings: WorkflowSettings
    /// The message being handled (nil for periodic work).
    public let message: InboundMessage?
    /// The worker's logger (personal data is masked by the handler).
    public let logger: Logger
    private(set) var followUps: [FollowUp] = []

    init(db: PGConnection, principal: Principal, now: Date, calendar: WorkingCalendar,
         settings: WorkflowSettings = .default, message: InboundMessage?, logger: Logger = Logger(label: "wage-handler")) {
        self.settings = settings
        self.logger = logger
        self.db = db
        self.principal = principal
        self.now = now
        self.today = Day(shanghai: now)
        self.calendar = calendar
        self.message = message
    }

    /// Queues a follow-up message; its id is `<cause>:<suffix>`, so the same cause
    /// always produces the same id (the relay and receivers dedupe on it).
    /// `appliedBySender`: this handler already applied the message's effect (`FollowUp.appliedBySender`).
    /// Returns the follow-up's message id.
    @discardableResult
    public func send(_ type: MessageType, _ body: JSONValue, suffix: String, correlationID: String? = nil,
                     appliedBySender: Bool = false) -> String {
        let cause = message?.messageID ?? "periodic-\(Int(now.timeIntervalSince1970))"
        let id = HandlerContext.followUpID(cause: cause, suffix: suffix)
        followUps.append(FollowUp(messageID: id, type: type, body: body, correlationID: correlationID,
                                  appliedBySender: appliedBySender))
        return id
    }

    /// Appends an entry to the shared case timeline, under this principal's department.
    /// The insert is queued (`executeDeferred`) and reaches the server with the
    /// next statement or the commit.
    public func timeline(caseID: String, event: String, detail: JSONValue = [:]) throws {
        try db.executeDeferred(
            """
            INSERT INTO wage.case_events (case_id, department, event, detail, message_id, actor)
            VALUES ($1::uuid, $2, $3, $4::jsonb, $5, $6)
            """,
            [caseID, principal.rawValue, event, detail.serialized, message?.messageID, message?.actor])
    }

    /// Appends several entries to the shared case timeline in one statement, in
    /// the order given (their `id`s, and so the timeline's order, follow it).
    public func timeline(_ entries: [(caseID: String, event: String, detail: JSONValue)]) throws {
        guard entries.count > 1 else {
            if let entry = entries.first { try timeline(caseID: entry.caseID, event: entry.event, detail: entry.detail) }
            return
        }
        try db.executeDeferred(
            """
            INSERT INTO wage.case_events (case_id, department, event, detail, message_id, actor)
            SELECT e.case_id::uuid, $1, e.event, e.detail::jsonb, $2, $6
            FROM unnest($3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS e(case_id, event, detail, n)
            ORDER BY e.n
            """,
            [principal.rawValue, message?.messageID, entries.map(\.caseID), entries.map(\.event),
             entries.map(\.detail.serialized), message?.actor])
    }

    /// `<cause>:<suffix>`, or, when that would exceed the contract's 128
    /// characters, `h<64-bit FNV-1a of the cause in hex>:<suffix>` (still the same
    /// for the same cause, so a repeated effect has the same id).
    public static func followUpID(cause: String, suffix: String) -> String {
        let plain = "\(cause):\(suffix)"
        guard plain.count > 128 else { return plain }
        return String("h\(StableHash.hex(cause)):\(suffix)".prefix(128))
    }
}
