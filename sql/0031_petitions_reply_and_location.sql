-- 0031: petitions keep the whole petition.received (so that a repeat with the same
-- petition_no can be compared with the recorded one), the location of a visit
-- (forwarded in the collective visit's incident.alert), and the case the reply
-- answered; petition_overview also shows the reply 答复 and the location.

ALTER TABLE wage.petitions
    ADD COLUMN employer_credit_code text,
    ADD COLUMN location text,
    ADD COLUMN replied_case_id uuid REFERENCES wage.cases (case_id);
COMMENT ON COLUMN wage.petitions.employer_credit_code IS 'credit_code of the employer when petition.received gave the employer as an object {name, credit_code}.';
COMMENT ON COLUMN wage.petitions.location IS 'Where the petitioners are (extension field of petition.received), forwarded in incident.alert for a collective visit.';
COMMENT ON COLUMN wage.petitions.replied_case_id IS 'The case whose closing (case.notice closed) the reply answered.';
COMMENT ON COLUMN wage.petitions.reply IS 'The reply 答复 to the petitioners, recorded when the case closed (status replied).';

-- Same columns in the same order as 0006 (CREATE OR REPLACE may only append).
CREATE OR REPLACE VIEW wage.petition_overview AS
    SELECT p.petition_no, p.petitioners, p.wage_related, p.collective, c.case_id, p.status,
           p.form, p.employer, p.sector,
           (p.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed,
           p.workers_count, p.received_at, p.reported_at, p.replied_at, c.status AS case_status,
           p.reply, p.location
    FROM wage.petitions p
    LEFT JOIN wage.cases c ON c.channel = 'petition' AND c.clue_ref = p.petition_no;
COMMENT ON VIEW wage.petition_overview IS 'CONTRACT §4 view: petition_no, petitioners, wage_related, collective, case_id (the case with channel petition and clue_ref = petition_no, NULL until registered), status (+ form, employer, sector, amount_owed, workers_count, received_at, reported_at, replied_at, case_status, reply, location). Readable by petitions and hrss.';
