-- 0200 (issue 22 part 4): the issuing office printed on every HTML report, one more
-- configuration key (Workflow.WorkflowSettings.Key.reportOfficeName) with its default.
-- `wagectl config set report.office_name '某市根治拖欠农民工工资工作领导小组办公室'` changes it.
INSERT INTO wage.settings (key, value, note) VALUES
    ('report.office_name', '根治欠薪工作领导小组办公室', 'issue 22: the issuing office printed on the reports (HTML)')
ON CONFLICT (key) DO NOTHING;
