import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// The columns of `wage.warnings` as `wagectl` shows them.
enum WarningColumns {
    static let select = """
        SELECT warning_id, kind, project_no, credit_code, period, department, detail, raised_at, cleared_at, cleared_by,
               clear_note
        FROM wage.warnings
        """
    static let list = [
        Column("warning_id", "id", .int), Column("kind"), Column("project_no", "project no"),
        Column("credit_code", "credit code"), Column("period"), Column("department"),
        Column("raised_at", "raised", .instant), Column("cleared_at", "cleared", .instant),
        Column("cleared_by", "cleared by", .masked), Column("clear_note", "note", .masked, maxWidth: 30),
        Column("detail", nil, .json, maxWidth: 60),
    ]
}

/// `wagectl warnings list`: the warnings (`wage.warnings`), open ones first.
struct WarningsListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List warnings (wage.warnings; every principal), open ones first.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @Option(help: "Only this kind (repeat), e.g. payroll_irregular.") var kind: [String] = []
    @Option(help: "Only warnings this department must act on.") var department: String?
    @Option(help: "Only warnings about this project.") var project: String?
    @Flag(help: "Only open warnings.") var open = false
    @Flag(help: "Only cleared warnings.") var cleared = false
    @Option(help: "At most this many rows.") var limit: Int = 200

    func run() throws {
        if open && cleared { throw WageCtlError(.usage, "--open and --cleared exclude each other") }
        let known = Set(WarningKind.allCases.map(\.rawValue))
        if let unknown = kind.first(where: { !known.contains($0) }) {
            throw WageCtlError(.usage, "unknown warning kind '\(unknown)'", hint: "one of: \(known.sorted().joined(separator: ", "))")
        }
        try ViewRunner.run(identity) { session, db in
            var filter = SQLFilter()
            if !kind.isEmpty { filter.add("kind = ANY($?::text[])", kind) }
            if let department { filter.add("department = $?", department) }
            if let project { filter.add("project_no = $?", project) }
            if open { filter.add("cleared_at IS NULL") }
            if cleared { filter.add("cleared_at IS NOT NULL") }
            let rows = try db.execute(
                """
                \(WarningColumns.select)\(filter.whereClause)
                ORDER BY cleared_at IS NOT NULL, raised_at DESC, warning_id DESC LIMIT \(max(1, limit))
                """, filter.params).rows
            RowSet(columns: WarningColumns.list, rows: rows).print(to: session.console, json: output.json, empty: "no warnings")
        }
    }
}

/// `wagectl warnings clear ID --note …`: an operator clears a warning a message
/// raised (operators; audited in `wage.operator_audit`, like `config set`).
struct WarningsClearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "clear", abstract: "Clear a warning (operators; audited).",
        discussion: """
        Warnings raised by messages stay open until an operator clears them. The sweep clears its own kinds \
        (\(WarningKind.sweepKinds.map(\.rawValue).sorted().joined(separator: ", "))) when the condition is gone; \
        clearing one of those by hand lets the next sweep raise it again while the condition holds.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The warning id (wagectl warnings list).") var warningID: Int64
    @Option(help: "Why it is cleared (required).") var note: String

    func run() throws {
        if note.trimmingCharacters(in: .whitespaces).isEmpty { throw WageCtlError(.usage, "--note must say why the warning is cleared") }
        let session = Session(identity)
        defer { session.close() }
        let who = operatorOptions.resolved
        let row = try session.adminDatabase().transaction { db -> PGRow in
            guard let row = try db.execute(
                "SELECT kind, project_no, credit_code, period, cleared_at, cleared_by FROM wage.warning_records WHERE warning_id = $1 FOR UPDATE",
                [String(warningID)]).rows.first else {
                throw WageCtlError(.notFound, "no warning \(warningID)", hint: "wagectl warnings list --open shows the open ones")
            }
            if let at = row["cleared_at"] {
                throw WageCtlError(.conflict, "warning \(warningID) was already cleared at \(at) by \(row["cleared_by"] ?? "the sweep")")
            }
            let updated = try db.execute(
                """
                UPDATE wage.warning_records SET cleared_at = now(), cleared_by = $2, clear_note = $3
                WHERE warning_id = $1 AND cleared_at IS NULL
                """, [String(warningID), who, note])
            guard updated.affectedRows == 1 else { throw WageCtlError(.conflict, "warning \(warningID) changed meanwhile; try again") }
            try OperatorAudit.record("warnings.clear", subject: String(warningID), operator: who, detail: .compact([
                "kind": row["kind"].map(JSONValue.string), "project_no": row["project_no"].map(JSONValue.string),
                "credit_code": row["credit_code"].map(JSONValue.string), "period": row["period"].map(JSONValue.string),
                "note": .string(note)]), db: db)
            return try db.execute("\(WarningColumns.select) WHERE warning_id = $1", [String(warningID)]).rows[0]
        }
        if output.json {
            session.console.out(JSONPretty.render(RowSet(columns: WarningColumns.list, rows: [row]).jsonValue.arrayValue?.first ?? .null))
            return
        }
        let kind = row["kind"] ?? "?"
        session.console.out("warning \(warningID) (\(kind), \(row["project_no"] ?? row["period"] ?? "–")) cleared by \(who): \(note)")
        if let known = WarningKind(rawValue: kind), WarningKind.sweepKinds.contains(known) {
            session.console.err("note: \(kind) is a sweep kind: the next office.sweep raises it again while the condition holds")
        }
    }
}
