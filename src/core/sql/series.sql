-- The SQL of src/core/series.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into series.sql.h.

-- An account's scores from the sums the engine keeps with each
-- account-day (account_score, schema v8): one row a day instead of every
-- work-day's score, the same figures (means as the engine divided them).
-- Only when every account-day of the range was written with them and
-- none waits for a rescore; else the scores are summed as above. (The
-- imported figures are always summed from the rows: another process may
-- have changed them since the engine ran.)
-- name: SQL_KEPT_OK
SELECT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?1)
    AND NOT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?1
      AND day BETWEEN ?2 AND ?3 AND sums_kept < 2)
    AND NOT EXISTS (SELECT 1 FROM dirty WHERE account_id = ?1
      AND day BETWEEN ?2 AND ?3);

-- name: SQL_KEPT
SELECT day, estimated_fen, interaction, user_value, quality
    FROM account_score WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3;

-- min/max per work through the (work_id, day) key: one seek per work
-- instead of a scan of every daily row.
-- name: SQL_SPAN_ACCOUNT
SELECT min((SELECT min(day) FROM daily d WHERE d.work_id = w.work_id)),
      max((SELECT max(day) FROM daily d WHERE d.work_id = w.work_id))
    FROM work w WHERE w.account_id = ?1;

-- name: SQL_SPAN_WORK
SELECT min(day), max(day) FROM daily WHERE work_id = ?1;

-- name: SQL_WORK_INFO
SELECT title, account_id FROM work WHERE work_id = ?1;
