#!/bin/sh
# `partner-tui appeal`: every subcommand, JSON output, exit codes (2 usage,
# 3 data, 5 conflict), a stale --version that says what changed.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
SQL="$top_builddir/tests/pt_sql"
DB="$T/p.db"
export PARTNER_TUI_TODAY=2026-11-26
A() { "$PT" --db "$DB" appeal "$@"; }
json() { python3 -c "import json,sys; d=json.load(open('$T/out')); print($1)"; }

# w1's violation of 11-01 blocks it; w1 has figures for 11-01..11-04 (not
# 11-05: no data yet); w2 of the same account has no violation.
"$SQL" "$DB" "
INSERT INTO account(account_id, name, plan_status) VALUES ('a1', '济南小厨', 'joined');
INSERT INTO work(work_id, account_id, title) VALUES ('w1', 'a1', '把子肉'),
  ('w2', 'a1', '油旋');
INSERT INTO violation(account_id, work_id, day, kind) VALUES
  ('a1', 'w1', '2026-11-01', 'unoriginal');
INSERT INTO daily(work_id, day, plays, profitable_plays, likes, revenue_fen)
  VALUES ('w1', '2026-10-31', 1000, 800, 40, 160),
  ('w1', '2026-11-01', 1000, 800, 40, 0), ('w1', '2026-11-02', 1000, 800, 40, 0),
  ('w1', '2026-11-03', 1000, 800, 40, 0), ('w1', '2026-11-04', 1000, 800, 40, 0),
  ('w2', '2026-11-02', 500, 400, 20, 80), ('w2', '2026-11-03', 500, 400, 20, 0);" ||
	fail "seeding"
"$PT" --db "$DB" rescore >/dev/null || fail "rescore"
STATEMENT='该作品为本人原创拍摄的济南街头美食记录，系统误判为搬运，请复核并恢复收益。'
printf '%s\n第二段：原始素材可提供。\n' "$STATEMENT" > "$T/statement.txt"

expect_exit 2 A
expect_exit 2 A frobnicate 1
expect_grep "$T/err" "unknown appeal subcommand 'frobnicate'"
expect_exit 2 A new --work w1
expect_grep "$T/err" "--account"
expect_exit 2 A new --account a1 --from 2026-11-31
expect_grep "$T/err" "'2026-11-31' is not a day"
expect_exit 3 A new --account nobody
expect_grep "$T/err" "no account 'nobody'"

# A draft, then a submission refused with a message per field.
expect_exit 0 A new --account a1 --work w1 --category 误判搬运 --statement 太短
expect_grep "$T/out" "appeal 1 created as a draft (version 1)"
expect_exit 3 A submit 1
expect_grep "$T/err" "statement: 2 characters: at least 20"
expect_grep "$T/err" "first day: give the first affected day"
expect_exit 2 A edit 1 --statement x
expect_grep "$T/err" "needs --version"
expect_exit 0 A edit 1 --version 1 --from 2026-11-02 --to 2026-11-04 \
	--statement-file "$T/statement.txt"
expect_grep "$T/out" "appeal 1 saved (version 2)"

# A colleague saved first: a stale version is a conflict (5) naming the
# field that changed, and nothing is written.
expect_exit 5 A edit 1 --version 1 --category 其他
expect_grep "$T/err" "since version 1 (now version 2)"
expect_grep "$T/err" "changed: first day, last day, statement"
expect_grep "$T/err" "--version 2"
expect_exit 0 A show 1 --format json
[ "$(json "d['category'], d['version'], d['first_day'], d['status']")" = \
  "误判搬运 2 2026-11-02 draft" ] && ok || fail "show json: $(cat "$T/out")"
[ "$(json "d['statement'].splitlines()[0]")" = "$STATEMENT" ] && ok || fail "statement not kept exactly"
[ "$(json "d['updated_by'] == d['created_by'] != ''")" = True ] && ok || fail "who: $(cat "$T/out")"

expect_exit 0 A submit 1 --version 2
expect_grep "$T/out" "appeal 1 submitted (version 3)"
expect_exit 5 A submit 1
expect_grep "$T/err" "appeal 1 is submitted and cannot become submitted"
expect_exit 5 A edit 1 --version 3 --category 其他
expect_grep "$T/err" "only a draft can be edited"
expect_exit 2 A decide 1 maybe
expect_exit 5 A decide 1 paid
expect_exit 1 "$PT" --db "$DB" check --work w1 --on 2026-11-20
expect_grep "$T/out" "blocks through 2027-01-29"
expect_exit 0 A decide 1 approved --note "复核通过"
expect_grep "$T/out" "appeal 1 approved (version 4)"
expect_grep "$T/out" "expected in the wallet on 2026-11-29"
# Approval overturned the violation: the rules pass again, with the
# appeal in the evidence, and the work earns again.
expect_exit 0 "$PT" --db "$DB" check --work w1 --on 2026-11-20
expect_grep "$T/out" "overturned by appeal 1 on 2026-11-26"
[ "$("$SQL" "$DB" "SELECT status || ' ' || overturned_by || ' ' || overturned_on
  FROM violation")" = "overturned 1 2026-11-26" ] && ok || fail "violation not overturned"
[ "$("$SQL" "$DB" "SELECT eligible FROM work_score WHERE work_id = 'w1' AND day = '2026-11-04'")" = 1 ] &&
	ok || fail "w1 not eligible again after the approval"
expect_exit 5 A withdraw 1
expect_grep "$T/err" "only be marked paid"
expect_exit 0 A decide 1 paid
expect_exit 0 A show 1
expect_grep "$T/out" "paid"
expect_grep "$T/out" "approved -> paid (version 5)"
expect_grep "$T/out" "created (version 1)"
expect_exit 0 A show 1 --format json
[ "$(json "[(h['from_status'], h['to_status']) for h in d['history'] if h['to_status']]")" = \
  "[(None, 'draft'), ('draft', 'submitted'), ('submitted', 'approved'), ('approved', 'paid')]" ] &&
	ok || fail "history: $(cat "$T/out")"
expect_exit 0 A show 1
expect_grep "$T/out" "2026-11-01 (unoriginal), overturned by this appeal"
expect_grep "$T/out" "复核通过"
expect_grep "$T/out" "2026-11-29"

# A second appeal, withdrawn; the list filters.
expect_exit 0 A new --account a1 --channel account_detection
expect_exit 0 A withdraw 2 --version 1
expect_exit 0 A list --format json
[ "$(json "len(d)")" = 2 ] && ok || fail "list: $(cat "$T/out")"
expect_exit 0 A list --status withdrawn --format json
[ "$(json "[a['id'] for a in d]")" = "[2]" ] && ok || fail "filter: $(cat "$T/out")"
expect_exit 0 A list --account nobody
[ "$(wc -l < "$T/out")" -eq 1 ] && ok || fail "empty list should be the header only"
expect_exit 0 A list
expect_grep "$T/out" "withdrawn"
# The text list is the table of report_appeals_layout, as the CSV: a
# header, then one row per appeal.
grep -q "^ *ID  *STATUS  *ACCOUNT  *WORK  *DAYS  *CHANNEL  *BY  *COMPENSATION$" "$T/out" &&
	ok || fail "list header: $(cat "$T/out")"
[ "$(wc -l < "$T/out")" -eq 3 ] && ok || fail "list: $(cat "$T/out")"
expect_exit 2 A list --status lost
expect_exit 2 A list --format xml
expect_exit 3 A show 42
expect_grep "$T/err" "no appeal 42"
expect_exit 2 A show abc

# The audit trail has every change with the login name.
n=$("$SQL" "$DB" "SELECT count(*) FROM audit WHERE tbl='appeal' AND who <> ''")
[ "$n" -eq 7 ] && ok || fail "audit rows: $n, expected 7"

# Submit accepts only days the contested violation blocked and data
# exists for; a refused `new --submit` creates nothing; a day paid back
# already is refused with exit 5 naming the appeal and the days.
n0=$("$SQL" "$DB" "SELECT count(*) FROM appeal")
expect_exit 3 A new --account a1 --work w2 --from 2026-11-03 --to 2026-11-03 \
	--category 误判 --statement "$STATEMENT" --submit
expect_grep "$T/err" "work 'w2' has no active violation"
"$SQL" "$DB" "INSERT INTO violation(account_id, work_id, day, kind) VALUES
  ('a1', 'w2', '2026-11-03', 'unoriginal')"
expect_exit 3 A new --account a1 --work w2 --from 2026-11-03 --to 2026-11-04 \
	--category 误判 --statement "$STATEMENT" --submit
expect_grep "$T/err" "2026-11-04: no data yet for the work"
expect_exit 5 A new --account a1 --work w1 --from 2026-11-03 --to 2026-11-04 \
	--category 误判 --statement "$STATEMENT" --submit
expect_grep "$T/err" "2026-11-03..2026-11-04 already paid back by appeal 1 (paid)"
[ "$("$SQL" "$DB" "SELECT count(*) FROM appeal")" = "$n0" ] && ok ||
	fail "a refused --submit created an appeal"
expect_exit 0 A new --account a1 --work w2 --from 2026-11-03 --to 2026-11-03 \
	--category 误判 --statement "$STATEMENT" --submit
expect_grep "$T/out" "created and submitted"
w2=$("$SQL" "$DB" "SELECT max(id) FROM appeal")

# The wallet is a ledger: two identical entries stay two, a re-import
# (or a longer export) matches them as a multiset, the compensation of
# appeal 1 is its own entry; report wallet lists them with the balance
# and the day whose settlement differs from the settled revenue.
printf 'account_id,date,kind,amount\na1,2026-10-31,settlement,1.60\na1,2026-11-02,settlement,0.50\na1,2026-11-20,compensation,20.00\na1,2026-11-20,compensation,20.00\n' >"$T/w.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/w.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/w.csv"
expect_grep "$T/out" "0 inserted"
printf '账号ID,日期,类型,金额,流水号\na1,2026-11-20,补款,20.00,T1\na1,2026-11-20,补款,20.00,T2\na1,2026-11-20,补款,20.00,T3\n' >"$T/w3.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/w3.csv"
expect_grep "$T/out" "1 inserted, 2 updated"
expect_exit 0 "$PT" --db "$DB" report wallet --account a1 --format json
comp1=$("$SQL" "$DB" "SELECT compensation_fen FROM appeal WHERE id = 1")
[ "$(json "[(r['kind'], r['amount_fen'], r['appeal_id'], r['entry_id']) for r in d['rows'] if r['kind'] == 'compensation']")" = \
  "[('compensation', 2000, None, 'T1'), ('compensation', 2000, None, 'T2'), ('compensation', 2000, None, 'T3'), ('compensation', $comp1, 1, None)]" ] &&
	ok || fail "wallet rows: $(cat "$T/out")"
[ "$(json "d['balance_fen']")" = "$((160 + 50 + comp1 + 6000))" ] && ok || fail "balance: $(json "d['balance_fen']")"
# 11-02: ¥0.50 settled in the wallet, ¥0.80 earned (w2)
[ "$(json "[(r['day'], r['difference_fen']) for r in d['reconciliation']]")" = "[('2026-11-02', -30)]" ] &&
	ok || fail "reconciliation: $(json "d['reconciliation']")"
expect_exit 0 "$PT" --db "$DB" report wallet --account a1 --from 2026-11-20
expect_grep "$T/out" "T3"
expect_grep "$T/out" "balance: ¥"
expect_exit 2 "$PT" --db "$DB" report wallet --work w1

# appeal show: the contested violation, the window the rates come from
# (w2 earned on one day only: fewer than 15), each affected day, and the
# estimate that approval then fixes.
expect_exit 0 A show "$w2"
expect_grep "$T/out" "2026-11-03 (unoriginal), blocks through 2027-01-31"
expect_grep "$T/out" "1 earning days before 2026-11-03 (the work's): fewer than 15 found"
expect_grep "$T/out" "2026-11-02  400 profitable plays, 20 interactions, ¥0.80"
expect_exit 0 A show "$w2" --format json
est=$(json "d['estimated_compensation_fen']")
[ "$(json "([h['day'] for h in d['window']], [a['day'] for a in d['affected_days']], d['violation']['kind'])")" = \
  "(['2026-11-02'], ['2026-11-03'], 'unoriginal')" ] && ok || fail "show json: $(cat "$T/out")"
[ "$est" -gt 0 ] && ok || fail "estimate: $est"
expect_exit 0 A list --format json
[ "$(json "[a['estimated_compensation_fen'] for a in d if a['id'] == $w2]")" = "[$est]" ] &&
	ok || fail "list estimate: $(cat "$T/out")"

# Overdue: approved, the wallet day passed, no compensation entry.
expect_exit 0 A decide "$w2" approved
[ "$("$SQL" "$DB" "SELECT compensation_fen FROM appeal WHERE id = $w2")" = "$est" ] &&
	ok || fail "approval fixed another amount than the estimate $est"
expect_exit 0 A show "$w2" --format json
[ "$(json "d['estimated_compensation_fen']")" = None ] && ok || fail "estimate after approval"
expect_exit 0 "$PT" --db "$DB" --today 2026-11-29 check --account a1 --format json
[ "$(json "d['appeals_overdue']")" = "[]" ] && ok || fail "overdue too early: $(cat "$T/out")"
expect_exit 0 "$PT" --db "$DB" --today 2026-12-05 check --account a1 --format json
[ "$(json "[(o['appeal_id'], o['days_late']) for o in d['appeals_overdue']]")" = "[($w2, 6)]" ] &&
	ok || fail "overdue: $(cat "$T/out")"
expect_exit 0 A decide "$w2" paid
expect_exit 0 "$PT" --db "$DB" --today 2026-12-05 check --account a1 --format json
[ "$(json "d['appeals_overdue']")" = "[]" ] && ok || fail "paid still overdue: $(cat "$T/out")"

# The platform's results file records decisions through the workflow:
# by appeal number or by work and days; again changes nothing; a state
# the file contradicts is a file:line error and nothing is written.
"$SQL" "$DB" "INSERT INTO violation(account_id, work_id, day, kind) VALUES
  ('a1', 'w1', '2026-11-10', 'unoriginal');
INSERT INTO daily(work_id, day, plays, profitable_plays, likes, revenue_fen)
  VALUES ('w1', '2026-11-10', 1000, 800, 40, 0), ('w1', '2026-11-11', 1000, 800, 40, 0);"
expect_exit 0 A new --account a1 --work w1 --from 2026-11-10 --to 2026-11-11 \
	--category 误判 --statement "$STATEMENT" --submit
r=$("$SQL" "$DB" "SELECT max(id) FROM appeal")
printf '申诉编号,结果,处理日期,补款金额,原因\n%s,通过,2026-11-27,3.00,复核通过\n' "$r" >"$T/results.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/results.csv"
expect_grep "$T/out" "appeal_results"
[ "$("$SQL" "$DB" "SELECT status || ' ' || compensation_fen || ' ' || expected_pay_on || ' ' || decision_note FROM appeal WHERE id = $r")" = \
  "approved 300 2026-11-30 复核通过" ] && ok || fail "results: $("$SQL" "$DB" "SELECT * FROM appeal WHERE id = $r")"
[ "$("$SQL" "$DB" "SELECT status || ' ' || overturned_by || ' ' || overturned_on FROM violation WHERE day = '2026-11-10'")" = \
  "overturned $r 2026-11-27" ] && ok || fail "results did not overturn the violation"
expect_exit 0 "$PT" --db "$DB" import "$T/results.csv"
expect_grep "$T/out" "1 unchanged"
printf 'appeal_id,result,reason\n%s,驳回,证据不足\n' "$r" >"$T/bad.csv"
n=$("$SQL" "$DB" "SELECT count(*) FROM audit")
expect_exit 3 "$PT" --db "$DB" import "$T/bad.csv"
expect_grep "$T/err" "bad.csv:2: result: appeal $r is approved: it cannot become rejected"
[ "$("$SQL" "$DB" "SELECT count(*) FROM audit")" = "$n" ] && ok || fail "a refused results file wrote"
printf 'work_id,first_day,last_day,result,decided_on\nw1,2026-11-10,2026-11-11,已补款,2026-11-29\n' >"$T/paid.csv"
expect_exit 0 "$PT" --db "$DB" import "$T/paid.csv"
[ "$("$SQL" "$DB" "SELECT day || ' ' || amount_fen FROM wallet WHERE appeal_id = $r")" = "2026-11-29 300" ] &&
	ok || fail "paid by results: $("$SQL" "$DB" "SELECT * FROM wallet WHERE appeal_id = $r")"
printf 'work_id,first_day,last_day,result\nw1,2026-11-12,2026-11-13,通过\n' >"$T/none.csv"
expect_exit 3 "$PT" --db "$DB" import "$T/none.csv"
expect_grep "$T/err" "none.csv:2: work_id: no submitted appeal over 2026-11-12..2026-11-13"

# Several processes writing at once: none fails, none sees "locked",
# nothing is lost.
for p in 1 2 3 4 5 6; do
	(
		for i in 1 2 3 4 5; do
			A new --account a1 --category "p$p-$i" >/dev/null || exit 1
		done
	) 2>"$T/par$p.err" &
	eval "pid$p=\$!"
done
for p in 1 2 3 4 5 6; do
	eval "wait \$pid$p" && ok || fail "writer $p failed: $(cat "$T/par$p.err")"
	if grep -qi locked "$T/par$p.err"; then fail "writer $p saw: $(cat "$T/par$p.err")"; fi
done
n=$("$SQL" "$DB" "SELECT count(*) FROM appeal WHERE category LIKE 'p%-%'")
[ "$n" -eq 30 ] && ok || fail "concurrent appeals: $n, expected 30"

# A draft over days another appeal asks for is saved, with a warning
# (submit refuses it): an open account-wide appeal and a work's draft
# overlap as two appeals of one work do; a day paid back already too.
"$SQL" "$DB" "INSERT INTO appeal(account_id, first_day, last_day, channel,
  status, created_at, created_by, updated_at, updated_by) VALUES ('a1',
  '2026-11-02', '2026-11-02', 'account_detection', 'submitted', 'x', 't',
  'x', 't')" || fail "seeding an account-wide appeal"
acc=$("$SQL" "$DB" "SELECT max(id) FROM appeal")
expect_exit 0 A new --account a1 --work w2 --from 2026-11-02 --to 2026-11-03
expect_grep "$T/out" "created as a draft"
expect_grep "$T/err" "warning: appeal $acc (submitted) already asks for 2026-11-02..2026-11-02: submit would be refused"
expect_grep "$T/err" "warning: 2026-11-03..2026-11-03 already paid back by appeal $w2: leave those days out"
d=$("$SQL" "$DB" "SELECT max(id) FROM appeal")
expect_exit 0 A edit "$d" --version 1 --from 2026-11-04 --to 2026-11-04
grep -q warning "$T/err" && fail "a warning for days apart: $(cat "$T/err")" || ok
expect_exit 0 A withdraw "$d"
expect_exit 0 A withdraw "$acc"

# Under zh_CN the form's checks are told in Chinese, each with its field
# (the core's checks go through the catalogue too); under C, English.
ZH=$(locale -a 2>/dev/null | grep -ix 'zh_CN\.utf-\?8' | head -n 1)
if [ -n "$ZH" ] && command -v msgfmt >/dev/null 2>&1; then
	mkdir -p "$T/locale/zh_CN/LC_MESSAGES"
	msgfmt -o "$T/locale/zh_CN/LC_MESSAGES/partner-tui.mo" "$top_srcdir/po/zh_CN.po"
	expect_exit 3 env LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$DB" appeal new \
		--account nosuch --work w1 --from 2026-11-04 --to 2026-11-02
	expect_grep "$T/err" "数据库中没有账号“nosuch”"
	expect_grep "$T/err" "申诉未保存：账号：数据库中没有账号“nosuch”；作品：作品“w1”属于账号“a1”；"
	expect_grep "$T/err" "最后一天：最后一天早于第一天"
	grep -q "in this database" "$T/err" && fail "English left under zh_CN: $(cat "$T/err")" || ok
	expect_exit 3 env LC_ALL=C.UTF-8 PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$DB" appeal new \
		--account nosuch --work w1 --from 2026-11-04 --to 2026-11-02
	expect_grep "$T/err" "account: no account 'nosuch' in this database"
else
	echo "SKIP: no zh_CN.UTF-8 locale or no msgfmt: the Chinese appeal checks are not checked" >&2
fi

finish
