import ArgumentParser
import Runtime
import Duties
import Foundation
import Store
import Messages
import Workflow

/// `wagectl duty-list load <yaml>`: check a duty-list file and store it; by
/// default put it in force (the router switches within 5 s). Operators; audited.
///
/// `DutyListStore.install`, as the router uses it: a stored version never
/// changes (a different file with a known version is refused), at most one
/// version is in force (switched with two statements under a table lock).
struct DutyListLoadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "load", abstract: "Check and store a duty-list file, and put it in force (operators; audited).")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Argument(help: "The YAML file, e.g. deploy/duty-lists/2026-2.yaml.") var file: String
    @Flag(inversion: .prefixedNo, help: "Put the version in force (default) or only store it.") var activate = true

    func run() throws {
        let list: DutyList
        do { list = try DutyListLoader.load(path: file) } catch {
            throw WageCtlError(.usage, "refused: \(error.description)",
                               hint: "nothing was stored; the format and the reason codes are in docs/duty-lists.md")
        }
        let session = Session(identity)
        defer { session.close() }
        let admin = try session.adminDatabase()
        let operatorName = operatorOptions.resolved
        let result: DutyListStore.Installed
        do {
            result = try DutyListStore.install(list, db: admin, activation: activate ? .always : .never) { db, installed in
                try OperatorAudit.record("duty_list.load", subject: list.version, operator: operatorName, detail: .compact([
                    "file": .string(file), "sha256": .string(list.contentHash), "activated": .bool(activate),
                    "stored": .bool(installed.stored), "previous": P.s(installed.previous)]), db: db)
            }
        } catch is DutyListStore.VersionConflict {
            throw WageCtlError(.conflict, "duty list version \(list.version) is already stored with different content",
                               hint: "a stored version never changes: give the changed file a new version (docs/duty-lists.md)")
        }
        if output.json {
            session.console.out(JSONPretty.render(.compact([
                "version": .string(list.version), "sha256": .string(list.contentHash), "stored": .bool(result.stored),
                "in_force": P.s(result.inForce), "previous": P.s(result.previous)])))
            return
        }
        session.console.out("duty list \(list.version) (sha256 \(list.contentHash.prefix(12))…) "
            + (result.stored ? "stored" : "was already stored (same content)"))
        if activate {
            session.console.out(result.previous == list.version ? "already in force" :
                "now in force (was \(result.previous ?? "none")); the router switches within 5 s")
        } else {
            session.console.out("not in force (in force: \(result.inForce ?? "none")); load it with --activate to switch")
        }
    }
}

/// `wagectl duty-list show`: the stored versions.
struct DutyListShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "show", abstract: "The stored duty-list versions and the one in force.")
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions

    func run() throws {
        try ViewRunner.run(identity) { session, db in
            let rows = try db.execute(
                "SELECT version, in_force, left(content_hash, 12) AS sha256, loaded_at FROM wage.duty_lists ORDER BY loaded_at").rows
            RowSet(columns: [Column("version"), Column("in_force", "in force", .bool), Column("sha256"), Column("loaded_at", "loaded", .instant)],
                   rows: rows).print(to: session.console, json: output.json, empty: "no duty list stored yet (start wage-router once)")
        }
    }
}
