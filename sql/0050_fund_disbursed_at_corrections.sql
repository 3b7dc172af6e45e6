-- 0050: operators' corrections of wage.fund_requests.disbursed_at (CONTRACT §4:
-- "operators may need to correct a date there"; the write-off rule reads it).
-- A correction is allowed only on a request that was disbursed, and every
-- correction leaves a row on the case timeline (under finance, the fund's owner),
-- so a write-off made possible by a corrected date can always be explained.

ALTER TABLE wage.fund_requests
    ADD CONSTRAINT fund_requests_disbursed_at_only_when_disbursed
    CHECK (disbursed_at IS NULL OR status IN ('disbursed', 'partially_recovered', 'recovered', 'written_off'));

CREATE FUNCTION wage.fund_disbursed_at_corrected() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO wage.case_events (case_id, department, event, detail)
    VALUES (NEW.case_id, 'finance', 'fund_disbursed_at_corrected',
            jsonb_build_object('request_no', NEW.request_no, 'from', OLD.disbursed_at, 'to', NEW.disbursed_at,
                               'by', session_user::text));
    RETURN NULL;
END $$;
COMMENT ON FUNCTION wage.fund_disbursed_at_corrected() IS 'Trigger: records a change of an already set fund_requests.disbursed_at (an operator''s correction) on the case timeline as finance event fund_disbursed_at_corrected {request_no, from, to, by}.';
REVOKE ALL ON FUNCTION wage.fund_disbursed_at_corrected() FROM PUBLIC;

CREATE TRIGGER fund_requests_disbursed_at_corrected AFTER UPDATE OF disbursed_at ON wage.fund_requests
    FOR EACH ROW
    WHEN (OLD.disbursed_at IS NOT NULL AND NEW.disbursed_at IS DISTINCT FROM OLD.disbursed_at)
    EXECUTE FUNCTION wage.fund_disbursed_at_corrected();

COMMENT ON COLUMN wage.fund_requests.disbursed_at IS 'When the advance was paid (set once by the finance worker on approval). Operators (wage_admin) may correct it; each correction is recorded on the case timeline (fund_disbursed_at_corrected). The one-year write-off rule reads it.';
