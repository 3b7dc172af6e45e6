import Store
import Messages
import Workflow

/// Writes follow-up messages into `wage.outbox` inside the caller's transaction
/// (queued with `executeDeferred`: sent with the next statement or the commit).
public enum OutboxWriter {
    public static func insert(_ followUps: [FollowUp], from principal: Principal, db: PGConnection) throws {
        for f in followUps {
            try db.executeDeferred(
                """
                INSERT INTO wage.outbox (principal, message_id, type, body, correlation_id, applied_by_sender)
                VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (message_id) DO NOTHING
                """,
                [principal.rawValue, f.messageID, f.type.rawValue, f.body.serialized, f.correlationID, f.appliedBySender])
        }
    }
}

/// Records refusals in `wage.rejection_log` (read through the contract view `wage.rejections`).
public enum RejectionStore {
    public static func record(
        messageID: String?, type: String?, sender: String?, reason: RejectionReason,
        rejectedBy: Principal, body: String?, db: PGConnection
    ) throws {
        try db.executeDeferred(
            """
            INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body)
            VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING
            """,
            [messageID, type, sender, reason.code, rejectedBy.rawValue, body])
    }
}

/// Reads the working-day calendar from `wage.calendar`.
public enum CalendarStore {
    public static func load(_ db: PGConnection) throws -> WorkingCalendar {
        let rows = try db.execute("SELECT day::text AS day, is_workday FROM wage.calendar").rows
        var overrides: [Day: Bool] = [:]
        for row in rows {
            if let day = Day(iso: try row.string("day")) { overrides[day] = try row.bool("is_workday") }
        }
        return WorkingCalendar(overrides: overrides)
    }
}
