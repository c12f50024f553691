-- The SQL of src/core/views.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into views.sql.h.

-- The works, then their days of [lo, hi] (lo = min(from, vs_from)) in
-- whatever order the join gives: no ORDER BY, so no temporary b-tree
-- over every work-day; rows are matched to works by binary search.
-- name: SQL_WORKS
SELECT w.work_id, w.title, substr(w.published_at, 1, 10), w.visibility,
    w.review, w.commercial, w.selected
    FROM work w WHERE w.account_id = ?1 ORDER BY w.work_id;

-- name: SQL_WORK_VIOLATIONS
SELECT DISTINCT work_id FROM violation
    WHERE account_id = ?1 AND status = 'active' AND work_id IS NOT NULL
    AND day BETWEEN ?2 AND ?3 ORDER BY work_id;

-- name: SQL_DAY_ACCOUNT
SELECT eligible, reasons, estimated_fen, settled_fen FROM account_score
    WHERE account_id = ?1 AND day = ?2;

-- name: SQL_LAST_SCORED
SELECT max(day) FROM account_score WHERE account_id = ?1 AND day <= ?2;

-- name: SQL_WALLET_SUMS
SELECT kind, sum(amount_fen) FROM wallet WHERE account_id = ?1
    GROUP BY kind;

-- name: SQL_WALLET_RECENT
SELECT day, kind, amount_fen, ifnull(appeal_id, 0) FROM wallet
    WHERE account_id = ?1 ORDER BY day DESC, id DESC LIMIT ?2;

-- The newest import that wrote a daily row of the account (kept by
-- account: reading it from the daily rows is a scan of all of them).
-- name: SQL_LAST_IMPORT
SELECT r.finished_at FROM account_import ai
    JOIN import_run r ON r.id = ai.import_id
    WHERE ai.account_id = ?1 AND r.finished_at IS NOT NULL;

-- name: SQL_DETAIL_WORK
SELECT w.title, w.account_id, substr(w.published_at, 1, 10),
    w.visibility, w.review, w.commercial, w.selected, w.original,
    w.infringing FROM work w WHERE w.work_id = ?1;

-- name: SQL_DETAIL_VIOLATION
SELECT day, kind FROM violation WHERE work_id = ?1 AND status = 'active'
    AND day <= ?2 ORDER BY day DESC LIMIT 1;

-- name: SQL_ACCOUNT_COUNT
SELECT count(*) FROM account;
