-- 0006: petitions (信访) held by the petitions worker, and the contract view petition_overview.

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
CREATE TABLE wage.petitions (
    petition_no     text PRIMARY KEY CHECK (petition_no <> ''),
    petitioners     integer NOT NULL CHECK (petitioners >= 1),
    form            text NOT NULL CHECK (form IN ('letter', 'visit', 'online', 'phone')),
    wage_related    boolean NOT NULL,
    employer        text,
    sector          text CHECK (sector IN ('construction', 'transport', 'water', 'agriculture',
                                           'individual_business', 'manufacturing', 'services', 'other')),
    amount_owed_fen bigint CHECK (amount_owed_fen > 0 AND amount_owed_fen < 10000000000000000),
    workers_count   integer CHECK (workers_count >= 1),
    summary         text,
    collective      boolean NOT NULL DEFAULT false,
    status          text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'reported', 'replied')),
    received_at     timestamptz NOT NULL DEFAULT now(),
    reported_at     timestamptz,
    replied_at      timestamptz,
    reply           text,
    message_id      text,
    CONSTRAINT petitions_replied_has_time CHECK (status <> 'replied' OR replied_at IS NOT NULL)
);
COMMENT ON TABLE wage.petitions IS 'Petitions (CONTRACT §3 petition.received). status: received -> reported (a wage-related petition was sent to hrss as clue.report, channel petition, clue_ref = petition_no) -> replied (答复 recorded when the case closed). collective = 5 or more petitioners (集体访; the worker decides, threshold is configuration). Only wage_petitions writes; petitions and hrss read petition_overview.';
COMMENT ON COLUMN wage.petitions.message_id IS 'message_id of the petition.received that recorded it.';
CREATE INDEX petitions_received_at ON wage.petitions (received_at);

SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.petitions', ARRAY['petitions']);

CREATE VIEW wage.petition_overview AS
    SELECT p.petition_no, p.petitioners, p.wage_related, p.collective, c.case_id, p.status,
           p.form, p.employer, p.sector,
           (p.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           p.workers_count, p.received_at, p.reported_at, p.replied_at, c.status AS case_status
    FROM wage.petitions p
    LEFT JOIN wage.cases c ON c.channel = 'petition' AND c.clue_ref = p.petition_no;
COMMENT ON VIEW wage.petition_overview IS 'CONTRACT §4 view: petition_no, petitioners, wage_related, collective, case_id (the case with channel petition and clue_ref = petition_no, NULL until registered), status (+ form, employer, sector, amount_owed, workers_count, received_at, reported_at, replied_at, case_status). Readable by petitions and hrss.';
SELECT pg_temp.grant_to('SELECT', 'wage.petition_overview', ARRAY['petitions', 'hrss']);
