-- 0150 (issue 20): the people who use the staff console (工作台), and its audit trail.
-- * wage.staff: one row per person; the password is a bcrypt hash (wagectl staff add|reset).
-- * wage.console_audit: every console login (success and failure), logout and act,
--   and every refusal (CSRF, forged cookie, another department's case). Append-only.
-- * wage_console: the console's own login. It reads wage.staff and appends to the
--   audit, nothing else: every case view and every message is read and sent with the
--   logged-in person's DEPARTMENT credentials, so the department grants and the
--   broker's validated user-id still apply.

DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'wage_console') THEN
        CREATE ROLE wage_console NOLOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION;
    END IF;
END $$;
GRANT USAGE ON SCHEMA wage TO wage_console;

CREATE TABLE wage.staff (
    login         text PRIMARY KEY CHECK (login ~ '^[a-z0-9][a-z0-9._-]{0,63}$'),
    display_name  text NOT NULL CHECK (char_length(display_name) BETWEEN 1 AND 64),
    department    text NOT NULL REFERENCES wage.principals (code),
    roles         text[] NOT NULL DEFAULT '{clerk}'
                  CHECK (cardinality(roles) >= 1 AND roles <@ ARRAY['clerk', 'head', 'approver']::text[]),
    password_hash text NOT NULL CHECK (password_hash LIKE '$2%'),
    disabled      boolean NOT NULL DEFAULT false,
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.staff IS 'Console staff accounts (issue 20): login (the x-wage-actor value), display name, department (a principal code), roles (clerk, head, approver), bcrypt password hash, disabled (locked out at once: the console checks it on every request). Written by wage_admin (wagectl staff), read by wage_console.';
REVOKE ALL ON wage.staff FROM PUBLIC;
GRANT SELECT ON wage.staff TO wage_console;

CREATE TABLE wage.console_audit (
    id         bigserial PRIMARY KEY,
    at         timestamptz NOT NULL DEFAULT now(),
    login      text,
    department text,
    address    text,
    action     text NOT NULL CHECK (action <> ''),
    outcome    text NOT NULL CHECK (outcome IN ('ok', 'refused')),
    subject    text,
    detail     jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
COMMENT ON TABLE wage.console_audit IS 'What happened in the staff console: login, login_failed, login_throttled, logout, act (subject = message_id; detail: type, case_id, verdict), csrf_refused, forged_cookie, forbidden_case (subject = case_id), disabled_refused. login = the person (null when unknown). Append-only; written by wage_console, read by wage_admin.';
CREATE INDEX console_audit_login ON wage.console_audit (login, at);
CREATE TRIGGER console_audit_append_only BEFORE UPDATE OR DELETE ON wage.console_audit
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER console_audit_no_truncate BEFORE TRUNCATE ON wage.console_audit
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();
REVOKE ALL ON wage.console_audit FROM PUBLIC;
GRANT INSERT ON wage.console_audit TO wage_console;
GRANT USAGE ON SEQUENCE wage.console_audit_id_seq TO wage_console;
