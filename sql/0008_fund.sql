-- 0008: the emergency revolving fund (应急周转金), held by the finance worker:
-- requests, a double-entry append-only ledger, the serialising lock row, and the
-- contract views fund_overview and fund_balance. police, petitions, justice,
-- housing (and every other principal but finance, government, hrss) have no access.

CREATE FUNCTION pg_temp.grant_to(privs text, obj text, codes text[]) RETURNS void
    LANGUAGE plpgsql AS $$
DECLARE c text;
BEGIN
    FOREACH c IN ARRAY codes LOOP
        EXECUTE format('GRANT %s ON %s TO %I', privs, obj, 'wage_' || c);
    END LOOP;
END $$;
CREATE FUNCTION pg_temp.codes(grp text) RETURNS text[]
    LANGUAGE sql AS $$
    SELECT array_agg(code ORDER BY code) FROM wage.principals
    WHERE CASE grp WHEN 'all' THEN true
                   WHEN 'consumers' THEN runs_worker
                   WHEN 'departments' THEN is_department END
$$;

------------------------------------------------------------------------------
CREATE TABLE wage.fund_requests (
    request_no      text PRIMARY KEY CHECK (request_no <> ''),
    case_id         uuid NOT NULL REFERENCES wage.cases (case_id),
    amount_fen      bigint NOT NULL CHECK (amount_fen > 0 AND amount_fen < 10000000000000000),
    beneficiaries   integer NOT NULL CHECK (beneficiaries >= 1),
    purpose         text NOT NULL CHECK (purpose IN ('partial_wages', 'living_costs', 'travel_home')),
    reason          text NOT NULL CHECK (reason IN ('employer_fled', 'temporary_inability', 'approved_special')),
    status          text NOT NULL CHECK (status IN ('awaiting_approval', 'rejected', 'insufficient_fund', 'disbursed',
                                                    'partially_recovered', 'recovered', 'written_off')),
    requested_at    timestamptz NOT NULL DEFAULT now(),
    decided_at      timestamptz,
    approver        text,
    decision_note   text,
    disbursed_at    timestamptz,
    recovered_fen   bigint NOT NULL DEFAULT 0 CHECK (recovered_fen >= 0),
    written_off_fen bigint NOT NULL DEFAULT 0 CHECK (written_off_fen >= 0),
    written_off_at  timestamptz,
    message_id      text,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fund_requests_not_over_settled CHECK (recovered_fen + written_off_fen <= amount_fen),
    CONSTRAINT fund_requests_disbursed_has_time
        CHECK (status NOT IN ('disbursed', 'partially_recovered', 'recovered', 'written_off') OR disbursed_at IS NOT NULL),
    CONSTRAINT fund_requests_settled_only_after_disbursement
        CHECK (status IN ('disbursed', 'partially_recovered', 'recovered', 'written_off')
               OR (recovered_fen = 0 AND written_off_fen = 0))
);
COMMENT ON TABLE wage.fund_requests IS 'Advance requests (fund.request) and their life: awaiting_approval (reserves amount) -> rejected | disbursed -> partially_recovered -> recovered | written_off; insufficient_fund when it exceeded the available balance on arrival. recovered_fen/written_off_fen are running totals (mirrors of the ledger). disbursed_at may be corrected by operators (wage_admin). Only wage_finance writes.';
COMMENT ON COLUMN wage.fund_requests.message_id IS 'message_id of the fund.request.';
CREATE INDEX fund_requests_case ON wage.fund_requests (case_id);
CREATE INDEX fund_requests_reserved ON wage.fund_requests (status) WHERE status = 'awaiting_approval';
CREATE TRIGGER fund_requests_touch BEFORE UPDATE ON wage.fund_requests
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

CREATE TABLE wage.fund_entries (
    id         bigserial PRIMARY KEY,
    message_id text NOT NULL UNIQUE,
    kind       text NOT NULL CHECK (kind IN ('deposit', 'disbursement', 'recovery', 'writeoff')),
    request_no text REFERENCES wage.fund_requests (request_no),
    at         timestamptz NOT NULL DEFAULT now(),
    note       text,
    CONSTRAINT fund_entries_request_iff_not_deposit CHECK ((kind = 'deposit') = (request_no IS NULL))
);
COMMENT ON TABLE wage.fund_entries IS 'Double-entry ledger: one journal entry per money movement (message_id = the causing message, unique). Postings in wage.fund_postings must sum to zero (checked at commit). APPEND-ONLY; only wage_finance inserts.';
CREATE INDEX fund_entries_request ON wage.fund_entries (request_no);

CREATE TABLE wage.fund_postings (
    entry_id   bigint NOT NULL REFERENCES wage.fund_entries (id),
    account    text NOT NULL CHECK (account IN ('budget', 'fund_cash', 'advances_receivable', 'written_off')),
    amount_fen bigint NOT NULL CHECK (amount_fen <> 0 AND abs(amount_fen) < 10000000000000000),
    PRIMARY KEY (entry_id, account)
);
COMMENT ON TABLE wage.fund_postings IS 'Postings of a ledger entry, debit positive / credit negative, summing to zero per entry. deposit: budget -x, fund_cash +x; disbursement: fund_cash -x, advances_receivable +x; recovery: advances_receivable -x, fund_cash +x; writeoff: advances_receivable -x, written_off +x. APPEND-ONLY; only wage_finance inserts.';
CREATE INDEX fund_postings_account ON wage.fund_postings (account);

CREATE TABLE wage.fund_lock (
    id integer PRIMARY KEY CHECK (id = 1)
);
COMMENT ON TABLE wage.fund_lock IS 'One row (id = 1). The finance worker runs SELECT id FROM wage.fund_lock WHERE id = 1 FOR UPDATE before checking the balance, which serialises balance checks across worker instances. The ledger check at commit takes it too.';
INSERT INTO wage.fund_lock (id) VALUES (1);

------------------------------------------------------------------------------
CREATE VIEW wage.fund_overview AS
    SELECT r.request_no, r.case_id,
           (r.amount_fen / 100.0)::numeric(16,2) AS amount,
           r.status,
           (CASE WHEN r.status IN ('disbursed', 'partially_recovered', 'recovered', 'written_off')
                 THEN r.amount_fen - r.recovered_fen - r.written_off_fen ELSE 0 END / 100.0)::numeric(16,2) AS outstanding,
           r.disbursed_at, r.approver,
           r.beneficiaries, r.purpose, r.reason, r.requested_at, r.decided_at, r.decision_note,
           (r.recovered_fen / 100.0)::numeric(16,2) AS recovered,
           (r.written_off_fen / 100.0)::numeric(16,2) AS written_off,
           r.written_off_at
    FROM wage.fund_requests r;
COMMENT ON VIEW wage.fund_overview IS 'CONTRACT §4 view: request_no, case_id, amount, status, outstanding (amount - recovered - written_off once disbursed, else 0), disbursed_at, approver (+ beneficiaries, purpose, reason, requested_at, decided_at, decision_note, recovered, written_off, written_off_at). Yuan. Readable by finance, government, hrss.';

CREATE VIEW wage.fund_balance AS
    WITH s AS (
        SELECT coalesce(sum(p.amount_fen) FILTER (WHERE e.kind = 'deposit' AND p.account = 'fund_cash'), 0)::bigint AS deposited_fen,
               coalesce(-sum(p.amount_fen) FILTER (WHERE e.kind = 'disbursement' AND p.account = 'fund_cash'), 0)::bigint AS disbursed_fen,
               coalesce(sum(p.amount_fen) FILTER (WHERE e.kind = 'recovery' AND p.account = 'fund_cash'), 0)::bigint AS recovered_fen,
               coalesce(sum(p.amount_fen) FILTER (WHERE p.account = 'written_off'), 0)::bigint AS written_off_fen,
               coalesce(sum(p.amount_fen) FILTER (WHERE p.account = 'fund_cash'), 0)::bigint AS cash_fen,
               coalesce(sum(p.amount_fen) FILTER (WHERE p.account = 'advances_receivable'), 0)::bigint AS outstanding_fen
        FROM wage.fund_postings p JOIN wage.fund_entries e ON e.id = p.entry_id
    ), r AS (
        SELECT coalesce(sum(amount_fen), 0)::bigint AS reserved_fen
        FROM wage.fund_requests WHERE status = 'awaiting_approval'
    )
    SELECT (s.deposited_fen / 100.0)::numeric(16,2) AS deposited,
           ((s.cash_fen - r.reserved_fen) / 100.0)::numeric(16,2) AS available,
           (r.reserved_fen / 100.0)::numeric(16,2) AS reserved,
           (s.outstanding_fen / 100.0)::numeric(16,2) AS outstanding,
           (s.disbursed_fen / 100.0)::numeric(16,2) AS disbursed,
           (s.recovered_fen / 100.0)::numeric(16,2) AS recovered,
           (s.written_off_fen / 100.0)::numeric(16,2) AS written_off,
           s.deposited_fen, s.cash_fen - r.reserved_fen AS available_fen, r.reserved_fen, s.outstanding_fen,
           s.disbursed_fen, s.recovered_fen, s.written_off_fen, s.cash_fen
    FROM s, r;
COMMENT ON VIEW wage.fund_balance IS 'CONTRACT §4 view, one row: deposited, available (= deposits - disbursed - reserved + recovered = fund cash - reserved), reserved (requests awaiting approval), outstanding (advances receivable) in yuan (+ disbursed, recovered, written_off, and every figure in fen as *_fen for the finance worker). Readable by finance, government, hrss.';

------------------------------------------------------------------------------
-- Ledger integrity, checked at commit (DEFERRABLE INITIALLY DEFERRED).
CREATE FUNCTION wage.fund_entry_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    eid bigint;
    k text;
    total numeric;
    n integer;
    accts text[];
    want text[];
    plus text;
    plus_amount bigint;
BEGIN
    IF TG_TABLE_NAME = 'fund_entries' THEN
        eid := NEW.id;
    ELSE
        eid := NEW.entry_id;
    END IF;
    SELECT e.kind INTO k FROM wage.fund_entries e WHERE e.id = eid;
    SELECT coalesce(sum(p.amount_fen), 0), count(*), array_agg(p.account ORDER BY p.account)
      INTO total, n, accts
      FROM wage.fund_postings p WHERE p.entry_id = eid;
    IF n < 2 OR total <> 0 THEN
        RAISE EXCEPTION 'fund ledger entry % (%) is unbalanced: % postings summing to % fen', eid, k, n, total
            USING ERRCODE = 'check_violation', HINT = 'every entry needs postings that sum to zero';
    END IF;
    -- The accounts of each kind, and which one is debited (positive).
    want := CASE k WHEN 'deposit'      THEN ARRAY['budget', 'fund_cash']
                   WHEN 'disbursement' THEN ARRAY['advances_receivable', 'fund_cash']
                   WHEN 'recovery'     THEN ARRAY['advances_receivable', 'fund_cash']
                   WHEN 'writeoff'     THEN ARRAY['advances_receivable', 'written_off'] END;
    plus := CASE k WHEN 'deposit' THEN 'fund_cash' WHEN 'disbursement' THEN 'advances_receivable'
                   WHEN 'recovery' THEN 'fund_cash' WHEN 'writeoff' THEN 'written_off' END;
    SELECT p.amount_fen INTO plus_amount FROM wage.fund_postings p WHERE p.entry_id = eid AND p.account = plus;
    IF accts IS DISTINCT FROM want OR plus_amount IS NULL OR plus_amount <= 0 THEN
        RAISE EXCEPTION 'fund ledger entry % (%) posts to % but a % moves money into % from the other account of %',
            eid, k, accts, k, plus, want
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION wage.fund_entry_check() IS 'Constraint trigger (deferred): an entry has exactly the two postings of its kind, summing to zero, in the right direction.';

CREATE CONSTRAINT TRIGGER fund_entries_balanced AFTER INSERT ON wage.fund_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wage.fund_entry_check();
CREATE CONSTRAINT TRIGGER fund_postings_balanced AFTER INSERT ON wage.fund_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wage.fund_entry_check();

CREATE FUNCTION wage.fund_position_check() RETURNS trigger
    LANGUAGE plpgsql AS $$
DECLARE
    b record;
BEGIN
    -- Serialise with every other writer (and with the worker, which holds it
    -- already); in READ COMMITTED the next query then sees their commits.
    PERFORM 1 FROM wage.fund_lock WHERE id = 1 FOR UPDATE;
    SELECT available_fen, cash_fen, outstanding_fen INTO b FROM wage.fund_balance;
    IF b.available_fen < 0 OR b.cash_fen < 0 OR b.outstanding_fen < 0 THEN
        RAISE EXCEPTION 'fund overdraft refused: available % fen, cash % fen, outstanding % fen',
            b.available_fen, b.cash_fen, b.outstanding_fen
            USING ERRCODE = 'check_violation',
                  HINT = 'a request above the available balance is recorded as insufficient_fund, never reserved';
    END IF;
    RETURN NULL;
END $$;
COMMENT ON FUNCTION wage.fund_position_check() IS 'Constraint trigger (deferred): after any posting or reservation, the available balance, fund cash and advances receivable stay >= 0. Takes wage.fund_lock first, so racing transactions cannot both pass.';

CREATE CONSTRAINT TRIGGER fund_postings_position AFTER INSERT ON wage.fund_postings
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION wage.fund_position_check();
CREATE CONSTRAINT TRIGGER fund_requests_position AFTER INSERT OR UPDATE OF status, amount_fen ON wage.fund_requests
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW
    WHEN (NEW.status = 'awaiting_approval') EXECUTE FUNCTION wage.fund_position_check();

-- Append-only ledger, also for the owner.
CREATE TRIGGER fund_entries_append_only BEFORE UPDATE OR DELETE ON wage.fund_entries
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER fund_entries_no_truncate BEFORE TRUNCATE ON wage.fund_entries
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER fund_postings_append_only BEFORE UPDATE OR DELETE ON wage.fund_postings
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER fund_postings_no_truncate BEFORE TRUNCATE ON wage.fund_postings
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER fund_lock_no_delete BEFORE DELETE ON wage.fund_lock
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();

------------------------------------------------------------------------------
REVOKE ALL ON wage.fund_requests, wage.fund_entries, wage.fund_postings, wage.fund_lock,
              wage.fund_overview, wage.fund_balance FROM PUBLIC;
SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.fund_requests', ARRAY['finance']);
SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.fund_entries', ARRAY['finance']);
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.fund_entries_id_seq', ARRAY['finance']);
SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.fund_postings', ARRAY['finance']);
SELECT pg_temp.grant_to('SELECT, UPDATE', 'wage.fund_lock', ARRAY['finance']);
SELECT pg_temp.grant_to('SELECT', 'wage.fund_overview', ARRAY['finance', 'government', 'hrss']);
SELECT pg_temp.grant_to('SELECT', 'wage.fund_balance', ARRAY['finance', 'government', 'hrss']);
