import Foundation
import Store

/// PostgreSQL's raw single-row commit rate: each `INSERT` of one ~0.6 KB JSON row
/// into a scratch table is its own transaction (autocommit: one round trip, one
/// WAL flush), from one client and from four clients at once (each on its own
/// thread and connection, as the administrator). The scratch schema
/// `wage_bench` is created for the measurement and dropped afterwards.
struct RawDatabase {
    let adminURL: String
    let seconds: Double
    let body: String

    struct Result: Codable {
        var method: String
        var seconds: Double
        var oneClientCommitsPerSecond: Double
        var fourClientsCommitsPerSecond: Double
        var oneClientMeanCommitMillis: Double
        /// The 1-client rate measured again after the pipeline (fsync speed drifts).
        var oneClientAfterPipelineCommitsPerSecond: Double?
        /// The 1-client figure the ratios use: the mean of before and after when both exist.
        var oneClientReference: Double {
            oneClientAfterPipelineCommitsPerSecond.map { ($0 + oneClientCommitsPerSecond) / 2 } ?? oneClientCommitsPerSecond
        }
        /// Prepared `SELECT $1::int` per second on one connection: the cost of one
        /// statement round trip, which every handler statement pays.
        var roundTripsPerSecond: Double
        var synchronousCommit: String
        var walSyncMethod: String
    }

    func run() throws -> Result {
        try withScratchTable { admin in
            let sync = try admin.execute("SHOW synchronous_commit").rows.first?.string("synchronous_commit") ?? "?"
            let method = try admin.execute("SHOW wal_sync_method").rows.first?.string("wal_sync_method") ?? "?"
            let one = try commitRate(clients: 1)
            let four = try commitRate(clients: 4)
            let trips = try roundTrips(admin)
            return Result(method: "INSERT of one jsonb row per transaction (autocommit, prepared), Store/libpq",
                          seconds: seconds, oneClientCommitsPerSecond: one, fourClientsCommitsPerSecond: four,
                          oneClientMeanCommitMillis: one > 0 ? 1000 / one : 0, roundTripsPerSecond: trips,
                          synchronousCommit: sync, walSyncMethod: method)
        }
    }

    /// Prepared one-row SELECTs per second for half the measurement time.
    private func roundTrips(_ db: PGConnection) throws -> Double {
        let started = Date(), deadline = started.addingTimeInterval(seconds / 2)
        var n = 0
        while Date() < deadline { _ = try db.execute("SELECT $1::int AS n", [n]); n += 1 }
        return Double(n) / Date().timeIntervalSince(started)
    }

    /// The 1-client rate alone (measured again after the pipeline).
    func oneClientAgain() throws -> Double { try withScratchTable { _ in try commitRate(clients: 1) } }

    /// Runs `body` with the scratch schema `wage_bench` created, and drops it afterwards.
    private func withScratchTable<T>(_ body: (PGConnection) throws -> T) throws -> T {
        let admin = try PGConnection(url: adminURL, applicationName: "wage-bench-raw")
        defer { admin.close() }
        try admin.execute("DROP SCHEMA IF EXISTS wage_bench CASCADE")
        try admin.execute("CREATE SCHEMA wage_bench; CREATE TABLE wage_bench.raw_commit (id bigserial PRIMARY KEY, body jsonb NOT NULL)")
        defer { _ = try? admin.execute("DROP SCHEMA IF EXISTS wage_bench CASCADE") }
        return try body(admin)
    }

    /// Commits per second of `clients` threads inserting for `seconds`.
    private func commitRate(clients: Int) throws -> Double {
        let counts = Locked([Int](repeating: 0, count: clients))
        let failure = Locked<String?>(nil)
        let group = DispatchGroup()
        let deadline = Date().addingTimeInterval(seconds)
        let (url, body) = (adminURL, body)
        let started = Date()
        for n in 0..<clients {
            group.enter()
            Thread.detachNewThread {
                defer { group.leave() }
                do {
                    let db = try PGConnection(url: url, applicationName: "wage-bench-raw-\(n)")
                    defer { db.close() }
                    var done = 0
                    while Date() < deadline {
                        try db.execute("INSERT INTO wage_bench.raw_commit (body) VALUES ($1::jsonb)", [body])
                        done += 1
                    }
                    counts.withLock { $0[n] = done }
                } catch {
                    failure.withLock { $0 = "raw commit client \(n): \(error)" }
                }
            }
        }
        group.wait()
        if let message = failure.current { throw BenchFailure(message) }
        return Double(counts.current.reduce(0, +)) / Date().timeIntervalSince(started)
    }
}
