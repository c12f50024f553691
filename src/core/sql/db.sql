-- The SQL of src/core/db.c, a statement per "-- name:" marker
-- (format: src/core/sql/sql2h.awk). Built into db.sql.h.

-- name: SQL_DATA_VERSION
PRAGMA data_version;
