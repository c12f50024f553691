#!/bin/sh
# The engine's subcommands on a real database: rescore, report (every
# kind and format), check (JSON shape and exit codes).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
SQL="$top_builddir/tests/pt_sql"
DB="$T/e.db"
export PARTNER_TUI_TODAY=2026-11-20

"$SQL" "$DB" "
INSERT INTO account(account_id, name, kind, plan_status) VALUES
  ('a1', '农技师老王', 'personal', 'joined'), ('a2', 'Corp', 'enterprise', 'joined');
INSERT INTO work(work_id, account_id, title) VALUES
  ('w1', 'a1', '春耕 指南'), ('w2', 'a1', 'plain title'), ('w3', 'a2', 'x');
INSERT INTO application(account_id, submitted_on, reviewed_on, result, reason)
  VALUES ('a1', '2026-09-30', '2026-10-10', 'rejected', '质量');
INSERT INTO violation(account_id, work_id, day, kind, status)
  VALUES ('a1', NULL, '2026-08-01', 'misjudged', 'active');
" >/dev/null || fail "seeding"
i=0
while [ $i -lt 14 ]; do
	d=$(date -u -d "2026-11-01 + $i days" +%F)
	"$SQL" "$DB" "INSERT INTO daily(work_id, day, plays, profitable_plays, likes,
	  favorites, quality, user_value, revenue_fen) VALUES
	  ('w1', '$d', 20000, 10000, 300, 100, 60, 1, NULL),
	  ('w2', '$d', 5000, NULL, NULL, NULL, NULL, NULL, NULL),
	  ('w3', '$d', 100, 100, 1, 1, 60, 1, NULL)" >/dev/null || fail "seeding $d"
	i=$((i + 1))
done

expect_exit 0 "$PT" --db "$DB" rescore
expect_grep "$T/out" "rescored 42 work-days"

# works: JSON shape, money as fen + yuan string, nulls for missing
expect_exit 0 "$PT" --db "$DB" report works --account a1 --from 2026-11-01 \
	--to 2026-11-07 --format json
python3 - "$T/out" <<'PY' || fail "report works json"
import json, sys
r = json.load(open(sys.argv[1]))
rows = {x["work_id"]: x for x in r["rows"]}
assert r["from"] == "2026-11-01" and r["to"] == "2026-11-07", r
w1 = rows["w1"]
assert w1["estimated_fen"] == 7 * 2000 and w1["estimated"] == "140.00", w1
assert w1["revenue_fen"] is None and w1["revenue"] is None, w1
assert w1["profitable_plays"] == 70000 and w1["eligible"] is True, w1
assert w1["reasons"] == [] and w1["title"] == "春耕 指南", w1
assert rows["w2"]["profitable_plays"] is None, rows["w2"]
assert set(rows) == {"w1", "w2"}
PY
ok

# daily per work and per account; missing metrics null
expect_exit 0 "$PT" --db "$DB" report daily --work w2 --from 2026-11-01 \
	--to 2026-11-02 --format json
python3 - "$T/out" <<'PY' || fail "report daily json"
import json, sys
rows = json.load(open(sys.argv[1]))["rows"]
assert [r["date"] for r in rows] == ["2026-11-01", "2026-11-02"], rows
r = rows[0]
for k in ("likes", "favorites", "comments", "shares", "profitable_plays",
          "revenue_fen"):
    assert r[k] is None, (k, r)
assert r["plays"] == 5000 and r["estimated_fen"] == 500, r
PY
ok
expect_exit 0 "$PT" --db "$DB" report daily --account a1 --from 2026-11-01 \
	--to 2026-11-01 --format csv
expect_grep "$T/out" "date,plays,profitable_plays,likes,favorites,comments,shares,revenue_fen,revenue,estimated_fen,estimated"
expect_grep "$T/out" "2026-11-01,25000,10000,300,100,,,,,2500,25.00"

# accounts: calibration null without settled revenue; enterprise ineligible
expect_exit 0 "$PT" --db "$DB" report accounts --format json --from 2026-11-01 --to 2026-11-14
python3 - "$T/out" <<'PY' || fail "report accounts json"
import json, sys
rows = {x["account_id"]: x for x in json.load(open(sys.argv[1]))["rows"]}
assert rows["a1"]["calibration"] is None and rows["a1"]["works"] == 2
assert rows["a1"]["estimated_fen"] == 14 * 2500, rows["a1"]
assert rows["a2"]["eligible"] is False and rows["a2"]["reasons"] == ["not_enterprise"]
PY
ok

# table: columns line up after a Chinese title (display width)
expect_exit 0 "$PT" --db "$DB" report works --account a1 --from 2026-11-01 --to 2026-11-07
python3 - "$T/out" <<'PY' || fail "report works table alignment"
import sys, unicodedata
def width(s):
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)
lines = open(sys.argv[1], encoding="utf-8").read().splitlines()
assert len(lines) == 3, lines
hdr = width(lines[0][:lines[0].index("ESTIMATED") + len("ESTIMATED")])
row = [l for l in lines if l.startswith("w1 ")][0]
assert "春耕 指南" in row, row
assert width(row[:row.index("¥140.00") + len("¥140.00")]) == hdr, lines
PY
ok

# attribution: parts sum to the change; shape as documented
expect_exit 0 "$PT" --db "$DB" report attribution --account a1 \
	--from 2026-11-08 --to 2026-11-14 --vs-from 2026-11-01 --vs-to 2026-11-07 \
	--format json
python3 - "$T/out" <<'PY' || fail "report attribution json"
import json, sys
r = json.load(open(sys.argv[1]))
for k in ("from", "to", "vs_from", "vs_to", "revenue_fen", "vs_revenue_fen",
          "total_change_fen", "parts"):
    assert k in r, k
ids = [p["factor"] for p in r["parts"]]
assert ids == ["profitable_plays", "interaction", "user_value", "quality",
               "bonus", "eligibility", "new_works", "calibration"], ids
assert sum(p["change_fen"] for p in r["parts"]) == r["total_change_fen"]
assert r["total_change_fen"] == r["revenue_fen"] - r["vs_revenue_fen"]
PY
ok
expect_exit 2 "$PT" --db "$DB" report attribution
expect_exit 2 "$PT" --db "$DB" report nonsense
expect_exit 2 "$PT" --db "$DB" report works --from 2026-13-01
expect_exit 2 "$PT" --db "$DB" report daily --search x
expect_grep "$T/err" "--search is for report works and report accounts only"

# check: JSON shape, exit 1 on a failing rule, 0 when all pass
expect_exit 1 "$PT" --db "$DB" check --account a1 --on 2026-10-29 --format json
python3 - "$T/out" <<'PY' || fail "check json (blocked)"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["account"] == "a1" and r["on"] == "2026-10-29" and r["eligible"] is False
rules = {x["id"]: x for x in r["rules"]}
assert list(rules) == ["no_violation_90d", "not_enterprise",
    "not_enterprise_affiliated", "no_celebrity_cert", "daily_min_1_yuan",
    "plan_joined"], list(rules)
v = rules["no_violation_90d"]
assert v["pass"] is False and v["changes_on"] == "2026-10-30", v
assert "2026-08-01" in v["evidence"]
# the same evidence as facts: ids and typed fields
items = v["evidence_items"]
assert items[0]["id"] == "violation_blocks" and items[0]["day"] == "2026-08-01", items
assert items[0]["blocks_through"] == "2026-10-29", items
assert {"id": "clean_from", "day": "2026-10-30"} in items, items
k = rules["not_enterprise"]["evidence_items"]
assert k == [{"id": "account_kind", "kind": "personal"}], k
a = r["application"]
assert a == {"submitted_on": "2026-09-30", "expected_result_on": "2026-10-13",
    "reviewed_on": "2026-10-10", "result": "rejected", "reason": "质量",
    "reapply_on": "2026-11-09", "early": False, "early_reapply_from": None,
    "overdue": False, "calendar_complete": True}, a
# the blocking violation's restored revenue shows the day after it ends
assert v["revenue_visible_on"] == "2026-10-31" and v["revenue_visible_hour"] == 22, v
assert v["assessed"] is True, v
# how far the data goes (11-14) and that the 11-18 due by 11-20 is missing
assert r["data_through"] == "2026-11-14" and r["stale"] is True, r
PY
ok
expect_exit 0 "$PT" --db "$DB" check --account a1 --work w1 --on 2026-11-30 --format json
python3 - "$T/out" <<'PY' || fail "check json (clean)"
import json, sys
r = json.load(open(sys.argv[1]))
assert r["eligible"] is True and len(r["rules"]) == 12, r
assert r["rules"][0]["changes_on"] is None
assert [x["id"] for x in r["rules"][6:]] == ["published", "compliant_original",
    "review_approved", "public", "no_commercial", "quality"]
# 11-30 has no data: the minimum is not assessed (null, never true)
m = [x for x in r["rules"] if x["id"] == "daily_min_1_yuan"][0]
assert m["pass"] is None and m["assessed"] is False, m
PY
ok
expect_exit 0 "$PT" --db "$DB" check --work w1 --on 2026-11-30
expect_grep "$T/out" "eligible"
expect_exit 1 "$PT" --db "$DB" check --account a2 --on 2026-11-10
expect_grep "$T/out" "FAIL  not_enterprise "
expect_exit 3 "$PT" --db "$DB" check --account nobody
# report with an unknown account: exit 3 and the reason, as check does,
# never an empty table with exit 0.
for r in accounts works daily attribution; do
	expect_exit 3 "$PT" --db "$DB" report "$r" --account nobody
	expect_grep "$T/err" "no account 'nobody' in the database"
	[ ! -s "$T/out" ] && ok || fail "report $r --account nobody printed: $(head -c 200 "$T/out")"
done
expect_exit 2 "$PT" --db "$DB" check

# import marks days dirty; report brings them up to date first
"$SQL" "$DB" "UPDATE daily SET profitable_plays = 20000, likes = 600, favorites = 200
  WHERE work_id = 'w1' AND day = '2026-11-03';
  INSERT INTO dirty VALUES ('a1', '2026-11-03')" >/dev/null
expect_exit 0 "$PT" --db "$DB" report daily --work w1 --from 2026-11-03 --to 2026-11-03 --format csv
expect_grep "$T/out" "2026-11-03,20000,20000,600,200,,,,,4000,40.00"

# a malformed user model file is refused with file:line, defaults kept
mkdir -p "$XDG_CONFIG_HOME/partner-tui"
printf 'base = 2\nbase = lots\n' > "$XDG_CONFIG_HOME/partner-tui/model.conf"
expect_exit 0 "$PT" --db "$DB" rescore
expect_grep "$T/err" "model.conf:2: base = 'lots': not a number"
# every parameter of the shipped model.conf is documented with its default
python3 - "$top_srcdir/share/partner-tui/model.conf" \
	"$top_srcdir/man/partner-tui.conf.5" <<'PY' || fail "partner-tui.conf(5) lacks parameters"
import re, sys
man = open(sys.argv[2], encoding="utf-8").read()
missing = []
for line in open(sys.argv[1], encoding="utf-8"):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, value = [x.strip() for x in line.split("=")]
    if not re.search(r'\b%s " = %s\b' % (re.escape(name), re.escape(value)), man):
        missing.append("%s = %s" % (name, value))
assert not missing, missing
PY
ok
finish
