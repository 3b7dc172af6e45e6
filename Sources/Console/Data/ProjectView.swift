import Messages
import Runtime
import Store

/// One project's page: the ledger row, its payrolls with the case each opened, its
/// open warnings, its timeline, and roster counts; worker names only for hrss, masked.
struct ProjectView: Sendable {
    let row: ProjectRow
    let ledger: [String: String]
    let payrolls: [[String: String]]
    let warnings: [WarningRow]
    let timeline: [TimelineEntry]
    /// Workers on the roster, and those without a signed contract.
    let rosterCount, withoutContract: Int
    /// Workers per employer (companies, not persons).
    let employers: [(name: String, workers: Int)]
    /// The first roster lines with masked names: read only by hrss (sql/0110 grants names to hrss only).
    let roster: [[String: String]]

    /// Roster lines shown to hrss (masked); the counts cover the whole roster.
    static let rosterPreview = 20
    static let ledgerColumns = """
        location, investor, builder_name, builder_credit_code, contractor_credit_code, deposit_rate, deposit_basis, \
        replenish_by::text AS replenish_by, account_bank_name, account_opened_on::text AS account_opened_on, \
        registered_on::text AS registered_on, planned_completion::text AS planned_completion, completed_on::text AS completed_on
        """

    static func load(_ projectNo: String, as department: Principal, connections: Connections) async throws -> ProjectView? {
        try await connections.database(as: department) { db in
            guard let first = try db.query(
                "SELECT \(ProjectRow.columns), \(ledgerColumns) FROM wage.project_overview WHERE project_no = $1",
                [projectNo]).first else { return nil }
            let row = try ProjectRow(first)
            guard row.visible(to: department) else {
                return ProjectView(row: row, ledger: [:], payrolls: [], warnings: [], timeline: [], rosterCount: 0,
                                   withoutContract: 0, employers: [], roster: [])
            }
            var ledger: [String: String] = [:]
            for key in ["location", "investor", "builder_name", "builder_credit_code", "contractor_credit_code", "deposit_rate",
                        "deposit_basis", "replenish_by", "account_bank_name", "account_opened_on", "registered_on",
                        "planned_completion", "completed_on"] {
                ledger[key] = try first.optionalString(key) ?? "—"
            }
            let payrolls = try db.query("""
                SELECT month, subcontractor, lines::text AS lines, gross_total::text AS gross, paid_total::text AS paid,
                       unpaid_total::text AS unpaid, y.case_id::text AS case_id, c.case_no
                FROM wage.project_payrolls y LEFT JOIN wage.case_overview c USING (case_id)
                WHERE y.project_no = $1 ORDER BY month DESC, subcontractor
                """, [projectNo]).map { r -> [String: String] in
                var line: [String: String] = [:]
                for key in ["month", "subcontractor", "lines", "gross", "paid", "unpaid", "case_id", "case_no"] {
                    if let v = try r.optionalString(key) { line[key] = v }
                }
                return line
            }
            let warnings = try db.query(
                "SELECT \(WarningRow.columns) FROM wage.warnings WHERE project_no = $1 AND cleared_at IS NULL ORDER BY raised_at DESC",
                [projectNo]).map(WarningRow.init)
            let timeline = try db.query("""
                SELECT seq, to_char(at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI:SS') AS at, department, event,
                       detail::text AS detail, actor FROM wage.project_timeline WHERE project_no = $1 ORDER BY seq
                """, [projectNo]).map {
                TimelineEntry(seq: try $0.int("seq"), at: try $0.string("at"), department: try $0.string("department"),
                              event: try $0.string("event"), detail: try $0.string("detail"), actor: try $0.optionalString("actor"))
            }
            let counts = try db.query("""
                SELECT count(worker_id) AS n, count(worker_id) FILTER (WHERE NOT contract_signed) AS unsigned
                FROM wage.roster WHERE project_no = $1
                """, [projectNo]).first
            let employers = try db.query("""
                SELECT employer_name, count(worker_id) AS n FROM wage.roster WHERE project_no = $1
                GROUP BY employer_name ORDER BY employer_name
                """, [projectNo]).map { (name: try $0.string("employer_name"), workers: try $0.int("n")) }
            var roster: [[String: String]] = []
            if department == .hrss {
                roster = try db.query("""
                    SELECT worker_id, name, employer_name, contract_signed::text AS signed, entered_on::text AS entered_on
                    FROM wage.roster WHERE project_no = $1 ORDER BY worker_id LIMIT \(rosterPreview)
                    """, [projectNo]).map {
                    ["worker_id": try $0.string("worker_id"), "name": ProjectLabels.maskName(try $0.string("name")),
                     "employer": try $0.string("employer_name"), "signed": try $0.string("signed") == "true" ? "是" : "否",
                     "entered_on": try $0.string("entered_on")]
                }
            }
            return ProjectView(row: row, ledger: ledger, payrolls: payrolls, warnings: warnings, timeline: timeline,
                               rosterCount: try counts?.int("n") ?? 0, withoutContract: try counts?.int("unsigned") ?? 0,
                               employers: employers, roster: roster)
        }
    }
}
