import Store
import Messages
import Workflow

/// Finds a receiver's visible effect of a message, with the sender's own grants:
/// timeline entries caused by it or by its follow-ups (`<id>:<suffix>`), and for
/// types that leave no timeline entry, the receiver's row where the sender may read it.
struct EffectProbe {
    let db: PGConnection
    let draft: Draft

    func effects() throws -> [SendOutcome.Effect] {
        var found = try timeline()
        if found.isEmpty, let special = try typeSpecific() { found.append(special) }
        return found
    }

    private func timeline() throws -> [SendOutcome.Effect] {
        let pattern = Self.likeEscaped(draft.messageID) + ":%"
        let rows = try db.execute(
            """
            SELECT t.department, t.event, t.case_id::text AS case_id, c.case_no
            FROM wage.case_timeline t LEFT JOIN wage.case_overview c ON c.case_id = t.case_id
            WHERE t.message_id = $1 OR t.message_id LIKE $2
            ORDER BY t.id LIMIT 20
            """, [draft.messageID, pattern]).rows
        let onCases = try rows.map { row in
            SendOutcome.Effect(department: try row.string("department"), what: "recorded \(try row.string("event"))",
                               caseID: try row.optionalString("case_id"), caseNo: try row.optionalString("case_no"))
        }
        return onCases + (try projectTimeline(pattern: pattern))
    }

    /// Entries on a project's timeline (CONTRACT §8), where the sender may read it.
    private func projectTimeline(pattern: String) throws -> [SendOutcome.Effect] {
        guard let type = MessageType(rawValue: draft.type), Self.projectTypes.contains(type) else { return [] }
        let rows = try db.execute(
            """
            SELECT department, event, project_no FROM wage.project_timeline
            WHERE message_id = $1 OR message_id LIKE $2 ORDER BY id LIMIT 20
            """, [draft.messageID, pattern]).rows
        return try rows.map { row in
            SendOutcome.Effect(department: try row.string("department"),
                               what: "recorded \(try row.string("event")) on project \(try row.string("project_no"))")
        }
    }

    /// Rows of the receiver's own tables, read where the sender's grants allow.
    private func typeSpecific() throws -> SendOutcome.Effect? {
        let id = draft.messageID
        do {
            switch MessageType(rawValue: draft.type) {
            case .fundDeposit?:
                guard try !db.execute("SELECT 1 FROM wage.fund_entries WHERE message_id = $1", [id]).rows.isEmpty else { return nil }
                return .init(department: "finance", what: "booked the deposit in the fund ledger")
            case .legalaidProvider?:
                guard let row = try db.execute(
                    "SELECT provider_id, active FROM wage.legal_aid_provider_roster WHERE message_id = $1", [id]).rows.first
                else { return nil }
                return .init(department: "justice",
                             what: "provider \(try row.string("provider_id")) on the roster (\(try row.bool("active") ? "active" : "inactive"))")
            case .legalaidRequest?:
                guard let no = draft.body["application_no"]?.stringValue, let row = try db.execute(
                    "SELECT status, provider_id FROM wage.legal_aid_overview WHERE application_no = $1", [no]).rows.first
                else { return nil }
                let provider = try row.optionalString("provider_id").map { " to \($0)" } ?? ""
                return .init(department: "justice", what: "application \(no) \(try row.string("status"))\(provider)")
            case .petitionReceived?:
                guard let no = draft.body["petition_no"]?.stringValue, let row = try db.execute(
                    "SELECT status, collective FROM wage.petition_overview WHERE petition_no = $1", [no]).rows.first
                else { return nil }
                let collective = try row.bool("collective") ? ", collective visit" : ""
                return .init(department: "petitions", what: "petition \(no) \(try row.string("status"))\(collective)")
            default:
                return nil
            }
        } catch let error as PGError where error.isInsufficientPrivilege {
            return nil  // the sender may not read the receiver's table: the timeline is all it sees
        }
    }

    /// The project messages of CONTRACT §8.1: their effects are on the project timeline.
    static let projectTypes: Set<MessageType> = [
        .projectRegister, .projectCompleted, .depositPaid, .depositDrawn, .depositReleased, .accountOpened, .accountFunded,
        .accountAlert, .accountStatement, .rosterEnrol, .payrollSubmitted, .inspectionRecorded,
    ]

    /// `text` with LIKE's special characters escaped (default escape `\`).
    static func likeEscaped(_ text: String) -> String {
        var out = ""
        for ch in text {
            if ch == "%" || ch == "_" || ch == "\\" { out.append("\\") }
            out.append(ch)
        }
        return out
    }
}
