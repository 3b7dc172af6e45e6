-- 0123: CONTRACT §7.5 — the risk thresholds (§3), the collective-visit size and every
-- number Part II marks *(configuration)* come from configuration, not code. One row
-- per key (Workflow.WorkflowSettings.Key), seeded with the contract's defaults;
-- `wagectl config show|set` reads and changes them (set: operators, audited). A
-- change bumps the 'settings' version (as 0122 does for the calendar) and every worker
-- uses it about a second after it commits.
CREATE TABLE wage.settings (
    key         text PRIMARY KEY CHECK (key ~ '^[a-z_]+\.[a-z_]+$'),
    value       text NOT NULL,
    note        text,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    updated_by  text NOT NULL DEFAULT current_user
);
COMMENT ON TABLE wage.settings IS 'Configuration in force (CONTRACT §7.5): key = WorkflowSettings.Key, value as text. Read by every principal; written by wage_admin (wagectl config set, audited).';
INSERT INTO wage.settings (key, value, note) VALUES
    ('risk.high_workers', '30', '§3: high risk from this many workers'),
    ('risk.high_amount', '1000000.00', '§3: high risk from this amount owed (yuan)'),
    ('risk.medium_workers', '10', '§3: medium risk from this many workers'),
    ('risk.medium_amount', '100000.00', '§3: medium risk from this amount owed (yuan)'),
    ('petition.collective_visit_size', '5', '§3: petitioners from which a petition is a collective visit'),
    ('case.transfer_working_days', '5', '§3, §7.2: working days after the first transfer'),
    ('case.leader_due_working_days', '10', '§7.3: leader package due without due_on'),
    ('deposit.base_rate', '2.00', '§8.2: newcomer deposit rate, percent'),
    ('deposit.replenish_working_days', '15', '§8.2: working days to replenish a drawn deposit'),
    ('account.minimum_labour_share', '30.00', '§8.3: minimum labour share of a progress payment, percent'),
    ('warning.account_missing_days', '30', '§8.6: days after the permit without an account'),
    ('warning.statement_due_day', '10', '§8.6: day of the month after which last month''s statement is missing'),
    ('warning.payroll_due_day', '15', '§8.6: day of the month after which last month''s payroll is missing'),
    ('calendar.lookahead_days', '60', '§7.4: days ahead that must be in a loaded calendar year');

INSERT INTO wage.reference_versions (name, version) VALUES ('settings', 1);
CREATE TRIGGER settings_version_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON wage.settings
    FOR EACH STATEMENT EXECUTE FUNCTION wage.bump_reference_version('settings');

DO $$
DECLARE r text;
BEGIN
    FOR r IN SELECT 'wage_' || code FROM wage.principals LOOP
        EXECUTE format('GRANT SELECT ON wage.settings TO %I', r);
    END LOOP;
END $$;
