-- 0201 (issue 22 part 2, seed 000 三(一)3 重点关注项目清单): the watch list of projects
-- and cases at risk, from the system's own data. One row per entry with the time it
-- came onto the list (`since`) and the time it left (`until`, NULL while on it), so that
-- the list of any month is `since < month end AND (until IS NULL OR until >= month start)`
-- (`wagectl report watch --month M`). Entries:
--   high_risk        a case graded high (§3), from opened_at until resolved;
--   task_force       a case in a task force (专班), from escalated_on until it became a
--                    leader package or was resolved;
--   leader_package   a leader package (领导包案), from leader_package_on until resolved;
--   project_warning  an open warning about a project (§8.6), from raised_at until cleared;
--   collective_visit a collective visit (集体访, petitions) or a collective incident
--                    alert from the police (office_alerts), until its case is resolved
--                    (a petition without a case: until replied);
--   listed_employer  an employer on the arrears blacklist (§9), from decided_on until
--                    removed or expired.
-- Instants are timestamptz; dates are taken at the start of the day in Asia/Shanghai.
CREATE VIEW wage.watch_list AS
    SELECT 'high_risk'::text AS kind, c.case_no AS subject, c.employer_name AS name, c.assignee AS department,
           c.case_id, c.project_no, c.risk_level, c.status, c.workers_count,
           (c.amount_owed_fen / 100.0)::numeric(16,2) AS amount_owed, NULL::text AS detail,
           c.opened_at AS since, c.resolved_at AS until
    FROM wage.cases c WHERE c.risk_level = 'high'
    UNION ALL
    SELECT 'task_force', c.case_no, c.employer_name, c.assignee, c.case_id, c.project_no, c.risk_level, c.status,
           c.workers_count, (c.amount_owed_fen / 100.0)::numeric(16,2), array_to_string(c.task_force, ','),
           ((c.escalated_on)::timestamp AT TIME ZONE 'Asia/Shanghai'),
           CASE WHEN c.leader_package_on IS NOT NULL THEN ((c.leader_package_on)::timestamp AT TIME ZONE 'Asia/Shanghai') ELSE c.resolved_at END
    FROM wage.cases c WHERE c.escalated_on IS NOT NULL
    UNION ALL
    SELECT 'leader_package', c.case_no, c.employer_name, c.assignee, c.case_id, c.project_no, c.risk_level, c.status,
           c.workers_count, (c.amount_owed_fen / 100.0)::numeric(16,2),
           concat_ws(' / ', c.leader, c.leader_department, c.city_leader),
           ((c.leader_package_on)::timestamp AT TIME ZONE 'Asia/Shanghai'), c.resolved_at
    FROM wage.cases c WHERE c.leader_package_on IS NOT NULL
    UNION ALL
    SELECT 'project_warning', w.project_no, p.name, w.department, NULL::uuid, w.project_no, NULL, p.status,
           NULL::integer, NULL::numeric(16,2), w.kind, w.raised_at, w.cleared_at
    FROM wage.warning_records w LEFT JOIN wage.projects p ON p.project_no = w.project_no
    WHERE w.project_no IS NOT NULL
    UNION ALL
    SELECT 'collective_visit', p.petition_no, p.employer, coalesce(c.assignee, 'petitions'), c.case_id, c.project_no,
           c.risk_level, coalesce(c.status, p.status), p.petitioners, (p.amount_owed_fen / 100.0)::numeric(16,2),
           'petition', p.received_at, CASE WHEN c.case_id IS NOT NULL THEN c.resolved_at ELSE p.replied_at END
    FROM wage.petitions p
    LEFT JOIN wage.cases c ON c.channel = 'petition' AND c.clue_ref = p.petition_no
    WHERE p.collective
    UNION ALL
    SELECT 'collective_visit', a.petition_no, c.employer_name, coalesce(c.assignee, 'hrss'), a.case_id, c.project_no,
           c.risk_level, c.status, a.people, (c.amount_owed_fen / 100.0)::numeric(16,2),
           'incident_alert', a.received_at, c.resolved_at
    FROM wage.office_alerts a LEFT JOIN wage.cases c ON c.case_id = a.case_id
    WHERE NOT EXISTS (SELECT 1 FROM wage.petitions p WHERE p.petition_no = a.petition_no AND p.collective)
    UNION ALL
    SELECT 'listed_employer', l.credit_code, l.name, 'hrss', NULL::uuid, NULL, NULL,
           CASE l.removal WHEN 'early_removal' THEN 'removed_early' WHEN 'error' THEN 'withdrawn'
                          ELSE CASE WHEN wage.credit_today() > l.listed_until THEN 'expired' ELSE 'listed' END END,
           NULL::integer, NULL::numeric(16,2), cardinality(l.basis)::text,
           ((l.decided_on)::timestamp AT TIME ZONE 'Asia/Shanghai'),
           CASE WHEN l.removal IS NOT NULL THEN ((l.removed_on)::timestamp AT TIME ZONE 'Asia/Shanghai')
                ELSE ((l.listed_until + 1)::timestamp AT TIME ZONE 'Asia/Shanghai') END
    FROM wage.credit_listings l;
COMMENT ON VIEW wage.watch_list IS 'Issue 22 (seed 000 三(一)3 重点关注项目清单): kind (high_risk, task_force, leader_package, project_warning, collective_visit, listed_employer), subject (case_no, project_no, petition_no or credit_code), name, department (who acts), case_id, project_no, risk_level, status, workers_count, amount_owed (yuan), detail (task force members, leader, warning kind, petition/incident_alert, basis cases), since, until (NULL while on the list). No personal data. Readable by hrss.';
GRANT SELECT ON wage.watch_list TO wage_hrss;
