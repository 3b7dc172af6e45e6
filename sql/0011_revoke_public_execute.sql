-- 0011: PUBLIC must not execute the schema's functions. PostgreSQL grants EXECUTE
-- to PUBLIC on every new function, and the per-schema ALTER DEFAULT PRIVILEGES of
-- 0001 cannot take away a global default: revoke it here, and change the global
-- default of the owner so later migrations start from no PUBLIC EXECUTE.
-- The explicit grants of 0001-0009 (current_principal, is_workday, add_workdays
-- for every principal; next_case_no for hrss) stay. Trigger functions need no
-- EXECUTE privilege to fire.
ALTER DEFAULT PRIVILEGES REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC;
REVOKE EXECUTE ON ALL FUNCTIONS IN SCHEMA wage FROM PUBLIC;
