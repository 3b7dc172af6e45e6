import Messages

/// The project the catalogue's samples name (CONTRACT §8: `P-2026-001`, a
/// construction project, so its regulator is housing), known to the router as if
/// its registration had been routed, for tests that send every type's sample.
enum SampleProjects {
    static let projectNo = "P-2026-001"

    /// The router's project directory for those tests (`Duties.route(projects:)`).
    static func sector(of projectNo: String) -> Sector? { projectNo == self.projectNo ? .construction : nil }
}

extension Harness {
    /// Makes the sample project known to the router (`wage.router_projects`).
    func seedSampleProject() throws {
        _ = try rows("""
            INSERT INTO wage.router_projects (project_no, sector, message_id) VALUES ($1, 'construction', 'seed-sample-project')
            ON CONFLICT (project_no) DO NOTHING
            """, [SampleProjects.projectNo])
    }
}
