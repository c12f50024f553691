-- The SQL of src/core/wallet.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into wallet.sql.h.

-- name: SQL_ENTRIES
SELECT id, account_id, day, kind, amount_fen, ifnull(appeal_id, 0),
    ifnull(entry_id, '') FROM wallet
    WHERE (?1 IS NULL OR account_id = ?1) AND (?2 IS NULL OR day >= ?2)
    AND (?3 IS NULL OR day <= ?3) ORDER BY account_id, day, id;

-- name: SQL_BALANCE
SELECT ifnull(sum(CASE kind WHEN 'withdrawal' THEN -amount_fen
    ELSE amount_fen END), 0) FROM wallet
    WHERE (?1 IS NULL OR account_id = ?1) AND (?3 IS NULL OR day <= ?3);

-- Settlement entries per day against the settled revenue of the day,
-- between the account's first and last settlement entry.
-- name: SQL_RECONCILE
WITH s AS (SELECT account_id, day, sum(amount_fen) AS fen FROM wallet
        WHERE kind = 'settlement' AND (?1 IS NULL OR account_id = ?1)
        GROUP BY account_id, day),
    span AS (SELECT account_id, min(day) AS lo, max(day) AS hi FROM s
        GROUP BY account_id),
    r AS (SELECT w.account_id, d.day, sum(d.revenue_fen) AS fen
        FROM daily d JOIN work w ON w.work_id = d.work_id
        JOIN span ON span.account_id = w.account_id
        WHERE d.day BETWEEN span.lo AND span.hi AND d.revenue_fen IS NOT NULL
        GROUP BY w.account_id, d.day),
    k AS (SELECT account_id, day FROM s UNION SELECT account_id, day FROM r)
    SELECT k.account_id, k.day, ifnull(s.fen, 0), r.fen FROM k
    LEFT JOIN s ON s.account_id = k.account_id AND s.day = k.day
    LEFT JOIN r ON r.account_id = k.account_id AND r.day = k.day
    WHERE (?2 IS NULL OR k.day >= ?2) AND (?3 IS NULL OR k.day <= ?3)
    AND r.fen IS NOT NULL AND r.fen <> ifnull(s.fen, 0)
    ORDER BY k.account_id, k.day;

-- Approved, the expected day passed, nothing in the wallet: no entry
-- tied to the appeal, and no untied compensation of its amount since
-- the decision (that one would be the payment, not yet marked).
-- name: SQL_OVERDUE
SELECT a.id, a.account_id, a.compensation_fen, a.expected_pay_on
    FROM appeal a WHERE a.status = 'approved'
    AND a.compensation_fen > 0 AND a.expected_pay_on < ?2
    AND (?1 IS NULL OR a.account_id = ?1)
    AND NOT EXISTS (SELECT 1 FROM wallet w WHERE w.appeal_id = a.id)
    AND NOT EXISTS (SELECT 1 FROM wallet w WHERE w.account_id = a.account_id
        AND w.kind = 'compensation' AND w.appeal_id IS NULL
        AND w.amount_fen = a.compensation_fen
        AND w.day >= date(a.expected_pay_on, '-' || ?3 || ' days'))
    ORDER BY a.expected_pay_on, a.id;
