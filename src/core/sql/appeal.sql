-- The SQL of src/core/appeal.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into appeal.sql.h.

-- The contested violation: active, of the work (diagnosis) or of the
-- account alone (account detection), blocking some day of [?3, ?4]; the
-- one blocking the first day first (the latest such), else the earliest
-- after it.
-- name: SQL_CONTESTED
SELECT id, day, kind FROM violation WHERE account_id = ?1
    AND status = 'active'
    AND (CASE WHEN ?2 IS NULL THEN work_id IS NULL ELSE work_id = ?2 END)
    AND day <= ?4 AND day > date(?3, '-' || ?5 || ' days')
    ORDER BY day <= ?3 DESC, CASE WHEN day <= ?3 THEN day END DESC, day
    LIMIT 1;

-- What the work (or the account's works) have for a day: daily rows and
-- the settled revenue among them.
-- name: SQL_DAY_DATA
SELECT count(*), sum(d.revenue_fen) FROM daily d JOIN work w
    ON w.work_id = d.work_id WHERE d.day = ?3 AND w.account_id = ?1
    AND (?2 IS NULL OR d.work_id = ?2);

-- name: SQL_VIOLATION_BY_ID
SELECT id, day, kind FROM violation WHERE id = ?1;

-- name: SQL_INSERT
INSERT INTO appeal(account_id, work_id, first_day, last_day, channel,
    category, statement, evidence, status, version, created_at,
    created_by, updated_at, updated_by, updated_from)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 'draft', 1, pt_now(),
    pt_actor(), pt_now(), pt_actor(), pt_client());

-- name: SQL_UPDATE
UPDATE appeal SET account_id = ?2, work_id = ?3, first_day = ?4,
    last_day = ?5, channel = ?6, category = ?7, statement = ?8,
    evidence = ?9, version = version + 1, updated_at = pt_now(),
    updated_by = pt_actor(), updated_from = pt_client()
    WHERE id = ?1 AND version = ?10 AND status = 'draft';

-- name: SQL_SET_STATE
UPDATE appeal SET status = ?2, decision_note = ?3,
    compensation_fen = ?4, expected_pay_on = ?5, version = version + 1,
    updated_at = pt_now(), updated_by = pt_actor(),
    updated_from = pt_client() WHERE id = ?1 AND version = ?6;

-- Paying ties the compensation to its appeal: an entry already tied to
-- it stays the one; else an imported compensation of the same amount,
-- on or after the decision, with no appeal yet, is taken; else a new
-- entry is booked today.
-- name: SQL_WALLET_TIED
SELECT count(*) FROM wallet WHERE appeal_id = ?1;

-- name: SQL_WALLET_ADOPT
UPDATE wallet SET appeal_id = ?4 WHERE id = (SELECT id FROM wallet
    WHERE account_id = ?1 AND kind = 'compensation' AND appeal_id IS NULL
    AND amount_fen = ?3 AND day >= ?5 ORDER BY day, id LIMIT 1);

-- name: SQL_WALLET_PAY
INSERT INTO wallet(account_id, day, kind, amount_fen, appeal_id)
    VALUES (?1, ?2, 'compensation', ?3, ?4);

-- name: SQL_AUDIT_BASE
SELECT old FROM audit WHERE tbl = 'appeal' AND row_key = ?1
    AND action = 'update' AND json_extract(old, '$.version') = ?2
    ORDER BY id LIMIT 1;

-- name: SQL_AUDIT_LAST
SELECT who, client, at FROM audit WHERE tbl = 'appeal'
    AND row_key = ?1 AND action = 'update' ORDER BY id DESC LIMIT 1;

-- Which fields of the row differ from the audited state at the base
-- version: the same order as enum appeal_field, then status.
-- name: SQL_DIFF
SELECT json_extract(?1, '$.account_id') IS NOT account_id,
    json_extract(?1, '$.work_id') IS NOT work_id,
    json_extract(?1, '$.first_day') IS NOT first_day,
    json_extract(?1, '$.last_day') IS NOT last_day,
    json_extract(?1, '$.channel') IS NOT channel,
    json_extract(?1, '$.category') IS NOT category,
    json_extract(?1, '$.statement') IS NOT statement,
    json_extract(?1, '$.evidence') IS NOT evidence,
    json_extract(?1, '$.status') IS NOT status
    FROM appeal WHERE id = ?2;

-- Overlaps: same account, some of the same days, and the same work (or
-- both account-wide); an open appeal of the other scope (an account-wide
-- one asks for every work of the account, so it and a work's appeal ask
-- twice for that work's days); or an account-wide appeal that paid this
-- work back on one of those days. A decided work appeal does not block
-- an account-wide one: the engine leaves the work-days it paid out of
-- the account's back-pay (compensation.c).
-- name: SQL_OVERLAPS
SELECT id, status, max(first_day, ?3), min(last_day, ?4) FROM appeal
    WHERE account_id = ?1 AND id <> ?5
    AND status IN ('submitted', 'approved', 'paid')
    AND first_day <= ?4 AND last_day >= ?3
    AND (work_id IS ?2
        OR (status = 'submitted' AND (work_id IS NULL OR ?2 IS NULL))
        OR (work_id IS NULL AND EXISTS (SELECT 1
        FROM appeal_backpay b WHERE b.appeal_id = appeal.id
        AND b.work_id = ?2 AND b.day BETWEEN ?3 AND ?4)))
    ORDER BY status = 'submitted', id LIMIT ?6;

-- name: SQL_SET_VIOLATION
UPDATE appeal SET violation_id = ?2 WHERE id = ?1;

-- name: SQL_BACKPAY
INSERT INTO appeal_backpay(appeal_id, work_id, day, fen)
    VALUES (?1, ?2, ?3, ?4);

-- name: SQL_OVERTURN
UPDATE violation SET status = 'overturned', overturned_by = ?2,
    overturned_on = ?3 WHERE id = ?1 AND status = 'active';

-- Every day of the account with figures in the violation's shadow is
-- scored again once the violation is gone.
-- name: SQL_DIRTY_SHADOW
INSERT OR IGNORE INTO dirty(account_id, day)
    SELECT DISTINCT w.account_id, d.day FROM daily d JOIN work w
    ON w.work_id = d.work_id WHERE w.account_id = ?1
    AND d.day >= ?2 AND d.day < date(?2, '+' || ?3 || ' days');

-- An appeal by the work (or, work_id "", account-wide) and its days.
-- name: SQL_FIND_BY_DAYS
SELECT id FROM appeal WHERE (?1 = '' OR account_id = ?1)
    AND ifnull(work_id, '') = ?2 AND first_day = ?3 AND last_day = ?4
    AND status NOT IN ('draft', 'withdrawn') ORDER BY id DESC LIMIT 2;

-- name: SQL_DRAFT_SAVE
INSERT INTO draft(owner, appeal_id, base_version, form, field, cursor,
    saved_at) VALUES (?1, ?2, ?3, json_object('account_id', ?4,
    'work_id', ?5, 'first_day', ?6, 'last_day', ?7, 'channel', ?8,
    'category', ?9, 'statement', ?10, 'evidence', ?11), ?12, ?13, pt_now())
    ON CONFLICT(owner, appeal_id) DO UPDATE SET
    base_version = excluded.base_version, form = excluded.form,
    field = excluded.field, cursor = excluded.cursor,
    saved_at = excluded.saved_at;

-- name: SQL_DRAFT_LOAD
SELECT appeal_id, base_version, json_extract(form, '$.account_id'),
    json_extract(form, '$.work_id'), json_extract(form, '$.first_day'),
    json_extract(form, '$.last_day'), json_extract(form, '$.channel'),
    json_extract(form, '$.category'), json_extract(form, '$.statement'),
    json_extract(form, '$.evidence'), field, cursor, saved_at FROM draft
    WHERE owner = ?1 AND (?2 < 0 OR appeal_id = ?2)
    ORDER BY saved_at DESC, rowid DESC LIMIT 1;

-- name: SQL_DRAFT_DISCARD
DELETE FROM draft WHERE owner = ?1 AND appeal_id = ?2;

-- name: SQL_PICK_WORKS
SELECT work_id, title FROM work WHERE account_id = ?1
    AND (instr(lower(work_id), lower(?2)) > 0
              OR instr(lower(title), lower(?2)) > 0)
    ORDER BY published_at DESC, work_id LIMIT ?3;

-- name: SQL_HISTORY
SELECT at, who, client, action,
    ifnull(json_extract(old, '$.status'), ''),
    ifnull(json_extract(new, '$.status'), ''),
    ifnull(json_extract(new, '$.version'), json_extract(old, '$.version'))
    FROM audit WHERE tbl = 'appeal' AND row_key = ?1 ORDER BY id;
