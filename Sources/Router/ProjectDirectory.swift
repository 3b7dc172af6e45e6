import Duties
import Messages
import Store

/// The projects the router knows (CONTRACT §8): the sector of each registered
/// project, hence its regulator. Learnt when the router routes a `project.register`
/// and kept in `wage.router_projects`, written in the transaction that records the
/// routing decision, so the directory never knows a project whose registration was
/// not routed. Lives on the router's thread (one connection, no locking).
final class ProjectDirectory {
    private let db: PGConnection
    /// Known projects (from the table, or routed by this process).
    private var known: [String: Sector] = [:]
    /// Registrations routed in the batch being decided, written with its records.
    private(set) var pending: [(projectNo: String, sector: Sector, messageID: String)] = []

    init(db: PGConnection) { self.db = db }

    /// The sector of `projectNo`, or `nil` when no registration was routed.
    /// Throws when the database cannot be read (the batch is retried). A value that
    /// is not a project number at all (too long, blank, U+0000, which libpq cannot
    /// even send) is never looked up: the schema check refuses it right after, and a
    /// lookup that failed on it would retry the batch for ever.
    func sector(of projectNo: String) throws -> Sector? {
        if let sector = known[projectNo] { return sector }
        guard SchemaValidator.check(value: .string(projectNo), kind: .projectNo, path: "") == nil else { return nil }
        let rows = try db.execute("SELECT sector FROM wage.router_projects WHERE project_no = $1", [projectNo]).rows
        guard let code = try rows.first?.string("sector"), let sector = Sector(rawValue: code) else { return nil }
        known[projectNo] = sector
        return sector
    }

    /// Notes a routed registration; the first one of a `project_no` wins.
    func registered(_ projectNo: String, sector: Sector, messageID: String) {
        guard known[projectNo] == nil else { return }
        known[projectNo] = sector
        pending.append((projectNo, sector, messageID))
    }

    /// Writes the pending registrations (inside the batch's transaction).
    func write(_ db: PGConnection) throws {
        guard !pending.isEmpty else { return }
        try db.execute(
            """
            INSERT INTO wage.router_projects (project_no, sector, message_id)
            SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) ON CONFLICT (project_no) DO NOTHING
            """, [pending.map(\.projectNo), pending.map(\.sector.rawValue), pending.map(\.messageID)])
    }

    /// After a commit: the pending registrations are durable.
    func committed() { pending.removeAll() }

    /// After a failed batch: forget what it taught, so the retry learns it again.
    func rolledBack() {
        for entry in pending { known[entry.projectNo] = nil }
        pending.removeAll()
    }
}
