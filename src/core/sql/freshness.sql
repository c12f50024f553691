-- The SQL of src/core/freshness.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into freshness.sql.h.

-- The engine keeps an account_score row for every account-day with daily
-- rows, and an import marks the account-days it wrote in `dirty` until
-- they are scored: between them, an account's last day with data is two
-- seeks on primary keys, whatever its number of works.
-- name: SQL_DATA_THROUGH_SCORED
SELECT max(d) FROM (SELECT max(day) AS d FROM account_score
    WHERE account_id = ?1 AND day <= ?2 UNION ALL SELECT max(day)
    FROM dirty WHERE account_id = ?1 AND day <= ?2);

-- name: SQL_ACCOUNT_SCORED
SELECT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?1)
    OR EXISTS (SELECT 1 FROM dirty WHERE account_id = ?1);

-- Rows written by other means than an import (a test's fixture, a
-- sqlite3 shell) and never scored: per work, its last day by primary
-- key, a seek per work of the account, never a scan of its days.
-- name: SQL_DATA_THROUGH_ACCOUNT
SELECT max((SELECT max(d.day) FROM daily d WHERE d.work_id = w.work_id
    AND d.day <= ?2)) FROM work w WHERE w.account_id = ?1;

-- name: SQL_DATA_THROUGH_ALL
SELECT max((SELECT max(d.day) FROM daily d WHERE d.work_id = w.work_id
    AND d.day <= ?1)) FROM work w;

-- account_score has a row per account-day with data and the day's
-- settled sum (NULL when nothing of it settled).
-- name: SQL_SETTLED_THROUGH_ACCOUNT
SELECT max(day) FROM account_score WHERE account_id = ?1
    AND day <= ?2 AND settled_fen IS NOT NULL;

-- name: SQL_SETTLED_THROUGH_ALL
SELECT max(day) FROM account_score WHERE day <= ?1
    AND settled_fen IS NOT NULL;

-- name: SQL_DAYS_ACCOUNT
SELECT DISTINCT d.day FROM work w CROSS JOIN daily d
    ON d.work_id = w.work_id AND d.day BETWEEN ?2 AND ?3
    WHERE w.account_id = ?1;

-- name: SQL_DAYS_SCORED
SELECT day FROM account_score WHERE account_id = ?1
    AND day BETWEEN ?2 AND ?3 UNION ALL SELECT day FROM dirty
    WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3;

-- name: SQL_DAYS_ALL
SELECT DISTINCT d.day FROM work w CROSS JOIN daily d
    ON d.work_id = w.work_id AND d.day BETWEEN ?1 AND ?2;
