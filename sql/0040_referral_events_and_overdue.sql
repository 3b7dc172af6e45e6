-- 0040: criminal referrals, what the police worker applied (wage.referral_events), and
-- the referrals whose decision is overdue (wage.overdue_referrals_as_of(date), view
-- wage.overdue_referrals). docs/referrals.md explains why; docs/schema.md lists the grants.

------------------------------------------------------------------------------
-- Every referral message the police worker APPLIED (a refusal is in wage.rejections
-- instead). worker-hrss reads it to follow police's verdict on a referral.decision /
-- referral.measure that staff sent to both (copy_to police, duty list 2026-1), so
-- both sides accept or refuse the same messages. No personal data.
CREATE TABLE wage.referral_events (
    message_id  text PRIMARY KEY CHECK (length(message_id) BETWEEN 1 AND 128),
    referral_no text NOT NULL REFERENCES wage.referrals (referral_no),
    type        text NOT NULL CHECK (type IN ('referral.submit', 'referral.decision',
                                              'referral.reconsider', 'referral.measure')),
    status      text NOT NULL CHECK (status IN ('incomplete', 'under_review', 'filed',
                                                'not_filed', 'reconsidering')),
    at          timestamptz NOT NULL DEFAULT now()
);
COMMENT ON TABLE wage.referral_events IS 'Referral messages applied by the police worker, one row per message_id, with the referral status after it. APPEND-ONLY (trigger 42501 even for the owner). Only wage_police inserts; wage_hrss reads it to follow police''s verdict on decisions and measures.';
COMMENT ON COLUMN wage.referral_events.status IS 'The referral status after the message was applied.';
CREATE INDEX referral_events_referral ON wage.referral_events (referral_no, at);

CREATE TRIGGER referral_events_append_only BEFORE UPDATE OR DELETE ON wage.referral_events
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER referral_events_no_truncate BEFORE TRUNCATE ON wage.referral_events
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();

REVOKE ALL ON wage.referral_events FROM PUBLIC;
GRANT SELECT, INSERT ON wage.referral_events TO wage_police;
GRANT SELECT ON wage.referral_events TO wage_hrss;

------------------------------------------------------------------------------
-- Overdue decisions (CONTRACT §3 "Overdue decisions are listed by the sweep"): a
-- referral waiting for a decision (under_review, reconsidering) whose decide_by is
-- before the given day. The same rule as ReferralState.isDecisionOverdue (Swift).
-- SECURITY INVOKER over the view referral_overview: the caller needs SELECT on it.
CREATE FUNCTION wage.overdue_referrals_as_of(as_of date)
    RETURNS TABLE (referral_no text, case_id uuid, decide_by date, days_overdue integer, status text)
    LANGUAGE sql STABLE AS $$
    SELECT o.referral_no, o.case_id, o.decide_by, (as_of - o.decide_by)::integer, o.status
    FROM wage.referral_overview o
    WHERE o.status IN ('under_review', 'reconsidering') AND o.decide_by < as_of
    ORDER BY o.decide_by, o.referral_no
$$;
COMMENT ON FUNCTION wage.overdue_referrals_as_of(date) IS 'Referrals awaiting a police decision (under_review, reconsidering) with decide_by before as_of, by deadline then number; days_overdue = as_of - decide_by. For the office sweep''s as_of.';
REVOKE EXECUTE ON FUNCTION wage.overdue_referrals_as_of(date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION wage.overdue_referrals_as_of(date) TO wage_hrss, wage_police;

CREATE VIEW wage.overdue_referrals AS
    SELECT * FROM wage.overdue_referrals_as_of((now() AT TIME ZONE 'Asia/Shanghai')::date);
COMMENT ON VIEW wage.overdue_referrals IS 'Referrals whose decision is overdue today (Asia/Shanghai): referral_no, case_id, decide_by, days_overdue (+ status). For wagectl and the office. Readable by hrss and police.';
REVOKE ALL ON wage.overdue_referrals FROM PUBLIC;
GRANT SELECT ON wage.overdue_referrals TO wage_hrss, wage_police;
