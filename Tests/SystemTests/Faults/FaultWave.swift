import Foundation
@testable import Messages
import Workflow

/// One wave of cases taken through the four phases (registration; accept,
/// progress and requests; resolutions and decisions; closing and repayments).
/// Waves overlap, so the system is busy for as long as the faults go on.
final class FaultWave {
    let plan: FaultPlan
    let progress: FaultProgress
    /// Phases sent so far (0…4); the wave is finished when phase 4's effects are all there.
    private(set) var phase = 0
    private(set) var finished = false
    private(set) var failure: String?
    private(set) var caseIDs: [Int: String] = [:]
    private(set) var refusals: [IntendedRefusal] = []
    private(set) var sent: [String] = []
    private var sentAt = Date()
    static let phaseNames = ["registration", "accept, progress and requests", "resolutions and decisions", "closing and repayments"]

    init(plan: FaultPlan, db: ResilientAdmin) {
        self.plan = plan
        progress = FaultProgress(plan: plan, db: db)
        // The plan's month of department returns is its own (a run of an earlier process may have used it).
        _ = try? db.rows("DELETE FROM wage.department_returns WHERE month = $1 RETURNING month", [plan.returnsMonth])
    }

    /// Sends the next phase once the previous one has had all its effects;
    /// records a failure when a phase is not complete within `timeout` seconds.
    func advance(_ publisher: ReliablePublisher, timeout: Double = 240) throws {
        guard !finished, failure == nil else { return }
        if phase > 0 {
            let missing = try self.missing(after: phase)
            guard missing == 0 else {
                if Date().timeIntervalSince(sentAt) > timeout {
                    failure = "\(plan.prefix) \(FaultWave.phaseNames[phase - 1]): \(missing) effect(s) missing after \(Int(timeout)) s"
                }
                return
            }
        }
        switch phase {
        case 0: try send(plan.registrationPhase(), publisher)
        case 1:
            caseIDs = try loadCaseIDs()
            refusals = plan.intendedRefusals(caseIDs)
            try send(plan.workPhase(caseIDs) + refusals.map(\.message), publisher)
        case 2: try send(plan.resolutionPhase(caseIDs), publisher)
        case 3: try send(plan.closingPhase(caseIDs), publisher)
        default: finished = true; return
        }
        phase += 1
    }

    private func missing(after phase: Int) throws -> Int {
        switch phase {
        case 1: return try progress.registered()
        case 2: return try progress.worked()
        case 3: return try progress.resolved()
        default: return try progress.closed()
        }
    }

    private func send(_ messages: [PlannedMessage], _ publisher: ReliablePublisher) throws {
        try publisher.publish(messages)
        sent += messages.map(\.id)
        sentAt = Date()
    }

    private func loadCaseIDs() throws -> [Int: String] {
        let byRef = Dictionary(uniqueKeysWithValues: plan.cases.map { ($0.clueRef, $0.n) })
        var ids: [Int: String] = [:]
        for row in try progress.db.rows("SELECT clue_ref, case_id::text AS id FROM wage.cases WHERE clue_ref LIKE $1", [progress.like]) {
            if let n = byRef[row["clue_ref"] ?? ""] { ids[n] = row["id"] }
        }
        guard ids.count == plan.cases.count else { throw FaultSetupError("only \(ids.count) of \(plan.cases.count) cases registered") }
        return ids
    }
}
