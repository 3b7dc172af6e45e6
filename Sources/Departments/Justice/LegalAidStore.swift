import Foundation
import Store
import Messages
import Workflow

/// Loads the part of the legal-aid book an event may touch from
/// `wage.legal_aid_*` and writes back what the event changed. Used only inside
/// the message's transaction, after `lock`.
enum LegalAidStore {
    /// Serialises every legal-aid change (requests, roster updates, decisions), so
    /// that "fewest open assignments" and "assign the waiting ones when a provider
    /// comes" see each other's effects even with several justice consumers.
    /// SHARE ROW EXCLUSIVE conflicts with itself, not with readers of the views.
    static func lock(_ db: PGConnection) throws {
        try db.execute("LOCK TABLE wage.legal_aid_provider_roster IN SHARE ROW EXCLUSIVE MODE")
    }

    /// Every provider with its open assignments (the view's definition: assigned
    /// and the case not closed), the application `applicationNo` (if known) and
    /// every `approved_unassigned` one.
    static func load(applicationNo: String?, db: PGConnection) throws -> LegalAidBook {
        var book = LegalAidBook()
        for row in try db.execute("SELECT provider_id, name, active, open_assignments FROM wage.legal_aid_providers").rows {
            let provider = LegalAidProvider(id: try row.string("provider_id"), name: try row.string("name"),
                                            active: try row.bool("active"), openAssignments: try row.int("open_assignments"))
            book.providers[provider.id] = provider
        }
        let rows = try db.execute(
            """
            SELECT application_no, case_id, requested_by, applicant::text AS applicant, matter, status, provider_id,
                   received_at, approved_at, assigned_at, decided_at, decision_reason
            FROM wage.legal_aid_applications WHERE application_no = $1 OR status = 'approved_unassigned'
            """, [applicationNo]).rows
        for row in rows {
            let app = try application(row)
            book.applications[app.applicationNo] = app
        }
        return book
    }

    /// Writes the providers and applications that differ between `old` and `new`
    /// (providers first: applications reference them), and the provider `touched`
    /// (named by a `legalaid.provider`) even when unchanged. `messageID` is
    /// recorded on new applications and on written providers.
    static func save(_ new: LegalAidBook, over old: LegalAidBook, touched: String? = nil, messageID: String,
                     db: PGConnection) throws {
        for provider in new.providers.values.sorted(by: { $0.id < $1.id }) {
            let before = old.providers[provider.id]
            guard provider.id == touched || before?.name != provider.name || before?.active != provider.active else { continue }
            try db.execute(
                """
                INSERT INTO wage.legal_aid_provider_roster (provider_id, name, active, message_id) VALUES ($1, $2, $3, $4)
                ON CONFLICT (provider_id) DO UPDATE SET name = EXCLUDED.name, active = EXCLUDED.active,
                                                        message_id = EXCLUDED.message_id
                """, [provider.id, provider.name, provider.active, messageID])
        }
        for app in new.applications.values.sorted(by: { $0.applicationNo < $1.applicationNo })
        where old.applications[app.applicationNo] != app {
            try upsert(app, messageID: messageID, db: db)
        }
    }

    private static func upsert(_ app: LegalAidApplication, messageID: String, db: PGConnection) throws {
        let applicant = JSONValue.compact([
            "name": .string(app.request.applicant.name), "id_number": app.request.applicant.idNumber.map(JSONValue.string),
            "phone": app.request.applicant.phone.map(JSONValue.string),
        ])
        try db.execute(
            """
            INSERT INTO wage.legal_aid_applications (application_no, case_id, requested_by, applicant, matter, status,
                provider_id, received_at, approved_at, assigned_at, decided_at, decision_reason, message_id)
            VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (application_no) DO UPDATE SET status = EXCLUDED.status, provider_id = EXCLUDED.provider_id,
                approved_at = EXCLUDED.approved_at, assigned_at = EXCLUDED.assigned_at,
                decided_at = EXCLUDED.decided_at, decision_reason = EXCLUDED.decision_reason
            """,
            [app.applicationNo, app.request.caseID, app.requestedBy.rawValue, applicant.serialized,
             app.request.matter.rawValue, app.status.rawValue, app.providerID, app.receivedAt, app.approvedAt,
             app.assignedAt, app.decidedAt, app.decisionReason, messageID])
    }

    /// A stored application. Values the schema constrains (matter, status,
    /// requester) that do not decode are a corrupt row: thrown, not guessed.
    private static func application(_ row: PGRow) throws -> LegalAidApplication {
        let no = try row.string("application_no")
        let applicant = (try? JSONValue.parse(Array(try row.string("applicant").utf8))) ?? .object([:])
        guard let requester = Principal(rawValue: try row.string("requested_by")),
              let matter = LegalAidMatter(rawValue: try row.string("matter")),
              let status = LegalAidStatus(rawValue: try row.string("status"))
        else { throw CorruptRow("wage.legal_aid_applications \(no)", "unknown requester, matter or status") }
        let request = LegalAidRequest(
            applicationNo: no, caseID: try row.optionalString("case_id"),
            applicant: Applicant(name: applicant["name"]?.stringValue ?? "", idNumber: applicant["id_number"]?.stringValue,
                                 phone: applicant["phone"]?.stringValue),
            matter: matter)
        return LegalAidApplication(
            request: request, requestedBy: requester, status: status, receivedAt: try row.date("received_at"),
            approvedAt: try row.optionalDate("approved_at"), decidedAt: try row.optionalDate("decided_at"),
            decisionReason: try row.optionalString("decision_reason"), providerID: try row.optionalString("provider_id"),
            assignedAt: try row.optionalDate("assigned_at"))
    }

    /// A stored application whose requester, matter or status this code does not know.
}
