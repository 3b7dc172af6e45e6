-- 0030: the sector regulators' ledger (台账) read side.
--
-- department_cases gets a transfer counter (a re-transfer of a case the ledger
-- already holds updates its row), and the view department_ledger shows each
-- department its own rows joined with the live case (status, assignee, due_on,
-- overdue, the last timeline event), because the department's decisions (accept,
-- progress, resolved, return, escalate) are sent by staff to hrss and change the
-- case, not the department's row.

ALTER TABLE wage.department_cases
    ADD COLUMN transfers integer NOT NULL DEFAULT 0 CHECK (transfers >= 0);
COMMENT ON COLUMN wage.department_cases.transfers IS 'How many case.transfer messages for this case reached the department (0 for a row opened by a case.notice only). received_at is the latest of them.';

------------------------------------------------------------------------------
-- security_invoker: the view runs with the reader's privileges, so the row-level
-- security of department_cases (own rows only) applies to the reader, and the
-- view grants nothing the role could not already read (department_cases own rows,
-- cases, case_events). wage_admin (owner, bypasses RLS) sees every department.
CREATE VIEW wage.department_ledger WITH (security_invoker = true) AS
    SELECT d.department, d.case_id, c.case_no, c.channel, c.clue_ref, c.sector,
           d.status       AS ledger_status,
           c.status       AS case_status,
           c.assignee,
           (c.assignee IS NOT DISTINCT FROM d.department) AS is_assignee,
           c.due_on,
           (c.assignee IS NOT DISTINCT FROM d.department
            AND c.status IN ('transferred', 'accepted', 'task_force', 'leader_package')
            AND c.due_on < (now() AT TIME ZONE 'Asia/Shanghai')::date) AS overdue,
           d.received_at, d.transfers, d.note, d.last_event, d.last_event_at,
           e.event        AS last_case_event,
           e.department   AS last_case_event_by,
           e.detail ->> 'by' AS last_case_event_actor,
           e.at           AS last_case_event_at,
           c.risk_level, c.employer_name, c.project_name, c.workers_count,
           (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.escalated_on, c.leader, c.leader_department,
           (c.amount_paid_fen / 100.0)::numeric(16,2) AS amount_paid,
           c.workers_paid, c.resolved_at, c.closed_at, d.updated_at
    FROM wage.department_cases d
    JOIN wage.cases c ON c.case_id = d.case_id
    LEFT JOIN LATERAL (
        SELECT ev.event, ev.department, ev.detail, ev.at
        FROM wage.case_events ev
        WHERE ev.case_id = d.case_id
        ORDER BY ev.id DESC
        LIMIT 1
    ) e ON true;
COMMENT ON VIEW wage.department_ledger IS 'A department''s ledger (台账): its own department_cases rows (security_invoker, so RLS applies to the reader) with the live case: case_status, assignee, is_assignee, due_on, overdue (the department is the assignee, the case is open and due_on is before today in Asia/Shanghai), the last timeline event (who, by whom), amounts in yuan. No personal data (no reporter). SELECT: the sector regulators housing, transport, water, agriculture, market.';

DO $$
DECLARE c text;
BEGIN
    FOREACH c IN ARRAY ARRAY['housing', 'transport', 'water', 'agriculture', 'market'] LOOP
        EXECUTE format('GRANT SELECT ON wage.department_ledger TO %I', 'wage_' || c);
    END LOOP;
END $$;
