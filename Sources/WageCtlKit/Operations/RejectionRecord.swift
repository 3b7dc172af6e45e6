import Store
import Messages
import Workflow

/// One row of `wage.rejection_log` (admin: with the body).
struct RejectionRecord {
    var id: Int64
    var messageID: String
    var type: String?
    var sender: String?
    var reason: String
    var rejectedBy: String
    var body: String?
    var replayedAt: String?

    var senderPrincipal: Principal? { sender.flatMap(Principal.init(rawValue:)) }

    static func load(messageID: String, rejectedBy: String?, db: PGConnection) throws -> [RejectionRecord] {
        var sql = "SELECT id, message_id, type, sender, reason, rejected_by, body, replayed_at FROM wage.rejection_log WHERE message_id = $1"
        var params: [any PGBindable] = [messageID]
        if let rejectedBy { sql += " AND rejected_by = $2"; params.append(rejectedBy) }
        return try db.execute(sql + " ORDER BY id", params).rows.map { row in
            RejectionRecord(id: try row.int64("id"), messageID: try row.string("message_id"), type: try row.optionalString("type"),
                            sender: try row.optionalString("sender"), reason: try row.string("reason"),
                            rejectedBy: try row.string("rejected_by"), body: try row.optionalString("body"),
                            replayedAt: try row.optionalString("replayed_at"))
        }
    }
}
