import Foundation
import ArgumentParser
import Store

/// SQL shared by the case views.
enum CaseSQL {
    /// Statuses in which a case can be overdue (not yet resolved or closed).
    static let openStatuses = "('registered','transferred','accepted','returned','task_force','leader_package')"
    /// Today in the Asia/Shanghai business calendar.
    static let today = "(now() AT TIME ZONE 'Asia/Shanghai')::date"
}

/// `wagectl case list`: cases with filters.
struct CaseListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List cases (wage.case_overview), overdue first.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(name: [.customLong("assignee"), .customLong("department")], help: "Only cases assigned to this department.") var assignee: String?
    @Option(help: "Only this status (repeat for several).") var status: [String] = []
    @Flag(help: "Only overdue cases (open, due date passed).") var overdue = false
    @Flag(help: "Only open cases (not resolved or closed).") var open = false
    @Option(help: "Only this risk level (low, medium, high).") var risk: String?
    @Option(help: "Only this sector.") var sector: String?
    @Option(name: .customLong("as-of"), help: "Judge overdue as of this day (default today, Asia/Shanghai).") var asOf: String?
    @Option(help: "At most this many rows.") var limit: Int = 50

    static let columns = [
        Column("case_no", "case no"), Column("status"), Column("assignee"), Column("risk_level", "risk"),
        Column("due_on", "due on", .day), Column("overdue", nil, .bool), Column("sector"),
        Column("workers_count", "workers", .int), Column("amount_owed", "owed", .money),
        Column("employer_name", "employer", .masked, maxWidth: 24), Column("opened_at", "opened", .instant),
        Column("case_id", "case id"),
    ]

    /// Overdue first, then by due date. Among open cases "overdue" is "due_on before
    /// the day", so the due date alone gives the same order, and an index on
    /// (assignee, due_on) hands over the first rows without sorting every open case
    /// (sql/0210, issue 23).
    static func order(onlyOpen: Bool) -> String {
        onlyOpen ? "due_on NULLS LAST, opened_at DESC" : "overdue DESC, due_on NULLS LAST, opened_at DESC"
    }

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            let day = asOf.map { filter.param($0) + "::date" } ?? CaseSQL.today
            if let assignee { filter.add("assignee = $?", assignee) }
            if !status.isEmpty { filter.add("status = ANY($?::text[])", status) }
            if let risk { filter.add("risk_level = $?", risk) }
            if let sector { filter.add("sector = $?", sector) }
            if open || overdue { filter.add("status IN \(CaseSQL.openStatuses)") }
            if overdue { filter.add("due_on < \(day)") }
            let sql = """
                SELECT case_id::text AS case_id, case_no, status, assignee, risk_level, due_on, sector, workers_count,
                       amount_owed, employer_name, opened_at,
                       coalesce(due_on < \(day) AND status IN \(CaseSQL.openStatuses), false) AS overdue
                FROM wage.case_overview\(filter.whereClause)
                ORDER BY \(Self.order(onlyOpen: open || overdue)) LIMIT \(max(1, min(limit, 10_000)))
                """
            let rows = try db.execute(sql, filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(to: session.console, json: output.json, empty: "no cases match")
        }
    }
}

/// Finds a case by id or number in `wage.case_overview`.
enum CaseLookup {
    /// The key column a reference names: `case_id` for a UUID, else `case_no`. One
    /// index probe either way (`case_no = $1 OR case_id::text = …` read the whole
    /// table: no index holds the id as text; issue 23).
    static func condition(for ref: String) -> (sql: String, value: String) {
        let trimmed = ref.trimmingCharacters(in: .whitespaces)
        if let id = UUID(uuidString: trimmed) { return ("case_id = $1::uuid", id.uuidString.lowercased()) }
        return ("case_no = $1", trimmed)
    }

    static func find(_ ref: String, db: PGConnection) throws -> PGRow {
        let (condition, value) = condition(for: ref)
        let row = try db.execute(
            """
            SELECT case_id::text AS case_id, case_no, channel, clue_ref, sector, status, assignee, risk_level, due_on,
                   workers_count, amount_owed, opened_at, closed_at, origin, employer_name, project_name, escalated_on,
                   leader, leader_department, disposition, amount_paid, workers_paid, resolved_at,
                   coalesce(due_on < \(CaseSQL.today) AND status IN \(CaseSQL.openStatuses), false) AS overdue
            FROM wage.case_overview WHERE \(condition)
            """, [value]).rows.first
        guard let row else {
            throw WageCtlError(.notFound, "no case with number or id '\(ref)'", hint: "wagectl case list shows the cases")
        }
        return row
    }
}
