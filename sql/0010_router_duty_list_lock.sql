-- 0010: the router installs a duty list under LOCK TABLE wage.duty_lists IN SHARE
-- ROW EXCLUSIVE MODE (Router/DutyListRegistry.swift), which PostgreSQL allows only
-- with table-level UPDATE, DELETE or TRUNCATE; 0004 granted UPDATE on two columns.
-- Grant table-level UPDATE: a stored version stays immutable (trigger
-- duty_lists_immutable refuses changes of version, content, content_hash; the
-- trigger duty_lists_no_delete and the missing DELETE grant keep every version).
GRANT UPDATE ON wage.duty_lists TO wage_router;
