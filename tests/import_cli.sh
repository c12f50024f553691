#!/bin/sh
# partner-tui import from the command line: exit codes, messages, summary,
# dry run, quiet, progress only on a terminal, demo through the importer.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
DB="$T/t.db"

printf 'account_id,name,kind\nacc1,济南,personal\n' > "$T/accounts.csv"
printf '作品ID,账号ID,作品名称\nw1,acc1,标题\n' > "$T/works.csv"
printf 'date,work_id,plays,revenue\n2026-11-03,w1,"1,234",¥1.50\n' > "$T/daily.csv"
printf 'date,work_id,plays\n2026-11-04,w1,5\n2026-11-05,w1,-5\n' > "$T/bad.csv"

expect_exit 0 "$PT" --db "$DB" import "$T/accounts.csv" "$T/works.csv" "$T/daily.csv"
expect_grep "$T/out" "accounts.csv: accounts, 1 rows: 1 inserted, 0 updated, 0 unchanged, 0 rejected"
expect_grep "$T/out" "daily.csv: daily, 1 rows: 1 inserted"
# Not a terminal: no progress line.
if grep -q "rows/s" "$T/err"; then fail "progress drawn without a terminal"; else ok; fi
expect_exit 0 "$PT" --db "$DB" import "$T/daily.csv"
expect_grep "$T/out" "0 inserted, 0 updated, 1 unchanged, 0 rejected"

expect_exit 3 "$PT" --db "$DB" import "$T/bad.csv"
expect_grep "$T/err" "bad.csv:3: plays: negative count (-5)"
expect_grep "$T/err" "partner-tui: $T/bad.csv: 1 bad row: nothing was imported"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = 1 ] && ok || fail "rejected file left rows"
expect_exit 0 "$PT" --db "$DB" import --dry-run --skip-bad-rows "$T/bad.csv"
expect_grep "$T/out" "1 inserted"
expect_grep "$T/out" "dry run: nothing written"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = 1 ] && ok || fail "dry run wrote rows"
expect_exit 0 "$PT" --db "$DB" import --quiet --skip-bad-rows "$T/bad.csv"
[ -s "$T/out" ] && fail "--quiet printed: $(cat "$T/out")" || ok
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = 2 ] && ok || fail "good row not imported"
[ "$(sqlite3 "$DB" "SELECT group_concat(outcome) FROM import_run")" = "ok,ok,ok,ok,rejected,dry_run,partial" ] && ok ||
	fail "import_run outcomes: $(sqlite3 "$DB" "SELECT group_concat(outcome) FROM import_run")"

expect_exit 2 "$PT" --db "$DB" import
expect_exit 2 "$PT" --db "$DB" import --as-of 2026-13-01 "$T/daily.csv"
expect_exit 4 "$PT" --db "$DB" import "$T/no-such-file.csv"
expect_grep "$T/err" "no-such-file.csv"
printf '作品名称,发布时间,播放量\n标题 描述,2026-11-03 12:00,100\n' > "$T/cc.csv"
expect_exit 2 "$PT" --db "$DB" import "$T/cc.csv"
expect_grep "$T/err" "--account ID"
expect_exit 0 "$PT" --db "$DB" import --account acc1 --as-of 2026-11-03 "$T/cc.csv"
expect_grep "$T/out" "snapshots, 1 rows: 1 inserted"

# The engine rescored what the imports touched.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM dirty")" = 0 ] && ok || fail "dirty pairs left after import"

# On a terminal (script(1) gives one) the progress line is drawn.
if command -v script >/dev/null 2>&1; then
	script -qec "'$PT' --db '$DB' import '$T/daily.csv'" /dev/null > "$T/tty" 2>&1
	expect_grep "$T/tty" "rows/s"
else
	echo "SKIP: script(1) missing: the progress line is not checked" >&2
fi

# Two operators importing into one database at once: both go in, neither
# fails with "database is locked" (writers queue behind each other).
awk 'BEGIN { print "date,work_id,plays"; for (i = 0; i < 336; i++) printf "2025-%02d-%02d,w1,%d\n", int(i / 28) + 1, i % 28 + 1, i }' > "$T/c1.csv"
awk 'BEGIN { print "date,work_id,likes"; for (i = 0; i < 336; i++) printf "2024-%02d-%02d,w1,%d\n", int(i / 28) + 1, i % 28 + 1, i }' > "$T/c2.csv"
"$PT" --db "$DB" import --quiet --skip-bad-rows "$T/c1.csv" >"$T/c1.out" 2>&1 & p1=$!
"$PT" --db "$DB" import --quiet --skip-bad-rows "$T/c2.csv" >"$T/c2.out" 2>&1 & p2=$!
wait $p1 && wait $p2 && ok || fail "concurrent imports: $(cat "$T/c1.out" "$T/c2.out")"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily WHERE day LIKE '2024-%' OR day LIKE '2025-%'")" = 672 ] && ok ||
	fail "concurrent imports lost rows: $(sqlite3 "$DB" "SELECT count(*) FROM daily")"

# Under zh_CN a rejected file is told in Chinese, still naming the file,
# the line, the column and the value; the database is unchanged.
ZH=$(locale -a 2>/dev/null | grep -ix 'zh_CN\.utf-\?8' | head -n 1)
if [ -n "$ZH" ] && command -v msgfmt >/dev/null 2>&1; then
	mkdir -p "$T/locale/zh_CN/LC_MESSAGES"
	msgfmt -o "$T/locale/zh_CN/LC_MESSAGES/partner-tui.mo" "$top_srcdir/po/zh_CN.po"
	printf '日期,作品ID,内容质量\n2026-11-06,w1,50\n2026-11-07,w1,150\n' > "$T/zh.csv"
	before=$(sqlite3 "$DB" "SELECT count(*) FROM daily")
	expect_exit 3 env LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$DB" import "$T/zh.csv"
	expect_grep "$T/err" "zh.csv:3：内容质量：内容质量不在 0-100 之间（150）"
	expect_grep "$T/err" "zh.csv：1 行有误：未导入任何内容"
	grep -q "bad row" "$T/err" && fail "English left under zh_CN: $(cat "$T/err")" || ok
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM daily")" = "$before" ] && ok || fail "rejected file left rows"
	# The value parsers' reasons too (src/core/value.c).
	printf '日期,作品ID,播放量\n2026-11-06,w1,很多\n' > "$T/zh2.csv"
	expect_exit 3 env LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$DB" import "$T/zh2.csv"
	expect_grep "$T/err" "zh2.csv:2：播放量：不是数字（很多）"
	# An error of the core (a database that is not one) too.
	printf 'not a database, just text\n' > "$T/notdb"
	expect_exit 4 env LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$T/notdb" import "$T/zh.csv"
	expect_grep "$T/err" "不是 SQLite 数据库：拒绝改动"
	# The same file under C: English.
	expect_exit 3 env LC_ALL=C.UTF-8 PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$DB" import "$T/zh.csv"
	expect_grep "$T/err" "zh.csv:3: 内容质量: quality outside 0-100 (150)"
else
	echo "SKIP: no zh_CN.UTF-8 locale or no msgfmt: the Chinese import errors are not checked" >&2
fi

# The demo goes in through the importer.
expect_exit 0 "$PT" --db "$T/demo.db" demo
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM import_run WHERE outcome = 'ok'")" = 6 ] && ok ||
	fail "demo import runs: $(sqlite3 "$T/demo.db" "SELECT group_concat(file || ':' || outcome) FROM import_run")"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM account")" = 3 ] && ok || fail "demo accounts"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM work")" -ge 100 ] && ok || fail "demo works"
[ "$(sqlite3 "$T/demo.db" "SELECT count(DISTINCT day) FROM daily")" = 180 ] && ok || fail "demo days"
[ "$(sqlite3 "$T/demo.db" "SELECT max(day) FROM daily")" = 2026-11-25 ] && ok || fail "demo last day"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM violation WHERE status = 'active' AND day >= '2026-08-28'")" -ge 1 ] && ok || fail "demo violation"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM application WHERE result = 'rejected'")" -ge 1 ] && ok || fail "demo rejection"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM wallet WHERE kind = 'withdrawal'")" -ge 1 ] && ok || fail "demo withdrawal"
[ "$(sqlite3 "$T/demo.db" "SELECT count(*) FROM work_score")" -gt 0 ] && ok || fail "demo not scored"
finish
