import Runtime
import Store
import Messages
import Workflow

/// Raises and clears warnings (`wage.warning_records`, read as `wage.warnings`,
/// CONTRACT §8.6) inside the handling's transaction. Only the hrss worker writes
/// them (the grant says so).
struct WarningRecorder {
    let context: HandlerContext

    /// Raises `warning` unless one with the same key is open; `true` when it was raised.
    @discardableResult
    func raise(_ warning: Warning) throws -> Bool {
        let result = try context.db.execute(
            """
            INSERT INTO wage.warning_records (kind, project_no, credit_code, period, department, detail, raised_at, raised_by_message)
            VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $8)
            ON CONFLICT (kind, coalesce(project_no, ''), coalesce(credit_code, ''), coalesce(period, ''))
                WHERE cleared_at IS NULL DO NOTHING
            """,
            [warning.kind.rawValue, warning.projectNo, warning.creditCode, warning.period, warning.department.rawValue,
             warning.detail.serialized, context.now, context.message?.messageID])
        return result.affectedRows == 1
    }

    /// Clears the open warning of `key` (the sweep's own kinds, when the condition is
    /// gone); `true` when there was one.
    @discardableResult
    func clear(_ key: WarningKey, by clearer: String, note: String? = nil) throws -> Bool {
        let result = try context.db.execute(
            """
            UPDATE wage.warning_records SET cleared_at = $5, cleared_by = $6, clear_note = $7
            WHERE kind = $1 AND coalesce(project_no, '') = coalesce($2, '') AND coalesce(credit_code, '') = coalesce($3, '')
              AND coalesce(period, '') = coalesce($4, '') AND cleared_at IS NULL
            """,
            [key.kind.rawValue, key.projectNo, key.creditCode, key.period, context.now, clearer, note])
        return result.affectedRows > 0
    }

    /// The keys of the open warnings of `kinds` (for the sweep to clear those whose
    /// condition no longer holds).
    func openKeys(of kinds: Set<WarningKind>) throws -> Set<WarningKey> {
        let rows = try context.db.execute(
            "SELECT kind, project_no, credit_code, period FROM wage.warning_records WHERE cleared_at IS NULL AND kind = ANY($1::text[])",
            [kinds.map(\.rawValue)]).rows
        var keys: Set<WarningKey> = []
        for row in rows {
            guard let kind = WarningKind(rawValue: try row.string("kind")) else { continue }
            keys.insert(WarningKey(kind: kind, projectNo: try row.optionalString("project_no"),
                                   creditCode: try row.optionalString("credit_code"), period: try row.optionalString("period")))
        }
        return keys
    }
}
