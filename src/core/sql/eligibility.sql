-- The SQL of src/core/eligibility.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into eligibility.sql.h.

-- name: SQL_ACCOUNT
SELECT kind, celebrity, certification, plan_status FROM account
    WHERE account_id = ?1;

-- name: SQL_WORK
SELECT account_id, visibility, review, original, infringing, commercial,
    published_at, review_label FROM work WHERE work_id = ?1;

-- name: SQL_ACCOUNT_VIOLATIONS
SELECT day, kind, status, ifnull(overturned_by, 0), overturned_on
    FROM violation WHERE account_id = ?1 AND work_id IS NULL ORDER BY day;

-- name: SQL_WORK_VIOLATIONS
SELECT day, kind, status, ifnull(overturned_by, 0), overturned_on
    FROM violation WHERE work_id = ?1 ORDER BY day;

-- An approved (or paid) appeal that paid this work's day back.
-- name: SQL_BACKPAID
SELECT a.id, b.fen FROM appeal_backpay b JOIN appeal a
    ON a.id = b.appeal_id WHERE b.work_id = ?1 AND b.day = ?2
    AND a.status IN ('approved', 'paid') ORDER BY a.id LIMIT 1;

-- name: SQL_ACCOUNT_DAY
SELECT gross_fen, settled_fen FROM account_score
    WHERE account_id = ?1 AND day = ?2;

-- name: SQL_WORK_QUALITY
SELECT quality FROM work_score WHERE work_id = ?1 AND day = ?2;

-- The last two applications, each with the last rejection's reason.
-- name: SQL_LAST_APPLICATIONS
SELECT submitted_on, reviewed_on, result, ifnull(reason, ''),
    (SELECT ifnull(reason, '') FROM application r WHERE r.account_id = ?1
    AND r.result = 'rejected' ORDER BY r.submitted_on DESC, r.id DESC
    LIMIT 1) FROM application WHERE account_id = ?1
    ORDER BY submitted_on DESC, id DESC LIMIT 2;
