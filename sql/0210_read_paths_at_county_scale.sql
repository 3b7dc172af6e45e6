-- 0210: the read paths at county scale (issue 23), measured with 1,000,000 seeded
-- cases and 20 million timeline rows (deploy/local/bench.sh --history, docs/benchmark.md).
--
-- * wagectl case list --department X --open: open cases of one assignee in due
--   order. cases_assignee (assignee) made the database read and sort every open
--   case of the department for the first 50; (assignee, due_on) under the same
--   predicate hands them over in order.
DROP INDEX wage.cases_assignee;
CREATE INDEX cases_assignee_due ON wage.cases (assignee, due_on)
    WHERE status <> ALL (ARRAY['resolved', 'closed']);
-- * The console's work list: every case of one assignee, in (due_on NULLS LAST,
--   case_no) order, a page at a time, and their count (an index-only scan).
CREATE INDEX cases_assignee_worklist ON wage.cases (assignee, due_on, case_no);
-- * The monthly report: cases resolved and closed in a month (no row while the
--   case is open, so the hot path's inserts and updates of open cases skip them)
--   and the month's transfers on the timeline.
CREATE INDEX cases_resolved_at ON wage.cases (resolved_at) WHERE resolved_at IS NOT NULL;
CREATE INDEX cases_closed_at ON wage.cases (closed_at) WHERE closed_at IS NOT NULL;
CREATE INDEX case_events_transferred_at ON wage.case_events (at) WHERE event = 'transferred';
-- * wage.case_timeline numbers each case's entries (row_number() OVER (PARTITION BY
--   case_id)): a condition on anything but case_id cannot pass the window, so a
--   report over a month read and sorted the whole timeline. The same rows without
--   the numbering, for readers that select by time or event; the same readers as
--   case_timeline (every principal), owned by wage_admin like it.
CREATE VIEW wage.case_timeline_events AS
    SELECT e.case_id, e.at, e.department, e.event, e.detail, e.id, e.message_id, e.actor FROM wage.case_events e;
COMMENT ON VIEW wage.case_timeline_events IS
    'wage.case_timeline without seq: conditions on at/event reach the indexes of case_events (sql/0210)';
DO $$
DECLARE code text;
BEGIN
    FOR code IN SELECT p.code FROM wage.principals p LOOP
        EXECUTE format('GRANT SELECT ON wage.case_timeline_events TO %I', 'wage_' || code);
    END LOOP;
END $$;
