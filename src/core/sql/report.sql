-- The SQL of src/core/report.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into report.sql.h.

-- One account, from the sums the engine kept with each account-day: a
-- row per day of the window (when every scored day of the window has
-- them and none waits for a rescore: SQL_DAILY_KEPT_OK).
-- name: SQL_DAILY_KEPT_OK
SELECT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?3)
    AND NOT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?3
    AND day BETWEEN ?1 AND ?2 AND NOT sums_kept)
    AND NOT EXISTS (SELECT 1 FROM dirty WHERE account_id = ?3
    AND day BETWEEN ?1 AND ?2);

-- name: SQL_DAILY_KEPT
SELECT day, plays, profitable_plays, likes, favorites, comments,
    shares, revenue_fen, estimated_fen FROM account_score
    WHERE account_id = ?3 AND day BETWEEN ?1 AND ?2 ORDER BY day;
