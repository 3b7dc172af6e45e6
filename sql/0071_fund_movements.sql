-- 0071: wagectl (issue 8): the fund's money movements by date, without ledger
-- internals, for the monthly report (seed 003 信息互通制度).

CREATE VIEW wage.fund_movements AS
    SELECT e.id, e.kind, e.at, (e.at AT TIME ZONE 'Asia/Shanghai')::date AS day, e.request_no, r.case_id,
           (abs(p.amount_fen) / 100.0)::numeric(16,2) AS amount, abs(p.amount_fen) AS amount_fen
    FROM wage.fund_entries e
    JOIN wage.fund_postings p
      ON p.entry_id = e.id
     AND p.account = CASE e.kind WHEN 'deposit' THEN 'fund_cash'
                                 WHEN 'writeoff' THEN 'written_off'
                                 ELSE 'advances_receivable' END
    LEFT JOIN wage.fund_requests r ON r.request_no = e.request_no;
COMMENT ON VIEW wage.fund_movements IS 'One row per fund ledger entry: id, kind (deposit/disbursement/recovery/writeoff), at, day (Asia/Shanghai), request_no, case_id, amount (yuan, positive), amount_fen. For the monthly report. Readable by finance, government, hrss (who already read fund_overview).';

GRANT SELECT ON wage.fund_movements TO wage_finance, wage_government, wage_hrss;
