import Foundation
import Store
import Messages
import Workflow

/// How a `wage.cases` row maps to the domain's `CaseState`.
enum CaseRow {
    /// The select list `decode` reads.
    static let columns = """
        case_id::text AS case_id, channel, clue_ref, origin, employer_name, employer_credit_code,
        project_name, project_location, project_no, sector, workers_count, amount_owed_fen, risk_level, status,
        assignee, due_on::text AS due_on, task_force, escalated_on::text AS escalated_on, leader,
        leader_department, city_leader, discipline_supervision, amount_paid_fen, workers_paid, resolution_note, disposition,
        resolved_by, resolved_at, opened_at, closed_at
        """

    static func decode(_ row: PGRow) throws -> CaseState {
        let id = try row.string("case_id")
        func code<T: RawRepresentable>(_ column: String) throws -> T where T.RawValue == String {
            guard let value = T(rawValue: try row.string(column)) else { throw CorruptRow("wage.cases \(id)", "unreadable column \(column)") }
            return value
        }
        func optionalCode<T: RawRepresentable>(_ column: String) throws -> T? where T.RawValue == String {
            guard let text = try row.optionalString(column) else { return nil }
            guard let value = T(rawValue: text) else { throw CorruptRow("wage.cases \(id)", "unreadable column \(column)") }
            return value
        }
        func day(_ column: String) throws -> Day? {
            guard let text = try row.optionalString(column) else { return nil }
            guard let value = Day(iso: text) else { throw CorruptRow("wage.cases \(id)", "unreadable column \(column)") }
            return value
        }
        let projectName = try row.optionalString("project_name")
        let projectLocation = try row.optionalString("project_location")
        var taskForce: [Principal] = []
        for member in try row.stringArray("task_force") {
            guard let p = Principal(rawValue: member) else { throw CorruptRow("wage.cases \(id)", "unreadable column task_force") }
            taskForce.append(p)
        }
        var leader: CaseLeader?
        if let name = try row.optionalString("leader") {
            let department: String? = row["leader_department"]
            guard let department else { throw CorruptRow("wage.cases \(id)", "unreadable column leader_department") }
            leader = CaseLeader(name: name, department: department, cityLeader: try row.optionalString("city_leader"))
        }
        var resolution: CaseResolution?
        if let resolvedAt = try row.optionalDate("resolved_at") {
            let by: Principal? = try optionalCode("resolved_by")
            let disposition: CaseDisposition? = try optionalCode("disposition")
            resolution = CaseResolution(
                disposition: disposition ?? .paid,
                amountPaid: try row.optionalInt64("amount_paid_fen").map { Money(fen: $0) },
                workersPaid: try row.optionalInt("workers_paid"),
                note: try row.optionalString("resolution_note"), resolvedBy: by ?? .hrss, resolvedAt: resolvedAt)
        }
        return CaseState(
            caseID: id, channel: try code("channel"), clueRef: try row.string("clue_ref"), origin: try code("origin"),
            employer: Employer(name: try row.string("employer_name"), creditCode: try row.optionalString("employer_credit_code")),
            project: projectName == nil && projectLocation == nil ? nil : Project(name: projectName, location: projectLocation),
            projectNo: try row.optionalString("project_no"), sector: try code("sector"), workersCount: try row.int("workers_count"),
            amountOwed: Money(fen: try row.int64("amount_owed_fen")), risk: try code("risk_level"),
            status: try code("status"), assignee: try optionalCode("assignee"), dueOn: try day("due_on"),
            taskForce: taskForce, escalatedOn: try day("escalated_on"), leader: leader,
            underDisciplineSupervision: try row.bool("discipline_supervision"), resolution: resolution,
            openedAt: try row.date("opened_at"), closedAt: try row.optionalDate("closed_at"))
    }
}
