-- The SQL of src/core/schema.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into schema.sql.h.

-- name: SQL_USER_VERSION
PRAGMA user_version;
