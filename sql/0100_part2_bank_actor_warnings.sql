-- 0100: CONTRACT Part II foundations.
-- * §7.6 the principal `bank` (开户银行): a role wage_bank with exactly the grants of
--   wage_platform (another system principal without a worker), and its reference row.
-- * §7.9 the person who acted: wage.case_events.actor and wage.case_timeline.actor.
-- * §8 the router's project directory: which sector (hence which regulator) each
--   registered project has, learnt when the router routes `project.register`.
-- * §8.6 warnings (欠薪预警): wage.warning_records and the view wage.warnings.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wage_bank') THEN
        CREATE ROLE wage_bank NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
    IF NOT pg_has_role(current_user, 'wage_bank', 'MEMBER') THEN
        BEGIN
            GRANT wage_bank TO CURRENT_USER;
        EXCEPTION WHEN insufficient_privilege THEN
            RAISE WARNING 'could not make % a member of wage_bank', current_user;
        END;
    END IF;
    EXECUTE format('GRANT CONNECT ON DATABASE %I TO wage_bank', current_database());
    GRANT USAGE ON SCHEMA wage TO wage_bank;
END $$;

INSERT INTO wage.principals (code, name_zh, name_en, is_department, runs_worker)
VALUES ('bank', '开户银行', 'Bank (wage special accounts)', false, false);

-- The same table, column, sequence and function grants as wage_platform.
DO $$
DECLARE g record;
BEGIN
    FOR g IN SELECT table_schema, table_name, privilege_type FROM information_schema.role_table_grants
             WHERE grantee = 'wage_platform' AND table_schema = 'wage' LOOP
        EXECUTE format('GRANT %s ON %I.%I TO wage_bank', g.privilege_type, g.table_schema, g.table_name);
    END LOOP;
    FOR g IN SELECT table_schema, table_name, column_name, privilege_type FROM information_schema.column_privileges
             WHERE grantee = 'wage_platform' AND table_schema = 'wage'
               AND (table_schema, table_name, privilege_type) NOT IN
                   (SELECT table_schema, table_name, privilege_type FROM information_schema.role_table_grants
                    WHERE grantee = 'wage_platform') LOOP
        EXECUTE format('GRANT %s (%I) ON %I.%I TO wage_bank', g.privilege_type, g.column_name, g.table_schema, g.table_name);
    END LOOP;
    FOR g IN SELECT sequence_schema AS s, sequence_name AS n FROM information_schema.sequences
             WHERE sequence_schema = 'wage' AND has_sequence_privilege('wage_platform', 'wage.' || sequence_name, 'USAGE') LOOP
        EXECUTE format('GRANT USAGE ON SEQUENCE %I.%I TO wage_bank', g.s, g.n);
    END LOOP;
    FOR g IN SELECT p.oid::regprocedure AS f FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
             WHERE n.nspname = 'wage' AND has_function_privilege('wage_platform', p.oid, 'EXECUTE') LOOP
        EXECUTE format('GRANT EXECUTE ON FUNCTION %s TO wage_bank', g.f);
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- §7.9 x-wage-actor on the timeline.
ALTER TABLE wage.case_events
    ADD COLUMN actor text CHECK (char_length(actor) BETWEEN 1 AND 64);
COMMENT ON COLUMN wage.case_events.actor IS 'Login of the person who acted (header x-wage-actor of the message that caused the event, CONTRACT §7.9); NULL when the message had none.';

CREATE OR REPLACE VIEW wage.case_timeline AS
    SELECT e.case_id,
           row_number() OVER (PARTITION BY e.case_id ORDER BY e.id) AS seq,
           e.at, e.department, e.event, e.detail, e.id, e.message_id, e.actor
    FROM wage.case_events e;
COMMENT ON VIEW wage.case_timeline IS 'CONTRACT §4 view: case_id, seq (1, 2, ... per case in insertion order), at, department, event, detail (+ id, message_id); §7.9 actor. Readable by every principal.';

------------------------------------------------------------------------------
-- §8 the router's project directory.
CREATE TABLE wage.router_projects (
    project_no  text PRIMARY KEY CHECK (char_length(project_no) BETWEEN 1 AND 64),
    sector      text NOT NULL,
    message_id  text NOT NULL,
    routed_at   timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.router_projects IS 'Projects as the router knows them (CONTRACT §8): the sector of the first project.register routed for each project_no, so that later project messages reach the project''s regulator and only it may send what is the regulator''s. Written only by wage_router in the transaction that records the routing decision.';
GRANT SELECT, INSERT ON wage.router_projects TO wage_router;

------------------------------------------------------------------------------
-- §8.6 warnings (欠薪预警).
CREATE TABLE wage.warning_records (
    warning_id  bigserial PRIMARY KEY,
    kind        text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    project_no  text,
    credit_code text,
    period      text CHECK (period ~ '^[0-9]{4}(-[0-9]{2})?$'),
    department  text NOT NULL REFERENCES wage.principals (code),
    detail      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
    raised_at   timestamptz NOT NULL DEFAULT now(),
    raised_by_message text,
    cleared_at  timestamptz,
    cleared_by  text,
    clear_note  text
);
COMMENT ON TABLE wage.warning_records IS 'Warnings (CONTRACT §8.6). One open warning per (kind, project_no, credit_code, period); raised by the hrss worker (messages and office.sweep), cleared by the sweep (its own kinds) or by an operator (wagectl warnings clear, audited). Read through wage.warnings.';
CREATE UNIQUE INDEX warning_records_open_key ON wage.warning_records
    (kind, coalesce(project_no, ''), coalesce(credit_code, ''), coalesce(period, '')) WHERE cleared_at IS NULL;
CREATE INDEX warning_records_project ON wage.warning_records (project_no) WHERE project_no IS NOT NULL;

CREATE VIEW wage.warnings AS
    SELECT w.warning_id, w.kind, w.project_no, w.credit_code, w.period, w.department, w.detail,
           w.raised_at, w.cleared_at, w.cleared_by, w.clear_note
    FROM wage.warning_records w;
COMMENT ON VIEW wage.warnings IS 'CONTRACT §8.6 view: warning_id, kind, project_no, credit_code, period, department (who must act), detail, raised_at, cleared_at (+ cleared_by, clear_note). Readable by every principal.';

GRANT SELECT, INSERT, UPDATE ON wage.warning_records TO wage_hrss;
GRANT USAGE ON SEQUENCE wage.warning_records_warning_id_seq TO wage_hrss;
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.warnings TO %I', r);
    END LOOP;
END $$;
