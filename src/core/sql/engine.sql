-- The SQL of src/core/engine.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into engine.sql.h.

-- name: SQL_WORKS
SELECT work_id, account_id, visibility, review, original, infringing,
    commercial, selected, published_at FROM work ORDER BY work_id;

-- name: SQL_VIOLATIONS
SELECT account_id, work_id, day FROM violation WHERE status = 'active';

-- name: SQL_CALIBRATIONS
SELECT account_id, base, a_e, a_u, a_q FROM calibration;

-- name: SQL_ACCOUNT_HISTORY
SELECT account_id, attr, effective_on, value FROM account_history
    ORDER BY account_id, effective_on;

-- name: SQL_WORK_HISTORY
SELECT work_id, attr, effective_on, value FROM work_history
    WHERE attr <> 'account_id' ORDER BY work_id, effective_on;

-- name: SQL_INSERT_ACCOUNT_SCORE
INSERT OR REPLACE INTO account_score(account_id, day, eligible, reasons,
    estimated_fen, settled_fen, works_earning, gross_fen, shown_fen,
    plays, profitable_plays, likes, favorites, comments, shares,
    revenue_fen, interaction, user_value, quality, sums_kept) VALUES
    (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15,
    ?16, ?17, ?18, ?19, 2);

-- name: SQL_DIRTY_COUNT
SELECT count(*) FROM dirty;
