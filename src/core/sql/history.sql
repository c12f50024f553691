-- The SQL of src/core/history.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into history.sql.h.
-- history.c picks among them by table (SQL_VALUE_ON, SQL_INSERT, SQL_LIST).

-- An attribute's value on or before a day...
-- name: SQL_ACCOUNT_VALUE_ON
SELECT value FROM account_history WHERE account_id = ?1 AND
    attr = ?2 AND effective_on <= ?3 ORDER BY effective_on DESC LIMIT 1;

-- ...and before the first one, the first one.
-- name: SQL_ACCOUNT_FIRST_VALUE
SELECT value FROM account_history WHERE account_id = ?1 AND
    attr = ?2 ORDER BY effective_on LIMIT 1;

-- name: SQL_WORK_VALUE_ON
SELECT value FROM work_history WHERE work_id = ?1 AND
    attr = ?2 AND effective_on <= ?3 ORDER BY effective_on DESC LIMIT 1;

-- name: SQL_WORK_FIRST_VALUE
SELECT value FROM work_history WHERE work_id = ?1 AND
    attr = ?2 ORDER BY effective_on LIMIT 1;

-- name: SQL_ACCOUNT_INSERT
INSERT OR REPLACE INTO account_history(account_id, attr,
    effective_on, value, import_id, recorded_at) VALUES
    (?1, ?2, ?3, ?4, ?5, ?6);

-- name: SQL_WORK_INSERT
INSERT OR REPLACE INTO work_history(work_id, attr, effective_on,
    value, import_id, recorded_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6);

-- name: SQL_ACCOUNT_LIST
SELECT attr, effective_on, value, ifnull(import_id, 0), recorded_at
    FROM account_history WHERE account_id = ?1 ORDER BY attr, effective_on;

-- name: SQL_WORK_LIST
SELECT attr, effective_on, value, ifnull(import_id, 0), recorded_at
    FROM work_history WHERE work_id = ?1 ORDER BY attr, effective_on;
