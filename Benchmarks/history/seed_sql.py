"""The SQL of one seeding batch: cases lo..hi-1 of n, spread over the years
before `end`, with their timelines, routing log, inbox, outbox and ledger rows.
Every row is recognisable: clue_ref `hist-…`, message ids `hist-…`, case numbers
`WA-<year>-9<8 digits>` (far above the live counter). Server-side generation
(INSERT … SELECT generate_series): no row crosses the network.
"""
import mix

def cases(years):
    span = f"interval '{int(years * 365)} days'"
    age = "extract(epoch FROM (%(end)s::timestamptz - o.opened_at)) / 86400"
    return f"""
WITH g AS (
  SELECT i, random() AS r_ch, random() AS r_sec, random() AS r_st, random() AS r_amt, random() AS r_w,
         random() AS r_risk, random() AS r_disp, random() AS r_res, random() AS r_close, random() AS r_due
  FROM generate_series(%(lo)s::bigint, %(hi)s::bigint - 1) AS i
), o AS (
  SELECT g.*, %(end)s::timestamptz - {span} + {span} * (g.i::float8 / %(n)s) + interval '1 second' * (random() * 3600) AS opened_at,
         {mix.case_sql('g.r_ch', [(c, w) for c, _, w in mix.CHANNELS])} AS channel,
         {mix.case_sql('g.r_sec', [(s, w) for s, _, w in mix.SECTORS])} AS sector
  FROM g
), s AS (
  SELECT o.*, {mix.status_sql(age, 'o.r_st')} AS status,
         least(o.opened_at + interval '1 day' * (5 + o.r_res * 55), %(end)s::timestamptz - interval '1 hour') AS res_at
  FROM o
)
, ins AS (
INSERT INTO wage.cases (case_id, case_no, channel, clue_ref, origin, employer_name, employer_credit_code, project_name,
    sector, workers_count, amount_owed_fen, description, status, assignee, risk_level, due_on, escalated_on,
    amount_paid_fen, workers_paid, opened_at, resolved_at, closed_at, updated_at, source_message_id,
    discipline_supervision, leader_package_on, resolved_by, disposition, leader, leader_department)
SELECT md5('hist-case-' || s.i)::uuid,
       'WA-' || extract(year FROM s.opened_at AT TIME ZONE 'Asia/Shanghai')::int || '-9' || lpad(s.i::text, 8, '0'),
       s.channel, 'hist-' || lpad(s.i::text, 8, '0'),
       {mix.mapped_sql('s.channel', mix.CHANNELS)},
       '历史雇主' || (s.i %% 50000) || '有限公司',
       CASE WHEN s.r_w < 0.6 THEN '91' || lpad((s.i %% 50000)::text, 16, '0') END,
       CASE WHEN s.sector = 'construction' THEN '历史工程' || (s.i %% 20000) END,
       s.sector, 1 + floor(s.r_w ^ 3 * 120)::int, 50000 + floor(s.r_amt ^ 2 * 50000000)::bigint,
       'seeded history (issue 23)', s.status,
       CASE WHEN s.status <> 'registered' THEN {mix.mapped_sql('s.sector', mix.SECTORS)} END,
       {mix.case_sql('s.r_risk', mix.RISKS)},
       CASE WHEN s.status IN ('transferred', 'accepted', 'returned', 'task_force', 'leader_package')
                 AND NOT (s.status = 'leader_package' AND s.r_due >= {mix.OVERDUE_SHARE})
            THEN CASE WHEN s.r_due < {mix.OVERDUE_SHARE} THEN (%(end)s::timestamptz AT TIME ZONE 'Asia/Shanghai')::date - 1
                      ELSE (%(end)s::timestamptz AT TIME ZONE 'Asia/Shanghai')::date + 1 + floor(s.r_due * {mix.DUE_AHEAD_DAYS})::int END
       END,
       CASE WHEN s.status IN ('task_force', 'leader_package') THEN (s.opened_at AT TIME ZONE 'Asia/Shanghai')::date + 20 END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN 50000 + floor(s.r_amt ^ 2 * 50000000)::bigint END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN 1 + floor(s.r_w ^ 3 * 120)::int END,
       s.opened_at,
       CASE WHEN s.status IN ('resolved', 'closed') THEN s.res_at END,
       CASE WHEN s.status = 'closed' THEN least(s.res_at + interval '1 day' * (1 + s.r_close * 19), %(end)s::timestamptz) END,
       s.opened_at, 'hist-m-' || s.i || '-1',
       s.status = 'leader_package' AND s.r_due >= {mix.OVERDUE_SHARE},
       CASE WHEN s.status = 'leader_package' THEN (s.opened_at AT TIME ZONE 'Asia/Shanghai')::date + 30 END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN 'hrss' END,
       CASE WHEN s.status IN ('resolved', 'closed') THEN {mix.case_sql('s.r_disp', mix.DISPOSITIONS)} END,
       CASE WHEN s.status = 'leader_package' THEN '历史领导' || (s.i %% 40) END,
       CASE WHEN s.status = 'leader_package' THEN 'housing' END
FROM s
RETURNING case_id, clue_ref, status, assignee, origin, opened_at, resolved_at, closed_at
)
INSERT INTO hist_batch SELECT substr(clue_ref, 6)::bigint, case_id, status, assignee, origin, opened_at, resolved_at, closed_at
FROM ins
"""


BATCH_TABLE = """
CREATE TEMP TABLE IF NOT EXISTS hist_batch (i bigint, case_id uuid, status text, assignee text, origin text,
    opened_at timestamptz, resolved_at timestamptz, closed_at timestamptz) ON COMMIT DELETE ROWS
"""


def batch_cases():
    """The batch's cases (from hist_batch, filled by cases()), as rows the other statements build on."""
    return f"""
WITH b AS (
  SELECT c.i, c.case_id, c.status, coalesce(c.assignee, 'hrss') AS dept, c.origin, c.opened_at,
         coalesce(c.closed_at, c.resolved_at, %(end)s::timestamptz) AS end_at,
         c.status IN ('resolved', 'closed') AS finished, c.status = 'closed' AS closed, c.status = 'registered' AS bare,
         random() AS r_ev
  FROM hist_batch c
), k AS (
  SELECT b.*, CASE WHEN b.bare THEN 1
                   WHEN b.finished THEN 4 + {mix.PROGRESS_FINISHED[0]} + floor(b.r_ev * {mix.PROGRESS_FINISHED[1] - mix.PROGRESS_FINISHED[0] + 1})::int
                        + CASE WHEN b.closed THEN 2 ELSE 1 END
                   WHEN b.status = 'transferred' THEN 3
                   ELSE 4 + {mix.PROGRESS_OPEN[0]} + floor(b.r_ev * {mix.PROGRESS_OPEN[1] - mix.PROGRESS_OPEN[0] + 1})::int END AS n_ev
  FROM b
)"""


def timeline():
    return batch_cases() + """
INSERT INTO wage.case_events (case_id, at, department, event, detail, message_id, actor)
SELECT k.case_id, k.opened_at + (k.end_at - k.opened_at) * ((j - 1)::float8 / k.n_ev),
       CASE WHEN j <= 2 OR ev.event IN ('resolved', 'closed') THEN 'hrss' ELSE k.dept END,
       ev.event,
       CASE ev.event WHEN 'transferred' THEN jsonb_build_object('to', k.dept, 'automatic', true)
                     WHEN 'progress' THEN jsonb_build_object('note', '历史进展 ' || j)
                     ELSE '{}'::jsonb END,
       'hist-m-' || k.i || '-' || j,
       CASE WHEN ev.event = 'progress' THEN 'hist-staff-' || (k.i %% 300) END
FROM k, generate_series(1, k.n_ev) AS j,
     LATERAL (SELECT CASE WHEN j = 1 THEN 'registered' WHEN j = 2 THEN 'transferred' WHEN j = 3 THEN 'received'
                          WHEN j = 4 THEN 'accepted'
                          WHEN k.closed AND j = k.n_ev THEN 'closed'
                          WHEN k.closed AND j = k.n_ev - 1 THEN 'resolved'
                          WHEN k.finished AND NOT k.closed AND j = k.n_ev THEN 'resolved'
                          WHEN j = 5 AND k.status IN ('task_force', 'leader_package') THEN 'overdue_escalated'
                          ELSE 'progress' END AS event) AS ev
"""


ROUTED = "(ARRAY['clue.report', 'case.transfer', 'case.accept', 'case.progress'])"


def routing_log():
    return batch_cases() + f"""
INSERT INTO wage.routing_log (message_id, type, sender, recipients, duty_list_version, at, correlation_id)
SELECT 'hist-r-' || k.i || '-' || j, {ROUTED}[j],
       CASE j WHEN 1 THEN k.origin WHEN 2 THEN 'hrss' ELSE k.dept END,
       CASE j WHEN 1 THEN ARRAY['hrss'] WHEN 2 THEN ARRAY[k.dept] ELSE ARRAY['hrss'] END,
       %(duty)s, k.opened_at + (k.end_at - k.opened_at) * ((j - 1)::float8 / {mix.ROUTING_PER_CASE}), 'hist-c-' || k.i
FROM k, generate_series(1, {mix.ROUTING_PER_CASE}) AS j
"""


def inbox():
    return batch_cases() + f"""
INSERT INTO wage.inbox (consumer, message_id, type, received_at)
SELECT CASE j WHEN 2 THEN k.dept ELSE 'hrss' END, 'hist-r-' || k.i || '-' || j, {ROUTED}[j],
       k.opened_at + (k.end_at - k.opened_at) * ((j - 1)::float8 / {mix.INBOX_PER_CASE})
FROM k, generate_series(1, {mix.INBOX_PER_CASE}) AS j
ON CONFLICT DO NOTHING
"""


def outbox():
    return batch_cases() + f"""
INSERT INTO wage.outbox (principal, message_id, type, body, correlation_id, created_at, published_at, applied_by_sender)
SELECT 'hrss', 'hist-o-' || k.i || '-' || j, CASE j WHEN 1 THEN 'case.transfer' ELSE 'case.resolved' END,
       jsonb_build_object('case_id', k.case_id, 'to', k.dept, 'seeded', 'hist')::text, 'hist-c-' || k.i,
       k.opened_at + (k.end_at - k.opened_at) * ((j - 1)::float8 / {mix.OUTBOX_PER_CASE}),
       k.opened_at + (k.end_at - k.opened_at) * ((j - 1)::float8 / {mix.OUTBOX_PER_CASE}) + interval '20 milliseconds', j = 1
FROM k, generate_series(1, {mix.OUTBOX_PER_CASE}) AS j
"""


def ledger():
    return batch_cases() + """
INSERT INTO wage.department_cases (department, case_id, received_at, status, last_event, last_event_at, updated_at, transfers)
SELECT k.dept, k.case_id, k.opened_at + interval '5 minutes',
       CASE WHEN k.finished THEN 'closed' WHEN k.status = 'transferred' THEN 'received' ELSE 'accepted' END,
       'progress', k.end_at, k.end_at, 1
FROM k WHERE NOT k.bare AND k.dept <> 'hrss'
"""
