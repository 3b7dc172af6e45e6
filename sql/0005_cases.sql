-- 0005: cases (held by the hrss worker), the append-only shared timeline, the
-- departments' own ledgers (台账), and the contract views case_overview and
-- case_timeline.

CREATE FUNCTION pg_temp.grant_to(privs text, obj text, codes text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
    FOREACH c IN ARRAY codes LOOP
        EXECUTE format('GRANT %s ON %s TO %I', privs, obj, 'wage_' || c);
    END LOOP;
END $$;
CREATE FUNCTION pg_temp.codes(grp text) RETURNS text[]
    LANGUAGE sql AS $$
    SELECT array_agg(code ORDER BY code) FROM wage.principals
    WHERE CASE grp WHEN 'all' THEN true
                   WHEN 'consumers' THEN runs_worker
                   WHEN 'departments' THEN is_department END
$$;

------------------------------------------------------------------------------
CREATE SEQUENCE wage.case_no_seq;
COMMENT ON SEQUENCE wage.case_no_seq IS 'Counter of wage.cases.case_no (does not restart each year).';

CREATE FUNCTION wage.next_case_no() RETURNS text
    LANGUAGE sql VOLATILE AS $$
    SELECT 'WA-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-'
           || lpad(n::text, greatest(6, length(n::text)), '0')
    FROM (SELECT nextval('wage.case_no_seq') AS n) s
$$;
COMMENT ON FUNCTION wage.next_case_no() IS 'Default of wage.cases.case_no: WA-<year in Asia/Shanghai>-<counter, 6+ digits>, e.g. WA-2026-000001.';

CREATE TABLE wage.cases (
    case_id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    case_no              text NOT NULL UNIQUE DEFAULT wage.next_case_no(),
    channel              text NOT NULL CHECK (channel IN ('national_platform', 'hotline', 'petition',
                                                          'labour_inspection', 'walk_in', 'department')),
    clue_ref             text NOT NULL CHECK (clue_ref <> ''),
    origin               text NOT NULL REFERENCES wage.principals (code),
    employer_name        text NOT NULL,
    employer_credit_code text,
    project_name         text,
    project_location     text,
    sector               text NOT NULL CHECK (sector IN ('construction', 'transport', 'water', 'agriculture',
                                                        'individual_business', 'manufacturing', 'services', 'other')),
    workers_count        integer NOT NULL CHECK (workers_count >= 1),
    amount_owed_fen      bigint NOT NULL CHECK (amount_owed_fen > 0 AND amount_owed_fen < 10000000000000000),
    description          text,
    reporter             jsonb CHECK (reporter IS NULL OR jsonb_typeof(reporter) = 'object'),
    status               text NOT NULL DEFAULT 'registered'
                         CHECK (status IN ('registered', 'transferred', 'accepted', 'returned',
                                           'task_force', 'leader_package', 'resolved', 'closed')),
    assignee             text REFERENCES wage.principals (code),
    risk_level           text NOT NULL CHECK (risk_level IN ('low', 'medium', 'high')),
    due_on               date,
    escalated_on         date,
    leader               text,
    leader_department    text,
    amount_paid_fen      bigint CHECK (amount_paid_fen >= 0 AND amount_paid_fen < 10000000000000000),
    workers_paid         integer CHECK (workers_paid >= 0),
    opened_at            timestamptz NOT NULL DEFAULT now(),
    resolved_at          timestamptz,
    closed_at            timestamptz,
    updated_at           timestamptz NOT NULL DEFAULT now(),
    source_message_id    text,
    UNIQUE (channel, clue_ref),
    -- 不结案不得销号 (seed 004): a closed case was resolved first.
    CONSTRAINT cases_resolved_has_time CHECK (status <> 'resolved' OR resolved_at IS NOT NULL),
    CONSTRAINT cases_closed_after_resolved CHECK (status <> 'closed' OR (resolved_at IS NOT NULL AND closed_at IS NOT NULL))
);
COMMENT ON TABLE wage.cases IS 'Wage-arrears cases (CONTRACT §3 clues and cases), one per channel+clue_ref. Held by the hrss worker: only wage_hrss INSERTs/UPDATEs; every principal SELECTs (reporter holds personal data). Money in fen.';
COMMENT ON COLUMN wage.cases.origin IS 'Principal that reported the clue (the sender of clue.report); told when the case closes.';
COMMENT ON COLUMN wage.cases.assignee IS 'Principal currently responsible; only it may accept/return/progress/resolve/escalate.';
COMMENT ON COLUMN wage.cases.reporter IS 'JSON object {name, phone, id_number} as reported; personal data, never logged unmasked.';
COMMENT ON COLUMN wage.cases.source_message_id IS 'message_id of the clue.report that registered the case.';
CREATE INDEX cases_status ON wage.cases (status);
CREATE INDEX cases_open_due ON wage.cases (due_on) WHERE status IN ('transferred', 'accepted', 'task_force');
CREATE INDEX cases_assignee ON wage.cases (assignee) WHERE status NOT IN ('resolved', 'closed');
CREATE TRIGGER cases_touch BEFORE UPDATE ON wage.cases
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

SELECT pg_temp.grant_to('SELECT', 'wage.cases', pg_temp.codes('all'));
SELECT pg_temp.grant_to('INSERT, UPDATE', 'wage.cases', ARRAY['hrss']);
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.case_no_seq', ARRAY['hrss']);
SELECT pg_temp.grant_to('EXECUTE', 'FUNCTION wage.next_case_no()', ARRAY['hrss']);

------------------------------------------------------------------------------
-- The shared timeline: append-only for everyone.
CREATE TABLE wage.case_events (
    id         bigserial PRIMARY KEY,
    case_id    uuid NOT NULL REFERENCES wage.cases (case_id),
    at         timestamptz NOT NULL DEFAULT now(),
    department text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    event      text NOT NULL CHECK (event <> ''),
    detail     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
    message_id text
);
COMMENT ON TABLE wage.case_events IS 'Case timeline: every change of every case, by every department, in id order. APPEND-ONLY: department workers INSERT rows under their own department (RLS) and SELECT all; nobody has UPDATE/DELETE/TRUNCATE and a trigger refuses them even for the owner. Read through wage.case_timeline.';
COMMENT ON COLUMN wage.case_events.message_id IS 'message_id of the message that caused the event (traceability; not unique).';
CREATE INDEX case_events_case ON wage.case_events (case_id, id);

ALTER TABLE wage.case_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY case_events_read ON wage.case_events FOR SELECT USING (true);
CREATE POLICY case_events_own_insert ON wage.case_events FOR INSERT
    WITH CHECK (department = wage.current_principal());

CREATE TRIGGER case_events_append_only BEFORE UPDATE OR DELETE ON wage.case_events
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON wage.case_events
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();

REVOKE ALL ON wage.case_events FROM PUBLIC;
SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.case_events', pg_temp.codes('departments'));
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.case_events_id_seq', pg_temp.codes('departments'));

------------------------------------------------------------------------------
-- Each department's own ledger (台账) of the cases it has received.
CREATE TABLE wage.department_cases (
    department    text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    case_id       uuid NOT NULL REFERENCES wage.cases (case_id),
    received_at   timestamptz NOT NULL DEFAULT now(),
    status        text NOT NULL,
    last_event    text,
    last_event_at timestamptz,
    note          text,
    updated_at    timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, case_id)
);
COMMENT ON TABLE wage.department_cases IS 'Department ledger (台账): the cases a department received and where it stands with them (status is the department''s own word, e.g. received/accepted/returned/resolved). Each department role reads, inserts and updates only its own rows (RLS department = current_principal()).';
CREATE INDEX department_cases_case ON wage.department_cases (case_id);
CREATE TRIGGER department_cases_touch BEFORE UPDATE ON wage.department_cases
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

ALTER TABLE wage.department_cases ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_cases_own ON wage.department_cases FOR ALL
    USING (department = wage.current_principal())
    WITH CHECK (department = wage.current_principal());

SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.department_cases', pg_temp.codes('departments'));

------------------------------------------------------------------------------
-- Contract views.
CREATE VIEW wage.case_overview AS
    SELECT c.case_id, c.case_no, c.channel, c.clue_ref, c.sector, c.status, c.assignee,
           c.risk_level, c.due_on, c.workers_count,
           (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           c.opened_at, c.closed_at,
           c.origin, c.employer_name, c.project_name, c.escalated_on, c.leader, c.leader_department,
           (c.amount_paid_fen / 100.0)::numeric(16,2) AS amount_paid,
           c.workers_paid, c.resolved_at, c.updated_at
    FROM wage.cases c;
COMMENT ON VIEW wage.case_overview IS 'CONTRACT §4 view: case_id, case_no, channel, clue_ref, sector, status, assignee, risk_level, due_on, workers_count, amount_owed (yuan), opened_at, closed_at (+ origin, employer_name, project_name, escalated_on, leader, leader_department, amount_paid, workers_paid, resolved_at, updated_at). No personal data. Readable by every principal.';

CREATE VIEW wage.case_timeline AS
    SELECT e.case_id,
           row_number() OVER (PARTITION BY e.case_id ORDER BY e.id) AS seq,
           e.at, e.department, e.event, e.detail, e.id, e.message_id
    FROM wage.case_events e;
COMMENT ON VIEW wage.case_timeline IS 'CONTRACT §4 view: case_id, seq (1, 2, ... per case in insertion order), at, department, event, detail (+ id, message_id). Readable by every principal.';

SELECT pg_temp.grant_to('SELECT', 'wage.case_overview', pg_temp.codes('all'));
SELECT pg_temp.grant_to('SELECT', 'wage.case_timeline', pg_temp.codes('all'));
