/// The monthly report's queries. Parameters: $1 first day of the month, $2 first
/// day of the next month, $3 the as-of day; instants are compared with the
/// month's bounds in Asia/Shanghai.
enum ReportSQL {
    /// Today in Asia/Shanghai, as SQL.
    static let today = "(now() AT TIME ZONE 'Asia/Shanghai')::date"

    static let bounds = """
        b AS (SELECT ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t0,
                     ($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai' AS t1)
        """

    /// The month's bounds as expressions, for queries over the big tables: unlike a
    /// join with the `b` row, the planner sees their values (a stable expression is
    /// estimated with its value), so it picks the time indexes of sql/0210 instead of
    /// walking every case (issue 23: 2.7 s → tens of ms with a million cases).
    static let t0 = "(($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai')"
    static let t1 = "(($2::date)::timestamp AT TIME ZONE 'Asia/Shanghai')"

    /// One row per (department, metric): received, resolved (+ on_time, paid_fen), closed, overdue.
    static let departments = """
        SELECT t.detail->>'to' AS dept, 'received' AS metric, count(DISTINCT t.case_id)::int AS n, 0 AS on_time, 0::bigint AS paid_fen
        FROM wage.case_timeline_events t
        WHERE t.event = 'transferred' AND t.at >= \(t0) AND t.at < \(t1) AND t.detail ? 'to'
        GROUP BY 1
        UNION ALL
        SELECT c.assignee, 'resolved', count(*)::int,
               (count(*) FILTER (WHERE (c.resolved_at AT TIME ZONE 'Asia/Shanghai')::date <= c.due_on
                    AND NOT EXISTS (SELECT 1 FROM wage.case_timeline_events e
                                    WHERE e.case_id = c.case_id AND e.event IN ('overdue_escalated', 'leader_package'))))::int,
               coalesce(sum(c.amount_paid) * 100, 0)::bigint
        FROM wage.case_overview c
        WHERE c.resolved_at >= \(t0) AND c.resolved_at < \(t1)
        GROUP BY 1
        UNION ALL
        SELECT c.assignee, 'closed', count(*)::int, 0, 0
        FROM wage.case_overview c WHERE c.closed_at >= \(t0) AND c.closed_at < \(t1)
        GROUP BY 1
        UNION ALL
        SELECT c.assignee, 'overdue', count(*)::int, 0, 0
        FROM wage.case_overview c
        WHERE c.opened_at < \(t1) AND c.due_on < $3::date AND (c.resolved_at IS NULL OR c.resolved_at >= \(t1))
        GROUP BY 1
        """

    /// Per ledger kind: fen moved in the month and up to its end.
    static let fundMovements = """
        SELECT kind, coalesce(sum(amount_fen) FILTER (WHERE day >= $1::date AND day < $2::date), 0)::bigint AS in_month,
               coalesce(sum(amount_fen) FILTER (WHERE day < $2::date), 0)::bigint AS to_end
        FROM wage.fund_movements GROUP BY kind
        """

    static let fundRequests = """
        WITH \(bounds)
        SELECT count(*)::int AS requests,
               (count(*) FILTER (WHERE f.status IN ('rejected', 'insufficient_fund')))::int AS rejected
        FROM wage.fund_overview f, b WHERE f.requested_at >= b.t0 AND f.requested_at < b.t1
        """

    static let referrals = """
        WITH \(bounds)
        SELECT (count(*) FILTER (WHERE r.received_at >= b.t0 AND r.received_at < b.t1))::int AS submitted,
               (count(*) FILTER (WHERE r.status = 'incomplete' AND r.received_at >= b.t0 AND r.received_at < b.t1))::int AS incomplete,
               (count(*) FILTER (WHERE r.status = 'filed' AND r.decided_at >= b.t0 AND r.decided_at < b.t1))::int AS filed,
               (count(*) FILTER (WHERE r.status = 'not_filed' AND r.decided_at >= b.t0 AND r.decided_at < b.t1))::int AS not_filed,
               coalesce(sum(r.measures) FILTER (WHERE r.received_at < b.t1), 0)::int AS measures,
               (count(*) FILTER (WHERE r.status IN ('under_review', 'reconsidering')))::int AS pending,
               (count(*) FILTER (WHERE r.status IN ('under_review', 'reconsidering') AND r.decide_by < $3::date))::int AS pending_overdue
        FROM wage.referral_overview r, b
        """

    static let legalAid = """
        WITH \(bounds)
        SELECT count(*)::int AS received,
               (count(*) FILTER (WHERE a.assigned_at IS NOT NULL AND (a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date
                                                           = (a.received_at AT TIME ZONE 'Asia/Shanghai')::date))::int AS same_day,
               (count(*) FILTER (WHERE a.status = 'approved_unassigned'))::int AS waiting
        FROM wage.legal_aid_overview a, b
        WHERE a.matter = 'wage_arrears' AND a.received_at >= b.t0 AND a.received_at < b.t1
        """

    /// Cases resolved in the month per disposition (§7.1; a case resolved before 0121 is `paid`).
    static let dispositions = """
        WITH \(bounds)
        SELECT coalesce(c.disposition, 'paid') AS disposition, count(*)::int AS n
        FROM wage.case_overview c, b WHERE c.resolved_at >= b.t0 AND c.resolved_at < b.t1
        GROUP BY 1
        """

    static let petitions = """
        WITH \(bounds)
        SELECT count(*)::int AS received, (count(*) FILTER (WHERE p.wage_related))::int AS wage_related,
               (count(*) FILTER (WHERE p.collective))::int AS collective
        FROM wage.petition_overview p, b WHERE p.received_at >= b.t0 AND p.received_at < b.t1
        """
}
