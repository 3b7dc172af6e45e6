import Store
import Workflow

/// The issuing office's name printed on every HTML report (configuration key
/// `report.office_name` in `wage.settings`, readable by every principal).
public enum IssuingOffice {
    /// The key in `wage.settings`.
    public static let key = WorkflowSettings.Key.reportOfficeName.rawValue
    /// Printed when the key is unset or empty.
    public static let defaultName = WorkflowSettings.default.reportOfficeName

    /// The configured name, or `defaultName`.
    public static func name(db: PGConnection) throws -> String {
        let value = try db.execute("SELECT value FROM wage.settings WHERE key = $1", [key]).rows.first?["value"]
        return resolved(value)
    }

    /// `value` trimmed, or `defaultName` when nil or blank.
    public static func resolved(_ value: String?) -> String {
        let trimmed = String((value ?? "").drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
        return trimmed.isEmpty ? defaultName : trimmed
    }
}
