#!/bin/sh
# src/core/sql/sql2h.awk, which builds the core's .sql files into C: the
# format it reads, the C it writes, and a clear error (file:line) for a
# file that breaks the format (tests/core/check_sql prepares what it
# reads from the real files); and no SQL in a C file outside src/core.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
G="$top_srcdir/src/core/sql/sql2h.awk"
AWK=${AWK:-awk}
cd "$T" || exit 1

# Comments and blank lines are left out, indentation stays, lines are
# joined by \n, the last ";" goes; quotes, backslashes and tabs escaped.
tab=$(printf '\t')
cat >ok.sql <<SQL
-- The file's own comment.

-- Why the first query is so.
-- name: SQL_ONE
SELECT a, "b" FROM t  -- a comment SQLite skips
    WHERE c = 'x\\y' AND d = '${tab}' AND e = '??=';

-- name: SQL_TWO
DELETE FROM t; DELETE FROM u;
SQL
cat >ok.want <<'C'
/* Generated from ok.sql by sql2h.awk: do not edit. */
static const char SQL_ONE[] =
    "SELECT a, \"b\" FROM t  -- a comment SQLite skips\n"
    "    WHERE c = 'x\\y' AND d = '\t' AND e = '?\?='";
static const char SQL_TWO[] =
    "DELETE FROM t; DELETE FROM u";
C
expect_exit 0 "$AWK" -f "$G" ok.sql
cmp -s "$T/out" ok.want && ok || fail "ok.sql gave: $(cat "$T/out")"
expect_exit 0 "$AWK" -v list=1 -f "$G" ok.sql
expect_grep "$T/out" '{ "ok.sql", 4, "SQL_ONE",'
expect_grep "$T/out" '{ "ok.sql", 8, "SQL_TWO",'
expect_grep "$T/out" '	{ NULL, 0, NULL, NULL }'

# bad FILE-CONTENT MESSAGE: exits 1 and says file:line: message
bad() {
	printf '%s\n' "$1" >bad.sql
	expect_exit 1 "$AWK" -f "$G" bad.sql
	expect_grep "$T/err" "$2"
}
bad 'SELECT 1;' 'bad.sql:1: SQL before the first "-- name:" marker: SELECT 1;'
bad '-- name: SQL_A
SELECT 1' 'bad.sql:2: statement SQL_A does not end with ";": SELECT 1'
bad '-- name: SQL_A
SELECT 1;
-- name: SQL_B
-- name: SQL_C
SELECT 2;' 'bad.sql:3: statement SQL_B has no text'
bad '-- name: SQL_A
SELECT 1;
-- name: SQL_A
SELECT 2;' 'bad.sql:3: statement SQL_A is named twice (first at line 1)'
bad '-- name: SQL-A
SELECT 1;' 'bad.sql:1: "SQL-A" is not a statement name (a C identifier)'
bad '-- name: SQL_A' 'bad.sql:1: statement SQL_A has no text'

# No SQL outside src/core: no other C file of src/ writes a statement.
found=$(cd "$top_srcdir" && grep -rlE \
	'"(SELECT|INSERT|UPDATE|DELETE|CREATE|PRAGMA|WITH) ' src \
	--include='*.c' --include='*.h' | grep -v '^src/core/')
[ -z "$found" ] && ok || fail "SQL outside src/core, in: $found"
finish
