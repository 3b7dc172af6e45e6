import Foundation
import Store

/// Case ids (`wage.cases.case_id`, a UUID) as they arrive in payloads, and whether
/// a case exists: the one place every department asks.
public enum CaseDirectory {
    /// The canonical (lowercase) form of `text` when it is a UUID, else `nil`:
    /// a malformed id names no case (`unknown_case`), and is never sent to
    /// PostgreSQL as `uuid` (that would fail the transaction with 22P02).
    public static func normalized(_ text: String) -> String? {
        UUID(uuidString: text).map { $0.uuidString.lowercased() }
    }

    /// Whether the case exists; a malformed id names none.
    public static func exists(_ caseID: String, db: PGConnection) throws -> Bool {
        guard let id = normalized(caseID) else { return false }
        return try !db.execute("SELECT 1 FROM wage.cases WHERE case_id = $1::uuid", [id]).rows.isEmpty
    }
}
