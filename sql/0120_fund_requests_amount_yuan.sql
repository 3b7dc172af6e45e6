-- 0120: CONTRACT §7.5 — wage.fund_requests has the column `amount` (numeric, yuan), as
-- §4 says. The money is kept in amount_fen (integer fen, the source of truth);
-- `amount` is derived from it and cannot disagree.
ALTER TABLE wage.fund_requests
    ADD COLUMN amount numeric(16,2) GENERATED ALWAYS AS ((amount_fen / 100.0)::numeric(16,2)) STORED;
COMMENT ON COLUMN wage.fund_requests.amount IS 'The requested amount in yuan (CONTRACT §4, §7.5), derived from amount_fen.';
