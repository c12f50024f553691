#!/bin/sh
# partner-tui digest on the demo database: each kind of item on a day that
# has it, the JSON shape, the threshold from model.conf, and the exit code
# (1 when something needs attention, 0 when all is quiet).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
DB="$T/demo.db"
expect_exit 0 "$PT" --db "$DB" demo

# The week of jn_nongji fell 58% (¥45.26 -> ¥18.64): beyond 30%.
expect_exit 1 "$PT" --db "$DB" --today 2026-11-26 digest --since 2026-11-25
expect_grep "$T/out" "partner-tui digest: 2026-11-25 to 2026-11-26"
expect_grep "$T/out" "58% below the week before (¥45.26)"
expect_exit 1 "$PT" --db "$DB" --today 2026-11-26 digest --since 2026-11-25 --format json
python3 - "$T/out" <<'PY' && ok || fail "digest JSON: $(head -c 600 "$T/out")"
import json, sys
d = json.load(open(sys.argv[1]))
assert d["attention"] is True and d["drop_percent"] == 30, d
drops = [i for i in d["items"] if i["kind"] == "revenue_drop"]
assert [i["account_id"] for i in drops] == ["jn_nongji"], drops
i = drops[0]
assert (i["prev_week_fen"] - i["week_fen"]) * 100 // i["prev_week_fen"] == i["drop_percent"] == 58, i
PY
# The same week against the overview's figures (one definition).
expect_exit 0 env PARTNER_TUI_TODAY=2026-11-26 PARTNER_TUI_NO_DISPLAY=1 TERM=xterm \
	PARTNER_TUI_SCRIPT="$T/s" sh -c "printf 'key 0\nmodel $T/m\nquit\n' > '$T/s'; '$PT' --db '$DB'"
grep -q '^account=jn_nongji|1864|4526|' "$T/m" && ok || fail "overview: $(grep '^account=' "$T/m")"

# A higher threshold in the user's model.conf: no longer worth a word.
mkdir -p "$XDG_CONFIG_HOME/partner-tui"
echo "digest_drop_percent = 70" > "$XDG_CONFIG_HOME/partner-tui/model.conf"
expect_exit 0 "$PT" --db "$DB" --today 2026-11-26 digest --since 2026-11-25
expect_grep "$T/out" "Nothing needs attention."
rm "$XDG_CONFIG_HOME/partner-tui/model.conf"

# jn_meishi's violation stops counting on 2027-01-06: due within 7 days on
# 2027-01-01, and an eligibility change once it has (data imported to
# then is not needed for the rule).
expect_exit 1 "$PT" --db "$DB" --today 2027-01-01 digest --since 2026-12-31
expect_grep "$T/out" "jn_meishi        rule no_violation_90d (FAIL now) changes on 2027-01-06"
# Data due by the settlement clock and not imported: stale.
expect_grep "$T/out" "data through 2026-11-25, due through 2026-12-30: import it"

# An appeal decided since the day, then overdue in the wallet.
# The work with a violation, and its last run of days without revenue.
W=$("$top_builddir/tests/pt_sql" "$DB" "SELECT work_id FROM violation WHERE
	account_id = 'jn_nongji' AND work_id IS NOT NULL AND status = 'active' LIMIT 1")
set -- $("$PT" --db "$DB" --today 2026-11-26 report daily --work "$W" --format json |
	python3 -c '
import json, sys
rows = json.load(sys.stdin)["rows"]
zero = [r["date"] for r in rows if r.get("revenue_fen") == 0]
run = [zero[-1]]
for d in reversed(zero[:-1]):
    import datetime
    if (datetime.date.fromisoformat(run[0]) - datetime.date.fromisoformat(d)).days != 1:
        break
    run.insert(0, d)
print(run[0], run[-1])')
expect_exit 0 "$PT" --db "$DB" --today 2026-11-26 appeal new --account jn_nongji \
	--work "$W" --from "$1" --to "$2" --category misjudged --submit \
	--statement "本人原创拍摄的农技视频，被误判为违规，请复核并恢复收益。"
id=$(sed -n 's/.*appeal \([0-9][0-9]*\).*/\1/p' "$T/out" | head -1)
[ -n "$id" ] && ok || fail "appeal id: $(cat "$T/out")"
expect_exit 0 "$PT" --db "$DB" --today 2026-11-26 appeal decide "$id" approved
today=$(date +%F)
expect_exit 1 "$PT" --db "$DB" --today "$today" digest --since "$today" --format json
python3 - "$T/out" "$id" <<'PY' && ok || fail "decided: $(head -c 600 "$T/out")"
import json, sys
d = json.load(open(sys.argv[1]))
dec = [i for i in d["items"] if i["kind"] == "appeal_decided"]
assert [(i["appeal_id"], i["status"]) for i in dec] == [(int(sys.argv[2]), "approved")], dec
assert dec[0]["compensation_fen"] > 0, dec
PY
expect_exit 1 "$PT" --db "$DB" --today 2026-12-15 digest --since 2026-12-14
expect_grep "$T/out" "appeal $id: compensation"
expect_grep "$T/out" "day(s) late"

# Quiet: an empty database, exit 0; bad options, exit 2.
expect_exit 0 "$PT" --db "$T/empty.db" import "$top_srcdir/share/partner-tui/demo/accounts.csv"
expect_exit 2 "$PT" --db "$DB" digest --since tomorrow
expect_exit 2 "$PT" --db "$DB" digest --format xml
finish
