-- 0070: wagectl (issue 8): the operators' audit trail, and an index to find the
-- timeline entries a message caused (wagectl watches for a sent message's effect).

CREATE TABLE wage.operator_audit (
    id       bigserial PRIMARY KEY,
    at       timestamptz NOT NULL DEFAULT now(),
    operator text NOT NULL CHECK (operator <> ''),
    db_user  text NOT NULL DEFAULT current_user,
    action   text NOT NULL CHECK (action <> ''),
    subject  text NOT NULL CHECK (subject <> ''),
    detail   jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object')
);
COMMENT ON TABLE wage.operator_audit IS 'What operators did with wagectl: dead.replay (subject = the original message_id; detail: replay_message_id, n, type, sender, refused_by, reasons, forced), calendar.load (subject = file; detail: years, rows, inserted, updated, removed), duty_list.load (subject = version; detail: file, sha256, activated, previous). operator = the person (OS login or --operator), db_user = the login used. Append-only; written and read by wage_admin only (no principal has any grant).';
CREATE INDEX operator_audit_subject ON wage.operator_audit (action, subject);
CREATE TRIGGER operator_audit_append_only BEFORE UPDATE OR DELETE ON wage.operator_audit
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER operator_audit_no_truncate BEFORE TRUNCATE ON wage.operator_audit
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();
REVOKE ALL ON wage.operator_audit FROM PUBLIC;

-- wagectl looks up `message_id = $1 OR message_id LIKE '<id>:%'` (the message and
-- its follow-ups) on the timeline; text_pattern_ops serves both.
CREATE INDEX case_events_message_id ON wage.case_events (message_id text_pattern_ops);
