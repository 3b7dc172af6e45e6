import Runtime
import Store
import Messages
import Workflow

/// The sweep's project warnings (CONTRACT §8.6 table), applied in the `office.sweep`
/// transaction: raises what `ProjectWarningRules` says holds for every active
/// project and is not open yet, and clears the open warnings of those kinds that no
/// longer hold (a completed project holds none). A handful of set-based queries
/// whatever the number of projects.
struct ProjectSweep {
    let context: HandlerContext

    func run(asOf: Day) throws {
        let recorder = WarningRecorder(context: context)
        let open = try recorder.openKeys(of: ProjectWarningRules.kinds)
        var openPeriods: [String: [WarningKind: Set<Month>]] = [:]
        for key in open {
            guard let projectNo = key.projectNo, let month = key.period.flatMap(Month.init(iso:)) else { continue }
            openPeriods[projectNo, default: [:]][key.kind, default: []].insert(month)
        }
        var holding: Set<WarningKey> = []
        var raised = 0
        for snapshot in try snapshots() {
            for warning in ProjectWarningRules.evaluate(snapshot, asOf: asOf, settings: context.settings,
                                                        openPeriods: openPeriods[snapshot.projectNo] ?? [:]) {
                holding.insert(warning.key)
                guard !open.contains(warning.key) else { continue }
                if try recorder.raise(warning) {
                    raised += 1
                    try ProjectTimeline(context: context).append(snapshot.projectNo, .warningRaised, [
                        "kind": .string(warning.kind.rawValue), "period": warning.period.map(JSONValue.string) ?? .null,
                        "as_of": .day(asOf)])
                }
            }
        }
        var cleared = 0
        for key in open.subtracting(holding) where try recorder.clear(key, by: "sweep", note: "as of \(asOf.iso)") {
            cleared += 1
            if let projectNo = key.projectNo {
                try ProjectTimeline(context: context).append(projectNo, .warningCleared, [
                    "kind": .string(key.kind.rawValue), "period": key.period.map(JSONValue.string) ?? .null, "as_of": .day(asOf)])
            }
        }
        if raised + cleared > 0 {
            context.logger.notice("project warnings swept", metadata: ["as_of": "\(asOf)", "raised": "\(raised)", "cleared": "\(cleared)"])
        }
    }

    /// Every active project with what the rules read.
    func snapshots() throws -> [ProjectSnapshot] {
        let db = context.db
        let projects = try db.execute("SELECT \(ProjectRecord.columns) FROM wage.projects WHERE status = 'active' ORDER BY project_no")
            .rows.map(ProjectRecord.init(row:))
        guard !projects.isEmpty else { return [] }
        let numbers = projects.map(\.projectNo)
        func months(_ table: String, _ column: String) throws -> [String: Set<Month>] {
            var out: [String: Set<Month>] = [:]
            for row in try db.execute("SELECT DISTINCT project_no, \(column) AS month FROM wage.\(table) WHERE project_no = ANY($1::text[])",
                                      [numbers]).rows {
                if let m = Month(iso: try row.string("month")) { out[try row.string("project_no"), default: []].insert(m) }
            }
            return out
        }
        let statements = try months("account_statements", "month")
        let payrolls = try months("payrolls", "month")
        var firstEntry: [String: Day] = [:]
        for row in try db.execute(
            "SELECT project_no, min(entered_on)::text AS first FROM wage.roster WHERE project_no = ANY($1::text[]) GROUP BY project_no",
            [numbers]).rows {
            firstEntry[try row.string("project_no")] = Day(iso: try row.string("first"))
        }
        let inspected = Set(try db.execute(
            """
            SELECT DISTINCT i.project_no FROM wage.inspections i JOIN wage.projects p USING (project_no)
            WHERE p.project_no = ANY($1::text[]) AND i.inspected_on >= p.permit_issued_on
            """, [numbers]).rows.map { try $0.string("project_no") })
        return projects.map { p in
            ProjectSnapshot(projectNo: p.projectNo, regulator: p.regulator, permitIssuedOn: p.permitIssuedOn, deposit: p.deposit,
                            accountOpenedOn: p.accountOpenedOn, statementMonths: statements[p.projectNo] ?? [],
                            payrollMonths: payrolls[p.projectNo] ?? [], firstEntry: firstEntry[p.projectNo],
                            inspected: inspected.contains(p.projectNo))
        }
    }
}
