-- 0004: messaging infrastructure: duty lists, routing log, rejections,
-- per-consumer inbox (idempotency) and per-principal outbox (relay).

CREATE FUNCTION pg_temp.grant_to(privs text, obj text, codes text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
    FOREACH c IN ARRAY codes LOOP
        EXECUTE format('GRANT %s ON %s TO %I', privs, obj, 'wage_' || c);
    END LOOP;
END $$;
-- all: the 13 principals; consumers: every principal that runs a consumer
-- (router + the department workers); departments: principals that handle cases.
CREATE FUNCTION pg_temp.codes(grp text) RETURNS text[]
    LANGUAGE sql AS $$
    SELECT array_agg(code ORDER BY code) FROM wage.principals
    WHERE CASE grp WHEN 'all' THEN true
                   WHEN 'consumers' THEN runs_worker
                   WHEN 'departments' THEN is_department END
$$;

-- Shared trigger function: refuse UPDATE / DELETE / TRUNCATE on append-only tables.
CREATE FUNCTION wage.refuse_change() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION '% is append-only: % refused', TG_TABLE_SCHEMA || '.' || TG_TABLE_NAME, TG_OP
        USING ERRCODE = 'insufficient_privilege',
              HINT = 'append a correcting row instead';
END $$;
COMMENT ON FUNCTION wage.refuse_change() IS 'Trigger: raises insufficient_privilege (42501) on UPDATE/DELETE/TRUNCATE of an append-only table, also for the owner.';

-- Shared trigger function: keep updated_at current.
CREATE FUNCTION wage.touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END $$;
COMMENT ON FUNCTION wage.touch_updated_at() IS 'Trigger: sets updated_at = now() on UPDATE.';

------------------------------------------------------------------------------
-- Duty lists (deploy/duty-lists/*.yaml), loaded by the router.
CREATE TABLE wage.duty_lists (
    version      text PRIMARY KEY CHECK (version <> ''),
    content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
    content      text NOT NULL,
    loaded_at    timestamptz NOT NULL DEFAULT now(),
    in_force     boolean NOT NULL DEFAULT false
);
COMMENT ON TABLE wage.duty_lists IS 'Every duty list ever loaded (version, SHA-256 hex of the file, the file itself). At most one row in_force. A version is immutable once stored (trigger). Written by the router and wage_admin; readable by every principal.';
CREATE UNIQUE INDEX duty_lists_one_in_force ON wage.duty_lists ((true)) WHERE in_force;

CREATE FUNCTION wage.duty_lists_immutable() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.version IS DISTINCT FROM OLD.version
       OR NEW.content IS DISTINCT FROM OLD.content
       OR NEW.content_hash IS DISTINCT FROM OLD.content_hash THEN
        RAISE EXCEPTION 'duty list % is immutable: load a new version instead', OLD.version
            USING ERRCODE = 'insufficient_privilege';
    END IF;
    RETURN NEW;
END $$;
CREATE TRIGGER duty_lists_immutable BEFORE UPDATE ON wage.duty_lists
    FOR EACH ROW EXECUTE FUNCTION wage.duty_lists_immutable();
CREATE TRIGGER duty_lists_no_delete BEFORE DELETE ON wage.duty_lists
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();

SELECT pg_temp.grant_to('SELECT', 'wage.duty_lists', pg_temp.codes('all'));
SELECT pg_temp.grant_to('INSERT, UPDATE (in_force, loaded_at)', 'wage.duty_lists', ARRAY['router']);

------------------------------------------------------------------------------
-- Routing log (contract view name; the table itself has the contract columns).
CREATE TABLE wage.routing_log (
    message_id        text PRIMARY KEY,
    type              text NOT NULL,
    sender            text NOT NULL,
    recipients        text[] NOT NULL DEFAULT '{}',
    duty_list_version text NOT NULL REFERENCES wage.duty_lists (version),
    at                timestamptz NOT NULL DEFAULT now(),
    correlation_id    text
);
COMMENT ON TABLE wage.routing_log IS 'CONTRACT §2/§4: every routing decision of the router with the duty-list version that made it. Append-only: the router INSERTs; every principal SELECTs; nobody updates or deletes.';
CREATE INDEX routing_log_at ON wage.routing_log (at);
CREATE TRIGGER routing_log_append_only BEFORE UPDATE OR DELETE ON wage.routing_log
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER routing_log_no_truncate BEFORE TRUNCATE ON wage.routing_log
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();

SELECT pg_temp.grant_to('SELECT', 'wage.routing_log', pg_temp.codes('all'));
SELECT pg_temp.grant_to('INSERT', 'wage.routing_log', ARRAY['router']);

------------------------------------------------------------------------------
-- Rejections: table wage.rejection_log, contract view wage.rejections.
CREATE TABLE wage.rejection_log (
    id          bigserial PRIMARY KEY,
    message_id  text,
    type        text,
    sender      text,
    reason      text NOT NULL CHECK (reason <> ''),
    rejected_by text NOT NULL DEFAULT wage.current_principal(),
    at          timestamptz NOT NULL DEFAULT now(),
    body        text,
    headers     jsonb,
    replayed_at timestamptz,
    UNIQUE (message_id, rejected_by)
);
COMMENT ON TABLE wage.rejection_log IS 'Every refused message (CONTRACT §5 reasons), by the router or a worker. message_id/type/sender are NULL when the message lacked them. body/headers kept for replay (may hold personal data: only the writer and wage_admin read them). Router and workers INSERT rows with rejected_by = their own principal (RLS) and SELECT their own rows; wage_admin may set replayed_at. Read through the view wage.rejections.';
CREATE INDEX rejection_log_at ON wage.rejection_log (at);

ALTER TABLE wage.rejection_log ENABLE ROW LEVEL SECURITY;
CREATE POLICY rejection_log_own_insert ON wage.rejection_log FOR INSERT
    WITH CHECK (rejected_by = wage.current_principal());
CREATE POLICY rejection_log_own_select ON wage.rejection_log FOR SELECT
    USING (rejected_by = wage.current_principal());

SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.rejection_log', pg_temp.codes('consumers'));
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.rejection_log_id_seq', pg_temp.codes('consumers'));

CREATE VIEW wage.rejections AS
    SELECT message_id, type, sender, reason, rejected_by, at, id, replayed_at
    FROM wage.rejection_log;
COMMENT ON VIEW wage.rejections IS 'CONTRACT §4 view: message_id, type, sender, reason, rejected_by, at (+ id, replayed_at). All rows, no body/headers. Readable by every principal.';
SELECT pg_temp.grant_to('SELECT', 'wage.rejections', pg_temp.codes('all'));

------------------------------------------------------------------------------
-- Inbox: one row per (consumer, message) processed; the idempotency key.
CREATE TABLE wage.inbox (
    consumer    text NOT NULL DEFAULT wage.current_principal(),
    message_id  text NOT NULL,
    type        text,
    received_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (consumer, message_id)
);
COMMENT ON TABLE wage.inbox IS 'Idempotency: a consumer inserts (consumer, message_id) in the same transaction as the effects of the message; a redelivery finds the row and is acked with no second effect. Each consumer role reads and inserts only rows with consumer = its own principal (RLS). Retention/purge: wage_admin only.';
CREATE INDEX inbox_received_at ON wage.inbox (received_at);

ALTER TABLE wage.inbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY inbox_own ON wage.inbox FOR ALL
    USING (consumer = wage.current_principal())
    WITH CHECK (consumer = wage.current_principal());

SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.inbox', pg_temp.codes('consumers'));

------------------------------------------------------------------------------
-- Outbox: follow-up messages written in the handler's transaction, published by
-- the relay of the same principal (publisher confirms), then marked published.
CREATE TABLE wage.outbox (
    id             bigserial PRIMARY KEY,
    principal      text NOT NULL DEFAULT wage.current_principal(),
    message_id     text NOT NULL UNIQUE CHECK (length(message_id) BETWEEN 1 AND 128),
    type           text NOT NULL,
    body           text NOT NULL,
    correlation_id text,
    headers        jsonb,
    created_at     timestamptz NOT NULL DEFAULT now(),
    published_at   timestamptz,
    attempts       integer NOT NULL DEFAULT 0,
    last_error     text
);
COMMENT ON TABLE wage.outbox IS 'Transactional outbox. Each principal inserts, reads and updates (published_at, attempts, last_error only) its own rows (RLS principal = current_principal()). An insert NOTIFYs channel wage_outbox_<principal> so the relay wakes up. Published rows are purged by wage_admin.';
CREATE INDEX outbox_unpublished ON wage.outbox (principal, id) WHERE published_at IS NULL;

ALTER TABLE wage.outbox ENABLE ROW LEVEL SECURITY;
CREATE POLICY outbox_own ON wage.outbox FOR ALL
    USING (principal = wage.current_principal())
    WITH CHECK (principal = wage.current_principal());

CREATE FUNCTION wage.outbox_notify() RETURNS trigger
    LANGUAGE plpgsql AS $$
BEGIN
    -- Delivered at commit; identical notifications of one transaction are folded.
    PERFORM pg_notify('wage_outbox_' || NEW.principal, '');
    RETURN NULL;
END $$;
COMMENT ON FUNCTION wage.outbox_notify() IS 'Trigger: NOTIFY wage_outbox_<principal> after an outbox insert.';
CREATE TRIGGER outbox_notify AFTER INSERT ON wage.outbox
    FOR EACH ROW EXECUTE FUNCTION wage.outbox_notify();

SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE (published_at, attempts, last_error)', 'wage.outbox', pg_temp.codes('all'));
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.outbox_id_seq', pg_temp.codes('all'));
