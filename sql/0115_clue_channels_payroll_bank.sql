-- 0115: CONTRACT §7.6 — clue.report gains the channels `payroll` (unpaid wages on a
-- submitted payroll, §8.4) and `bank` (a misappropriated special account, §8.3).
-- wage.cases.project_no (the linked project, kept as given) came with 0110.
ALTER TABLE wage.cases DROP CONSTRAINT IF EXISTS cases_channel_check;
ALTER TABLE wage.cases ADD CONSTRAINT cases_channel_check
    CHECK (channel IN ('national_platform', 'hotline', 'petition', 'labour_inspection', 'walk_in', 'department',
                       'payroll', 'bank'));
