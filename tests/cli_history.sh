#!/bin/sh
# Attribute history with effective days (issue 13), end to end through
# the importer: a change imported with its effective day leaves the days
# before it as they were; 精选 starting shows in the bonus part of the
# attribution; an unchanged re-import records nothing; a work moved to
# another account rescores both; a withdrawal on a day without a bound
# real-name card is refused at import; report works --work lists history.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
SQL="$top_builddir/tests/pt_sql"
DB="$T/h.db"
export PARTNER_TUI_TODAY=2026-11-20

cat > "$T/accounts.csv" <<'CSV'
account_id,name,kind,plan_status,bank_card
a1,老王,personal,joined,no
a2,小李,personal,joined,yes
CSV
cat > "$T/works.csv" <<'CSV'
work_id,account_id,title,published_at,visibility,selected
w1,a1,春耕,2026-10-01,public,no
w2,a1,秋收,2026-10-01,public,no
CSV
{
	echo "date,work_id,plays,profitable_plays,likes,favorites,quality,user_value"
	for d in 01 02 03 04 05 06 07 08 09 10; do
		echo "2026-11-$d,w1,20000,10000,300,100,60,1"
		echo "2026-11-$d,w2,20000,10000,300,100,60,1"
	done
} > "$T/daily.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/accounts.csv" "$T/works.csv" "$T/daily.csv"
expect_exit 0 "$PT" --db "$DB" report daily --work w1 --from 2026-11-01 --to 2026-11-10 --format json
cp "$T/out" "$T/before.json"

# w1 made visible to its author only from 11-05, w2 精选 from 11-06.
cat > "$T/change.csv" <<'CSV'
work_id,account_id,visibility,selected,生效日期
w1,a1,self_only,no,2026-11-05
w2,a1,public,yes,2026-11-06
CSV
expect_exit 0 "$PT" --db "$DB" import "$T/change.csv"
expect_exit 0 "$PT" --db "$DB" report daily --work w1 --from 2026-11-01 --to 2026-11-10 --format json
python3 - "$T/before.json" "$T/out" <<'PY' || fail "the days before the effective day changed"
import json, sys
a, b = (json.load(open(f))["rows"] for f in sys.argv[1:])
ea = {r["date"]: r["estimated_fen"] for r in a}
eb = {r["date"]: r["estimated_fen"] for r in b}
for d in ea:
    if d < "2026-11-05":
        assert eb[d] == ea[d] and ea[d] > 0, (d, ea[d], eb[d])
    else:
        assert eb[d] == 0 and ea[d] > 0, (d, ea[d], eb[d])
PY
ok
# The account row shows the values in force now; check on a day before
# the change sees the old one.
expect_exit 0 "$PT" --db "$DB" check --work w1 --on 2026-11-04 --format json
expect_exit 1 "$PT" --db "$DB" check --work w1 --on 2026-11-05 --format json
expect_grep "$T/out" "visibility: self_only"

# 精选 from 11-06: the bonus part of w2's attribution of 11-06..11-10
# against 11-01..11-05 is the 30% bonus, and nothing before.
expect_exit 0 "$PT" --db "$DB" report attribution --work w2 --from 2026-11-06 \
	--to 2026-11-10 --vs-from 2026-11-01 --vs-to 2026-11-05 --format json
python3 - "$T/out" <<'PY' || fail "bonus attribution of 精选"
import json, sys
r = json.load(open(sys.argv[1]))
parts = {p["factor"]: p["change_fen"] for p in r["parts"]}
assert parts["bonus"] > 0, parts
assert abs(r["total_change_fen"] - parts["bonus"]) <= 1, (r["total_change_fen"], parts)
PY
ok

# history of w1, as report works --work lists it
expect_exit 0 "$PT" --db "$DB" report works --work w1 --format json
python3 - "$T/out" <<'PY' || fail "report works --work history"
import json, sys
r = json.load(open(sys.argv[1]))["rows"][0]
vis = [(h["effective_on"], h["value"]) for h in r["history"] if h["attr"] == "visibility"]
# the first value (no effective day given) holds since always: null
assert vis == [(None, "public"), ("2026-11-05", "self_only")], vis
PY
ok
# Re-importing the same rows records nothing.
n1=$("$SQL" "$DB" "SELECT count(*) FROM work_history")
expect_exit 0 "$PT" --db "$DB" import "$T/change.csv"
expect_grep "$T/out" "0 updated, 2 unchanged"
n2=$("$SQL" "$DB" "SELECT count(*) FROM work_history")
[ "$n1" = "$n2" ] && ok || fail "an unchanged re-import recorded history ($n1 -> $n2)"

# A work moved to another account: both accounts are rescored.
old=$("$SQL" "$DB" "SELECT estimated_fen FROM account_score WHERE account_id = 'a1' AND day = '2026-11-02'")
printf 'work_id,account_id\nw2,a2\n' > "$T/move.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/move.csv"
expect_exit 0 "$PT" --db "$DB" report accounts --format json
a1=$("$SQL" "$DB" "SELECT estimated_fen FROM account_score WHERE account_id = 'a1' AND day = '2026-11-02'")
a2=$("$SQL" "$DB" "SELECT estimated_fen FROM account_score WHERE account_id = 'a2' AND day = '2026-11-02'")
w1=$("$SQL" "$DB" "SELECT estimated_fen FROM work_estimate WHERE work_id = 'w1' AND day = '2026-11-02'")
w2=$("$SQL" "$DB" "SELECT estimated_fen FROM work_estimate WHERE work_id = 'w2' AND day = '2026-11-02'")
[ "$a1" = "$w1" ] && [ "$a2" = "$w2" ] && [ "$old" -gt "$a1" ] && ok ||
	fail "after the move a1=$a1 (w1 $w1, was $old), a2=$a2 (w2 $w2)"

# The Diagnosis work view says when w1's visibility changed (the
# dashboard headless, through its test harness; a1 holds w1 alone now).
# A violation of w1 on 09-01 blocks it through 11-29: the day it ends,
# 11-30, shows its revenue on 12-01 around 22:00.
printf 'account_id,work_id,date,kind\na1,w1,2026-09-01,spam\n' > "$T/viol.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/viol.csv"
printf 'key 2\nkey Enter\nmodel %s\nscreen %s\nquit\n' "$T/model" "$T/screen" > "$T/script"
env LC_ALL=C.UTF-8 PARTNER_TUI_ACCOUNT=a1 PARTNER_TUI_NO_DISPLAY=1 COLUMNS=100 \
	LINES=30 PARTNER_TUI_SCRIPT="$T/script" "$PT" --db "$DB" >/dev/null 2>"$T/err" ||
	fail "dashboard: $(cat "$T/err")"
expect_grep "$T/model" "change=visibility|2026-11-05|self_only"
expect_grep "$T/screen" "Changes: visibility self_only from 2026-11-05"
expect_grep "$T/model" "restore=compliant_original|2026-12-01"
# its 30 days end at the last day with data, 11-10; 10-12..10-31 have none
expect_grep "$T/model" "window.to=2026-11-10"
expect_grep "$T/model" "window.missing_days=20"
expect_grep "$T/screen" "revenue shows again around 22:00 on 2026-12-01"

# A withdrawal needs a bound real-name card on its day: a1 has none until
# 11-15.
printf 'account_id,bank_card,effective_on\na1,yes,2026-11-15\n' > "$T/card.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/card.csv"
printf 'account_id,date,kind,amount\na1,2026-11-14,withdrawal,10\n' > "$T/w-early.csv"
expect_exit 3 "$PT" --db "$DB" import "$T/w-early.csv"
expect_grep "$T/err" "w-early.csv:2"
expect_grep "$T/err" "no real-name bank card bound"
n=$("$SQL" "$DB" "SELECT count(*) FROM wallet")
[ "$n" = 0 ] && ok || fail "the refused withdrawal was stored"
printf 'account_id,date,kind,amount\na1,2026-11-15,withdrawal,10\n' > "$T/w-ok.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/w-ok.csv"
finish
