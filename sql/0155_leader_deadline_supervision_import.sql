-- 0155: CONTRACT §7.3 (the leader package has a deadline) and §7.7 (importing
-- earlier years' cases).
--
-- §7.3: case.assign_leader gains due_on and city_leader. A case that becomes a
-- leader package has no due_on until a leader is assigned, and is listed for
-- discipline supervision (wage.supervision_list) by the sweep only when it missed
-- that due_on: cases.discipline_supervision now means "listed", not "became a
-- leader package" (that is leader_package_on IS NOT NULL).
ALTER TABLE wage.cases
    ADD COLUMN city_leader text,
    ADD COLUMN task_force_missed_due_on date,
    ADD COLUMN imported boolean NOT NULL DEFAULT false;
COMMENT ON COLUMN wage.cases.city_leader IS 'The city leader who co-owns the leader package (分管市领导, CONTRACT §7.3), from case.assign_leader.';
COMMENT ON COLUMN wage.cases.task_force_missed_due_on IS 'The task force deadline the case missed when it became a leader package (the sweep then clears due_on until case.assign_leader sets one, §7.3).';
COMMENT ON COLUMN wage.cases.imported IS 'Recorded by case.import (CONTRACT §7.7): an earlier year''s case, closed when it arrived.';
COMMENT ON COLUMN wage.cases.discipline_supervision IS 'Set when the sweep listed the leader package in wage.supervision_list (it missed the due_on its leader was given, CONTRACT §7.3); never cleared.';

-- Leader packages of before: their due_on was the missed task force deadline.
UPDATE wage.cases SET task_force_missed_due_on = due_on WHERE leader_package_on IS NOT NULL AND task_force_missed_due_on IS NULL;
UPDATE wage.cases SET due_on = NULL, discipline_supervision = false WHERE status = 'leader_package';

-- The sweep reads every open case past its due_on (§7.8), leader packages included.
DROP INDEX wage.cases_sweep_due;
CREATE INDEX cases_sweep_due ON wage.cases (due_on)
    WHERE status IN ('transferred', 'accepted', 'returned', 'task_force', 'leader_package');

CREATE TABLE wage.supervision_list (
    case_id           uuid PRIMARY KEY REFERENCES wage.cases (case_id),
    case_no           text NOT NULL,
    leader            text,
    leader_department text,
    city_leader       text,
    due_on            date NOT NULL,
    listed_on         date NOT NULL,
    listed_at         timestamptz NOT NULL DEFAULT now(),
    message_id        text
);
COMMENT ON TABLE wage.supervision_list IS 'CONTRACT §7.3: leader packages not resolved by their due_on, listed by the sweep once (报纪检监察跟踪监督), with the leader, city leader and due_on in force when listed; listed_on = the sweep''s as_of. Written by hrss only (INSERT), read by every principal.';
CREATE INDEX supervision_list_listed_on ON wage.supervision_list (listed_on);

DO $$
DECLARE principal text;
BEGIN
    FOR principal IN SELECT code FROM wage.principals ORDER BY code LOOP
        EXECUTE format('GRANT SELECT ON wage.supervision_list TO %I', 'wage_' || principal);
        -- Every principal that reads wage.cases' columns (0090) reads the new ones too.
        IF principal <> 'hrss' THEN
            EXECUTE format('GRANT SELECT (city_leader, task_force_missed_due_on, imported) ON wage.cases TO %I',
                           'wage_' || principal);
        END IF;
    END LOOP;
END $$;
GRANT INSERT ON wage.supervision_list TO wage_hrss;

-- Cases that became a leader package (listed for supervision or not yet); the
-- missed deadline is the task force's.
CREATE OR REPLACE VIEW wage.leader_package_cases AS
    SELECT c.case_id, c.case_no, c.status, c.sector, c.assignee, c.employer_name, c.project_name,
           c.workers_count, (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.escalated_on, c.task_force_missed_due_on AS missed_due_on, c.leader_package_on,
           c.leader, c.leader_department, c.task_force, c.resolved_at, c.closed_at,
           c.city_leader, CASE WHEN c.status = 'leader_package' THEN c.due_on END AS due_on,
           c.discipline_supervision AS supervision_listed
    FROM wage.cases c
    WHERE c.leader_package_on IS NOT NULL;
COMMENT ON VIEW wage.leader_package_cases IS 'Cases that became a leader package 领导包案 (seed 004 第十三条), also after resolution (status shows where they stand). missed_due_on = the task force deadline that was missed; due_on = the deadline case.assign_leader set (CONTRACT §7.3); supervision_listed = in wage.supervision_list. No personal data; readable by every principal.';

-- §7.3's city leader next to the leader in the overview.
CREATE OR REPLACE VIEW wage.case_overview AS
    SELECT c.case_id, c.case_no, c.channel, c.clue_ref, c.sector, c.status, c.assignee,
           c.risk_level, c.due_on, c.workers_count,
           (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.opened_at, c.closed_at,
           c.origin, c.employer_name, c.project_name, c.escalated_on, c.leader, c.leader_department,
           (c.amount_paid_fen / 100.0)::numeric(16,2) AS amount_paid,
           c.workers_paid, c.resolved_at, c.updated_at,
           c.disposition, c.project_no, c.city_leader, c.imported
    FROM wage.cases c;
COMMENT ON VIEW wage.case_overview IS 'CONTRACT §4 view: case_id, case_no, channel, clue_ref, sector, status, assignee, risk_level, due_on, workers_count, amount_owed (yuan), opened_at, closed_at; §7.1 disposition (null until resolved) (+ origin, employer_name, project_name, escalated_on, leader, leader_department, amount_paid, workers_paid, resolved_at, updated_at, project_no, city_leader (§7.3), imported (§7.7)). No personal data. Readable by every principal.';

-- The task force's working days (§3: 10) are configuration like the others.
INSERT INTO wage.settings (key, value, note) VALUES
    ('case.task_force_working_days', '10', '§3: working days a task force has to resolve the case')
ON CONFLICT (key) DO NOTHING;
