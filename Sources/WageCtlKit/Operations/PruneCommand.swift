import ArgumentParser
import Foundation
import Store
import Messages
import Workflow

/// `wagectl maintenance prune`: deletes old idempotency and relay bookkeeping
/// (`wage.inbox` rows, published `wage.outbox` rows) as the administrator, in
/// batches with progress, audited. Business records (cases, timelines, routing
/// and refusal logs, ledgers) are never touched.
struct PruneCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prune",
        abstract: "Delete inbox rows and published outbox rows older than --keep-days (operators; audited).",
        discussion: """
        A consumer's inbox row is how it recognises a redelivered message; once a message cannot come back \
        (it was acked long ago), the row only takes space. The outbox keeps a row after publishing it. Both \
        grow by a few rows per message. Unpublished outbox rows are never deleted, nor anything younger than \
        --keep-days (at least 7). --dry-run only counts.
        """)
    @OptionGroup var identity: IdentityOptions
    @OptionGroup var output: OutputOptions
    @OptionGroup var operatorOptions: OperatorOptions
    @Option(name: .customLong("keep-days"), help: "Keep rows younger than this many days (at least 7).") var keepDays = 30
    @Option(help: "Rows deleted per transaction.") var batch = 5000
    @Flag(name: .customLong("dry-run"), help: "Count what would be deleted; delete nothing.") var dryRun = false

    /// The two bookkeeping tables and how a row's age is read.
    static let targets: [(table: String, condition: String)] = [
        ("wage.inbox", "received_at < $1"),
        ("wage.outbox", "published_at IS NOT NULL AND published_at < $1"),
    ]

    func run() throws {
        guard keepDays >= 7 else {
            throw WageCtlError(.usage, "--keep-days \(keepDays) is too short",
                               hint: "keep at least 7 days, so that a redelivered message is still recognised")
        }
        guard batch > 0 else { throw WageCtlError(.usage, "--batch must be positive") }
        let session = Session(identity)
        defer { session.close() }
        let admin = try session.adminDatabase()
        let before = Date().addingTimeInterval(-Double(keepDays) * 86_400)
        var counts: [String: Int] = [:]
        for target in Self.targets {
            counts[target.table] = dryRun
                ? try admin.execute("SELECT count(*) AS n FROM \(target.table) WHERE \(target.condition)", [before])
                    .rows.first?.int("n") ?? 0
                : try prune(target, before: before, db: admin, console: session.console)
        }
        if !dryRun {
            try OperatorAudit.record("maintenance.prune", subject: "inbox, outbox", operator: operatorOptions.resolved,
                                     detail: ["keep_days": .int(keepDays),
                                              "inbox": .int(counts["wage.inbox"] ?? 0),
                                              "outbox": .int(counts["wage.outbox"] ?? 0)], db: admin)
        }
        if output.json {
            session.console.out(JSONPretty.render([
                "dry_run": .bool(dryRun), "keep_days": .int(keepDays),
                "inbox": .int(counts["wage.inbox"] ?? 0), "outbox": .int(counts["wage.outbox"] ?? 0)]))
        } else {
            session.console.out("\(dryRun ? "would delete" : "deleted") \(counts["wage.inbox"] ?? 0) inbox rows and "
                + "\(counts["wage.outbox"] ?? 0) published outbox rows older than \(keepDays) days")
        }
    }

    /// Deletes `target`'s old rows `batch` at a time (each batch its own
    /// transaction), printing the running total.
    func prune(_ target: (table: String, condition: String), before: Date, db: PGConnection,
               console: Console) throws -> Int {
        var total = 0
        while true {
            let deleted = try db.transaction { db in
                try db.execute(
                    """
                    DELETE FROM \(target.table) WHERE ctid = ANY(ARRAY(
                        SELECT ctid FROM \(target.table) WHERE \(target.condition) LIMIT $2))
                    """, [before, batch]).affectedRows
            }
            total += deleted
            if deleted > 0 { console.err("\(target.table): \(total) deleted") }
            if deleted < batch { return total }
        }
    }
}

/// `wagectl maintenance …`.
struct MaintenanceGroup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "maintenance", abstract: "Operator housekeeping.", subcommands: [PruneCommand.self])
}
