#!/bin/sh
# A daily file of several write batches (issue 17): the import writes one
# batch in a thread while it parses the next. Every row is counted once,
# a bad row in a late batch still leaves the database untouched, an
# update in the last batch is seen, and the rescore that follows gives
# the scores a full rescore gives.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
DB="$T/t.db"
: "${PARTNER_TUI_DATADIR:=$top_srcdir/share/partner-tui}"
export PARTNER_TUI_DATADIR

printf 'account_id,name,kind\nacc1,甲,personal\nacc2,乙,personal\n' > "$T/accounts.csv"
awk 'BEGIN { print "work_id,account_id,title"
	for (w = 0; w < 40; w++) printf "w%02d,acc%d,作品 %d\n", w, 1 + w % 2, w }' > "$T/works.csv"
# 40 works x 2,000 days = 80,000 rows, by work then day (three batches);
# `bump` adds 1 to the plays of the last 10,000 rows; `bad` names an
# unknown work on row 70,000.
gen() {
	awk -v bump="$1" -v bad="$2" 'BEGIN {
		print "date,work_id,plays,profitable_plays,likes,favorites,completion_rate,revenue"
		n = 0
		for (w = 0; w < 40; w++) for (d = 0; d < 2000; d++) {
			n++
			t = 1577808000 + d * 86400 + 43200
			day = strftime("%Y-%m-%d", t, 1)
			p = 1000 + (w * 7 + d * 13) % 5000 + (bump && n > 70000)
			printf "%s,%s,%d,%d,%d,%d,0.%02d,%d.%02d\n", day,
			    (bad && n == 70000) ? "nowork" : sprintf("w%02d", w),
			    p, p / 2, p / 20, p / 50, 10 + d % 80, p / 100, p % 100
		}
	}'
}
gen 0 0 > "$T/daily.csv"
gen 0 1 > "$T/bad.csv"
gen 1 0 > "$T/bumped.csv"
total=$(awk -F, 'NR > 1 { s += $3 } END { print s }' "$T/daily.csv")

expect_exit 0 "$PT" --db "$DB" import --quiet "$T/accounts.csv" "$T/works.csv"
expect_exit 3 "$PT" --db "$DB" import "$T/bad.csv"
expect_grep "$T/err" "bad.csv:70001: work_id"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = 0 ] && ok || fail "a bad row in the third batch left rows"
expect_exit 0 "$PT" --db "$DB" import --skip-bad-rows --no-rescore "$T/bad.csv"
expect_grep "$T/out" "80000 rows: 79999 inserted, 0 updated, 0 unchanged, 1 rejected"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = 79999 ] && ok || fail "rows: $(sqlite3 "$DB" "SELECT count(*) FROM daily")"
expect_exit 0 "$PT" --db "$DB" import "$T/daily.csv"
expect_grep "$T/out" "80000 rows: 1 inserted, 0 updated, 79999 unchanged, 0 rejected"
[ "$(sqlite3 "$DB" "SELECT sum(plays) FROM daily")" = "$total" ] && ok || fail "plays: $(sqlite3 "$DB" "SELECT sum(plays) FROM daily") != $total"
# The newest import that wrote a daily row, by account: run 5 wrote the
# one row of acc1 that run 4 rejected; acc2's rows are run 4's.
imports() { sqlite3 "$DB" "SELECT group_concat(account_id || '=' || import_id) FROM (SELECT * FROM account_import ORDER BY account_id)"; }
[ "$(imports)" = "acc1=5,acc2=4" ] && ok || fail "account_import: $(imports)"
expect_exit 0 "$PT" --db "$DB" import "$T/bumped.csv"
expect_grep "$T/out" "80000 rows: 0 inserted, 10000 updated, 70000 unchanged, 0 rejected"
[ "$(sqlite3 "$DB" "SELECT sum(plays) FROM daily")" = "$((total + 10000))" ] && ok || fail "bumped plays"
[ "$(imports)" = "acc1=6,acc2=6" ] && ok || fail "account_import after the update: $(imports)"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM dirty")" = 0 ] && ok || fail "dirty left after the import's rescore"
scores() { "$top_builddir/tests/pt_sql" "$DB" "SELECT count(*), sum(estimated_fen), (SELECT sum(estimated_fen) FROM account_score) FROM work_estimate"; }
after_import=$(scores)
expect_exit 0 "$PT" --db "$DB" rescore
[ "$(scores)" = "$after_import" ] && ok || fail "import's rescore $after_import, full rescore $(scores)"
finish
