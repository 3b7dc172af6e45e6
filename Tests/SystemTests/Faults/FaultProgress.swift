import Foundation
import Store
@testable import Messages
import Workflow

/// How far the run's effects are, phase by phase, read from the database as the
/// administrator. Each function returns how many expected effects are still missing.
struct FaultProgress {
    let plan: FaultPlan
    let db: ResilientAdmin
    var like: String { plan.prefix + "-%" }

    private func shortfall(_ expected: Int, _ sql: String, _ params: [any PGBindable] = []) throws -> Int {
        max(0, expected - (try db.int(sql, [like as any PGBindable] + params)))
    }

    func registered() throws -> Int {
        let dups = plan.cases.filter { $0.reportedAgainBy != nil }.count
        return try shortfall(plan.cases.count, "SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1 AND status = 'transferred'")
            + shortfall(plan.petitionCases.count + plan.otherPetitions.count,
                        "SELECT count(*) FROM wage.petitions WHERE petition_no LIKE $1")
            + shortfall(plan.depositsFen.count, "SELECT count(*) FROM wage.fund_entries WHERE message_id LIKE $1 AND kind = 'deposit'")
            + shortfall(plan.providers.count, "SELECT count(*) FROM wage.legal_aid_provider_roster WHERE provider_id LIKE $1")
            + shortfall(FaultReturns.kinds.count,
                        "SELECT count(*) FROM wage.department_returns WHERE message_id LIKE $1 AND month = $2", [plan.returnsMonth])
            + shortfall(dups, """
                SELECT count(*) FROM wage.case_events e JOIN wage.cases c USING (case_id)
                WHERE c.clue_ref LIKE $1 AND e.event = 'reported_again'
                """)
    }

    func worked() throws -> Int {
        try shortfall(plan.cases.count, "SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1 AND status = 'accepted'")
            + shortfall(plan.cases.count, """
                SELECT count(*) FROM wage.case_events e JOIN wage.cases c USING (case_id)
                WHERE c.clue_ref LIKE $1 AND e.event = 'progress' AND e.department = 'hrss'
                """)
            + shortfall(plan.funds.count, "SELECT count(*) FROM wage.fund_requests WHERE request_no LIKE $1 AND status = 'awaiting_approval'")
            + shortfall(plan.aidCases.count, "SELECT count(*) FROM wage.legal_aid_overview WHERE application_no LIKE $1 AND status = 'assigned'")
            + shortfall(plan.referralCases.count, "SELECT count(*) FROM wage.referral_overview WHERE referral_no LIKE $1 AND status = 'under_review'")
            + shortfall(1, """
                SELECT count(*) FROM wage.department_returns
                WHERE message_id LIKE $1 AND month = $2 AND kind = 'construction_starts' AND revisions >= 1
                """, [plan.returnsMonth])
    }

    func resolved() throws -> Int {
        try shortfall(plan.cases.count, "SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1 AND status = 'resolved'")
            + shortfall(plan.funds.filter(\.approved).count,
                        "SELECT count(*) FROM wage.fund_requests WHERE request_no LIKE $1 AND status = 'disbursed'")
            + shortfall(plan.funds.filter { !$0.approved }.count,
                        "SELECT count(*) FROM wage.fund_requests WHERE request_no LIKE $1 AND status = 'rejected'")
            + shortfall(plan.referralCases.count, "SELECT count(*) FROM wage.referral_overview WHERE referral_no LIKE $1 AND status = 'filed'")
            + shortfall(plan.referralCases.count, "SELECT count(*) FROM wage.referral_measures WHERE referral_no LIKE $1")
    }

    func closed() throws -> Int {
        try shortfall(plan.cases.count, "SELECT count(*) FROM wage.cases WHERE clue_ref LIKE $1 AND status = 'closed'")
            + shortfall(plan.funds.filter(\.approved).count,
                        "SELECT count(*) FROM wage.fund_requests WHERE request_no LIKE $1 AND status = 'partially_recovered'")
            + shortfall(plan.petitionCases.count, "SELECT count(*) FROM wage.petitions WHERE petition_no LIKE $1 AND status = 'replied'")
    }

    /// Messages still on their way: unpublished outbox rows, and routed messages a
    /// worker has not consumed yet (no inbox row of that recipient).
    func inFlight() throws -> Int {
        try db.int("SELECT count(*) FROM wage.outbox WHERE message_id LIKE $1 AND published_at IS NULL", [like])
            + unconsumed()
    }

    /// Routed to a worker that has no inbox row for it.
    func unconsumed() throws -> Int {
        try db.int("""
            SELECT count(*) FROM wage.routing_log r CROSS JOIN LATERAL unnest(r.recipients) AS rc(p)
            WHERE r.message_id LIKE $1 AND rc.p NOT IN ('platform', 'government')
              AND NOT EXISTS (SELECT 1 FROM wage.inbox i WHERE i.consumer = rc.p AND i.message_id = r.message_id)
            """, [like])
    }

    /// Polls `missing` every half second until it is 0 or `timeout` passes;
    /// returns the last count (0 = done).
    static func wait(_ timeout: Double, _ missing: () throws -> Int) rethrows -> Int {
        let end = Date().addingTimeInterval(timeout)
        var left = try missing()
        while left > 0, Date() < end {
            Thread.sleep(forTimeInterval: 0.5)
            left = try missing()
        }
        return left
    }
}
