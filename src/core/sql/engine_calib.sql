-- The SQL of src/core/engine_calib.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into engine_calib.sql.h.

-- name: SQL_DELETE_CALIBRATION
DELETE FROM calibration WHERE account_id = ?1;

-- name: SQL_INSERT_CALIBRATION
INSERT OR REPLACE INTO calibration(account_id, base, a_e, a_u, a_q,
    days, r2, fitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8);

-- name: SQL_PUT_DAY
INSERT OR REPLACE INTO calib_day(account_id, day, n, a01, a02, a03,
    a11, a12, a13, a22, a23, a33, b0, b1, b2, b3, b_one, ysum, yy, zz)
    VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14,
    ?15, ?16, ?17, ?18, ?19, ?20);

-- name: SQL_DROP_DAY
DELETE FROM calib_day WHERE account_id = ?1 AND day = ?2;

-- name: SQL_DAYS_OF
SELECT n, a01, a02, a03, a11, a12, a13, a22, a23, a33, b0, b1, b2, b3,
    b_one, ysum, yy, zz FROM calib_day WHERE account_id = ?1 ORDER BY day;

-- name: SQL_DROP_ACCOUNT_DAYS
DELETE FROM calib_day WHERE account_id = ?1;

-- name: SQL_DROP_ACCOUNT
DELETE FROM calib_account WHERE account_id = ?1;

-- name: SQL_PUT_ACCOUNT
INSERT OR REPLACE INTO calib_account(account_id, model_key)
    VALUES (?1, ?2);

-- name: SQL_KEY_OF
SELECT model_key FROM calib_account WHERE account_id = ?1;

-- name: SQL_DROP_ALL
DELETE FROM calib_day; DELETE FROM calib_account;
