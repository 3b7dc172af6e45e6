import Foundation
import Store
import Messages
import Workflow

/// Reads and writes `wage.cases` for the office. Every read that precedes a
/// change locks the row (`FOR NO KEY UPDATE`), so concurrent messages about one
/// case (several hrss consumers, a sweep) apply one after the other. Not `FOR
/// UPDATE`: that would also wait for the KEY SHARE lock every other worker's
/// timeline entry takes on the case (its foreign key) until it commits, and two
/// such waits in opposite orders deadlocked (40P01; Tests/SystemTests/Faults/TimelineLockTests).
enum CaseStore {
    /// The case `caseID` (canonical UUID text), locked; `nil` when there is none.
    static func lock(_ caseID: String, db: PGConnection) throws -> CaseState? {
        try db.execute("SELECT \(CaseRow.columns) FROM wage.cases WHERE case_id = $1::uuid FOR NO KEY UPDATE", [caseID])
            .rows.first.map(CaseRow.decode)
    }

    /// The case of `channel` + `clueRef`, locked; `nil` when there is none.
    static func lock(channel: ClueChannel, clueRef: String, db: PGConnection) throws -> CaseState? {
        try db.execute(
            "SELECT \(CaseRow.columns) FROM wage.cases WHERE channel = $1 AND clue_ref = $2 FOR NO KEY UPDATE",
            [channel.rawValue, clueRef]).rows.first.map(CaseRow.decode)
    }

    /// The open cases whose deadline is before `asOf`, whatever their status
    /// (CONTRACT §7.8; a leader package only until it is listed for supervision),
    /// locked in case-id order (one lock order for every sweep). With nothing due
    /// this is one probe of the partial index `cases_sweep_due` (sql/0155).
    static func lockOverdue(asOf: Day, db: PGConnection) throws -> [CaseState] {
        try db.execute(
            """
            SELECT \(CaseRow.columns) FROM wage.cases
            WHERE status IN ('transferred', 'accepted', 'returned', 'task_force', 'leader_package')
              AND due_on < $1::date AND NOT (status = 'leader_package' AND discipline_supervision)
            ORDER BY case_id FOR NO KEY UPDATE
            """, [asOf.iso]).rows.map(CaseRow.decode)
    }

    /// Inserts a newly registered case with the report's fields; `false` when a
    /// case with the same channel + clue_ref already exists (it may have been
    /// committed meanwhile by another consumer).
    static func insert(_ state: CaseState, report: ClueReport, sourceMessageID: String, db: PGConnection) throws -> Bool {
        let inserted = try db.execute(
            """
            INSERT INTO wage.cases (case_id, channel, clue_ref, origin, employer_name, employer_credit_code,
                project_name, project_location, sector, workers_count, amount_owed_fen, description, reporter,
                status, assignee, risk_level, due_on, opened_at, source_message_id, project_no)
            VALUES ($1::uuid, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15, $16, $17::date, $18, $19, $20)
            ON CONFLICT (channel, clue_ref) DO NOTHING
            """,
            [state.caseID, state.channel.rawValue, state.clueRef, state.origin.rawValue, state.employer.name,
             state.employer.creditCode, state.project?.name, state.project?.location, state.sector.rawValue,
             state.workersCount, state.amountOwed.fen, report.description, report.reporter.map { $0.json.serialized },
             state.status.rawValue, state.assignee?.rawValue, state.risk.rawValue, state.dueOn?.iso, state.openedAt,
             sourceMessageID, state.projectNo])
        return inserted.affectedRows == 1
    }

    /// Writes every field a transition may change. `leaderPackage` (the sweep's
    /// `as_of` and the task force deadline it missed) is stored the first time the
    /// case becomes a leader package. Queued (`executeDeferred`): the row is locked
    /// already, so only a broken constraint can fail it, and that fails the message
    /// at the next statement or the commit.
    static func update(_ state: CaseState, leaderPackage: (on: Day, missed: Day?)? = nil, db: PGConnection) throws {
        let resolution = state.resolution
        try db.executeDeferred(
            """
            UPDATE wage.cases SET status = $2, assignee = $3, sector = $4, due_on = $5::date, task_force = $6,
                escalated_on = $7::date, leader = $8, leader_department = $9, discipline_supervision = $10,
                leader_package_on = COALESCE(leader_package_on, $11::date), amount_paid_fen = $12,
                workers_paid = $13, resolved_by = $14, resolution_note = $15, resolved_at = $16, closed_at = $17,
                disposition = $18, city_leader = $19,
                task_force_missed_due_on = COALESCE(task_force_missed_due_on, $20::date)
            WHERE case_id = $1::uuid
            """,
            [state.caseID, state.status.rawValue, state.assignee?.rawValue, state.sector.rawValue, state.dueOn?.iso,
             state.taskForce.map(\.rawValue), state.escalatedOn?.iso, state.leader?.name,
             state.leader?.department, state.underDisciplineSupervision, leaderPackage?.on.iso,
             resolution?.amountPaid?.fen, resolution?.workersPaid, resolution?.resolvedBy.rawValue,
             resolution?.note, resolution?.resolvedAt, state.closedAt, resolution?.disposition.rawValue,
             state.leader?.cityLeader, leaderPackage?.missed?.iso])
    }

    /// Lists a leader package for discipline supervision (`wage.supervision_list`,
    /// CONTRACT §7.3) with the values in force; once per case (the primary key).
    static func list(_ listing: SupervisionListing, messageID: String?, db: PGConnection) throws {
        try db.executeDeferred(
            """
            INSERT INTO wage.supervision_list (case_id, case_no, leader, leader_department, city_leader, due_on,
                listed_on, message_id)
            SELECT c.case_id, c.case_no, $2, $3, $4, $5::date, $6::date, $7 FROM wage.cases c WHERE c.case_id = $1::uuid
            ON CONFLICT (case_id) DO NOTHING
            """,
            [listing.caseID, listing.leader, listing.leaderDepartment, listing.cityLeader, listing.dueOn.iso,
             listing.listedOn.iso, messageID])
    }
}
