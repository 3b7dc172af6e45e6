import Store
import Messages

/// The sector of a registered project, as the office's ledger (`wage.projects`)
/// has it: what `wagectl` uses to check a project message as the router would
/// (the router keeps its own directory of routed registrations).
enum ProjectLookup {
    /// The project's sector, or `nil` when it is not registered or cannot be read.
    static func sector(of projectNo: String, db: PGConnection) -> Sector? {
        guard let row = try? db.execute("SELECT sector FROM wage.projects WHERE project_no = $1", [projectNo]).rows.first,
              let code = try? row.string("sector") else { return nil }
        return Sector(rawValue: code)
    }
}
