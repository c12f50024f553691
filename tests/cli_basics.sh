#!/bin/sh
# The CLI contract: help, version, exit codes, refusal messages, demo.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

expect_exit 0 "$PT" --help
expect_grep "$T/out" "usage: partner-tui"
for c in import report check appeal rescore demo; do
	expect_grep "$T/out" "  $c "
done
expect_grep "$T/out" "5  conflict"
expect_exit 0 "$PT" --version
expect_grep "$T/out" "partner-tui 0."

expect_exit 2 "$PT" --no-such-option
expect_exit 2 "$PT" frobnicate
expect_grep "$T/err" "partner-tui: unknown command 'frobnicate'"
expect_exit 2 "$PT" --today 2026-02-30 --help
expect_grep "$T/err" "2026-02-30"
PARTNER_TUI_TODAY=yesterday expect_exit 2 "$PT" --help
expect_grep "$T/err" "PARTNER_TUI_TODAY='yesterday'"

for c in import report check appeal rescore demo; do
	expect_exit 0 "$PT" "$c" --help
	expect_grep "$T/out" "usage: partner-tui [--db PATH] [--today DAY] $c"
done

# demo builds a database at --db, 0600, and replaces it on a second run.
expect_exit 0 "$PT" --db "$T/demo.db" demo
expect_grep "$T/out" "demo database ready: $T/demo.db"
[ "$(stat -c %a "$T/demo.db")" = 600 ] && ok || fail "demo.db mode $(stat -c %a "$T/demo.db")"
expect_exit 0 "$PT" --db "$T/demo.db" demo
expect_exit 2 "$PT" demo extra

# A file that is not a database is refused with exit 4 and left alone.
printf 'hello\n' > "$T/notes.txt"
expect_exit 4 "$PT" --db "$T/notes.txt" demo
[ "$(cat "$T/notes.txt")" = hello ] && ok || fail "notes.txt was modified"

finish
