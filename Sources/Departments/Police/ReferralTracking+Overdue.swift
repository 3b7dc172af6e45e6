import Runtime
import Store
import Messages
import Workflow

/// A referral whose police decision is overdue (CONTRACT §3 "Overdue decisions are
/// listed by the sweep").
public struct OverdueReferral: Sendable, Hashable {
    public let referralNo: String
    public let caseID: String
    public let status: ReferralStatus
    public let decideBy: Day
    /// Calendar days between `decideBy` and the day of the check (≥ 1).
    public let daysOverdue: Int
}

extension ReferralTracking {
    /// Event recorded on the case timeline under hrss for an overdue decision.
    public static let overdueEvent = "referral_overdue"

    /// The referrals whose decision is overdue as of `day` (rule:
    /// `ReferralState.isDecisionOverdue`), by deadline then number; records
    /// `referral_overdue` on each one's case timeline under the context's principal,
    /// once per referral and `decide_by` (a reconsideration's new deadline can be
    /// overdue again). Serialised by a transaction-level advisory lock, so two
    /// workers never record the same entry twice.
    ///
    /// `worker-hrss` calls it periodically with today; the office's `office.sweep`
    /// may call it with its `as_of` and list the result. The same list, for today,
    /// is the view `wage.overdue_referrals`.
    @discardableResult
    public static func recordOverdue(asOf day: Day, context: HandlerContext) throws -> [OverdueReferral] {
        try context.db.execute("SELECT pg_advisory_xact_lock($1::bigint)", [overdueLockKey])
        let rows = try context.db.execute(
            """
            SELECT referral_no, case_id::text AS case_id, status, decide_by::text AS decide_by
            FROM wage.referral_overview WHERE status IN ('under_review', 'reconsidering')
            ORDER BY decide_by, referral_no
            """).rows
        var overdue: [OverdueReferral] = []
        for row in rows {
            guard let status = ReferralStatus(rawValue: try row.string("status")),
                  let decideBy = try row.optionalString("decide_by").flatMap(Day.init(iso:)),
                  ReferralState.isDecisionOverdue(status: status, decideBy: decideBy, asOf: day) else { continue }
            let item = OverdueReferral(referralNo: try row.string("referral_no"), caseID: try row.string("case_id"),
                                       status: status, decideBy: decideBy, daysOverdue: day.ordinal - decideBy.ordinal)
            overdue.append(item)
            if try !alreadyRecorded(item, context: context) {
                try context.timeline(caseID: item.caseID, event: overdueEvent, detail: [
                    "referral_no": .string(item.referralNo), "decide_by": .day(item.decideBy),
                    "days_overdue": .int(item.daysOverdue), "status": .string(item.status.rawValue), "as_of": .day(day),
                ])
            }
        }
        return overdue
    }

    /// Key of the advisory lock around `recordOverdue` ("referral" in ASCII).
    static let overdueLockKey: Int64 = 0x7265_6665_7272_616c

    static func alreadyRecorded(_ item: OverdueReferral, context: HandlerContext) throws -> Bool {
        try !context.db.execute(
            """
            SELECT 1 FROM wage.case_events
            WHERE case_id = $1::uuid AND department = $2 AND event = $3
              AND detail->>'referral_no' = $4 AND detail->>'decide_by' = $5
            LIMIT 1
            """,
            [item.caseID, context.principal.rawValue, overdueEvent, item.referralNo, item.decideBy.iso]).rows.isEmpty
    }
}
