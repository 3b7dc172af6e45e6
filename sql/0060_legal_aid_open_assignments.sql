-- 0060: legal aid as built by worker-justice (docs/legal-aid.md).
--  * case_id becomes text: a request may name a case this system does not know
--    (or an id of another system, e.g. the sample payload's "C-0001"); storing it
--    as uuid would make such a request fail forever instead of being served.
--  * an assignment is open while its case is not closed (销号): a provider's
--    open_assignments no longer counts applications of closed cases. Applications
--    without a known case stay open (no message of the contract ends them).
--  * same-day compliance (seed 004 第十六条): Shanghai business days of receipt
--    and assignment on legal_aid_overview, and the daily report legal_aid_same_day.
--  * approved (assigned / approved_unassigned) applications record approved_at.

DROP VIEW wage.legal_aid_overview;
DROP VIEW wage.legal_aid_providers;

ALTER TABLE wage.legal_aid_applications ALTER COLUMN case_id TYPE text USING case_id::text;
ALTER TABLE wage.legal_aid_applications
    ADD CONSTRAINT legal_aid_case_id_not_empty CHECK (case_id <> ''),
    ADD CONSTRAINT legal_aid_approved_has_approved_at
        CHECK (status NOT IN ('assigned', 'approved_unassigned') OR approved_at IS NOT NULL);
COMMENT ON COLUMN wage.legal_aid_applications.case_id IS 'case_id as sent (a uuid of wage.cases is stored in canonical lower case); may name no known case: no foreign key, legal aid is never refused for it.';

------------------------------------------------------------------------------
-- One definition of "open", used by both views.
CREATE VIEW wage.legal_aid_assignment_state AS
    SELECT a.application_no, a.provider_id,
           (a.status = 'assigned' AND c.closed_at IS NULL) AS open,
           c.case_id IS NOT NULL AS case_known
    FROM wage.legal_aid_applications a
    LEFT JOIN wage.cases c ON c.case_id::text = a.case_id;
COMMENT ON VIEW wage.legal_aid_assignment_state IS 'Internal to the legal-aid views: an assignment is open while its application is assigned and its case (when known) is not closed. Readable by justice only.';

CREATE VIEW wage.legal_aid_overview AS
    SELECT a.application_no, a.case_id, a.status, a.provider_id, a.received_at, a.assigned_at,
           a.matter, a.requested_by, a.approved_at, a.decided_at, a.decision_reason,
           p.name AS provider_name,
           (a.received_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on,
           (a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date AS assigned_on,
           (a.assigned_at IS NOT NULL AND (a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date
                                        = (a.received_at AT TIME ZONE 'Asia/Shanghai')::date) AS same_day,
           s.open AS assignment_open,
           s.case_known
    FROM wage.legal_aid_applications a
    JOIN wage.legal_aid_assignment_state s USING (application_no)
    LEFT JOIN wage.legal_aid_provider_roster p ON p.provider_id = a.provider_id;
COMMENT ON VIEW wage.legal_aid_overview IS 'CONTRACT §4 view: application_no, case_id, status, provider_id, received_at, assigned_at (+ matter, requested_by, approved_at, decided_at, decision_reason, provider_name, received_on / assigned_on (Asia/Shanghai business days), same_day (assigned on the day of receipt), assignment_open, case_known). No applicant personal data. Readable by justice, hrss, petitions, platform.';

CREATE VIEW wage.legal_aid_providers AS
    SELECT p.provider_id, p.name, p.active,
           (SELECT count(*) FROM wage.legal_aid_assignment_state s
             WHERE s.provider_id = p.provider_id AND s.open) AS open_assignments,
           p.updated_at,
           (SELECT count(*) FROM wage.legal_aid_applications a
             WHERE a.provider_id = p.provider_id AND a.status = 'assigned') AS total_assignments
    FROM wage.legal_aid_provider_roster p;
COMMENT ON VIEW wage.legal_aid_providers IS 'CONTRACT §4 view: provider_id, name, active, open_assignments (assigned applications whose case is not closed) (+ updated_at, total_assignments ever). The next approved application goes to the active provider with the fewest open_assignments, ties by lowest provider_id. Readable by justice, hrss, petitions, platform.';

CREATE VIEW wage.legal_aid_same_day AS
    SELECT (a.received_at AT TIME ZONE 'Asia/Shanghai')::date AS received_on,
           count(*) AS received,
           count(*) FILTER (WHERE a.assigned_at IS NOT NULL AND (a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date
                                                              = (a.received_at AT TIME ZONE 'Asia/Shanghai')::date) AS assigned_same_day,
           count(*) FILTER (WHERE a.assigned_at IS NOT NULL AND (a.assigned_at AT TIME ZONE 'Asia/Shanghai')::date
                                                              > (a.received_at AT TIME ZONE 'Asia/Shanghai')::date) AS assigned_later,
           count(*) FILTER (WHERE a.status = 'approved_unassigned') AS waiting,
           count(*) FILTER (WHERE a.approved_at IS NOT NULL AND (a.approved_at AT TIME ZONE 'Asia/Shanghai')::date
                                                              = (a.received_at AT TIME ZONE 'Asia/Shanghai')::date) AS approved_same_day,
           max(a.assigned_at - a.received_at) AS longest_wait
    FROM wage.legal_aid_applications a
    WHERE a.matter = 'wage_arrears'
    GROUP BY 1;
COMMENT ON VIEW wage.legal_aid_same_day IS 'Same-day compliance of the green channel (seed 004 第十六条), wage_arrears applications only, per Asia/Shanghai day of receipt: received, approved_same_day, assigned_same_day, assigned_later, waiting (approved_unassigned now), longest_wait (interval receipt -> assignment). Readable by justice, hrss, petitions, platform, government.';

GRANT SELECT ON wage.legal_aid_assignment_state TO wage_justice;
GRANT SELECT ON wage.legal_aid_overview, wage.legal_aid_providers TO wage_justice, wage_hrss, wage_petitions, wage_platform;
GRANT SELECT ON wage.legal_aid_same_day TO wage_justice, wage_hrss, wage_petitions, wage_platform, wage_government;
