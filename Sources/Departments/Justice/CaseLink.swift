import Foundation
import Store

/// How legal aid refers to a case: the `case_id` of a request may name a case of
/// this system (a uuid of `wage.cases`), one it does not know yet, or an id of
/// another system. Legal aid is never refused for it (docs/legal-aid.md); the
/// timeline is written only for a case that exists.
enum CaseLink {
    /// A uuid in canonical lower case (so that it matches `cases.case_id::text`);
    /// anything else unchanged.
    static func canonical(_ caseID: String) -> String {
        UUID(uuidString: caseID).map { $0.uuidString.lowercased() } ?? caseID
    }

    /// Whether `caseID` names a row of `wage.cases` (false for a non-uuid id).
    static func exists(_ caseID: String, db: PGConnection) throws -> Bool {
        guard let uuid = UUID(uuidString: caseID) else { return false }
        return try !db.execute("SELECT 1 FROM wage.cases WHERE case_id = $1::uuid", [uuid.uuidString.lowercased()]).rows.isEmpty
    }
}
