-- 0190 (issue 22): department returns (信息互通, seed 003 二(三)5; docs/reports.md).
-- Each member unit sends its figures of the previous month by the 10th
-- (`report.submitted`, kinds and owners in the duty list's report_kinds); the
-- office's sweep expects the returns of the month just ended, and reminds a
-- department once of one still missing after its due day (`report.reminder`).
-- * wage.department_returns: one row per (month, kind): expected by the sweep or
--   created by the submission. hrss (the office's worker) writes it.
-- * wage.report_reminders: the reminders a department received (its own rows, RLS).
-- * wage.report_returns: the view (month, kind, department, submitted_at, late, ...).

CREATE TABLE wage.department_returns (
    month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    kind          text NOT NULL CHECK (kind ~ '^[a-z0-9_]{1,128}$'),
    department    text NOT NULL CHECK (department ~ '^[a-z0-9_]{1,64}$'),
    entered_by    text REFERENCES wage.principals (code),
    due_on        date,
    due_on_rest_day boolean NOT NULL DEFAULT false,
    figures       jsonb CHECK (figures IS NULL OR jsonb_typeof(figures) = 'object'),
    note          text,
    source        text,
    submitted_at  timestamptz,
    revised_at    timestamptz,
    revisions     integer NOT NULL DEFAULT 0 CHECK (revisions >= 0),
    message_id    text,
    actor         text,
    reminded_at   timestamptz,
    reminder_message_id text,
    duty_list_version text REFERENCES wage.duty_lists (version),
    expected_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (month, kind),
    CHECK ((submitted_at IS NULL) = (figures IS NULL))
);
COMMENT ON TABLE wage.department_returns IS 'Department returns (issue 22, seed 003 信息互通): one row per (month, kind). department = the owing unit (a principal, or a body such as ndrc/union whose return hrss enters: entered_by = hrss, source = where the figures came from). due_on = the day written in the rule (the 10th of the next month; null for any-time kinds), due_on_rest_day = it is not a working day. submitted_at = the first submission (lateness is judged on it), revised_at/revisions = later corrections, message_id/actor = the last one. reminded_at = the sweep reminded the department (once). Written by hrss only.';
CREATE INDEX department_returns_missing ON wage.department_returns (due_on) WHERE submitted_at IS NULL AND reminded_at IS NULL;

CREATE TABLE wage.report_reminders (
    department    text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    message_id    text NOT NULL,
    month         text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    kind          text NOT NULL,
    due_on        date NOT NULL,
    received_at   timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, message_id)
);
COMMENT ON TABLE wage.report_reminders IS 'The office''s reminders of returns still missing after their due day (report.reminder), as each department received them. Each department role reads and inserts only its own rows (RLS).';
ALTER TABLE wage.report_reminders ENABLE ROW LEVEL SECURITY;
CREATE POLICY report_reminders_own ON wage.report_reminders FOR ALL
    USING (department = wage.current_principal()) WITH CHECK (department = wage.current_principal());

CREATE VIEW wage.report_returns AS
    SELECT r.month, r.kind, r.department, r.submitted_at,
           CASE WHEN r.due_on IS NULL THEN false
                WHEN r.submitted_at IS NOT NULL THEN (r.submitted_at AT TIME ZONE 'Asia/Shanghai')::date > r.due_on
                ELSE (now() AT TIME ZONE 'Asia/Shanghai')::date > r.due_on END AS late,
           r.due_on, r.due_on_rest_day, r.entered_by, r.source, r.figures, r.note, r.revised_at, r.revisions,
           r.reminded_at, r.actor
    FROM wage.department_returns r;
COMMENT ON VIEW wage.report_returns IS 'Issue 22 view: month (YYYY-MM), kind, department (the owing unit), submitted_at (null while missing), late (submitted after due_on, or missing with due_on passed; Asia/Shanghai dates; never for any-time kinds) (+ due_on, due_on_rest_day, entered_by, source, figures, note, revised_at, revisions, reminded_at, actor). Readable by hrss and government.';

REVOKE ALL ON wage.department_returns, wage.report_reminders, wage.report_returns FROM PUBLIC;
GRANT SELECT, INSERT ON wage.department_returns TO wage_hrss;
GRANT UPDATE (entered_by, figures, note, source, submitted_at, revised_at, revisions, message_id, actor,
              reminded_at, reminder_message_id, duty_list_version, due_on, due_on_rest_day)
    ON wage.department_returns TO wage_hrss;
GRANT SELECT ON wage.report_returns TO wage_hrss, wage_government;
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals WHERE is_department LOOP
        EXECUTE format('GRANT SELECT, INSERT ON wage.report_reminders TO %I', r);
    END LOOP;
END $$;
