import ArgumentParser
import Store
import Messages
import Workflow

/// Whose projects a principal sees in `wagectl` (CONTRACT §8): a sector regulator
/// its own; the office, the other principals and admin every project.
enum ProjectScope {
    /// The regulator whose projects the identity is limited to, or `nil` for all.
    static func regulator(_ session: Session, db: PGConnection) throws -> Principal? {
        guard case .principal(let p) = try session.identity(), p != .hrss else { return nil }
        let dutyList = try DutyListSource.inForce(db: db, console: session.console)
        return dutyList.regulatesProjects(p) ? p : nil
    }

    /// Refuses a project of another regulator.
    static func check(_ row: PGRow, scope: Principal?) throws {
        guard let scope, let regulator = row["regulator"], regulator != scope.rawValue else { return }
        throw WageCtlError(.refused, "project \(row["project_no"] ?? "?") is regulated by \(regulator); \(scope.rawValue) sees its own projects",
                           hint: "act as \(regulator) or hrss")
    }
}

/// `wagectl project list`: the ledger (`wage.project_overview`), filtered.
struct ProjectListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List projects (wage.project_overview); a regulator sees its own.",
        discussion: "Run as housing, transport, water or agriculture it lists only that regulator's projects.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this sector (repeat).") var sector: [String] = []
    @Option(name: [.customLong("regulator"), .customLong("department")], help: "Only this regulator's projects.")
    var regulator: String?
    @Option(help: "Only this status: active or completed.") var status: String?
    @Option(help: "Only this deposit status: due, paid, drawn, exempt, released.") var deposit: String?
    @Flag(name: .customLong("with-warnings"), help: "Only projects with open warnings.") var withWarnings = false
    @Option(help: "At most this many rows.") var limit: Int = 200

    static let columns = [
        Column("project_no", "project no"), Column("name", nil, .masked, maxWidth: 24), Column("sector"), Column("regulator"),
        Column("contractor_name", "contractor", .masked, maxWidth: 20), Column("status"),
        Column("permit_issued_on", "permit", .day), Column("deposit_status", "deposit"),
        Column("deposit_required", "required", .money), Column("deposit_balance", "balance", .money),
        Column("account_status", "account"), Column("roster_size", "workers", .int),
        Column("last_payroll_month", "last payroll"), Column("open_warnings", "warnings", .int),
    ]

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let scope = try ProjectScope.regulator(session, db: db)
            if let scope, let regulator, regulator != scope.rawValue {
                throw WageCtlError(.refused, "\(scope.rawValue) sees its own projects, not \(regulator)'s",
                                   hint: "act as hrss to list every project")
            }
            var filter = SQLFilter()
            if let only = scope?.rawValue ?? regulator { filter.add("regulator = $?", only) }
            if !sector.isEmpty { filter.add("sector = ANY($?::text[])", sector) }
            if let status { filter.add("status = $?", status) }
            if let deposit { filter.add("deposit_status = $?", deposit) }
            if withWarnings { filter.add("open_warnings > 0") }
            let rows = try db.execute(
                "SELECT * FROM wage.project_overview\(filter.whereClause) ORDER BY permit_issued_on DESC, project_no LIMIT \(max(1, limit))",
                filter.params).rows
            RowSet(columns: Self.columns, rows: rows).print(to: session.console, json: output.json, empty: "no projects")
        }
    }
}
