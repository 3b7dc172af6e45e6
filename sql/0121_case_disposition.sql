-- 0121: CONTRACT §7.1 — closing without a payment. case.resolved carries a
-- disposition (paid when absent); wage.case_overview shows it (null until resolved).
-- Resolutions of Part I were all payments: they become `paid`.
ALTER TABLE wage.cases
    ADD COLUMN disposition text CHECK (disposition IN ('paid', 'unfounded', 'mediated', 'arbitration', 'litigation',
                                                       'referred_police', 'other_channel'));
UPDATE wage.cases SET disposition = 'paid' WHERE resolved_at IS NOT NULL AND disposition IS NULL;
COMMENT ON COLUMN wage.cases.disposition IS 'How the case was resolved (CONTRACT §7.1): paid, unfounded (线索不实: counts for nothing in §8 and §9), mediated, arbitration, litigation, referred_police, other_channel; NULL until resolved.';
CREATE INDEX cases_disposition ON wage.cases (disposition) WHERE disposition IS NOT NULL AND disposition <> 'paid';

-- Every principal that reads wage.cases' columns (0090) reads this one too.
DO $$
DECLARE principal text;
BEGIN
    FOR principal IN SELECT code FROM wage.principals WHERE code <> 'hrss' ORDER BY code LOOP
        EXECUTE format('GRANT SELECT (disposition) ON wage.cases TO %I', 'wage_' || principal);
    END LOOP;
END $$;

CREATE OR REPLACE VIEW wage.case_overview AS
    SELECT c.case_id, c.case_no, c.channel, c.clue_ref, c.sector, c.status, c.assignee,
           c.risk_level, c.due_on, c.workers_count,
           (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.opened_at, c.closed_at,
           c.origin, c.employer_name, c.project_name, c.escalated_on, c.leader, c.leader_department,
           (c.amount_paid_fen / 100.0)::numeric(16,2) AS amount_paid,
           c.workers_paid, c.resolved_at, c.updated_at,
           c.disposition, c.project_no
    FROM wage.cases c;
COMMENT ON VIEW wage.case_overview IS 'CONTRACT §4 view: case_id, case_no, channel, clue_ref, sector, status, assignee, risk_level, due_on, workers_count, amount_owed (yuan), opened_at, closed_at; §7.1 disposition (null until resolved) (+ origin, employer_name, project_name, escalated_on, leader, leader_department, amount_paid, workers_paid, resolved_at, updated_at, project_no). No personal data. Readable by every principal.';
