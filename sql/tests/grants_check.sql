-- Permission check of the wage schema: SET ROLE to each principal and assert
-- that what it must not do fails (insufficient_privilege / row-level security,
-- SQLSTATE 42501) and that what it needs works.
--
-- Run as wage_admin (a member of every wage_<code> role, see 0001) or a superuser:
--   deploy/local/check-grants.sh [DATABASE_URL]
--   psql "$WAGE_DATABASE_URL" -X -v ON_ERROR_STOP=1 -f sql/tests/grants_check.sql
-- Everything happens in one transaction that is rolled back: no data is left.
-- Prints one line per check; ends with an error if any check failed.

\set QUIET on
\pset footer off
SET client_min_messages = notice;
BEGIN;

\o /dev/null
CREATE TEMP TABLE results (n serial, ok boolean, what text, detail text);

-- Runs sql as role; passes if it fails with 42501.
CREATE FUNCTION pg_temp.denied(role text, what text, sql text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE format('SET LOCAL ROLE %I', role);
        EXECUTE sql;
        RESET ROLE;
    EXCEPTION
        WHEN insufficient_privilege THEN
            INSERT INTO pg_temp.results (ok, what, detail) VALUES (true, role || ' cannot ' || what, SQLERRM);
            RETURN;
        WHEN OTHERS THEN
            INSERT INTO pg_temp.results (ok, what, detail)
                VALUES (false, role || ' cannot ' || what, 'failed with ' || SQLSTATE || ' instead of 42501: ' || SQLERRM);
            RETURN;
    END;
    INSERT INTO pg_temp.results (ok, what, detail) VALUES (false, role || ' cannot ' || what, 'it succeeded');
END $$;

-- Runs sql as role; passes if it succeeds. The effect is kept (rolled back at the end).
CREATE FUNCTION pg_temp.allowed(role text, what text, sql text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE format('SET LOCAL ROLE %I', role);
        EXECUTE sql;
        RESET ROLE;
    EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.results (ok, what, detail)
            VALUES (false, role || ' can ' || what, 'failed with ' || SQLSTATE || ': ' || SQLERRM);
        RETURN;
    END;
    INSERT INTO pg_temp.results (ok, what, detail) VALUES (true, role || ' can ' || what, NULL);
END $$;

-- Runs a count(*) query as role; passes if it returns expected.
CREATE FUNCTION pg_temp.sees(role text, what text, sql text, expected bigint) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE got bigint;
BEGIN
    BEGIN
        EXECUTE format('SET LOCAL ROLE %I', role);
        EXECUTE sql INTO got;
        RESET ROLE;
    EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.results (ok, what, detail)
            VALUES (false, role || ' ' || what, 'failed with ' || SQLSTATE || ': ' || SQLERRM);
        RETURN;
    END;
    INSERT INTO pg_temp.results (ok, what, detail)
        VALUES (got = expected, role || ' ' || what, format('expected %s, got %s', expected, got));
END $$;

-- Runs sql as role; passes if it fails with the given SQLSTATE (e.g. a constraint).
CREATE FUNCTION pg_temp.fails(role text, what text, sql text, state text) RETURNS void
    LANGUAGE plpgsql AS $$
BEGIN
    BEGIN
        EXECUTE format('SET LOCAL ROLE %I', role);
        EXECUTE sql;
        RESET ROLE;
    EXCEPTION WHEN OTHERS THEN
        INSERT INTO pg_temp.results (ok, what, detail)
            VALUES (SQLSTATE = state, role || ' ' || what,
                    CASE WHEN SQLSTATE = state THEN SQLERRM
                         ELSE 'failed with ' || SQLSTATE || ' instead of ' || state || ': ' || SQLERRM END);
        RETURN;
    END;
    INSERT INTO pg_temp.results (ok, what, detail) VALUES (false, role || ' ' || what, 'it succeeded');
END $$;

-- Fixtures (as the owner): a duty list in force, a case, inbox and outbox rows.
-- The checks only count their own rows, so they also pass on a database in use.
UPDATE wage.duty_lists SET in_force = false WHERE in_force;
INSERT INTO wage.duty_lists (version, content_hash, content, in_force)
    VALUES ('test-1', repeat('a', 64), 'version: test-1', true);
SELECT available_fen AS base_available_fen FROM wage.fund_balance \gset
INSERT INTO wage.cases (case_id, channel, clue_ref, origin, employer_name, sector, workers_count,
                        amount_owed_fen, risk_level, status, assignee)
    VALUES ('00000000-0000-0000-0000-00000000c001', 'hotline', 'grants-check-1', 'platform', 'Test Co',
            'construction', 12, 12500000, 'medium', 'transferred', 'housing');
INSERT INTO wage.inbox (consumer, message_id, type) VALUES ('hrss', 'gc-hrss-1', 'clue.report');
INSERT INTO wage.outbox (principal, message_id, type, body) VALUES ('hrss', 'gc-out-hrss-1', 'case.transfer', '{}');

-- == fund: only finance writes; police, petitions, justice, housing see nothing
SELECT pg_temp.denied(r, 'select ' || t, 'SELECT count(*) FROM ' || t)
FROM unnest(ARRAY['wage_police', 'wage_petitions', 'wage_justice', 'wage_housing', 'wage_router', 'wage_platform']) r,
     unnest(ARRAY['wage.fund_requests', 'wage.fund_entries', 'wage.fund_postings', 'wage.fund_lock',
                  'wage.fund_overview', 'wage.fund_balance']) t;
SELECT pg_temp.denied('wage_police', 'insert fund_requests',
    $q$INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status)
       VALUES ('FR-X', '00000000-0000-0000-0000-00000000c001', 100, 1, 'living_costs', 'employer_fled', 'awaiting_approval')$q$);
SELECT pg_temp.denied('wage_police', 'insert fund_entries', $q$INSERT INTO wage.fund_entries (message_id, kind) VALUES ('x', 'deposit')$q$);
SELECT pg_temp.denied('wage_hrss', 'insert fund_entries', $q$INSERT INTO wage.fund_entries (message_id, kind) VALUES ('x', 'deposit')$q$);
SELECT pg_temp.denied('wage_government', 'insert fund_entries', $q$INSERT INTO wage.fund_entries (message_id, kind) VALUES ('x', 'deposit')$q$);
SELECT pg_temp.denied('wage_hrss', 'select fund_requests (table)', 'SELECT count(*) FROM wage.fund_requests');
SELECT pg_temp.allowed(r, 'select fund_overview and fund_balance', 'SELECT count(*) FROM wage.fund_overview, wage.fund_balance')
FROM unnest(ARRAY['wage_finance', 'wage_government', 'wage_hrss']) r;

-- == fund: finance writes the ledger; unbalanced entries and overdrafts are refused at commit
SELECT pg_temp.allowed('wage_finance', 'lock the fund row', 'SELECT id FROM wage.fund_lock WHERE id = 1 FOR UPDATE');
SELECT pg_temp.allowed('wage_finance', 'post a balanced deposit', $q$
    WITH e AS (INSERT INTO wage.fund_entries (message_id, kind, note) VALUES ('gc-dep-1', 'deposit', 'budget') RETURNING id)
    INSERT INTO wage.fund_postings (entry_id, account, amount_fen)
    SELECT id, a, x FROM e, (VALUES ('budget', -100000000::bigint), ('fund_cash', 100000000::bigint)) v(a, x);
    SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED$q$);
SELECT pg_temp.allowed('wage_finance', 'reserve within the balance', $q$
    INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status, message_id)
    VALUES ('FR-GC-1', '00000000-0000-0000-0000-00000000c001', 40000000, 12, 'partial_wages', 'employer_fled',
            'awaiting_approval', 'gc-req-1');
    SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED$q$);
SELECT pg_temp.sees('wage_government', 'sees available = deposits - reserved',
    format('SELECT available_fen - %s FROM wage.fund_balance', :base_available_fen), 60000000);
SELECT pg_temp.allowed('wage_finance', 'disburse (request + balanced entry)', $q$
    UPDATE wage.fund_requests SET status = 'disbursed', disbursed_at = now(), decided_at = now(), approver = 'Mayor'
     WHERE request_no = 'FR-GC-1';
    WITH e AS (INSERT INTO wage.fund_entries (message_id, kind, request_no) VALUES ('gc-dis-1', 'disbursement', 'FR-GC-1') RETURNING id)
    INSERT INTO wage.fund_postings (entry_id, account, amount_fen)
    SELECT id, a, x FROM e, (VALUES ('fund_cash', -40000000::bigint), ('advances_receivable', 40000000::bigint)) v(a, x);
    SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED$q$);
SELECT pg_temp.sees('wage_hrss', 'sees fund_overview outstanding 400000.00',
    $q$SELECT (outstanding * 100)::bigint FROM wage.fund_overview WHERE request_no = 'FR-GC-1'$q$, 40000000);
SELECT pg_temp.fails('wage_finance', 'cannot post an unbalanced entry', $q$
    WITH e AS (INSERT INTO wage.fund_entries (message_id, kind) VALUES ('gc-dep-bad', 'deposit') RETURNING id)
    INSERT INTO wage.fund_postings (entry_id, account, amount_fen)
    SELECT id, a, x FROM e, (VALUES ('budget', -100::bigint), ('fund_cash', 99::bigint)) v(a, x);
    SET CONSTRAINTS ALL IMMEDIATE$q$, '23514');
SELECT pg_temp.fails('wage_finance', 'cannot post an entry without postings', $q$
    INSERT INTO wage.fund_entries (message_id, kind) VALUES ('gc-dep-empty', 'deposit');
    SET CONSTRAINTS ALL IMMEDIATE$q$, '23514');
SELECT pg_temp.fails('wage_finance', 'cannot post a deposit into advances_receivable', $q$
    WITH e AS (INSERT INTO wage.fund_entries (message_id, kind) VALUES ('gc-dep-wrong', 'deposit') RETURNING id)
    INSERT INTO wage.fund_postings (entry_id, account, amount_fen)
    SELECT id, a, x FROM e, (VALUES ('budget', -100::bigint), ('advances_receivable', 100::bigint)) v(a, x);
    SET CONSTRAINTS ALL IMMEDIATE$q$, '23514');
SELECT pg_temp.fails('wage_finance', 'cannot reserve more than available', $q$
    INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status)
    SELECT 'FR-GC-2', '00000000-0000-0000-0000-00000000c001', available_fen + 1, 3, 'living_costs', 'employer_fled', 'awaiting_approval'
    FROM wage.fund_balance;
    SET CONSTRAINTS ALL IMMEDIATE$q$, '23514');
SELECT pg_temp.allowed('wage_finance', 'record an insufficient_fund request (no reservation)', $q$
    INSERT INTO wage.fund_requests (request_no, case_id, amount_fen, beneficiaries, purpose, reason, status)
    SELECT 'FR-GC-3', '00000000-0000-0000-0000-00000000c001', available_fen + 1, 3, 'living_costs', 'employer_fled', 'insufficient_fund'
    FROM wage.fund_balance;
    SET CONSTRAINTS ALL IMMEDIATE; SET CONSTRAINTS ALL DEFERRED$q$);
SELECT pg_temp.fails('wage_finance', 'cannot recover more than outstanding', $q$
    UPDATE wage.fund_requests SET recovered_fen = 40000001, status = 'recovered' WHERE request_no = 'FR-GC-1'$q$, '23514');

-- == append-only: nobody updates, deletes or truncates the timeline or the ledger
INSERT INTO wage.case_events (case_id, department, event, detail)
    VALUES ('00000000-0000-0000-0000-00000000c001', 'hrss', 'registered', '{}');
SELECT pg_temp.denied(r, 'update case_events', $q$UPDATE wage.case_events SET event = 'x'$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'delete case_events', 'DELETE FROM wage.case_events')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'truncate case_events', 'TRUNCATE wage.case_events')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'update fund_postings', 'UPDATE wage.fund_postings SET amount_fen = amount_fen')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'update fund_entries', $q$UPDATE wage.fund_entries SET note = 'x'$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'delete fund_entries', 'DELETE FROM wage.fund_entries')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'delete fund_postings', 'DELETE FROM wage.fund_postings')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(current_user::text, '(owner) update case_events: trigger', $q$UPDATE wage.case_events SET event = 'x'$q$);
SELECT pg_temp.denied(current_user::text, '(owner) delete case_events: trigger', 'DELETE FROM wage.case_events');
SELECT pg_temp.denied(current_user::text, '(owner) truncate case_events: trigger', 'TRUNCATE wage.case_events');
SELECT pg_temp.denied(current_user::text, '(owner) update fund_postings: trigger', 'UPDATE wage.fund_postings SET amount_fen = amount_fen');
SELECT pg_temp.denied(current_user::text, '(owner) delete fund_entries: trigger', 'DELETE FROM wage.fund_entries');
SELECT pg_temp.denied(current_user::text, '(owner) truncate fund_postings: trigger', 'TRUNCATE wage.fund_postings, wage.fund_entries');
SELECT pg_temp.denied('wage_router', 'update routing_log', $q$UPDATE wage.routing_log SET type = 'x'$q$);

-- == timeline: each department writes only under its own name
SELECT pg_temp.allowed(r, 'append to the timeline as itself', format(
    $q$INSERT INTO wage.case_events (case_id, department, event) VALUES ('00000000-0000-0000-0000-00000000c001', %L, 'progress')$q$,
    substr(r, 6)))
FROM unnest(ARRAY['wage_hrss', 'wage_housing', 'wage_police', 'wage_petitions', 'wage_justice', 'wage_finance',
                  'wage_transport', 'wage_water', 'wage_agriculture', 'wage_market']) r;
SELECT pg_temp.allowed('wage_police', 'append with the default department',
    $q$INSERT INTO wage.case_events (case_id, event) VALUES ('00000000-0000-0000-0000-00000000c001', 'task_force_formed')$q$);
SELECT pg_temp.denied('wage_housing', 'append to the timeline as hrss',
    $q$INSERT INTO wage.case_events (case_id, department, event) VALUES ('00000000-0000-0000-0000-00000000c001', 'hrss', 'closed')$q$);
SELECT pg_temp.denied('wage_police', 'append to the timeline as justice',
    $q$INSERT INTO wage.case_events (case_id, department, event) VALUES ('00000000-0000-0000-0000-00000000c001', 'justice', 'x')$q$);
SELECT pg_temp.denied(r, 'append to the timeline at all',
    $q$INSERT INTO wage.case_events (case_id, department, event) VALUES ('00000000-0000-0000-0000-00000000c001', 'hrss', 'x')$q$)
FROM unnest(ARRAY['wage_government', 'wage_platform', 'wage_router']) r;
SELECT pg_temp.sees('wage_platform', 'sees the whole timeline of all departments (view, seq 1..12)',
    $q$SELECT max(seq) FROM wage.case_timeline WHERE case_id = '00000000-0000-0000-0000-00000000c001'$q$, 12);

-- == cases: only hrss writes; everyone reads
SELECT pg_temp.denied(r, 'insert cases', $q$INSERT INTO wage.cases (channel, clue_ref, origin, employer_name, sector,
    workers_count, amount_owed_fen, risk_level) VALUES ('hotline', 'x', 'platform', 'X', 'other', 1, 100, 'low')$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals WHERE code <> 'hrss') p;
SELECT pg_temp.denied(r, 'update cases', $q$UPDATE wage.cases SET status = 'accepted'$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals WHERE code <> 'hrss') p;
SELECT pg_temp.allowed('wage_hrss', 'register a case (case_no default)', $q$INSERT INTO wage.cases (channel, clue_ref, origin,
    employer_name, sector, workers_count, amount_owed_fen, risk_level) VALUES ('hotline', 'grants-check-2', 'platform',
    'X', 'other', 1, 100, 'low')$q$);
SELECT pg_temp.sees('wage_hrss', 'gets case_no WA-<year>-NNNNNN',
    $q$SELECT count(*) FROM wage.cases WHERE clue_ref = 'grants-check-2' AND case_no ~ '^WA-20[0-9]{2}-[0-9]{6,}$'$q$, 1);
SELECT pg_temp.allowed('wage_hrss', 'transfer a case', $q$UPDATE wage.cases SET status = 'transferred', assignee = 'housing',
    due_on = wage.add_workdays(current_date, 5) WHERE clue_ref = 'grants-check-2'$q$);
SELECT pg_temp.fails('wage_hrss', 'cannot close an unresolved case', $q$UPDATE wage.cases SET status = 'closed',
    closed_at = now() WHERE clue_ref = 'grants-check-2'$q$, '23514');
SELECT pg_temp.sees(r, 'reads case_overview', $q$SELECT count(*) FROM wage.case_overview WHERE clue_ref LIKE 'grants-check-%'$q$, 2)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;

-- == inbox, outbox, ledgers, rejections: own rows only
SELECT pg_temp.sees('wage_housing', 'sees no inbox rows of others', $q$SELECT count(*) FROM wage.inbox WHERE consumer <> 'housing'$q$, 0);
SELECT pg_temp.sees('wage_housing', 'sees no hrss inbox row', $q$SELECT count(*) FROM wage.inbox WHERE message_id = 'gc-hrss-1'$q$, 0);
SELECT pg_temp.sees('wage_hrss', 'sees its own inbox row', $q$SELECT count(*) FROM wage.inbox WHERE message_id = 'gc-hrss-1'$q$, 1);
SELECT pg_temp.denied('wage_housing', 'insert an inbox row for hrss',
    $q$INSERT INTO wage.inbox (consumer, message_id) VALUES ('hrss', 'gc-hrss-2')$q$);
SELECT pg_temp.allowed(r, 'insert its own inbox row (ON CONFLICT DO NOTHING)', format(
    $q$INSERT INTO wage.inbox (consumer, message_id, type) VALUES (%L, 'gc-own', 't') ON CONFLICT DO NOTHING;
       INSERT INTO wage.inbox (consumer, message_id, type) VALUES (%L, 'gc-own', 't') ON CONFLICT DO NOTHING$q$,
    substr(r, 6), substr(r, 6)))
FROM (SELECT 'wage_' || code AS r FROM wage.principals WHERE runs_worker) p;
SELECT pg_temp.denied(r, 'use the inbox (runs no consumer)', 'SELECT count(*) FROM wage.inbox')
FROM unnest(ARRAY['wage_government', 'wage_platform']) r;
SELECT pg_temp.sees('wage_housing', 'sees no outbox rows of others', $q$SELECT count(*) FROM wage.outbox WHERE principal <> 'housing'$q$, 0);
SELECT pg_temp.sees('wage_housing', 'cannot mark hrss outbox rows published',
    $q$WITH u AS (UPDATE wage.outbox SET published_at = now() WHERE message_id = 'gc-out-hrss-1' RETURNING 1) SELECT count(*) FROM u$q$, 0);
SELECT pg_temp.denied('wage_housing', 'insert an outbox row as hrss',
    $q$INSERT INTO wage.outbox (principal, message_id, type, body) VALUES ('hrss', 'gc-out-2', 't', '{}')$q$);
SELECT pg_temp.denied('wage_hrss', 'change an outbox body', $q$UPDATE wage.outbox SET body = 'x'$q$);
SELECT pg_temp.denied('wage_hrss', 'delete outbox rows', 'DELETE FROM wage.outbox');
SELECT pg_temp.allowed('wage_hrss', 'relay: lock, publish and mark its outbox rows', $q$
    SELECT id FROM wage.outbox WHERE principal = 'hrss' AND published_at IS NULL ORDER BY id LIMIT 10 FOR UPDATE SKIP LOCKED;
    UPDATE wage.outbox SET published_at = now(), attempts = attempts + 1
     WHERE id = ANY(ARRAY(SELECT id FROM wage.outbox WHERE message_id = 'gc-out-hrss-1'))$q$);
SELECT pg_temp.allowed(r, 'write its own outbox row', format(
    $q$INSERT INTO wage.outbox (principal, message_id, type, body) VALUES (%L, %L, 't', '{}') ON CONFLICT (message_id) DO NOTHING$q$,
    substr(r, 6), 'gc-out-' || r))
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.allowed('wage_housing', 'keep its ledger row', $q$INSERT INTO wage.department_cases (department, case_id, status)
    VALUES ('housing', '00000000-0000-0000-0000-00000000c001', 'received')$q$);
SELECT pg_temp.denied('wage_housing', 'write a ledger row of water', $q$INSERT INTO wage.department_cases (department, case_id, status)
    VALUES ('water', '00000000-0000-0000-0000-00000000c001', 'received')$q$);
SELECT pg_temp.sees('wage_water', 'sees no ledger rows of others', $q$SELECT count(*) FROM wage.department_cases WHERE department <> 'water'$q$, 0);
SELECT pg_temp.allowed('wage_router', 'record its own rejection (twice, ON CONFLICT DO NOTHING)', $q$
    INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body) VALUES ('gc-rej-1', 'x.y', 'platform', 'unknown_type', 'router', '{}') ON CONFLICT DO NOTHING;
    INSERT INTO wage.rejection_log (message_id, type, sender, reason, rejected_by, body) VALUES ('gc-rej-1', 'x.y', 'platform', 'unknown_type', 'router', '{}') ON CONFLICT DO NOTHING$q$);
SELECT pg_temp.allowed('wage_housing', 'record its own rejection of the same message', $q$
    INSERT INTO wage.rejection_log (message_id, type, sender, reason) VALUES ('gc-rej-1', 'x.y', 'platform', 'not_assignee')$q$);
SELECT pg_temp.denied('wage_housing', 'record a rejection as router', $q$
    INSERT INTO wage.rejection_log (message_id, reason, rejected_by) VALUES ('gc-rej-2', 'unknown_type', 'router')$q$);
SELECT pg_temp.denied(r, 'record rejections', $q$INSERT INTO wage.rejection_log (message_id, reason) VALUES ('gc-rej-3', 'x')$q$)
FROM unnest(ARRAY['wage_government', 'wage_platform']) r;
SELECT pg_temp.sees(r, 'reads all rejections (view)', $q$SELECT count(*) FROM wage.rejections WHERE message_id = 'gc-rej-1'$q$, 2)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.sees('wage_housing', 'reads only its own rejection bodies (table)',
    $q$SELECT count(*) FROM wage.rejection_log WHERE message_id = 'gc-rej-1'$q$, 1);
SELECT pg_temp.denied(r, 'set replayed_at', 'UPDATE wage.rejection_log SET replayed_at = now()')
FROM unnest(ARRAY['wage_router', 'wage_hrss']) r;

-- == routing and duty lists: router writes, everyone reads
SELECT pg_temp.allowed('wage_router', 'load a duty list and switch it in force', $q$
    INSERT INTO wage.duty_lists (version, content_hash, content) VALUES ('test-2', repeat('b', 64), 'version: test-2');
    UPDATE wage.duty_lists SET in_force = false WHERE in_force;
    UPDATE wage.duty_lists SET in_force = true WHERE version = 'test-2'$q$);
SELECT pg_temp.allowed('wage_router', 'lock duty_lists to install a list (SHARE ROW EXCLUSIVE)',
    'LOCK TABLE wage.duty_lists IN SHARE ROW EXCLUSIVE MODE');
SELECT pg_temp.denied('wage_router', 'rename a stored duty-list version', $q$UPDATE wage.duty_lists SET version = 'x' WHERE version = 'test-1'$q$);
SELECT pg_temp.denied('wage_router', 'rehash a stored duty list', $q$UPDATE wage.duty_lists SET content_hash = repeat('d', 64) WHERE version = 'test-1'$q$);
SELECT pg_temp.fails('wage_router', 'cannot have two duty lists in force',
    $q$UPDATE wage.duty_lists SET in_force = true WHERE version = 'test-1'$q$, '23505');
SELECT pg_temp.denied('wage_router', 'rewrite a stored duty list', $q$UPDATE wage.duty_lists SET content = 'x' WHERE version = 'test-1'$q$);
SELECT pg_temp.denied('wage_router', 'delete a duty list', $q$DELETE FROM wage.duty_lists$q$);
SELECT pg_temp.allowed('wage_router', 'record a routing decision', $q$INSERT INTO wage.routing_log (message_id, type, sender,
    recipients, duty_list_version) VALUES ('gc-route-1', 'clue.report', 'platform', ARRAY['hrss'], 'test-2')$q$);
SELECT pg_temp.denied(r, 'write duty lists', $q$INSERT INTO wage.duty_lists (version, content_hash, content) VALUES ('x', repeat('c', 64), 'x')$q$)
FROM unnest(ARRAY['wage_hrss', 'wage_government']) r;
SELECT pg_temp.denied(r, 'write routing_log', $q$INSERT INTO wage.routing_log (message_id, type, sender, duty_list_version)
    VALUES ('gc-route-2', 't', 'hrss', 'test-2')$q$)
FROM unnest(ARRAY['wage_hrss', 'wage_platform']) r;
SELECT pg_temp.sees(r, 'reads calendar, duty lists, routing log', $q$SELECT (SELECT count(*) FROM wage.calendar WHERE day = '2026-10-01')
    + (SELECT count(*) FROM wage.duty_lists WHERE in_force) + (SELECT count(*) FROM wage.routing_log WHERE message_id = 'gc-route-1')$q$, 3)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'write the calendar', $q$UPDATE wage.calendar SET is_workday = true$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;

-- == police, petitions, legal aid: each writes its own tables; others read views only
SELECT pg_temp.allowed('wage_police', 'record a referral', $q$INSERT INTO wage.referrals (referral_no, case_id, submitted_by,
    suspect, amount_owed_fen, workers_count, status, decide_by) VALUES ('RF-GC-1', '00000000-0000-0000-0000-00000000c001',
    'hrss', '{"name": "X", "kind": "company"}', 12500000, 12, 'under_review', current_date + 3)$q$);
SELECT pg_temp.fails('wage_police', 'cannot decide not_filed without a reason',
    $q$UPDATE wage.referrals SET status = 'not_filed' WHERE referral_no = 'RF-GC-1'$q$, '23514');
SELECT pg_temp.denied(r, 'select referrals (table)', 'SELECT count(*) FROM wage.referrals')
FROM unnest(ARRAY['wage_hrss', 'wage_finance', 'wage_government', 'wage_platform']) r;
SELECT pg_temp.sees('wage_hrss', 'reads referral_overview', $q$SELECT count(*) FROM wage.referral_overview WHERE referral_no = 'RF-GC-1'$q$, 1);
SELECT pg_temp.denied(r, 'read referral_overview', 'SELECT count(*) FROM wage.referral_overview')
FROM unnest(ARRAY['wage_housing', 'wage_finance', 'wage_platform']) r;
SELECT pg_temp.denied('wage_hrss', 'insert incidents', $q$INSERT INTO wage.incidents (petition_no, people, reported_by) VALUES ('P', 5, 'petitions')$q$);
SELECT pg_temp.allowed('wage_petitions', 'record a petition', $q$INSERT INTO wage.petitions (petition_no, petitioners, form, wage_related,
    collective) VALUES ('grants-check-1', 6, 'visit', true, true)$q$);
SELECT pg_temp.denied('wage_hrss', 'write petitions', $q$UPDATE wage.petitions SET status = 'replied'$q$);
SELECT pg_temp.sees('wage_hrss', 'reads petition_overview', $q$SELECT count(*) FROM wage.petition_overview WHERE petition_no = 'grants-check-1'$q$, 1);
SELECT pg_temp.denied('wage_police', 'read petition_overview', 'SELECT count(*) FROM wage.petition_overview');
SELECT pg_temp.allowed('wage_justice', 'add a provider and assign an application', $q$
    INSERT INTO wage.legal_aid_provider_roster (provider_id, name, active) VALUES ('LA-GC-P1', 'Aid Centre', true);
    INSERT INTO wage.legal_aid_applications (application_no, requested_by, applicant, matter, status, provider_id,
        approved_at, assigned_at) VALUES ('LA-GC-1', 'platform', '{"name": "W"}', 'wage_arrears', 'assigned', 'LA-GC-P1', now(), now())$q$);
SELECT pg_temp.sees('wage_platform', 'reads legal_aid_providers open_assignments',
    $q$SELECT open_assignments FROM wage.legal_aid_providers WHERE provider_id = 'LA-GC-P1'$q$, 1);
SELECT pg_temp.denied(r, 'read legal aid applications (table)', 'SELECT count(*) FROM wage.legal_aid_applications')
FROM unnest(ARRAY['wage_hrss', 'wage_platform', 'wage_police']) r;
SELECT pg_temp.denied(r, 'read legal aid views', 'SELECT count(*) FROM wage.legal_aid_overview')
FROM unnest(ARRAY['wage_police', 'wage_finance', 'wage_housing']) r;
SELECT pg_temp.denied('wage_hrss', 'write legal aid', $q$INSERT INTO wage.legal_aid_provider_roster (provider_id, name, active) VALUES ('LA-GC-P2', 'x', true)$q$);

-- == nobody but the owner creates objects or reads the migration bookkeeping
SELECT pg_temp.denied(r, 'create a table in schema wage', 'CREATE TABLE wage.intruder (x int)')
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.denied(r, 'draw a case number (only hrss registers cases)', 'SELECT wage.next_case_no()')
FROM (SELECT 'wage_' || code AS r FROM wage.principals WHERE code <> 'hrss') p;
SELECT pg_temp.allowed(r, 'call current_principal, is_workday, add_workdays',
    $q$SELECT wage.current_principal(), wage.is_workday(current_date), wage.add_workdays(current_date, 5)$q$)
FROM (SELECT 'wage_' || code AS r FROM wage.principals) p;
SELECT pg_temp.sees('wage_hrss', 'is hrss to current_principal()', $q$SELECT count(*) WHERE wage.current_principal() = 'hrss'$q$, 1);
SELECT pg_temp.sees('wage_hrss', 'finds no function PUBLIC may execute in schema wage', $q$
    SELECT count(*) FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
    WHERE n.nspname = 'wage' AND EXISTS (SELECT 1 FROM aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
                                          WHERE a.grantee = 0)$q$, 0);
-- Reports (0201, 0202): the watch list and the archive are the office's; an archived report never changes.
SELECT pg_temp.allowed('wage_hrss', 'select watch_list', 'SELECT count(*) FROM wage.watch_list');
SELECT pg_temp.denied(r, 'select watch_list', 'SELECT count(*) FROM wage.watch_list')
FROM unnest(ARRAY['wage_police', 'wage_housing', 'wage_government', 'wage_platform']) r;
SELECT pg_temp.allowed('wage_hrss', 'insert report_snapshots',
    $q$INSERT INTO wage.report_snapshots (month, kind, figures, made_by) VALUES ('1999-01', 'monthly', '{}', 'grants-check')$q$);
SELECT pg_temp.denied('wage_hrss', 'update report_snapshots', $q$UPDATE wage.report_snapshots SET figures = '{}'$q$);
SELECT pg_temp.denied(r, 'insert report_snapshots',
    $q$INSERT INTO wage.report_snapshots (month, kind, figures, made_by) VALUES ('1999-02', 'monthly', '{}', 'x')$q$)
FROM unnest(ARRAY['wage_police', 'wage_government']) r;
SELECT pg_temp.denied(r, 'read wage_meta.schema_migrations', 'SELECT count(*) FROM wage_meta.schema_migrations')
FROM unnest(ARRAY['wage_hrss', 'wage_router']) r;

\o
\pset format unaligned
\pset tuples_only on
SELECT CASE WHEN ok THEN 'ok    ' ELSE 'FAIL  ' END || what || CASE WHEN ok OR detail IS NULL THEN '' ELSE ': ' || detail END
FROM results ORDER BY n;
SELECT format('%s checks, %s failed', count(*), count(*) FILTER (WHERE NOT ok)) FROM results;
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_temp.results WHERE NOT ok) THEN
        RAISE EXCEPTION 'grants check failed: % of % checks', (SELECT count(*) FROM pg_temp.results WHERE NOT ok),
            (SELECT count(*) FROM pg_temp.results);
    END IF;
END $$;
ROLLBACK;
