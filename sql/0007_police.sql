-- 0007: criminal referrals (移送) and incidents, held by the police worker; the contract view referral_overview.

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
CREATE TABLE wage.referrals (
    referral_no             text PRIMARY KEY CHECK (referral_no <> ''),
    case_id                 uuid NOT NULL REFERENCES wage.cases (case_id),
    submitted_by            text NOT NULL REFERENCES wage.principals (code),
    suspect                 jsonb NOT NULL CHECK (jsonb_typeof(suspect) = 'object'),
    amount_owed_fen         bigint NOT NULL CHECK (amount_owed_fen > 0 AND amount_owed_fen < 10000000000000000),
    workers_count           integer NOT NULL CHECK (workers_count >= 1),
    order_to_pay            jsonb CHECK (order_to_pay IS NULL OR jsonb_typeof(order_to_pay) = 'object'),
    evidence                jsonb CHECK (evidence IS NULL OR jsonb_typeof(evidence) = 'array'),
    status                  text NOT NULL CHECK (status IN ('incomplete', 'under_review', 'filed',
                                                            'not_filed', 'reconsidering')),
    received_at             timestamptz NOT NULL DEFAULT now(),
    decide_by               date,
    police_case_no          text,
    missing                 text[] NOT NULL DEFAULT '{}',
    decision_reason         text,
    decided_at              timestamptz,
    reconsider_requested_at timestamptz,
    reconsider_reason       text,
    reconsidered            boolean NOT NULL DEFAULT false,
    submissions             integer NOT NULL DEFAULT 1 CHECK (submissions >= 1),
    message_id              text,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT referrals_not_filed_has_reason CHECK (status <> 'not_filed' OR decision_reason IS NOT NULL),
    CONSTRAINT referrals_review_has_deadline CHECK (status NOT IN ('under_review', 'reconsidering') OR decide_by IS NOT NULL)
);
COMMENT ON TABLE wage.referrals IS 'Criminal referrals received by police (CONTRACT §3 referral.*). received_at = latest (re)submission; decide_by = the review deadline (3 days after receipt, or after a reconsideration request); missing = evidence kinds / order_served / pay_by_passed of an incomplete referral; reconsidered = hrss used its one reconsideration. Only wage_police writes; police and hrss read referral_overview.';
COMMENT ON COLUMN wage.referrals.message_id IS 'message_id of the latest referral.submit.';
CREATE INDEX referrals_case ON wage.referrals (case_id);
CREATE INDEX referrals_pending ON wage.referrals (decide_by) WHERE status IN ('under_review', 'reconsidering');
CREATE TRIGGER referrals_touch BEFORE UPDATE ON wage.referrals
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

CREATE TABLE wage.referral_measures (
    id          bigserial PRIMARY KEY,
    referral_no text NOT NULL REFERENCES wage.referrals (referral_no),
    kind        text NOT NULL CHECK (kind IN ('freeze_accounts', 'control_suspect', 'early_intervention')),
    detail      jsonb,
    at          timestamptz NOT NULL DEFAULT now(),
    message_id  text UNIQUE
);
COMMENT ON TABLE wage.referral_measures IS 'Measures police took on a referral (referral.measure): freeze_accounts, control_suspect, early_intervention; detail is the payload value as JSON (a string or an object). Only wage_police writes.';
CREATE INDEX referral_measures_referral ON wage.referral_measures (referral_no);

CREATE TABLE wage.incidents (
    petition_no text PRIMARY KEY CHECK (petition_no <> ''),
    people      integer NOT NULL CHECK (people >= 1),
    location    text,
    summary     text,
    reported_by text NOT NULL REFERENCES wage.principals (code),
    received_at timestamptz NOT NULL DEFAULT now(),
    message_id  text
);
COMMENT ON TABLE wage.incidents IS 'Collective-visit alerts received by police (incident.alert), one per petition. Only wage_police writes and reads.';

SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.referrals', ARRAY['police']);
SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.referral_measures', ARRAY['police']);
SELECT pg_temp.grant_to('USAGE', 'SEQUENCE wage.referral_measures_id_seq', ARRAY['police']);
SELECT pg_temp.grant_to('SELECT, INSERT', 'wage.incidents', ARRAY['police']);

CREATE VIEW wage.referral_overview AS
    SELECT r.referral_no, r.case_id, r.status, r.received_at, r.decide_by, r.police_case_no, r.missing,
           r.decision_reason, r.decided_at, r.reconsidered, r.reconsider_requested_at, r.submissions,
           (r.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed, r.workers_count,
           (SELECT count(*) FROM wage.referral_measures m WHERE m.referral_no = r.referral_no) AS measures
    FROM wage.referrals r;
COMMENT ON VIEW wage.referral_overview IS 'CONTRACT §4 view: referral_no, case_id, status, received_at, decide_by, police_case_no, missing (text[]) (+ decision_reason, decided_at, reconsidered, reconsider_requested_at, submissions, amount_owed, workers_count, measures). No suspect personal data. Readable by police and hrss.';
SELECT pg_temp.grant_to('SELECT', 'wage.referral_overview', ARRAY['police', 'hrss']);
