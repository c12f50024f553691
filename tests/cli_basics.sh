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
	# COMMAND --help describes every option its usage names, one line
	# each under "Options:" (or says it takes none).
	sed -n '/^Options:$/,$p' "$T/out" > "$T/opts"
	sed -n '/^$/q;p' "$T/out" | sed 's/^usage: partner-tui \[--db PATH\] \[--today DAY\]//' |
		grep -o -- '--[a-z][a-z-]*' | sort -u > "$T/flags"
	if [ -s "$T/flags" ]; then
		while read -r f; do
			grep -q -- "^  $f\( \|$\)" "$T/opts" && ok ||
				fail "$c --help does not describe $f: $(cat "$T/out")"
		done < "$T/flags"
	else
		expect_grep "$T/out" "This command takes no options."
	fi
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


# --shared-group for every command that creates a database (the demo and
# the dashboard's --demo too): the file 0660 for the group, the directory
# setgid 2770, as the man page's agency recipe needs.
grp=$(id -gn)
shared_ok() {
	[ "$(stat -c %a "$1")" = 660 ] && [ "$(stat -c %G "$1")" = "$grp" ] && ok ||
		fail "$2: $1 is $(stat -c '%a %G' "$1"), expected 660 $grp"
	[ "$(stat -c %a "$(dirname "$1")")" = 2770 ] && ok ||
		fail "$2: $(dirname "$1") is $(stat -c %a "$(dirname "$1")"), expected 2770"
}
expect_exit 0 "$PT" --db "$T/sg1/p.db" --shared-group "$grp" demo
shared_ok "$T/sg1/p.db" demo
expect_exit 0 "$PT" --db "$T/sg2/p.db" --shared-group "$grp" import \
	"$top_srcdir/share/partner-tui/demo/accounts.csv"
shared_ok "$T/sg2/p.db" import
expect_exit 0 "$PT" --db "$T/sg3/p.db" --shared-group "$grp" rescore
shared_ok "$T/sg3/p.db" rescore
printf 'quit\n' > "$T/quit.script"
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/quit.script" TERM=xterm \
	expect_exit 0 "$PT" --db "$T/sg4/p.db" --shared-group "$grp" --demo
shared_ok "$T/sg4/p.db" "the dashboard's --demo"
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/quit.script" TERM=xterm \
	expect_exit 0 "$PT" --db "$T/sg5/p.db" --shared-group "$grp"
shared_ok "$T/sg5/p.db" "the dashboard"


# The dashboard scores what waits in `dirty` before it opens (after an
# upgrade every day waits, with no work-day kept), saying so on stderr:
# its panes only read scores.
expect_exit 0 "$PT" --db "$T/up.db" demo
ws() { sqlite3 "$T/up.db" "SELECT count(*) FROM work_score"; }
kept=$(ws)
sqlite3 "$T/up.db" "DELETE FROM work_score; INSERT INTO dirty SELECT account_id, day FROM account_score"
waiting=$(sqlite3 "$T/up.db" "SELECT count(*) FROM dirty")
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/quit.script" TERM=xterm \
	expect_exit 0 "$PT" --db "$T/up.db"
expect_grep "$T/err" "scoring $waiting account-days before the dashboard opens"
[ "$(ws)" = "$kept" ] && [ "$kept" -gt 0 ] && ok || fail "work-days after the dashboard: $(ws), $kept before"
[ "$(sqlite3 "$T/up.db" "SELECT count(*) FROM dirty")" = 0 ] && ok || fail "dirty left after the dashboard"
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/quit.script" TERM=xterm \
	expect_exit 0 "$PT" --db "$T/up.db"
[ ! -s "$T/err" ] && ok || fail "nothing waited, yet: $(cat "$T/err")"

finish
