import Foundation
import Messages
import Runtime
import Store

/// One row of `wage.case_overview` as the work list shows it.
struct CaseRow: Sendable {
    let caseID, caseNo, sector, status, risk, amountOwed: String
    let assignee, dueOn: String?
    let workers: Int
    let overdue: Bool

    init(_ row: PGRow) throws {
        caseID = try row.string("case_id")
        caseNo = try row.string("case_no")
        sector = try row.string("sector")
        status = try row.string("status")
        assignee = try row.optionalString("assignee")
        risk = try row.string("risk_level")
        dueOn = try row.optionalString("due_on")
        workers = try row.int("workers_count")
        amountOwed = try row.string("amount_owed")
        overdue = try row.optionalBool("overdue") ?? false
    }

    var context: [String: Any] {
        ["case_id": caseID, "case_no": caseNo, "sector": Labels.sectors[sector] ?? sector, "status": Labels.status(status),
         "assignee": Labels.department(assignee), "risk": Labels.risks[risk] ?? risk, "due_on": dueOn ?? "—",
         "workers_count": workers, "amount_owed": amountOwed, "overdue": overdue]
    }
}

/// One entry of `wage.case_timeline`.
struct TimelineEntry: Sendable {
    let seq: Int
    let at, department, event, detail: String
    let actor: String?
}

/// A case with its whole timeline, read as one department.
struct CaseView: Sendable {
    let row: CaseRow
    let timeline: [TimelineEntry]
    /// The reporter, read only when the department may (hrss, CONTRACT §4 and sql/0090).
    let reporter: String?

    /// The office (hrss) sees every case; a department the cases assigned to it or
    /// that it has acted on.
    func visible(to department: Principal) -> Bool {
        department == .hrss || row.assignee == department.rawValue
            || timeline.contains { $0.department == department.rawValue }
    }

    static func load(_ caseID: String, as department: Principal, connections: Connections) async throws -> CaseView? {
        guard UUID(uuidString: caseID) != nil else { return nil }
        return try await connections.database(as: department) { db in
            guard let row = try db.query("SELECT \(CaseRoutes.columns) FROM wage.case_overview WHERE case_id = $1::uuid",
                                         [caseID]).first else { return nil }
            let timeline = try db.query(
                "SELECT seq, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at, department, event, detail::text AS detail, actor FROM wage.case_timeline WHERE case_id = $1::uuid ORDER BY seq",
                [caseID]).map {
                    TimelineEntry(seq: try $0.int("seq"), at: try $0.string("at"), department: try $0.string("department"),
                                  event: try $0.string("event"), detail: try $0.string("detail"),
                                  actor: try $0.optionalString("actor"))
                }
            var reporter: String?
            if department == .hrss {
                reporter = try db.query("SELECT reporter::text AS r FROM wage.cases WHERE case_id = $1::uuid", [caseID])
                    .first?.optionalString("r")
            }
            return CaseView(row: try CaseRow(row), timeline: timeline, reporter: reporter)
        }
    }

    func context(names: [String: String], viewer: Principal) -> [String: Any] {
        var ctx = row.context
        ctx["timeline"] = timeline.map { e -> [String: Any] in
            ["seq": e.seq, "at": e.at, "department": Labels.department(e.department), "event": Labels.event(e.event),
             "actor": e.actor.map { login in names[login].map { "\($0)（\(login)）" } ?? login } ?? "—",
             "detail": viewer == .hrss ? e.detail : PersonalDataMasking.mask(e.detail)]
        }
        ctx["reporter"] = viewer == .hrss ? (reporter ?? "—") : "（仅人社局可见）"
        return ctx
    }
}
