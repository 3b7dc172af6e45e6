import Foundation
import Store
import Messages
import Workflow

/// Helps a command build its payload: resolves case numbers and finds the case
/// a referral, fund request or legal-aid application belongs to (for
/// `correlation_id`), with the sender's own grants.
final class PayloadContext {
    let session: Session
    /// The case id the message is about, when known.
    var caseID: String?

    init(session: Session) { self.session = session }

    /// A case id from a uuid or a case number (`WA-2026-000001`); sets `caseID`.
    func caseID(_ ref: String) throws -> String {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        if UUID(uuidString: trimmed) != nil {
            caseID = trimmed.lowercased()
            return trimmed.lowercased()
        }
        let db = try session.database()
        guard let row = try db.execute("SELECT case_id::text AS id FROM wage.case_overview WHERE case_no = $1",
                                       [trimmed]).rows.first else {
            throw WageCtlError(.notFound, "no case with number or id '\(ref)'",
                               hint: "wagectl case list shows the cases; --case-id takes the case id or the case number")
        }
        let id = try row.string("id")
        caseID = id
        return id
    }

    /// Best effort: the case of a referral, fund request or application, read
    /// through a view the sender may read (nil otherwise).
    func caseOf(_ view: String, key: String, value: String) {
        guard caseID == nil, let db = try? session.database(),
              let row = try? db.execute("SELECT case_id::text AS id FROM wage.\(view) WHERE \(key) = $1", [value]).rows.first
        else { return }
        caseID = try? row.optionalString("id")
    }
}
