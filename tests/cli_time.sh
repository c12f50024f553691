#!/bin/sh
# Time (issue 13): default windows end at the last day with data, the
# settlement clock (--now) says when an import lags, and --today/--now
# change only the engine's today: records keep the wall-clock time.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
SQL="$top_builddir/tests/pt_sql"
DB="$T/demo.db"
unset PARTNER_TUI_NOW

expect_exit 0 "$PT" --db "$DB" demo

# The demo's data ends 2026-11-25: on 11-26 and on 11-30 the default
# attribution is the same one, 30 days to 11-25 (days not imported are no
# data, never days of zero).
for d in 2026-11-26 2026-11-30; do
	expect_exit 0 "$PT" --db "$DB" --today $d report attribution \
		--account jn_nongji --format json
	cp "$T/out" "$T/att-$d.json"
done
python3 - "$T/att-2026-11-26.json" "$T/att-2026-11-30.json" <<'PY' || fail "attribution moves with today"
import json, sys
a, b = (json.load(open(f)) for f in sys.argv[1:])
assert a["to"] == "2026-11-25" and a["from"] == "2026-10-27", a
assert a["data_through"] == "2026-11-25" and a["settled_through"] == "2026-11-25", a
assert a["missing_days"] == [] and a["vs_missing_days"] == [], a
for k in ("from", "to", "vs_from", "vs_to", "revenue_fen", "vs_revenue_fen",
          "total_change_fen", "parts"):
    assert a[k] == b[k], (k, a[k], b[k])
# 11-26 at 00:00: 11-24 is due, 11-25 is there: fresh. 11-30: stale.
assert a["stale"] is False and b["stale"] is True, (a["stale"], b["stale"])
PY
ok

# An explicit window past the data lists the days without data.
expect_exit 0 "$PT" --db "$DB" --today 2026-11-30 report works \
	--account jn_nongji --from 2026-11-20 --to 2026-11-28 --format json
python3 - "$T/out" <<'PY' || fail "missing_days"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["missing_days"] == ["2026-11-26", "2026-11-27", "2026-11-28"], r["missing_days"]
assert r["data_through"] == "2026-11-25", r
PY
ok

# The table says so after it, on stdout: the days named, or for many a
# count with the first and the last; CSV (and JSON) stay as they are.
expect_exit 0 "$PT" --db "$DB" --today 2026-11-30 report works \
	--account jn_nongji --from 2026-11-20 --to 2026-11-28
[ "$(tail -n 1 "$T/out")" = "3 days without data: 2026-11-26, 2026-11-27, 2026-11-28" ] ||
	fail "table note: $(tail -n 1 "$T/out")"
ok
expect_exit 0 "$PT" --db "$DB" --today 2026-12-10 report daily \
	--account jn_nongji --from 2026-11-20 --to 2026-12-05
[ "$(tail -n 1 "$T/out")" = "10 days without data, from 2026-11-26 to 2026-12-05" ] ||
	fail "table note, many days: $(tail -n 1 "$T/out")"
ok
expect_exit 0 "$PT" --db "$DB" --today 2026-11-30 report works \
	--account jn_nongji --from 2026-11-20 --to 2026-11-28 --format csv
if grep -q "without data" "$T/out"; then fail "the note is in the CSV"; fi
ok
expect_exit 0 "$PT" --db "$DB" --today 2026-11-30 report works \
	--account jn_nongji --from 2026-11-20 --to 2026-11-25
if grep -q "without data" "$T/out"; then fail "a note for a window with data"; fi
ok

# The settlement clock: 11-26's data is due at 22:00 on 11-27.
expect_exit 0 "$PT" --db "$DB" --now "2026-11-27 21:59" report accounts --format json
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['stale'] is False, r['stale']" "$T/out" || fail "stale before 22:00"
ok
expect_exit 0 "$PT" --db "$DB" --now "2026-11-27 22:00" report accounts --format json
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['stale'] is True, r['stale']" "$T/out" || fail "stale from 22:00"
ok
PARTNER_TUI_NOW="2026-11-27 22:00" expect_exit 0 "$PT" --db "$DB" report accounts --format json
python3 -c "import json,sys; r=json.load(open(sys.argv[1])); assert r['stale'] is True, r" "$T/out" || fail "PARTNER_TUI_NOW"
ok
expect_exit 2 "$PT" --db "$DB" --now "2026-11-27" report accounts
expect_grep "$T/err" "2026-11-27"
expect_exit 2 "$PT" --db "$DB" --now "2026-11-27 24:00" report accounts
PARTNER_TUI_NOW="yesterday" expect_exit 2 "$PT" --db "$DB" report accounts
expect_grep "$T/err" "PARTNER_TUI_NOW"

# The dashboard (headless) on 11-29 at 22:30: the header says how far the
# data goes, with '!' as 11-28 is due; the overview says what is due.
printf 'key 0\nmodel %s\nscreen %s\nquit\n' "$T/model" "$T/screen" > "$T/script"
env LC_ALL=C.UTF-8 PARTNER_TUI_NO_DISPLAY=1 COLUMNS=132 LINES=30 \
	PARTNER_TUI_SCRIPT="$T/script" PARTNER_TUI_NOW="2026-11-29 22:30" \
	"$PT" --db "$DB" >/dev/null 2>"$T/err" || fail "dashboard: $(cat "$T/err")"
expect_grep "$T/model" "frame.data_through=2026-11-25"
expect_grep "$T/model" "frame.stale=1"
expect_grep "$T/model" "account.data_through=jn_nongji|2026-11-25|1"
expect_grep "$T/screen" "data through 11-25!"
expect_grep "$T/screen" "data for 11-28 is due since 22:00 on 11-29: import it"
expect_grep "$T/screen" "revenue 11-19 to 11-25"

# Records keep the wall-clock time whatever --today says: an appeal's
# created_at and its audit rows, an import run.
real=$(TZ=Asia/Shanghai date +%F)
expect_exit 0 "$PT" --db "$DB" --today 2020-01-15 appeal new --account jn_nongji \
	--category misjudged --statement "time test"
n=$("$SQL" "$DB" "SELECT count(*) FROM appeal WHERE statement = 'time test'
  AND substr(created_at, 1, 10) IN ('$real', date('$real', '-1 day'), date('$real', '+1 day'))")
[ "$n" = 1 ] && ok || fail "appeal created_at is not the wall-clock day ($real): $("$SQL" "$DB" "SELECT created_at FROM appeal WHERE statement = 'time test'")"
n=$("$SQL" "$DB" "SELECT count(*) FROM audit WHERE tbl = 'appeal' AND at LIKE '2020-01-15%'")
[ "$n" = 0 ] && ok || fail "audit rows stamped with --today: $n"
printf 'account_id,name,kind\nt_new,Time test,personal\n' > "$T/acc.csv"
expect_exit 0 "$PT" --db "$DB" --today 2020-01-15 import "$T/acc.csv"
n=$("$SQL" "$DB" "SELECT count(*) FROM import_run WHERE file LIKE '%acc.csv'
  AND started_at NOT LIKE '2020-01-15%' AND finished_at NOT LIKE '2020-01-15%'")
[ "$n" = 1 ] && ok || fail "import run stamped with --today"
n=$("$SQL" "$DB" "SELECT count(*) FROM import_run WHERE started_at LIKE '2020-01-15%' OR finished_at LIKE '2020-01-15%'")
[ "$n" = 0 ] && ok || fail "import runs stamped with --today"
# Applications: an early reapplication, a pending one past its expected
# day, and the working-day count beyond the holiday table
# (calendar_complete), which a user holidays.csv extends.
A="$T/app.db"
"$SQL" "$A" "
INSERT INTO account(account_id, name, plan_status) VALUES ('p1', 'p', 'pending');
INSERT INTO application(account_id, submitted_on, reviewed_on, result, reason)
  VALUES ('p1', '2026-11-20', '2026-12-01', 'rejected', '质量');
INSERT INTO application(account_id, submitted_on, result)
  VALUES ('p1', '2026-12-28', 'pending');" >/dev/null || fail "seeding applications"
expect_exit 1 "$PT" --db "$A" --today 2027-01-20 check --account p1 --format json
python3 - "$T/out" <<'PY' || fail "application early/overdue/calendar_complete"
import json, sys
a = json.load(open(sys.argv[1]))["application"]
# 12-01 + 30 = 12-31: submitted 12-28 is early
assert a["early"] is True and a["early_reapply_from"] == "2026-12-31", a
# 12-28 + 5 working days runs into 2027, which the shipped table lacks
assert a["calendar_complete"] is False and a["expected_result_on"] == "2027-01-04", a
assert a["overdue"] is True and a["reason"] == "质量", a
PY
ok
expect_grep "$T/out" "result overdue (expected by 2027-01-04)"
mkdir -p "$XDG_CONFIG_HOME/partner-tui"
printf 'date,kind,name\n2027-01-01,off,元旦\n' > "$XDG_CONFIG_HOME/partner-tui/holidays.csv"
expect_exit 1 "$PT" --db "$A" --today 2027-01-20 check --account p1 --format json
python3 - "$T/out" <<'PY' || fail "user holidays.csv"
import json, sys
a = json.load(open(sys.argv[1]))["application"]
assert a["calendar_complete"] is True and a["expected_result_on"] == "2027-01-05", a
PY
ok
printf '2027-01-01,off,元旦\n2027-13-01,off,bad\n' > "$XDG_CONFIG_HOME/partner-tui/holidays.csv"
expect_exit 3 "$PT" --db "$A" --today 2027-01-20 check --account p1
expect_grep "$T/err" "holidays.csv:2"
rm -f "$XDG_CONFIG_HOME/partner-tui/holidays.csv"
finish
