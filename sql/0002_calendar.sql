-- 0002: the working-day calendar (CONTRACT §3 "Working days") and two helpers.
-- The rows of each year come in their own data migration (0003 for 2026),
-- generated from deploy/calendar/CN-<year>.csv by sql/tools/calendar-migration.sh.

CREATE TABLE wage.calendar (
    day        date PRIMARY KEY,
    is_workday boolean NOT NULL,
    note       text
);
COMMENT ON TABLE wage.calendar IS 'Exceptions to the Monday-Friday rule (public holidays, make-up working days) of the Asia/Shanghai business calendar. A day missing from it is a working day iff Monday-Friday. Readable by every principal; written only by wage_admin (migrations).';

CREATE FUNCTION wage.is_workday(d date) RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT coalesce((SELECT c.is_workday FROM wage.calendar c WHERE c.day = d),
                    extract(isodow FROM d) < 6)
$$;
COMMENT ON FUNCTION wage.is_workday(date) IS 'true if d is a working day: wage.calendar when listed, else Monday-Friday.';

CREATE FUNCTION wage.add_workdays(d date, n integer) RETURNS date
    LANGUAGE plpgsql STABLE PARALLEL SAFE
AS $$
DECLARE
    r date := d;
    k integer := 0;
BEGIN
    IF n IS NULL OR n < 0 THEN
        RAISE EXCEPTION 'add_workdays: n must be >= 0, got %', n;
    END IF;
    WHILE k < n LOOP
        r := r + 1;
        IF wage.is_workday(r) THEN
            k := k + 1;
        END IF;
    END LOOP;
    RETURN r;
END
$$;
COMMENT ON FUNCTION wage.add_workdays(date, integer) IS 'The n-th working day after d (d itself not counted; n = 0 gives d). Same rule as the Swift WorkingCalendar; for operators, views and tests.';

DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.calendar TO %I', r);
        EXECUTE format('GRANT EXECUTE ON FUNCTION wage.is_workday(date), wage.add_workdays(date, integer) TO %I', r);
    END LOOP;
END $$;
