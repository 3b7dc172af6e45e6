-- 0110: construction projects (CONTRACT §8, 源头治理). The office (hrss) keeps the
-- ledger of every project (台账) and everything reported about it; each regulator
-- keeps its own copy of its projects (wage.department_projects) and both write the
-- project timeline. Money in fen (bigint); the views show yuan (numeric, 2 decimals).
-- Personal data (names and ID numbers on the roster): SELECT hrss only.

CREATE TABLE wage.projects (
    project_no              text PRIMARY KEY CHECK (char_length(project_no) BETWEEN 1 AND 64),
    name                    text NOT NULL,
    sector                  text NOT NULL CHECK (sector IN ('construction', 'transport', 'water', 'agriculture')),
    regulator               text NOT NULL REFERENCES wage.principals (code),
    location                text,
    investor                text CHECK (investor IN ('government', 'state_owned', 'private')),
    builder_name            text NOT NULL,
    builder_credit_code     text NOT NULL,
    contractor_name         text NOT NULL,
    contractor_credit_code  text NOT NULL,
    contract_amount_fen     bigint NOT NULL CHECK (contract_amount_fen > 0),
    permit_issued_on        date NOT NULL,
    planned_completion      date,
    status                  text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'completed')),
    completed_on            date,
    registered_on           date NOT NULL,
    registered_at           timestamptz NOT NULL DEFAULT now(),
    source_message_id       text,
    -- §8.2 the deposit decision, made once on the day the registration is applied
    deposit_rate            text NOT NULL CHECK (deposit_rate ~ '^[0-9]+\.[0-9]{2}$'),
    deposit_basis           text NOT NULL CHECK (deposit_basis ~ '^(cases:[0-9]+|clean:[0-9]+|new|blacklist)$'),
    deposit_required_fen    bigint NOT NULL CHECK (deposit_required_fen >= 0),
    deposit_settings        jsonb NOT NULL DEFAULT '{}',
    deposit_balance_fen     bigint NOT NULL DEFAULT 0 CHECK (deposit_balance_fen >= 0),
    deposit_drawn           boolean NOT NULL DEFAULT false,
    replenish_by            date,
    deposit_released_on     date,
    -- §8.3 the wage special account, as filed by the bank
    account_bank_name       text,
    account_no              text,
    account_opened_on       date,
    updated_at              timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT projects_completed_has_day CHECK (status <> 'completed' OR completed_on IS NOT NULL)
);
COMMENT ON TABLE wage.projects IS 'Project ledger (台账, CONTRACT §8) kept by the office: registration, deposit decision and balance, special-account filing. Written by wage_hrss only; read by every principal.';
CREATE INDEX projects_contractor ON wage.projects (contractor_credit_code);
CREATE INDEX projects_active ON wage.projects (project_no) WHERE status = 'active';
CREATE TRIGGER projects_touch BEFORE UPDATE ON wage.projects FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();

CREATE TABLE wage.deposit_movements (
    id          bigserial PRIMARY KEY,
    project_no  text NOT NULL REFERENCES wage.projects (project_no),
    kind        text NOT NULL CHECK (kind IN ('paid', 'drawn', 'released')),
    amount_fen  bigint NOT NULL CHECK (amount_fen >= 0),
    form        text CHECK (form IN ('cash', 'bank_guarantee', 'insurance')),
    reference   text,
    case_id     uuid REFERENCES wage.cases (case_id),
    note        text,
    balance_after_fen bigint NOT NULL CHECK (balance_after_fen >= 0),
    at          timestamptz NOT NULL DEFAULT now(),
    message_id  text
);
COMMENT ON TABLE wage.deposit_movements IS 'Wage deposit movements (§8.2): paid, drawn (wages paid out of it for a case), released (退还). Written by wage_hrss.';
CREATE INDEX deposit_movements_project ON wage.deposit_movements (project_no, id);

CREATE TABLE wage.account_fundings (
    id                  bigserial PRIMARY KEY,
    project_no          text NOT NULL REFERENCES wage.projects (project_no),
    period              text NOT NULL CHECK (period ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    progress_payment_fen bigint NOT NULL CHECK (progress_payment_fen > 0),
    labour_amount_fen   bigint NOT NULL CHECK (labour_amount_fen > 0 AND labour_amount_fen <= progress_payment_fen),
    minimum_share       numeric(5,4) NOT NULL,
    at                  timestamptz NOT NULL DEFAULT now(),
    message_id          text
);
COMMENT ON TABLE wage.account_fundings IS 'Labour cost paid into the special account per period (§8.3), with the minimum labour share in force when it was checked.';
CREATE INDEX account_fundings_project ON wage.account_fundings (project_no, period);

CREATE TABLE wage.account_statements (
    project_no  text NOT NULL REFERENCES wage.projects (project_no),
    month       text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    inflow_fen  bigint NOT NULL CHECK (inflow_fen >= 0),
    outflow_fen bigint NOT NULL CHECK (outflow_fen >= 0),
    balance_fen bigint NOT NULL CHECK (balance_fen >= 0),
    at          timestamptz NOT NULL DEFAULT now(),
    message_id  text,
    PRIMARY KEY (project_no, month)
);
COMMENT ON TABLE wage.account_statements IS 'The bank''s monthly statements of the special account (§8.3); a second statement of the same month replaces the first.';

CREATE TABLE wage.account_alerts (
    id          bigserial PRIMARY KEY,
    project_no  text NOT NULL REFERENCES wage.projects (project_no),
    kind        text NOT NULL CHECK (kind IN ('insufficient', 'misappropriated')),
    detail      text,
    case_id     uuid REFERENCES wage.cases (case_id),
    at          timestamptz NOT NULL DEFAULT now(),
    message_id  text
);
COMMENT ON TABLE wage.account_alerts IS 'The bank''s alerts on the special account (§8.3); misappropriated opens a case (case_id).';

CREATE TABLE wage.roster (
    project_no            text NOT NULL REFERENCES wage.projects (project_no),
    worker_id             text NOT NULL CHECK (char_length(worker_id) BETWEEN 1 AND 64),
    name                  text NOT NULL,
    id_number             text,
    employer_name         text NOT NULL,
    employer_credit_code  text,
    contract_signed       boolean NOT NULL,
    entered_on            date NOT NULL,
    updated_at            timestamptz NOT NULL DEFAULT now(),
    message_id            text,
    PRIMARY KEY (project_no, worker_id)
);
COMMENT ON TABLE wage.roster IS 'Real-name roster (实名制, §8.4) keyed by the platform''s worker_id. name and id_number are personal data: SELECT hrss only; other principals read the other columns.';
CREATE INDEX roster_entered ON wage.roster (project_no, entered_on);

CREATE TABLE wage.payrolls (
    project_no                 text NOT NULL REFERENCES wage.projects (project_no),
    month                      text NOT NULL CHECK (month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
    subcontractor_key          text NOT NULL,
    subcontractor_name         text NOT NULL,
    subcontractor_credit_code  text,
    confirmed_by_workers       boolean NOT NULL,
    via_special_account        boolean NOT NULL,
    lines                      integer NOT NULL CHECK (lines BETWEEN 1 AND 2000),
    gross_total_fen            bigint NOT NULL CHECK (gross_total_fen >= 0),
    paid_total_fen             bigint NOT NULL CHECK (paid_total_fen >= 0),
    unpaid_total_fen           bigint NOT NULL CHECK (unpaid_total_fen >= 0),
    unpaid_workers             integer NOT NULL CHECK (unpaid_workers >= 0),
    case_id                    uuid REFERENCES wage.cases (case_id),
    submissions                integer NOT NULL DEFAULT 1,
    submitted_at               timestamptz NOT NULL DEFAULT now(),
    message_id                 text,
    PRIMARY KEY (project_no, month, subcontractor_key)
);
COMMENT ON TABLE wage.payrolls IS 'Monthly payroll of one subcontractor on one project (总包代发, §8.4); subcontractor_key = credit code or name. A resubmission replaces the figures (submissions counts them); case_id is the case unpaid wages opened.';

CREATE TABLE wage.payroll_lines (
    project_no         text NOT NULL,
    month              text NOT NULL,
    subcontractor_key  text NOT NULL,
    submission         integer NOT NULL CHECK (submission >= 1),
    worker_id          text NOT NULL,
    days               integer NOT NULL CHECK (days BETWEEN 0 AND 31),
    gross_fen          bigint NOT NULL CHECK (gross_fen > 0),
    paid_fen           bigint NOT NULL CHECK (paid_fen >= 0 AND paid_fen <= gross_fen),
    PRIMARY KEY (project_no, month, subcontractor_key, submission, worker_id),
    FOREIGN KEY (project_no, month, subcontractor_key) REFERENCES wage.payrolls (project_no, month, subcontractor_key)
);
COMMENT ON TABLE wage.payroll_lines IS 'The lines of every submission of a payroll (append-only); the payroll in force is the one whose submission = wage.payrolls.submissions.';

CREATE TABLE wage.inspections (
    id               bigserial PRIMARY KEY,
    project_no       text NOT NULL REFERENCES wage.projects (project_no),
    inspected_on     date NOT NULL,
    department       text NOT NULL REFERENCES wage.principals (code),
    real_name        boolean NOT NULL,
    wage_clerk       boolean NOT NULL,
    notice_board     boolean NOT NULL,
    special_account  boolean NOT NULL,
    payroll          boolean NOT NULL,
    workers_sampled  integer CHECK (workers_sampled >= 0),
    findings         text,
    at               timestamptz NOT NULL DEFAULT now(),
    message_id       text UNIQUE
);
COMMENT ON TABLE wage.inspections IS 'Inspections of projects (巡查, §8.5) as recorded by hrss or the regulator (department = the sender).';
CREATE INDEX inspections_project ON wage.inspections (project_no, inspected_on);

------------------------------------------------------------------------------
-- The project timeline: append-only for everyone, like the case timeline.
CREATE TABLE wage.project_events (
    id          bigserial PRIMARY KEY,
    project_no  text NOT NULL,
    at          timestamptz NOT NULL DEFAULT now(),
    department  text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    event       text NOT NULL CHECK (event <> ''),
    detail      jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(detail) = 'object'),
    message_id  text,
    actor       text CHECK (char_length(actor) BETWEEN 1 AND 64)
);
COMMENT ON TABLE wage.project_events IS 'Project timeline (§8): every event of every project, by hrss and the regulator, in id order. APPEND-ONLY; each department inserts under its own name (RLS). Read through wage.project_timeline.';
CREATE INDEX project_events_project ON wage.project_events (project_no, id);
ALTER TABLE wage.project_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY project_events_read ON wage.project_events FOR SELECT USING (true);
CREATE POLICY project_events_own_insert ON wage.project_events FOR INSERT WITH CHECK (department = wage.current_principal());
CREATE TRIGGER project_events_append_only BEFORE UPDATE OR DELETE ON wage.project_events
    FOR EACH ROW EXECUTE FUNCTION wage.refuse_change();
CREATE TRIGGER project_events_no_truncate BEFORE TRUNCATE ON wage.project_events
    FOR EACH STATEMENT EXECUTE FUNCTION wage.refuse_change();

CREATE VIEW wage.project_timeline AS
    SELECT e.project_no, row_number() OVER (PARTITION BY e.project_no ORDER BY e.id) AS seq,
           e.at, e.department, e.event, e.detail, e.actor, e.id, e.message_id
    FROM wage.project_events e;
COMMENT ON VIEW wage.project_timeline IS 'Project timeline: project_no, seq, at, department, event, detail, actor (§7.9) (+ id, message_id).';

-- Each regulator's own copy of its projects (its 台账).
CREATE TABLE wage.department_projects (
    department     text NOT NULL DEFAULT wage.current_principal() REFERENCES wage.principals (code),
    project_no     text NOT NULL,
    name           text,
    contractor_name text,
    contractor_credit_code text,
    status         text NOT NULL,
    last_event     text,
    last_event_at  timestamptz,
    received_at    timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (department, project_no)
);
COMMENT ON TABLE wage.department_projects IS 'A regulator''s ledger of its own projects (its copy of the register, §8): status and the last event it received. Each role reads and writes only its own rows (RLS).';
CREATE TRIGGER department_projects_touch BEFORE UPDATE ON wage.department_projects
    FOR EACH ROW EXECUTE FUNCTION wage.touch_updated_at();
ALTER TABLE wage.department_projects ENABLE ROW LEVEL SECURITY;
CREATE POLICY department_projects_own ON wage.department_projects FOR ALL
    USING (department = wage.current_principal()) WITH CHECK (department = wage.current_principal());

-- A case linked to a project (§7.6 clue.report.project_no, §8.3, §8.4): kept as given.
ALTER TABLE wage.cases ADD COLUMN project_no text;
COMMENT ON COLUMN wage.cases.project_no IS 'The project the case is linked to (clue.report project_no, payroll or bank); kept as given even when no such project is registered.';
CREATE INDEX cases_project ON wage.cases (project_no) WHERE project_no IS NOT NULL;

------------------------------------------------------------------------------
-- Contract views (§8.7).
CREATE VIEW wage.project_overview AS
    SELECT p.project_no, p.name, p.sector, p.regulator, p.contractor_name, p.contractor_credit_code,
           (p.contract_amount_fen / 100.0)::numeric(16,2) AS contract_amount,
           p.permit_issued_on, p.status, p.deposit_rate, p.deposit_basis,
           (p.deposit_required_fen / 100.0)::numeric(16,2) AS deposit_required,
           (p.deposit_balance_fen / 100.0)::numeric(16,2) AS deposit_balance,
           CASE WHEN p.deposit_released_on IS NOT NULL THEN 'released'
                WHEN p.deposit_required_fen = 0 THEN 'exempt'
                WHEN p.deposit_balance_fen < p.deposit_required_fen AND p.deposit_drawn THEN 'drawn'
                WHEN p.deposit_balance_fen >= p.deposit_required_fen THEN 'paid'
                ELSE 'due' END AS deposit_status,
           p.replenish_by,
           CASE WHEN p.account_opened_on IS NULL THEN 'none' ELSE 'opened' END AS account_status,
           (SELECT count(*) FROM wage.roster r WHERE r.project_no = p.project_no)::integer AS roster_size,
           (SELECT max(y.month) FROM wage.payrolls y WHERE y.project_no = p.project_no) AS last_payroll_month,
           (SELECT count(*) FROM wage.warning_records w
             WHERE w.project_no = p.project_no AND w.cleared_at IS NULL)::integer AS open_warnings,
           p.location, p.investor, p.builder_name, p.builder_credit_code, p.planned_completion, p.completed_on,
           p.registered_on, p.account_bank_name, p.account_opened_on
    FROM wage.projects p;
COMMENT ON VIEW wage.project_overview IS 'CONTRACT §8.7 view (+ location, investor, builder, planned_completion, completed_on, registered_on, account_bank_name, account_opened_on). Readable by every principal.';

CREATE VIEW wage.project_payrolls AS
    SELECT y.project_no, y.month, y.subcontractor_name AS subcontractor, y.lines,
           (y.gross_total_fen / 100.0)::numeric(16,2) AS gross_total,
           (y.paid_total_fen / 100.0)::numeric(16,2) AS paid_total,
           (y.unpaid_total_fen / 100.0)::numeric(16,2) AS unpaid_total,
           CASE WHEN y.unpaid_total_fen > 0 THEN y.case_id END AS case_id,
           y.subcontractor_credit_code, y.unpaid_workers, y.confirmed_by_workers, y.via_special_account,
           y.submissions, y.submitted_at
    FROM wage.payrolls y;
COMMENT ON VIEW wage.project_payrolls IS 'CONTRACT §8.7 view: project_no, month, subcontractor, lines, gross_total, paid_total, unpaid_total, case_id (null when nothing is unpaid) (+ credit code, unpaid_workers, flags, submissions, submitted_at).';

------------------------------------------------------------------------------
-- Grants.
GRANT SELECT, INSERT, UPDATE ON wage.projects, wage.account_statements, wage.payrolls TO wage_hrss;
GRANT SELECT, INSERT ON wage.deposit_movements, wage.account_fundings, wage.account_alerts, wage.inspections TO wage_hrss;
GRANT SELECT, INSERT, UPDATE ON wage.roster TO wage_hrss;
GRANT SELECT, INSERT ON wage.payroll_lines TO wage_hrss;
GRANT USAGE ON SEQUENCE wage.deposit_movements_id_seq, wage.account_fundings_id_seq, wage.account_alerts_id_seq,
    wage.inspections_id_seq TO wage_hrss;
DO $$
DECLARE
    r text;
    code text;
BEGIN
    FOR code IN SELECT p.code FROM wage.principals p ORDER BY p.code LOOP
        r := 'wage_' || code;
        EXECUTE format('GRANT SELECT ON wage.project_overview, wage.project_payrolls, wage.project_timeline TO %I', r);
        EXECUTE format('GRANT SELECT (project_no) ON wage.cases TO %I', r);
        IF code <> 'hrss' THEN
            EXECUTE format('GRANT SELECT ON wage.projects, wage.deposit_movements, wage.account_fundings, '
                           'wage.account_statements, wage.account_alerts, wage.payrolls, wage.payroll_lines, '
                           'wage.inspections TO %I', r);
            EXECUTE format('GRANT SELECT (project_no, worker_id, employer_name, employer_credit_code, contract_signed, '
                           'entered_on, updated_at, message_id) ON wage.roster TO %I', r);
        END IF;
    END LOOP;
    FOR code IN SELECT p.code FROM wage.principals p WHERE p.is_department ORDER BY p.code LOOP
        r := 'wage_' || code;
        EXECUTE format('GRANT SELECT, INSERT ON wage.project_events TO %I', r);
        EXECUTE format('GRANT USAGE ON SEQUENCE wage.project_events_id_seq TO %I', r);
        EXECUTE format('GRANT SELECT, INSERT, UPDATE ON wage.department_projects TO %I', r);
    END LOOP;
END $$;
