-- The SQL of src/core/engine_rescore.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into engine_rescore.sql.h.

-- work_score is not emptied first: freeing a million rows costs as much
-- as writing them. Rows are replaced in place, and rows of work-days that
-- are gone are removed only when the count says there are some.
-- name: SQL_CLEAR_ALL
DELETE FROM account_score; DELETE FROM dirty;

-- name: SQL_COUNT_WORK_SCORES
SELECT count(*) FROM work_score;

-- name: SQL_DELETE_STALE
DELETE FROM work_score WHERE NOT EXISTS (SELECT 1 FROM daily d
    WHERE d.work_id = work_score.work_id AND d.day = work_score.day);

-- name: SQL_CACHE_SIZE
PRAGMA cache_size;

-- 16 MiB of page cache while a full rescore writes: it reads and
-- writes in primary-key order, so more buys little and costs memory.
-- name: SQL_CACHE_BIG
PRAGMA cache_size = -16384;

-- One transaction: its commit need not wait for the log to reach the
-- disk (the checkpoint does); a crash then loses the whole rescore.
-- name: SQL_SYNC_NORMAL
PRAGMA synchronous = NORMAL;

-- name: SQL_SYNC
PRAGMA synchronous;

-- name: SQL_DIRTY
SELECT account_id, day FROM dirty ORDER BY account_id, day;

-- name: SQL_CLEAR_DIRTY
DELETE FROM dirty;

-- name: SQL_DELETE_WORK_SCORES_DAY
DELETE FROM work_score WHERE day = ?2 AND work_id IN
    (SELECT work_id FROM work WHERE account_id = ?1);

-- name: SQL_DELETE_ACCOUNT_SCORE_DAY
DELETE FROM account_score WHERE account_id = ?1 AND day = ?2;

-- name: SQL_DELETE_WORK_SCORES_ACCOUNT
DELETE FROM work_score WHERE work_id IN
    (SELECT work_id FROM work WHERE account_id = ?1);

-- name: SQL_DELETE_ACCOUNT_SCORES
DELETE FROM account_score WHERE account_id = ?1;

-- name: SQL_ANY_DIRTY
SELECT 1 FROM dirty LIMIT 1;

-- Dirty account-days against those already scored: when the change
-- covers at least half of what is there (a first import, a year's file
-- re-imported), one full pass costs less than day-by-day deletes and
-- reads, and gives the same scores. Below 1024 dirty account-days the
-- day-by-day path is quick whatever the proportion. (An account whose
-- fit moves has its account-days summed again from work_score:
-- refit_moved().)
-- name: SQL_MOSTLY_DIRTY
SELECT n >= 1024 AND n * 2 >= total
    FROM (SELECT count(*) AS n FROM dirty),
    (SELECT count(*) AS total FROM account_score);

-- min/max per work are seeks on daily's primary key
-- name: SQL_ACCOUNT_DAY_RANGE
SELECT min(lo), max(hi) FROM (SELECT
    (SELECT min(day) FROM daily WHERE work_id = w.work_id) AS lo,
    (SELECT max(day) FROM daily WHERE work_id = w.work_id) AS hi
    FROM work w WHERE w.account_id = ?1);

-- name: SQL_REFIT_DAYS
SELECT day, sums_kept, settled_fen, revenue_fen, reasons,
    estimated_fen, gross_fen, works_earning, shown_fen
    FROM account_score WHERE account_id = ?1;

-- name: SQL_REFIT_WORK
SELECT day, eligible, reasons, profitable_plays, plays_v, interaction,
    user_value, quality, f_bonus, settled FROM work_score WHERE work_id = ?1;

-- name: SQL_REFIT_UPDATE
UPDATE account_score SET estimated_fen = ?3, gross_fen = ?4,
    works_earning = ?5, shown_fen = ?6 WHERE account_id = ?1 AND day = ?2;
