-- 0160: what the office's project desk (CONTRACT §8) and the regulators' copies read.
-- * A regulator's copy waits for the office's verdict on the same message: an hrss
--   entry of that message_id on the project timeline, or a refusal in
--   wage.rejection_log (also what the credit copy polls, §9).
-- * The deposit ladder (§8.2) and the bid check (§9) count a contractor's cases by
--   its credit code.
CREATE INDEX project_events_message ON wage.project_events (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX rejection_log_message ON wage.rejection_log (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX cases_employer_credit_code ON wage.cases (employer_credit_code) WHERE employer_credit_code IS NOT NULL;
