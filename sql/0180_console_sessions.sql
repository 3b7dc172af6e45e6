-- 0180 (issue 20): console sessions survive a restart of the console.
-- * wage.console_sessions: one row per logged-in session, keyed by the SHA-256 of the
--   session id (the table never holds a usable cookie), with its CSRF token and
--   its sliding expiry. Logout and a disabled account delete the rows.
-- * wage.console_session_key: the key of the cookies' HMAC, made once by the first
--   console that starts (a cookie not issued by a console is still "forged").
-- Only wage_console reads and writes them; no principal has any privilege on them.

CREATE TABLE wage.console_sessions (
    id_hash     text PRIMARY KEY CHECK (id_hash ~ '^[0-9a-f]{64}$'),
    login       text NOT NULL REFERENCES wage.staff (login),
    csrf_token  text NOT NULL CHECK (csrf_token ~ '^[0-9a-f]{64}$'),
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.console_sessions IS 'Console sessions (issue 20): SHA-256 of the session id, login, CSRF token, sliding expiry. Written and read by wage_console only.';
CREATE INDEX console_sessions_login ON wage.console_sessions (login);
CREATE INDEX console_sessions_expires ON wage.console_sessions (expires_at);
REVOKE ALL ON wage.console_sessions FROM PUBLIC;
GRANT SELECT, INSERT, DELETE ON wage.console_sessions TO wage_console;
GRANT UPDATE (expires_at) ON wage.console_sessions TO wage_console;

CREATE TABLE wage.console_session_key (
    id          integer PRIMARY KEY CHECK (id = 1),
    key         text NOT NULL CHECK (key ~ '^[0-9a-f]{64}$'),
    created_at  timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.console_session_key IS 'The HMAC key of the console''s session cookies (one row, made by the first console to start). Read and inserted by wage_console only.';
REVOKE ALL ON wage.console_session_key FROM PUBLIC;
GRANT SELECT, INSERT ON wage.console_session_key TO wage_console;
