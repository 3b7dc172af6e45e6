-- 0122: CONTRACT §7.4 — the calendar is live. Every change to wage.calendar
-- (insert, update, delete, truncate; by wagectl or by SQL) bumps its version in
-- wage.reference_versions in the same transaction; every worker looks at the
-- version at most once a second (Runtime CalendarWatch) and reloads the calendar
-- when it moved.
CREATE TABLE wage.reference_versions (
    name        text PRIMARY KEY,
    version     bigint NOT NULL DEFAULT 0,
    changed_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.reference_versions IS 'Version counters of reference data the workers cache (calendar: bumped by a trigger on wage.calendar). Read by every principal.';
INSERT INTO wage.reference_versions (name, version) VALUES ('calendar', 1);

-- One trigger function for every versioned table: the version's name is the
-- trigger's argument (0123 uses it for wage.settings).
CREATE FUNCTION wage.bump_reference_version() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = wage, pg_temp AS $$
BEGIN
    UPDATE wage.reference_versions SET version = version + 1, changed_at = now() WHERE name = TG_ARGV[0];
    RETURN NULL;
END $$;
REVOKE ALL ON FUNCTION wage.bump_reference_version() FROM PUBLIC;
CREATE TRIGGER calendar_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wage.calendar
    FOR EACH STATEMENT EXECUTE FUNCTION wage.bump_reference_version('calendar');

DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.reference_versions TO %I', r);
    END LOOP;
END $$;
