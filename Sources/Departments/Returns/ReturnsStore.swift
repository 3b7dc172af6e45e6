import Duties
import Store
import Messages
import Workflow

/// `wage.department_returns` for the returns desk: one row per (month, kind).
struct ReturnsStore {
    let db: PGConnection

    /// A return still missing after its due day, not yet reminded (locked).
    struct Missing {
        var month: Month
        var kind: String
        var department: String
        var enteredBy: String?
        var dueOn: Day
    }

    /// Records a submission (the first, or a correction); returns how many
    /// corrections the return now has (0 for the first submission).
    func record(_ r: ReportSubmitted, kind: ReportKind, due: (Day?, Bool), messageID: String, actor: String?,
                dutyListVersion: String) throws -> Int {
        let row = try db.execute(
            """
            INSERT INTO wage.department_returns AS d
                (month, kind, department, entered_by, due_on, due_on_rest_day, figures, note, source,
                 submitted_at, message_id, actor, duty_list_version)
            VALUES ($1, $2, $3, $4, $5::date, $6, $7::jsonb, $8, $9, now(), $10, $11, $12)
            ON CONFLICT (month, kind) DO UPDATE SET
                entered_by = EXCLUDED.entered_by, figures = EXCLUDED.figures, note = EXCLUDED.note,
                source = EXCLUDED.source, message_id = EXCLUDED.message_id, actor = EXCLUDED.actor,
                duty_list_version = EXCLUDED.duty_list_version,
                submitted_at = coalesce(d.submitted_at, EXCLUDED.submitted_at),
                revised_at = CASE WHEN d.submitted_at IS NULL THEN NULL ELSE now() END,
                revisions = d.revisions + CASE WHEN d.submitted_at IS NULL THEN 0 ELSE 1 END
            RETURNING revisions
            """,
            [r.month.iso, kind.code, kind.owner, kind.enteredBy?.rawValue, due.0?.iso, due.1,
             JSONValue.object(r.figures).serialized, r.note, r.source, messageID, actor, dutyListVersion]).rows.first
        return try row?.int("revisions") ?? 0
    }

    /// The return of `month` of `kind` is expected (a row without figures), unless it exists.
    func expect(_ month: Month, kind: ReportKind, due: (Day?, Bool), dutyListVersion: String) throws {
        try db.execute(
            """
            INSERT INTO wage.department_returns (month, kind, department, entered_by, due_on, due_on_rest_day, duty_list_version)
            VALUES ($1, $2, $3, $4, $5::date, $6, $7)
            ON CONFLICT (month, kind) DO NOTHING
            """, [month.iso, kind.code, kind.owner, kind.enteredBy?.rawValue, due.0?.iso, due.1, dutyListVersion])
    }

    /// The returns still missing with their due day before `asOf` and no reminder yet, locked.
    func lockMissing(dueBefore asOf: Day) throws -> [Missing] {
        try db.execute(
            """
            SELECT month, kind, department, entered_by, due_on::text AS due_on FROM wage.department_returns
            WHERE submitted_at IS NULL AND reminded_at IS NULL AND due_on < $1::date
            ORDER BY month, kind FOR UPDATE
            """, [asOf.iso]).rows.compactMap { row in
            guard let month = Month(iso: try row.string("month")), let due = Day(iso: try row.string("due_on")) else { return nil }
            return Missing(month: month, kind: try row.string("kind"), department: try row.string("department"),
                           enteredBy: try row.optionalString("entered_by"), dueOn: due)
        }
    }

    /// Marks a missing return as reminded (with the reminder's message id, if one was sent).
    func markReminded(_ month: Month, kind: String, messageID: String?) throws {
        try db.execute(
            """
            UPDATE wage.department_returns SET reminded_at = now(), reminder_message_id = $3
            WHERE month = $1 AND kind = $2 AND reminded_at IS NULL
            """, [month.iso, kind, messageID])
    }
}
