-- 0020: what the office's worker (worker-hrss, CaseOffice) keeps besides the
-- case row of 0005: the task force and discipline supervision of a case, who
-- resolved it and how; the log of applied transfers (so the copy of its own
-- case.transfer that the router hands back is recognised); the incident alerts
-- the office received; the list of leader-package cases for discipline
-- supervision; an index that keeps the deadline sweep cheap. See docs/cases.md.

------------------------------------------------------------------------------
-- More state of a case (CaseState in Sources/Workflow/Cases).
ALTER TABLE wage.cases
    ADD COLUMN task_force             text[] NOT NULL DEFAULT '{}',
    ADD COLUMN discipline_supervision boolean NOT NULL DEFAULT false,
    ADD COLUMN leader_package_on      date,
    ADD COLUMN resolved_by            text REFERENCES wage.principals (code),
    ADD COLUMN resolution_note        text;
COMMENT ON COLUMN wage.cases.task_force IS 'Members of the task force 一案一专班 (hrss, petitions, justice, police and the assignee); empty until one is formed.';
COMMENT ON COLUMN wage.cases.discipline_supervision IS 'Set when the case became a leader package 领导包案 (a task force missed its deadline); stays set: the case is listed in wage.leader_package_cases for discipline supervision (seed 004 第十三条).';
COMMENT ON COLUMN wage.cases.leader_package_on IS 'The sweep date (as_of) on which the case became a leader package.';
COMMENT ON COLUMN wage.cases.resolved_by IS 'The assignee that sent case.resolved.';
COMMENT ON COLUMN wage.cases.resolution_note IS 'The note of case.resolved.';

-- The sweep reads open cases with a running deadline by due_on (0005's index
-- lacks returned); with nothing due it is one index probe.
CREATE INDEX cases_sweep_due ON wage.cases (due_on)
    WHERE status IN ('transferred', 'accepted', 'returned', 'task_force');

------------------------------------------------------------------------------
-- Transfers the office applied, by the message_id of the case.transfer.
CREATE TABLE wage.case_transfers (
    message_id    text PRIMARY KEY CHECK (length(message_id) BETWEEN 1 AND 128),
    case_id       uuid NOT NULL REFERENCES wage.cases (case_id),
    to_department text NOT NULL REFERENCES wage.principals (code),
    sector        text NOT NULL,
    due_on        date NOT NULL,
    automatic     boolean NOT NULL,
    applied_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.case_transfers IS 'Every case.transfer the office applied, keyed by its message_id: automatic ones (sent on registration, applied at once) and staff ones (applied when the router hands hrss its copy). A copy whose message_id is here was already applied and is acknowledged with no second effect. hrss only.';
CREATE INDEX case_transfers_case ON wage.case_transfers (case_id);
GRANT SELECT, INSERT ON wage.case_transfers TO wage_hrss;

------------------------------------------------------------------------------
-- incident.alert as the office received it (collective visits, 集体访).
CREATE TABLE wage.office_alerts (
    message_id  text PRIMARY KEY CHECK (length(message_id) BETWEEN 1 AND 128),
    petition_no text NOT NULL,
    people      integer NOT NULL CHECK (people >= 1),
    location    text,
    summary     text,
    sender      text REFERENCES wage.principals (code),
    received_at timestamptz NOT NULL DEFAULT now(),
    case_id     uuid REFERENCES wage.cases (case_id)
);
COMMENT ON TABLE wage.office_alerts IS 'incident.alert messages received by the office (hrss), kept even when no case matches yet. case_id = the case with channel petition and clue_ref = petition_no, set on arrival or when that case is registered later. hrss only.';
CREATE INDEX office_alerts_unlinked ON wage.office_alerts (petition_no) WHERE case_id IS NULL;
GRANT SELECT, INSERT ON wage.office_alerts TO wage_hrss;
GRANT UPDATE (case_id) ON wage.office_alerts TO wage_hrss;

------------------------------------------------------------------------------
-- Leader-package cases listed for discipline supervision (纪检监察).
CREATE VIEW wage.leader_package_cases AS
    SELECT c.case_id, c.case_no, c.status, c.sector, c.assignee, c.employer_name, c.project_name,
           c.workers_count, (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.escalated_on, c.due_on AS missed_due_on, c.leader_package_on,
           c.leader, c.leader_department, c.task_force, c.resolved_at, c.closed_at
    FROM wage.cases c
    WHERE c.discipline_supervision;
COMMENT ON VIEW wage.leader_package_cases IS 'Cases that became a leader package 领导包案 (seed 004 第十三条), listed for discipline supervision; they stay listed after resolution (status shows where they stand). missed_due_on = the task force deadline that was missed. No personal data; readable by every principal like case_overview.';

DO $$
DECLARE c text;
BEGIN
    FOR c IN SELECT code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.leader_package_cases TO %I', 'wage_' || c);
    END LOOP;
END $$;
