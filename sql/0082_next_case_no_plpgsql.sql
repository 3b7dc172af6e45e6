-- 0082: benchmark (issue 10). wage.next_case_no() (0005), the default of
-- wage.cases.case_no, was a VOLATILE SQL function: not inlinable, so every case
-- insert parsed and planned its body again (about 2 % of the pipeline's CPU in a
-- profile, docs/benchmark.md). The same function in PL/pgSQL keeps its plan for
-- the session. Same result: WA-<year in Asia/Shanghai>-<counter, 6+ digits>.
CREATE OR REPLACE FUNCTION wage.next_case_no() RETURNS text
    LANGUAGE plpgsql VOLATILE AS $$
DECLARE
    n bigint := nextval('wage.case_no_seq');
BEGIN
    RETURN 'WA-' || to_char(now() AT TIME ZONE 'Asia/Shanghai', 'YYYY') || '-'
           || lpad(n::text, greatest(6, length(n::text)), '0');
END
$$;
