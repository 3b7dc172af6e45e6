-- 0080: benchmark (issue 10).
-- cases_open_due (0005) indexes a subset of what cases_sweep_due (0020) does:
-- its predicate (transferred, accepted, task_force) implies the sweep's
-- (transferred, accepted, returned, task_force), so every query it could serve
-- the sweep's index serves too. Every case insert and status change paid for
-- both (docs/benchmark.md); keep one.
DROP INDEX wage.cases_open_due;
