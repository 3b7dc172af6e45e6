-- 0001: schema wage, one NOLOGIN role per principal (CONTRACT §1), the principal
-- reference table and wage.current_principal().
-- Runs as wage_admin (owner of everything; CREATEROLE, not superuser).
-- Passwords and LOGIN are set later by deploy/local/stack.sh, never here.

DO $$
BEGIN
    -- jsonb rejects \u escapes of non-ASCII characters in a SQL_ASCII database,
    -- and the payloads carry Chinese names: refuse early with a clear message.
    IF current_setting('server_encoding') <> 'UTF8' THEN
        RAISE EXCEPTION 'database % has encoding %, need UTF8', current_database(), current_setting('server_encoding')
            USING HINT = 'CREATE DATABASE wage OWNER wage_admin ENCODING ''UTF8'' TEMPLATE template0';
    END IF;
END $$;

CREATE SCHEMA wage;
COMMENT ON SCHEMA wage IS 'Wage-arrears workflow service (CONTRACT §4). Owned by wage_admin; each principal role wage_<code> has USAGE and only the grants listed in docs/schema.md.';

-- One role per principal, created NOLOGIN if absent (roles are cluster-wide, so
-- another database of the same cluster may have created them already).
DO $$
DECLARE
    code text;
    r text;
BEGIN
    FOREACH code IN ARRAY ARRAY['hrss','housing','police','petitions','justice','finance',
                                'government','platform','transport','water','agriculture',
                                'market','router'] LOOP
        r := 'wage_' || code;
        IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) THEN
            EXECUTE format('CREATE ROLE %I NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION', r);
        END IF;
        -- The owner (wage_admin) becomes a member so that checks and operators can
        -- SET ROLE to a principal (sql/tests/grants_check.sql). It owns every object
        -- anyway, so membership gives it nothing new.
        IF NOT pg_has_role(current_user, r, 'MEMBER') THEN
            BEGIN
                EXECUTE format('GRANT %I TO %I', r, current_user);
            EXCEPTION WHEN insufficient_privilege THEN
                RAISE WARNING 'could not make % a member of % (SET ROLE checks will need a superuser)', current_user, r;
            END;
        END IF;
        EXECUTE format('GRANT CONNECT ON DATABASE %I TO %I', current_database(), r);
        EXECUTE format('GRANT USAGE ON SCHEMA wage TO %I', r);
    END LOOP;
    EXECUTE format('REVOKE ALL ON DATABASE %I FROM PUBLIC', current_database());
END $$;

-- Functions are not executable by PUBLIC in this schema: each grant is explicit.
ALTER DEFAULT PRIVILEGES IN SCHEMA wage REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;

CREATE FUNCTION wage.current_principal() RETURNS text
    LANGUAGE sql STABLE PARALLEL SAFE
AS $$
    SELECT CASE WHEN current_user::text LIKE 'wage\_%' THEN substr(current_user::text, 6) END
$$;
COMMENT ON FUNCTION wage.current_principal() IS 'Principal code of the session: current_user without the wage_ prefix (wage_hrss -> hrss; wage_admin -> admin; NULL for other roles). Used by row-level security, defaults and checks so a role can only write rows as itself.';

CREATE TABLE wage.principals (
    code          text PRIMARY KEY CHECK (code ~ '^[a-z]+$'),
    name_zh       text NOT NULL,
    name_en       text NOT NULL,
    is_department boolean NOT NULL,
    runs_worker   boolean NOT NULL
);
COMMENT ON TABLE wage.principals IS 'The principals of CONTRACT §1 (one AMQP user and one database role wage_<code> each). Reference data for foreign keys (case assignee, origin, timeline department). Written only by wage_admin.';

INSERT INTO wage.principals (code, name_zh, name_en, is_department, runs_worker) VALUES
    ('hrss',        '人力资源和社会保障局', 'Human Resources & Social Security', true,  true),
    ('housing',     '住房和城乡建设局',     'Housing & Construction',            true,  true),
    ('police',      '公安局',               'Public Security',                   true,  true),
    ('petitions',   '信访局',               'Petitions Office',                  true,  true),
    ('justice',     '司法局',               'Justice',                           true,  true),
    ('finance',     '财政局',               'Finance',                           true,  true),
    ('government',  '人民政府',             'Government (approver)',             false, false),
    ('platform',    '线索平台',             'Intake gateway',                    false, false),
    ('transport',   '交通运输局',           'Transport',                         true,  true),
    ('water',       '水利局',               'Water Resources',                   true,  true),
    ('agriculture', '农业农村局',           'Agriculture & Rural Affairs',       true,  true),
    ('market',      '市场监督管理局',       'Market Regulation',                 true,  true),
    ('router',      '路由',                 'Router',                            false, true);

-- Every principal reads the reference data and may call current_principal().
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.principals TO %I', r);
        EXECUTE format('GRANT EXECUTE ON FUNCTION wage.current_principal() TO %I', r);
    END LOOP;
END $$;
