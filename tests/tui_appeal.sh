#!/bin/sh
# The Appeals pane in a real terminal (tmux): inline validation by the
# field, Esc keeping the draft, kill -9 after a pause losing nothing,
# bracketed paste taken as text, two operators saving the same appeal,
# and the compensation shown after approval being the engine's.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
if ! command -v tmux >/dev/null 2>&1; then
	echo "SKIP: tmux is not installed (see scripts/install-deps.sh)" >&2
	exit 77
fi
SQL="$top_builddir/tests/pt_sql"
DB="$T/p.db"
SOCK="pt-tui-appeal-$$"
tm() { tmux -L "$SOCK" -f /dev/null "$@"; }
cleanup() {
	tm kill-server 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP
# One session that lives as long as the test, so the tmux server does not
# exit when an operator's session ends just as the next one starts (slow
# builds, e.g. ASan checking leaks at exit, lost that race).
tm new-session -d -s keeper "sleep 3600"

wait_for() {
	limit=$(( $1 * 10 )); what=$2; shift 2
	i=0
	while ! "$@" >/dev/null 2>&1; do
		i=$((i + 1))
		if [ $i -ge $limit ]; then fail "timed out waiting for $what"; return 1; fi
		sleep 0.1
	done
}
screen_has() { tm capture-pane -p -t "$1" | grep -qF -- "$2"; }
wait_screen() {
	wait_for "${3:-10}" "'$2' on $1" screen_has "$1" "$2" || {
		tm capture-pane -p -t "$1" >&2; return 1; }
}
start() {
	tm new-session -d -s "$1" -x 100 -y 30 \
	    "exec env LANG=C.UTF-8 LC_ALL=C.UTF-8 PARTNER_TUI_TODAY=2026-11-26 $PT --db $DB"
	wait_screen "$1" "4 Appeals" || { finish; exit 1; }
	tm send-keys -t "$1" 4
	wait_screen "$1" "n: new" || { finish; exit 1; }
}
draft() {
	"$SQL" "$DB" "SELECT json_extract(form, '\$.$1') FROM draft"
}
draft_is() { [ "$(draft "$1")" = "$2" ]; }
pid_of() { tm list-panes -t "$1" -F '#{pane_pid}'; }

# Two accounts, so no account is chosen for the operator.
"$SQL" "$DB" "
INSERT INTO account(account_id, name, plan_status) VALUES ('a1', '济南小厨', 'joined'),
  ('a2', '泉城记', 'joined');
INSERT INTO work(work_id, account_id, title) VALUES ('w1', 'a1', '把子肉'),
  ('w2', 'a1', '油旋');
INSERT INTO violation(account_id, work_id, day, kind) VALUES
  ('a1', 'w1', '2026-11-01', 'unoriginal');
INSERT INTO daily(work_id, day, plays, revenue_fen) VALUES ('w1', '2026-11-05', 10, 120);
" || fail "seeding"
# w1 earned before the violation and kept its plays after it: something
# for the engine to compensate.
for d in 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30; do
	"$SQL" "$DB" "INSERT INTO daily(work_id, day, plays, profitable_plays, likes,
	  favorites, revenue_fen) VALUES ('w1', '2026-10-$d', 3000, 2000, 90, 30, 400)"
done
for d in 02 03 04; do
	"$SQL" "$DB" "INSERT INTO daily(work_id, day, plays, profitable_plays, likes,
	  favorites, revenue_fen) VALUES ('w1', '2026-11-$d', 2800, 1900, 80, 25, 0)"
done
"$PT" --db "$DB" rescore >/dev/null || fail "rescore"

# 1. The picker, inline messages by their fields.
start u1
tm send-keys -t u1 n
wait_screen u1 "New appeal"
# When the frame has chosen an account it is filled in; start from empty.
# The title can be on the screen before the fields are: wait for the focus.
form_focus() { screen_has u1 "> Account" || screen_has u1 "> Work"; }
wait_for 10 "the form's focus" form_focus
if screen_has u1 "> Work"; then tm send-keys -t u1 BTab C-u; fi
tm send-keys -t u1 -l "济南"		# searches names as well as ids
wait_screen u1 "a1  济南小厨" && ok
tm send-keys -t u1 Enter		# picks a1, moves to the work
tm send-keys -t u1 -l "油"
wait_screen u1 "w2  油旋" && ok
tm send-keys -t u1 BSpace
tm send-keys -t u1 -l "w1"
tm send-keys -t u1 Tab
tm send-keys -t u1 -l "2026-11-04"
tm send-keys -t u1 Tab
tm send-keys -t u1 -l "2026-11-05"
tm send-keys -t u1 Tab Tab
tm send-keys -t u1 -l "误判搬运"
tm send-keys -t u1 Tab
tm send-keys -t u1 -l "太短了"
wait_for 5 "the statement in the draft" draft_is statement "太短了" && ok
tm send-keys -t u1 F10
wait_screen u1 "Not submitted: fix the marked fields" && ok
wait_screen u1 "3 characters: at least 20" 5 && ok
wait_screen u1 "2026-11-05: the work earned ¥1.20" 5 && ok
[ "$("$SQL" "$DB" "SELECT count(*) FROM appeal WHERE status='submitted'")" = 0 ] && ok ||
	fail "an invalid appeal was submitted"

# 2. Bracketed paste: a pasted escape sequence and Ctrl-U are text, not keys.
tm set-buffer "，补充说明：原始素材可提供。$(printf '\025\033[201')x"
tm paste-buffer -p -t u1
wait_for 5 "the paste in the draft" draft_is statement \
	"太短了，补充说明：原始素材可提供。[201x" && ok

# 3. kill -9 after a pause in typing: nothing typed is lost, and the
# next start offers the draft back with the cursor field.
tm send-keys -t u1 -l "再补一句"
wait_for 5 "the last words in the draft" draft_is statement \
	"太短了，补充说明：原始素材可提供。[201x再补一句" && ok
kill -9 "$(pid_of u1)"
tm kill-session -t u1 2>/dev/null
start u2
wait_screen u2 "Unsaved draft" && ok
tm send-keys -t u2 d
wait_screen u2 "> Statement" && ok
wait_screen u2 "再补一句" 5 && ok
# Fix the days, make it valid, save (Ctrl-S), leave with Esc.
tm send-keys -t u2 BTab BTab BTab BTab C-u
tm send-keys -t u2 -l "2026-11-02"
tm send-keys -t u2 Tab C-u
tm send-keys -t u2 -l "2026-11-04"
tm send-keys -t u2 C-s
wait_screen u2 "saved (version 1)" && ok
tm send-keys -t u2 Escape
wait_screen u2 "n: new" && ok
wait_screen u2 " 1 draft" 5 && ok

# 4. Two operators edit appeal 1: the second save is told what changed.
start u3
tm send-keys -t u2 Enter
wait_screen u2 "Appeal 1 (draft, version 1)" && ok
tm send-keys -t u3 Enter
wait_screen u3 "Appeal 1 (draft, version 1)" && ok
tm send-keys -t u2 -l "甲"
tm send-keys -t u2 C-s
wait_screen u2 "saved (version 2)" && ok
# u3 is told at once, while still editing.
wait_screen u3 "was just changed by" && ok
tm send-keys -t u3 BTab C-e
tm send-keys -t u3 -l "乙"
tm send-keys -t u3 C-s
wait_screen u3 "Someone saved this appeal" && ok
wait_screen u3 "changed: statement" 5 && ok
tm send-keys -t u3 o			# keep mine
wait_screen u3 "saved (version 3)" && ok
st=$("$SQL" "$DB" "SELECT category FROM appeal WHERE id=1")
[ "$st" = "误判搬运乙" ] && ok || fail "category after overwrite: $st"
tm send-keys -t u2 Escape
wait_screen u2 "n: new" && ok

# 5. Submit, approve in the pane: the compensation shown is the engine's.
# The form shows the engine's estimate before filing.
wait_screen u3 "back-pay about ¥" 5 && ok
# What cannot be undone is asked first, with the days and the amount;
# anything but y leaves it as it was.
tm send-keys -t u3 F10
wait_screen u3 "y/n: submit appeal 1, 2026-11-02..2026-11-04 (3 days), back-pay about" && ok
tm send-keys -t u3 n
wait_screen u3 "Nothing changed" && ok
[ "$("$SQL" "$DB" "SELECT status FROM appeal WHERE id = 1")" = draft ] && ok ||
	fail "n submitted the appeal"
tm send-keys -t u3 F10
wait_screen u3 "y/n: submit appeal 1" && ok
tm send-keys -t u3 y
wait_screen u3 "Appeal 1 submitted" && ok
tm send-keys -t u3 D
wait_screen u3 "a approve" && ok
tm send-keys -t u3 a
wait_screen u3 "y/n: approve appeal 1, 2026-11-02..2026-11-04 (3 days)" && ok
[ "$("$SQL" "$DB" "SELECT status FROM appeal WHERE id = 1")" = submitted ] && ok ||
	fail "approved before the answer"
tm send-keys -t u3 y
wait_screen u3 "expected in the wallet on 2026-11-29" && ok
# The figure on the screen is the one approval stored from the engine
# (tests/core/appeal.c compares that with engine_compensation()).
fen=$("$PT" --db "$DB" appeal show 1 --format json |
	python3 -c 'import json,sys; print(json.load(sys.stdin)["compensation_fen"])')
[ "${fen:-0}" != None ] && [ "${fen:-0}" -gt 0 ] && ok || fail "compensation: '$fen'"
yuan=$(python3 -c "print('¥{:,}.{:02d}'.format($fen // 100, $fen % 100))")
wait_screen u3 "compensation $yuan" 5 && ok
wait_screen u2 "approved" && ok		# the other operator sees it live
tm send-keys -t u2 q
tm send-keys -t u3 q
# 6. Diagnosis's "a" in an opened work starts an appeal here with the
# work, its zero-revenue violation days and the channel filled in, saved
# as a draft at once (the headless harness, no sleeping).
printf 'key 2\nkey Enter\nkey a\nmodel %s\n' "$T/model" > "$T/script"
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/script" PARTNER_TUI_ACCOUNT=a1 \
	COLUMNS=100 LINES=30 PARTNER_TUI_TODAY=2026-11-26 "$PT" --db "$DB" \
	>/dev/null 2>"$T/err" || fail "headless run: $(cat "$T/err")"
m() { sed -n "s/^$1=//p" "$T/model" | head -1; }
[ "$(m pane)" = appeals ] && [ "$(m mode)" = form ] && ok || fail "model: $(head -c 300 "$T/model")"
work=$(m field.work)
[ -n "$work" ] && [ "$("$SQL" "$DB" "SELECT account_id FROM work WHERE work_id='$work'")" = a1 ] &&
	ok || fail "prefilled work '$work'"
[ -n "$(m 'field.first day')" ] && [ -n "$(m 'field.last day')" ] && ok || fail "days not prefilled"
[ "$(m field.channel)" = diagnosis ] && [ "$(m focus)" = category ] && ok ||
	fail "channel/focus: $(m field.channel) $(m focus)"
[ "$(draft work_id)" = "$work" ] && ok || fail "prefilled form not saved as a draft"
# 7. Appeal 1 was approved for 2026-11-29 and nothing came: a week later
# the accounts overview, the Appeals list and Eligibility say so.
printf 'key 0\nmodel %s\nkey 4\nmodel %s\nkey 3\nmodel %s\nquit\n' "$T/m0" "$T/m4" "$T/m3" > "$T/script"
PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$T/script" PARTNER_TUI_ACCOUNT=a1 \
	COLUMNS=100 LINES=30 PARTNER_TUI_TODAY=2026-12-06 "$PT" --db "$DB" \
	>/dev/null 2>"$T/err" || fail "headless run: $(cat "$T/err")"
grep -qx "account.a1.appeals_overdue=1" "$T/m0" && ok || fail "overview: $(grep overdue "$T/m0")"
grep -qx "account.a2.appeals_overdue=0" "$T/m0" && ok || fail "overview a2: $(grep overdue "$T/m0")"
grep -qx "row.overdue=1" "$T/m4" && ok || fail "Appeals list: $(grep '^row' "$T/m4")"
finish
