import Store

/// PostgreSQL's cumulative WAL counters, read before and after a phase to see
/// what each case cost the database: WAL bytes (exact, from the WAL position)
/// and WAL flushes (`pg_stat_wal.wal_sync`, which backends report at most about
/// once a second, so the phase end waits for them). Read-only queries of the
/// benchmark write no WAL.
struct DatabaseCounters {
    let walBytes: Double
    let walSyncs: Double
    let rowsWritten: Double

    static func read(_ admin: PGConnection) throws -> DatabaseCounters {
        let row = try admin.execute(
            """
            SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::float8 AS bytes,
                   (SELECT wal_sync FROM pg_stat_wal)::float8 AS syncs,
                   (SELECT (tup_inserted + tup_updated)::float8 FROM pg_stat_database WHERE datname = current_database()) AS rows
            """).rows.first
        return DatabaseCounters(walBytes: try row?.double("bytes") ?? 0, walSyncs: try row?.double("syncs") ?? 0,
                                rowsWritten: try row?.double("rows") ?? 0)
    }

    /// Per-case costs between `self` (start) and `end`.
    func perCase(until end: DatabaseCounters, cases: Int) -> DatabaseCost? {
        guard cases > 0 else { return nil }
        let n = Double(cases)
        return DatabaseCost(walKiBPerCase: ((end.walBytes - walBytes) / 1024 / n * 10).rounded() / 10,
                            walFlushesPerCase: ((end.walSyncs - walSyncs) / n * 100).rounded() / 100,
                            rowsWrittenPerCase: ((end.rowsWritten - rowsWritten) / n * 10).rounded() / 10)
    }
}

/// What one case cost PostgreSQL in a phase.
struct DatabaseCost: Codable {
    var walKiBPerCase: Double
    /// WAL flushes (fsync) per case: about one per commit unless commits share a flush.
    var walFlushesPerCase: Double
    var rowsWrittenPerCase: Double
}
