-- The SQL of src/core/accounts.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into accounts.sql.h.

-- name: SQL_ACCOUNTS
SELECT a.account_id, a.name, a.kind, a.certification, a.plan_status,
      a.celebrity, a.bank_card,
      (SELECT count(*) FROM work w WHERE w.account_id = a.account_id),
      (SELECT count(*) FROM appeal p WHERE p.account_id = a.account_id
          AND p.status IN ('draft', 'submitted', 'approved'))
    FROM account a ORDER BY a.account_id;
