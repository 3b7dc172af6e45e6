import Reports
import Store
import Messages
import Workflow

/// One part of `project show`, read from one view or table.
struct ProjectSectionSpec {
    /// The JSON key.
    let key: String
    let title: String
    /// The query; `$1` is the project number.
    let sql: String
    let columns: [Column]
    /// A query and columns to use instead when the principal may not read the first
    /// (the roster's names are hrss-only).
    var fallback: (sql: String, columns: [Column])? = nil
    /// One row shown as a card (JSON: an object) instead of a table.
    var single = false
    var empty = "  (none)"

    func read(db: PGConnection, projectNo: String) throws -> ProjectSection {
        do {
            return ProjectSection(spec: self, rows: RowSet(columns: columns, rows: try db.execute(sql, [projectNo]).rows))
        } catch where ViewRunner.isDenied(error) {
            guard let fallback else { return ProjectSection(spec: self, rows: nil) }
            let rows = try db.execute(fallback.sql, [projectNo]).rows
            return ProjectSection(spec: self, rows: RowSet(columns: fallback.columns, rows: rows))
        }
    }
}

/// A section as read: `rows` is nil when the principal may not read it.
struct ProjectSection {
    let spec: ProjectSectionSpec
    let rows: RowSet?

    var key: String { spec.key }

    var json: JSONValue {
        guard let rows else { return .null }
        return spec.single ? (rows.jsonValue.arrayValue?.first ?? .null) : rows.jsonValue
    }

    func print(to console: Console) {
        guard let rows else { console.out("\(spec.title): not visible to this principal"); return }
        console.out("\(spec.title):")
        guard spec.single, let row = rows.rows.first else {
            rows.print(to: console, json: false, empty: spec.empty)
            return
        }
        let width = rows.columns.map { TextWidth.of($0.header) }.max() ?? 0
        for column in rows.columns {
            console.out("  " + TextWidth.pad(column.header, to: width) + "  " + RowSet.cell(row, column))
        }
    }
}

/// The sections of `project show` (CONTRACT §8.7 views and the ledger's tables).
enum ProjectSections {
    /// The `wage.project_overview` row.
    static let card = [
        Column("project_no", "project no"), Column("name", nil, .masked), Column("sector"), Column("regulator"),
        Column("status"), Column("location", nil, .masked), Column("investor"), Column("builder_name", "builder", .masked),
        Column("builder_credit_code", "builder code"), Column("contractor_name", "contractor", .masked),
        Column("contractor_credit_code", "contractor code"), Column("contract_amount", "contract amount", .money),
        Column("permit_issued_on", "permit issued", .day), Column("planned_completion", "planned completion", .day),
        Column("completed_on", "completed on", .day), Column("registered_on", "registered on", .day),
        Column("deposit_rate", "deposit rate %"), Column("deposit_basis", "deposit basis"),
        Column("deposit_required", "deposit required", .money), Column("deposit_balance", "deposit balance", .money),
        Column("deposit_status", "deposit status"), Column("replenish_by", "replenish by", .day),
        Column("account_status", "account"), Column("account_bank_name", "account bank", .masked),
        Column("account_opened_on", "account opened", .day), Column("roster_size", "roster", .int),
        Column("last_payroll_month", "last payroll"), Column("open_warnings", "open warnings", .int),
    ]

    static func all(recent: Int, full: Bool, workers: Bool) -> [ProjectSectionSpec] {
        var specs = [deposit, fundings(recent), statements(recent), alerts, roster]
        if workers { specs.append(rosterWorkers) }
        specs += [payrolls(recent), warnings, timeline(full: full)]
        return specs
    }

    static let deposit = ProjectSectionSpec(
        key: "deposit_movements", title: "deposit movements (保证金)",
        sql: """
            SELECT kind, (amount_fen / 100.0)::numeric(16,2) AS amount, form, reference, case_id::text AS case_id, note,
                   (balance_after_fen / 100.0)::numeric(16,2) AS balance_after, at
            FROM wage.deposit_movements WHERE project_no = $1 ORDER BY id
            """,
        columns: [Column("kind"), Column("amount", nil, .money), Column("form"), Column("reference", nil, .masked),
                  Column("case_id", "case"), Column("note", nil, .masked), Column("balance_after", "balance", .money),
                  Column("at", nil, .instant)])

    static func fundings(_ n: Int) -> ProjectSectionSpec {
        ProjectSectionSpec(
            key: "account_fundings", title: "special account fundings (专户拨付, latest \(n))",
            sql: """
                SELECT period, (progress_payment_fen / 100.0)::numeric(16,2) AS progress_payment,
                       (labour_amount_fen / 100.0)::numeric(16,2) AS labour_amount,
                       round(labour_amount_fen * 100.0 / progress_payment_fen, 2)::text AS labour_share, at
                FROM wage.account_fundings WHERE project_no = $1 ORDER BY period DESC, id DESC LIMIT \(n)
                """,
            columns: [Column("period"), Column("progress_payment", "progress payment", .money),
                      Column("labour_amount", "labour amount", .money), Column("labour_share", "share %"), Column("at", nil, .instant)])
    }

    static func statements(_ n: Int) -> ProjectSectionSpec {
        ProjectSectionSpec(
            key: "account_statements", title: "special account statements (专户流水, latest \(n))",
            sql: """
                SELECT month, (inflow_fen / 100.0)::numeric(16,2) AS inflow, (outflow_fen / 100.0)::numeric(16,2) AS outflow,
                       (balance_fen / 100.0)::numeric(16,2) AS balance, at
                FROM wage.account_statements WHERE project_no = $1 ORDER BY month DESC LIMIT \(n)
                """,
            columns: [Column("month"), Column("inflow", nil, .money), Column("outflow", nil, .money),
                      Column("balance", nil, .money), Column("at", nil, .instant)])
    }

    static let alerts = ProjectSectionSpec(
        key: "account_alerts", title: "bank alerts (专户预警)",
        sql: "SELECT kind, detail, case_id::text AS case_id, at FROM wage.account_alerts WHERE project_no = $1 ORDER BY id",
        columns: [Column("kind"), Column("detail", nil, .masked), Column("case_id", "case"), Column("at", nil, .instant)])

    static let roster = ProjectSectionSpec(
        key: "roster", title: "real-name roster (实名制)",
        sql: """
            SELECT count(worker_id)::integer AS workers,
                   count(worker_id) FILTER (WHERE NOT contract_signed)::integer AS without_contract,
                   count(DISTINCT employer_name)::integer AS employers, min(entered_on) AS first_entered,
                   max(entered_on) AS last_entered
            FROM wage.roster WHERE project_no = $1
            """,
        columns: [Column("workers", nil, .int), Column("without_contract", "without contract", .int),
                  Column("employers", nil, .int), Column("first_entered", "first entered", .day),
                  Column("last_entered", "last entered", .day)],
        single: true)

    static let workerColumns = [
        Column("worker_id", "worker id"), Column("employer_name", "employer", .masked, maxWidth: 24),
        Column("employer_credit_code", "employer code"), Column("contract_signed", "contract", .bool),
        Column("entered_on", "entered on", .day),
    ]
    static let workerSQL = """
        SELECT worker_id, employer_name, employer_credit_code, contract_signed, entered_on
        FROM wage.roster WHERE project_no = $1 ORDER BY worker_id
        """

    /// Names are readable by hrss only, and shown masked even then; ID numbers are never shown.
    static let rosterWorkers = ProjectSectionSpec(
        key: "roster_workers", title: "roster workers",
        sql: """
            SELECT worker_id, name, employer_name, employer_credit_code, contract_signed, entered_on
            FROM wage.roster WHERE project_no = $1 ORDER BY worker_id
            """,
        columns: [workerColumns[0], Column("name", nil, .personName)] + workerColumns.dropFirst(),
        fallback: (workerSQL, workerColumns))

    static func payrolls(_ n: Int) -> ProjectSectionSpec {
        ProjectSectionSpec(
            key: "payrolls", title: "payrolls (工资表, latest \(n) months)",
            sql: """
                SELECT y.month, y.subcontractor, y.lines, y.gross_total, y.paid_total, y.unpaid_total, y.unpaid_workers,
                       y.confirmed_by_workers, y.via_special_account, y.submissions, y.case_id::text AS case_id, c.case_no
                FROM wage.project_payrolls y LEFT JOIN wage.case_overview c ON c.case_id = y.case_id
                WHERE y.project_no = $1
                  AND y.month IN (SELECT DISTINCT month FROM wage.project_payrolls WHERE project_no = $1 ORDER BY month DESC LIMIT \(n))
                ORDER BY y.month DESC, y.subcontractor
                """,
            columns: [Column("month"), Column("subcontractor", nil, .masked, maxWidth: 24), Column("lines", nil, .int),
                      Column("gross_total", "gross", .money), Column("paid_total", "paid", .money),
                      Column("unpaid_total", "unpaid", .money), Column("unpaid_workers", "unpaid workers", .int),
                      Column("confirmed_by_workers", "confirmed", .bool), Column("via_special_account", "via account", .bool),
                      Column("submissions", nil, .int), Column("case_no", "case"), Column("case_id", "case id")])
    }

    static let warnings = ProjectSectionSpec(
        key: "open_warnings", title: "open warnings (欠薪预警)",
        sql: "\(WarningColumns.select) WHERE project_no = $1 AND cleared_at IS NULL ORDER BY raised_at, warning_id",
        columns: WarningColumns.list)

    static func timeline(full: Bool) -> ProjectSectionSpec {
        ProjectSectionSpec(
            key: "timeline", title: "project timeline (all departments)",
            sql: "SELECT seq, at, department, event, actor, detail FROM wage.project_timeline WHERE project_no = $1 ORDER BY seq",
            columns: [Column("seq", nil, .int), Column("at", nil, .instant), Column("department"), Column("event"),
                      Column("actor"), Column("detail", nil, .json, maxWidth: full ? 4000 : 70)],
            empty: "  (no entries yet)")
    }
}
