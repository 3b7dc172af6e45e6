-- 0118: the arrears blacklist (失信联合惩戒对象名单, CONTRACT §9): the table every part
-- reads (the office's credit desk writes it; project registration reads it for the
-- deposit rule and contractor_blacklisted, §9 last rule). The views of §9
-- (wage.credit_list, wage.credit_check) come with the credit desk's migrations.

CREATE TABLE wage.credit_listings (
    listing_id    bigserial PRIMARY KEY,
    credit_code   text NOT NULL CHECK (credit_code <> ''),
    name          text NOT NULL,
    decided_on    date NOT NULL,
    -- decided_on + 3 years (§7.8: 29 February becomes 28 February); the listing is in
    -- force through this day
    listed_until  date NOT NULL CHECK (listed_until > decided_on),
    basis         text[] NOT NULL CHECK (cardinality(basis) >= 1),
    removal       text CHECK (removal IN ('early_removal', 'error')),
    removed_on    date,
    corrected_on  date,
    listed_at     timestamptz NOT NULL DEFAULT now(),
    message_id    text,
    CONSTRAINT credit_listings_removal_has_day CHECK ((removal IS NULL) = (removed_on IS NULL))
);
COMMENT ON TABLE wage.credit_listings IS 'The arrears blacklist (CONTRACT §9): one row per credit.list; removal/removed_on set by credit.delist (early_removal, error). Expiry is computed from the day (listed_until), no job. Written by wage_hrss; read by every principal.';
CREATE INDEX credit_listings_code ON wage.credit_listings (credit_code, listed_until DESC);

CREATE TABLE wage.credit_persons (
    listing_id  bigint NOT NULL REFERENCES wage.credit_listings (listing_id),
    seq         integer NOT NULL,
    name        text NOT NULL,
    role        text NOT NULL,
    PRIMARY KEY (listing_id, seq)
);
COMMENT ON TABLE wage.credit_persons IS 'Persons named with a listing (法定代表人 and others, §9). Personal data: SELECT hrss only.';

CREATE FUNCTION wage.credit_listed(code text, on_day date) RETURNS boolean
    LANGUAGE sql STABLE AS $$
    SELECT EXISTS (SELECT 1 FROM wage.credit_listings l
                   WHERE l.credit_code = code AND l.removal IS NULL
                     AND l.decided_on <= on_day AND on_day <= l.listed_until)
$$;
COMMENT ON FUNCTION wage.credit_listed(text, date) IS 'Whether credit_code is on the blacklist in force on on_day (not removed, decided_on <= on_day <= listed_until).';

GRANT SELECT, INSERT, UPDATE ON wage.credit_listings, wage.credit_persons TO wage_hrss;
GRANT USAGE ON SEQUENCE wage.credit_listings_listing_id_seq TO wage_hrss;
DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.credit_listings TO %I', r);
        EXECUTE format('GRANT EXECUTE ON FUNCTION wage.credit_listed(text, date) TO %I', r);
    END LOOP;
END $$;
