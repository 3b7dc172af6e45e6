-- 0009: legal aid (法律援助 green channel), held by the justice worker; contract
-- views legal_aid_overview and legal_aid_providers.

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
CREATE TABLE wage.legal_aid_provider_roster (
    provider_id text PRIMARY KEY CHECK (provider_id <> ''),
    name        text NOT NULL,
    active      boolean NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    message_id  text
);
COMMENT ON TABLE wage.legal_aid_provider_roster IS 'Legal-aid providers (legalaid.provider upserts by provider_id). Only wage_justice writes. Read through the view wage.legal_aid_providers (which adds open_assignments).';
CREATE TRIGGER legal_aid_provider_roster_touch BEFORE UPDATE ON wage.legal_aid_provider_roster
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

CREATE TABLE wage.legal_aid_applications (
    application_no  text PRIMARY KEY CHECK (application_no <> ''),
    case_id         uuid,
    requested_by    text NOT NULL REFERENCES wage.principals (code),
    applicant       jsonb NOT NULL CHECK (jsonb_typeof(applicant) = 'object'),
    matter          text NOT NULL CHECK (matter IN ('wage_arrears', 'other')),
    status          text NOT NULL CHECK (status IN ('assigned', 'approved_unassigned', 'means_test', 'denied')),
    provider_id     text REFERENCES wage.legal_aid_provider_roster (provider_id),
    received_at     timestamptz NOT NULL DEFAULT now(),
    approved_at     timestamptz,
    assigned_at     timestamptz,
    decided_at      timestamptz,
    decision_reason text,
    message_id      text,
    CONSTRAINT legal_aid_assigned_has_provider
        CHECK (status <> 'assigned' OR (provider_id IS NOT NULL AND assigned_at IS NOT NULL)),
    CONSTRAINT legal_aid_unassigned_has_no_provider
        CHECK (status = 'assigned' OR provider_id IS NULL)
);
COMMENT ON TABLE wage.legal_aid_applications IS 'Legal-aid applications (legalaid.request / decision / assignment). wage_arrears: approved at once, assigned (status assigned) or waiting approved_unassigned; other: means_test until a legalaid.decision (approved -> assigned/approved_unassigned, denied). case_id has no foreign key on purpose: the green channel must not refuse a worker because the case is unknown here (e.g. registered later, or elsewhere). applicant holds personal data. Only wage_justice writes.';
COMMENT ON COLUMN wage.legal_aid_applications.requested_by IS 'Principal that sent legalaid.request; the one told by legalaid.assigned.';
CREATE INDEX legal_aid_open_by_provider ON wage.legal_aid_applications (provider_id) WHERE status = 'assigned';
CREATE INDEX legal_aid_waiting ON wage.legal_aid_applications (received_at) WHERE status = 'approved_unassigned';
CREATE INDEX legal_aid_case ON wage.legal_aid_applications (case_id);

SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.legal_aid_provider_roster', ARRAY['justice']);
SELECT pg_temp.grant_to('SELECT, INSERT, UPDATE', 'wage.legal_aid_applications', ARRAY['justice']);

------------------------------------------------------------------------------
CREATE VIEW wage.legal_aid_overview AS
    SELECT a.application_no, a.case_id, a.status, a.provider_id, a.received_at, a.assigned_at,
           a.matter, a.requested_by, a.approved_at, a.decided_at, a.decision_reason,
           p.name AS provider_name
    FROM wage.legal_aid_applications a
    LEFT JOIN wage.legal_aid_provider_roster p ON p.provider_id = a.provider_id;
COMMENT ON VIEW wage.legal_aid_overview IS 'CONTRACT §4 view: application_no, case_id, status, provider_id, received_at, assigned_at (+ matter, requested_by, approved_at, decided_at, decision_reason, provider_name). No applicant personal data. Readable by justice, hrss, petitions, platform (the requesters).';

CREATE VIEW wage.legal_aid_providers AS
    SELECT p.provider_id, p.name, p.active,
           (SELECT count(*) FROM wage.legal_aid_applications a
             WHERE a.provider_id = p.provider_id AND a.status = 'assigned') AS open_assignments,
           p.updated_at
    FROM wage.legal_aid_provider_roster p;
COMMENT ON VIEW wage.legal_aid_providers IS 'CONTRACT §4 view: provider_id, name, active, open_assignments (applications assigned to the provider) (+ updated_at). The next wage_arrears application goes to the active provider with the fewest open_assignments, ties by lowest provider_id. Readable by justice, hrss, petitions, platform.';

SELECT pg_temp.grant_to('SELECT', 'wage.legal_aid_overview', ARRAY['justice', 'hrss', 'petitions', 'platform']);
SELECT pg_temp.grant_to('SELECT', 'wage.legal_aid_providers', ARRAY['justice', 'hrss', 'petitions', 'platform']);
