-- 0090: least privilege for personal data. wage.cases.reporter ({name, phone,
-- id_number} of the person who reported the clue) was readable by every
-- principal through the table-level SELECT of 0005. Only the office (hrss),
-- which registers the clue and may contact the reporter, keeps it; every other
-- principal reads every other column (column-level SELECT), as the workers and
-- wagectl need (nothing outside hrss reads reporter; the views never show it).
-- A column added to wage.cases later must be granted to them in its migration.
DO $$
DECLARE
    principal text;
    columns text;
BEGIN
    SELECT string_agg(quote_ident(attname), ', ' ORDER BY attnum) INTO columns
    FROM pg_attribute
    WHERE attrelid = 'wage.cases'::regclass AND attnum > 0 AND NOT attisdropped AND attname <> 'reporter';
    FOR principal IN SELECT code FROM wage.principals WHERE code <> 'hrss' ORDER BY code LOOP
        EXECUTE format('REVOKE SELECT ON wage.cases FROM %I', 'wage_' || principal);
        EXECUTE format('GRANT SELECT (%s) ON wage.cases TO %I', columns, 'wage_' || principal);
    END LOOP;
END $$;
COMMENT ON COLUMN wage.cases.reporter IS 'JSON object {name, phone, id_number} as reported; personal data, never logged unmasked. SELECT: hrss only (0090); every other principal reads the other columns.';
