import Foundation

/// Case ids (`wage.cases.case_id`, a UUID) as they arrive in payloads.
public enum CaseIdentifier {
    /// The canonical (lowercase) form of `text` when it is a UUID, else `nil`:
    /// a malformed id names no case (`unknown_case`), and is never sent to
    /// PostgreSQL as `uuid` (that would fail the transaction with 22P02).
    public static func normalized(_ text: String) -> String? {
        UUID(uuidString: text).map { $0.uuidString.lowercased() }
    }
}
