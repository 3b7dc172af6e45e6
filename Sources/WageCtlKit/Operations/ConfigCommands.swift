import Reports
import ArgumentParser
import Store
import Messages
import Workflow

/// `wagectl config …`: the configuration in force (CONTRACT §7.5, `wage.settings`).
struct ConfigGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The configuration in force: risk thresholds and Part II's numbers (§7.5).",
        subcommands: [ConfigShowCommand.self, ConfigSetCommand.self])
}

/// `wagectl config show`: every key, its value, its default and what it means.
struct ConfigShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "Every configuration key with its value and default.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let rows = try db.execute("SELECT key, value, note, updated_at::text AS updated_at, updated_by FROM wage.settings ORDER BY key").rows
            let defaults = WorkflowSettings.default.values
            if output.json {
                session.console.out(JSONPretty.render(.array(try rows.map { row in
                    let key = try row.string("key")
                    return .compact(["key": .string(key), "value": .string(try row.string("value")),
                                     "default": WorkflowSettings.Key(rawValue: key).flatMap { defaults[$0] }.map(JSONValue.string),
                                     "note": row["note"].map(JSONValue.string), "updated_at": .string(try row.string("updated_at")),
                                     "updated_by": .string(try row.string("updated_by"))])
                })))
                return
            }
            let width = (rows.compactMap { $0["key"] }.map(TextWidth.of).max() ?? 10) + 2
            for row in rows {
                let key = try row.string("key"), value = try row.string("value")
                let fallback = WorkflowSettings.Key(rawValue: key).flatMap { defaults[$0] }
                let marker = fallback == value ? "" : " (default \(fallback ?? "none"))"
                session.console.out(TextWidth.pad(key, to: width) + TextWidth.pad(value + marker, to: 28) + (row["note"] ?? ""))
            }
        }
    }
}

/// `wagectl config set KEY VALUE`: changes one value (operators; audited). Every
/// worker uses it about a second after it commits.
struct ConfigSetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "set", abstract: "Change one configuration value (operators; audited).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The key, e.g. deposit.base_rate (wagectl config show lists them).") var key: String
    @Argument(help: "The new value, e.g. 2.00.") var value: String

    func run() throws {
        guard let known = WorkflowSettings.Key(rawValue: key) else {
            throw WageCtlError(.usage, "unknown configuration key '\(key)'",
                               hint: "one of: " + WorkflowSettings.Key.allCases.map(\.rawValue).joined(separator: ", "))
        }
        var check = WorkflowSettings.default
        do { try check.set(known, value) } catch {
            throw WageCtlError(.usage, "\(error)", hint: "default: \(WorkflowSettings.default.values[known] ?? "")")
        }
        let session = Session(identity)
        defer { session.close() }
        let admin = try session.adminDatabase()
        let previous = try admin.transaction { db -> String? in
            let old = try db.execute("SELECT value FROM wage.settings WHERE key = $1 FOR UPDATE", [key]).rows.first?["value"]
            try db.execute(
                """
                INSERT INTO wage.settings (key, value, updated_at, updated_by) VALUES ($1, $2, now(), $3)
                ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now(), updated_by = EXCLUDED.updated_by
                """, [key, value, operatorOptions.resolved])
            try OperatorAudit.record("config.set", subject: key, operator: operatorOptions.resolved,
                                     detail: .compact(["value": .string(value), "previous": old.map(JSONValue.string)]), db: db)
            return old
        }
        if output.json {
            session.console.out(JSONPretty.render(.compact(["key": .string(key), "value": .string(value), "previous": previous.map(JSONValue.string)])))
        } else {
            session.console.out("\(key) = \(value) (was \(previous ?? "unset")); workers use it within a few seconds")
        }
    }
}
