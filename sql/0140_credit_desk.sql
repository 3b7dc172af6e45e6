-- 0140: the credit desk (CONTRACT §9, 失信联合惩戒): what the office's credit desk
-- records beside sql/0118's wage.credit_listings, the sector regulators' own copy
-- of the list (housing, market: they enforce the restrictions in their sectors),
-- and the contract views wage.credit_list and wage.credit_check. docs/credit.md.

------------------------------------------------------------------------------
-- §7.1 disposition: the office engineer adds it (0120-0129, also IF NOT EXISTS);
-- credit_check leaves out cases resolved as `unfounded` (§7.8), so it must exist here.
ALTER TABLE wage.cases ADD COLUMN IF NOT EXISTS disposition text;
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals WHERE code <> 'hrss' LOOP
        EXECUTE format('GRANT SELECT (disposition) ON wage.cases TO %I', r);
    END LOOP;
END $$;

------------------------------------------------------------------------------
-- The delisting as applied (who can tell a listing's removal from which message),
-- and the values the decisions used.
ALTER TABLE wage.credit_listings
    ADD COLUMN removal_message_id text,
    ADD COLUMN removed_at timestamptz,
    ADD COLUMN settings jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(settings) = 'object');
COMMENT ON COLUMN wage.credit_listings.removal_message_id IS 'message_id of the credit.delist that removed the listing (the sector copies follow it).';
COMMENT ON COLUMN wage.credit_listings.settings IS 'The list rule''s periods the listing and its removal used (listing_years, early_removal_months, allowed_from).';
CREATE UNIQUE INDEX credit_listings_message ON wage.credit_listings (message_id) WHERE message_id IS NOT NULL;
CREATE UNIQUE INDEX credit_listings_removal_message ON wage.credit_listings (removal_message_id)
    WHERE removal_message_id IS NOT NULL;

------------------------------------------------------------------------------
-- A sector regulator's copy of the list (housing, market): one row per listing it
-- was told of, updated by the delisting. Each role reads and writes its own rows (RLS).
CREATE TABLE wage.department_credit_listings (
    department     text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    listing_id     bigint NOT NULL REFERENCES wage.credit_listings (listing_id),
    credit_code    text NOT NULL,
    name           text NOT NULL,
    decided_on     date NOT NULL,
    listed_until   date NOT NULL,
    removal        text CHECK (removal IN ('early_removal', 'error')),
    removed_on     date,
    list_message_id   text,
    delist_message_id text,
    received_at    timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, listing_id)
);
COMMENT ON TABLE wage.department_credit_listings IS 'A sector regulator''s copy of the arrears blacklist (CONTRACT §9: housing and market enforce the restrictions in their sectors): the listings and delistings the office applied, as received. No personal data. Each role reads and writes only its own rows (RLS).';
CREATE INDEX department_credit_listings_code ON wage.department_credit_listings (department, credit_code);
CREATE TRIGGER department_credit_listings_touch BEFORE UPDATE ON wage.department_credit_listings
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();
ALTER TABLE wage.department_credit_listings ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_credit_listings_own ON wage.department_credit_listings FOR ALL
    USING (department = wage.current_principal()) WITH CHECK (department = wage.current_principal());

------------------------------------------------------------------------------
-- Contract views (§9). "Today" is the day in Asia/Shanghai.
CREATE FUNCTION wage.credit_today() RETURNS date
    LANGUAGE sql STABLE AS $$ SELECT (now() AT TIME ZONE 'Asia/Shanghai')::date $$;
COMMENT ON FUNCTION wage.credit_today() IS 'Today in the Asia/Shanghai business calendar.';

CREATE VIEW wage.credit_list AS
    SELECT l.credit_code, l.name, l.decided_on, l.listed_until,
           CASE l.removal WHEN 'early_removal' THEN 'removed_early'
                          WHEN 'error' THEN 'withdrawn'
                          ELSE CASE WHEN wage.credit_today() > l.listed_until THEN 'expired' ELSE 'listed' END
           END AS status,
           l.basis, l.removed_on,
           l.listing_id, l.removal, l.corrected_on, l.listed_at,
           (l.removal IS NULL AND l.decided_on <= wage.credit_today()
            AND wage.credit_today() <= l.listed_until) AS in_force,
           (SELECT count(*) FROM wage.credit_persons p WHERE p.listing_id = l.listing_id)::integer AS persons
    FROM wage.credit_listings l;
COMMENT ON VIEW wage.credit_list IS 'CONTRACT §9 view: credit_code, name, decided_on, listed_until, status (listed, removed_early, withdrawn, expired: computed from today, Asia/Shanghai), basis (case ids), removed_on (+ listing_id, removal, corrected_on, listed_at, in_force, persons = how many are named). No personal data. Readable by every principal.';

-- The cases of a credit code: as employer, or as the general contractor of the
-- project the case is linked to; `unfounded` ones left out (§7.8).
CREATE VIEW wage.credit_cases AS
    SELECT c.employer_credit_code AS credit_code, c.case_id, 'employer'::text AS capacity
    FROM wage.cases c
    WHERE c.employer_credit_code IS NOT NULL AND c.employer_credit_code <> ''
      AND c.disposition IS DISTINCT FROM 'unfounded'
    UNION
    SELECT p.contractor_credit_code, c.case_id, 'general_contractor'
    FROM wage.cases c JOIN wage.projects p ON p.project_no = c.project_no
    WHERE c.disposition IS DISTINCT FROM 'unfounded';
COMMENT ON VIEW wage.credit_cases IS 'The cases of each credit code (§9): as employer or as the general contractor of the linked project (capacity), unfounded cases left out. A case counted in both capacities for one code has two rows. Readable by every principal.';

CREATE VIEW wage.credit_check AS
    WITH codes AS (
        SELECT credit_code FROM wage.credit_listings
        UNION SELECT credit_code FROM wage.credit_cases
    ),
    recent AS (
        SELECT DISTINCT k.credit_code, c.case_id, c.status, c.amount_owed_fen
        FROM wage.credit_cases k JOIN wage.cases c ON c.case_id = k.case_id
        WHERE (c.opened_at AT TIME ZONE 'Asia/Shanghai')::date <= wage.credit_today()
          AND ((c.opened_at AT TIME ZONE 'Asia/Shanghai')::date + interval '3 years')::date >= wage.credit_today()
    ),
    totals AS (
        SELECT r.credit_code, count(*) AS cases,
               count(*) FILTER (WHERE r.status NOT IN ('resolved', 'closed')) AS open_cases,
               coalesce(sum(r.amount_owed_fen) FILTER (WHERE r.status NOT IN ('resolved', 'closed')), 0) AS unpaid_fen
        FROM recent r GROUP BY r.credit_code
    ),
    in_force AS (
        SELECT DISTINCT ON (l.credit_code) l.credit_code, l.name, l.decided_on, l.listed_until
        FROM wage.credit_listings l
        WHERE l.removal IS NULL AND l.decided_on <= wage.credit_today() AND wage.credit_today() <= l.listed_until
        ORDER BY l.credit_code, l.listed_until DESC
    )
    SELECT k.credit_code,
           coalesce(f.name,
                    (SELECT l.name FROM wage.credit_listings l WHERE l.credit_code = k.credit_code
                     ORDER BY l.decided_on DESC, l.listing_id DESC LIMIT 1),
                    (SELECT c.employer_name FROM wage.cases c WHERE c.employer_credit_code = k.credit_code
                     ORDER BY c.opened_at DESC LIMIT 1),
                    (SELECT p.contractor_name FROM wage.projects p WHERE p.contractor_credit_code = k.credit_code
                     ORDER BY p.registered_at DESC LIMIT 1)) AS name,
           (f.credit_code IS NOT NULL) AS listed,
           f.listed_until,
           coalesce(t.cases, 0)::integer AS cases_3y,
           (coalesce(t.unpaid_fen, 0) / 100.0)::numeric(16,2) AS unpaid_3y,
           coalesce(t.open_cases, 0)::integer AS open_cases_3y,
           f.decided_on,
           (SELECT count(*) FROM wage.projects p WHERE p.contractor_credit_code = k.credit_code
              AND p.status = 'active')::integer AS active_projects
    FROM codes k LEFT JOIN in_force f ON f.credit_code = k.credit_code
                 LEFT JOIN totals t ON t.credit_code = k.credit_code;
COMMENT ON VIEW wage.credit_check IS 'CONTRACT §9 bid check (招投标): credit_code, name, listed (in force today), listed_until (of the listing in force), cases_3y (cases opened within the last 3 years, §7.8, as employer or as general contractor of a linked project, unfounded excluded), unpaid_3y (sum of amount_owed of those not resolved/closed, yuan) (+ open_cases_3y, decided_on, active_projects). One row per code that has a listing or a case (docs/credit.md). No personal data. Readable by every principal.';

------------------------------------------------------------------------------
-- Grants.
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.credit_list, wage.credit_check, wage.credit_cases TO %I', r);
        EXECUTE format('GRANT EXECUTE ON FUNCTION wage.credit_today() TO %I', r);
    END LOOP;
    FOR r IN SELECT 'wage_' || code FROM wage.principals WHERE is_department LOOP
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON wage.department_credit_listings TO %I', r);
    END LOOP;
END $$;
