-- 0202 (issue 22 part 3): the frozen figures of a finished month. When the office
-- (hrss, or an operator as admin) makes the monthly report of a month that has ended,
-- its figures are archived here, the first time only; a reprint reads them, so that a
-- past month shows what was reported, not today's state. Rows are never changed or
-- removed (append-only, as the timeline): a correction is a fresh computation
-- (`--fresh`), printed as such and never archived over the original.
CREATE TABLE wage.report_snapshots (
    month    text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    kind     text NOT NULL CHECK (kind ~ '^[a-z_]+$'),
    figures  jsonb NOT NULL CHECK (jsonb_typeof(figures) = 'object'),
    made_at  timestamptz NOT NULL DEFAULT now(),
    made_by  text NOT NULL CHECK (made_by <> ''),
    db_user  text NOT NULL DEFAULT current_user,
    PRIMARY KEY (month, kind)
);
COMMENT ON TABLE wage.report_snapshots IS 'Issue 22: the archived figures of a report (kind monthly: the MonthlyReport as JSON) for a finished month, written once when its report is first made by hrss or admin (INSERT … ON CONFLICT DO NOTHING), never updated or deleted (trigger 42501, also for the owner). made_by = who made it (principal, and the operator when given). Read and written by hrss.';

CREATE FUNCTION wage.report_snapshots_frozen() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'wage.report_snapshots is append-only: an archived report is never changed (%)', TG_OP
        USING ERRCODE = '42501';
END $$;
REVOKE EXECUTE ON FUNCTION wage.report_snapshots_frozen() FROM PUBLIC;
CREATE TRIGGER report_snapshots_frozen BEFORE UPDATE OR DELETE ON wage.report_snapshots
    FOR EACH ROW EXECUTE FUNCTION wage.report_snapshots_frozen();
CREATE TRIGGER report_snapshots_frozen_truncate BEFORE TRUNCATE ON wage.report_snapshots
    FOR EACH STATEMENT EXECUTE FUNCTION wage.report_snapshots_frozen();

GRANT SELECT, INSERT ON wage.report_snapshots TO wage_hrss;
