#!/bin/sh
# The promise this program is judged by: an operator types a Chinese
# appeal statement over SSH, the connection dies mid-typing (the ssh
# client is killed with -9), and on reconnecting the draft is there,
# exactly; it is submitted, a colleague's session sees it submitted and
# approves it, and the work is eligible again in both sessions.
# A real sshd on 127.0.0.1 with throwaway keys, the program under tmux.
. "${top_srcdir:-$(dirname "$0")/../..}/tests/lib.sh"
. "$top_srcdir/tests/ssh/sshlib.sh"
trap 'ssh_cleanup' EXIT
trap 'exit 1' INT TERM HUP
ssh_require

SQL="$top_builddir/tests/pt_sql"
DB="$T/agency.db"
PART1='该作品为本人原创拍摄的济南街头美食记录，'
PART2='系统误判为搬运，请复核并恢复收益。😀'

# w1 earned through October, then its violation of 11-01 stopped it while
# it kept its plays (figures through 11-25; settled ¥0 through 11-04, not
# settled yet after it).
"$SQL" "$DB" "
INSERT INTO account(account_id, name, plan_status) VALUES ('a1', '济南小厨', 'joined');
INSERT INTO work(work_id, account_id, title) VALUES ('w1', 'a1', '把子肉');
INSERT INTO violation(account_id, work_id, day, kind) VALUES
  ('a1', 'w1', '2026-11-01', 'unoriginal');
WITH RECURSIVE d(day) AS (SELECT '2026-10-10' UNION ALL
  SELECT date(day, '+1 day') FROM d WHERE day < '2026-11-25')
INSERT INTO daily(work_id, day, plays, profitable_plays, likes, favorites,
  revenue_fen) SELECT 'w1', day, 3000, 2000, 90, 30,
  CASE WHEN day < '2026-11-01' THEN 400 WHEN day < '2026-11-05' THEN 0 END
  FROM d;" ||
	{ fail "seeding"; finish; exit 1; }
"$PT" --db "$DB" rescore >/dev/null || { fail "rescore"; finish; exit 1; }

ssh_start || { fail "sshd did not start"; finish; exit 1; }
ok

# The remote command: the locale and today are fixed; TERM comes from
# the ssh client (tmux's).
REMOTE="env LANG=C.UTF-8 LC_ALL=C.UTF-8 PARTNER_TUI_TODAY=2026-11-26 $PT --db $DB"
# A session that lives as long as the test keeps the tmux server up when
# an operator's session ends just as the next one starts.
tm new-session -d -s keeper "sleep 3600"
session() {
	tm new-session -d -s "$1" -x 100 -y 30 "exec $(ssh_cmdline) -tt $REMOTE"
}
draft_statement() {
	"$SQL" "$DB" "SELECT json_extract(form, '\$.statement') FROM draft WHERE owner = '$(id -un)'"
}
draft_is() {
	[ "$(draft_statement)" = "$1" ]
}
remote_gone() {
	! pgrep -f -- "--db $DB" >/dev/null
}

# 1. Fill the form over SSH.
session s1
wait_screen s1 "4 Appeals" 15 || { finish; exit 1; }
tm send-keys -t s1 4
wait_screen s1 "n: new" || { finish; exit 1; }
tm send-keys -t s1 n
wait_screen s1 "New appeal" || { finish; exit 1; }
# The chosen account is filled in; the cursor waits in the work picker.
wait_screen s1 "> Work" || { finish; exit 1; }
screen_has s1 "Account    a1" && ok || fail "account not filled in"
tm send-keys -t s1 -l "w1"
tm send-keys -t s1 Tab
tm send-keys -t s1 -l "2026-11-02"
tm send-keys -t s1 Tab
tm send-keys -t s1 -l "2026-11-04"
tm send-keys -t s1 Tab Tab
tm send-keys -t s1 -l "误判搬运"
tm send-keys -t s1 Tab
tm send-keys -t s1 -l "$PART1"
# Written to the database as it is typed: no save key was pressed.
wait_for 5 "the draft to hold what was typed" draft_is "$PART1" && ok

# 2. More typing, then the connection dies: kill -9 the ssh client as
# soon as the last characters are on the screen.
tm send-keys -t s1 -l "$PART2"
wait_screen s1 "请复核并恢复收益" || { finish; exit 1; }
SSH_PID=$(tm list-panes -t s1 -F '#{pane_pid}')
kill -9 "$SSH_PID" && ok
wait_for 10 "the remote program to end after the hang-up" remote_gone && ok
[ "$(draft_statement)" = "$PART1$PART2" ] && ok ||
	fail "draft after the dropped connection: '$(draft_statement)'"
tm kill-session -t s1 2>/dev/null

# 3. Reconnect: the draft is offered and comes back exactly, with the
# cursor in the statement at its end.
session s2
wait_screen s2 "4 Appeals" 15 || { finish; exit 1; }
tm send-keys -t s2 4
wait_screen s2 "Unsaved draft" || { finish; exit 1; }
tm send-keys -t s2 d
wait_screen s2 "> Statement" || { finish; exit 1; }
screen_has s2 "$PART1" && ok || fail "statement not shown after reconnecting"
screen_has s2 "2026-11-04" && ok || fail "days not restored"
screen_has s2 "误判搬运" && ok || fail "category not restored"
tm send-keys -t s2 -l "!"
wait_for 5 "typing to continue at the saved cursor" draft_is "$PART1$PART2!" && ok
tm send-keys -t s2 BSpace
wait_for 5 "Backspace to remove it" draft_is "$PART1$PART2" && ok

# 4. A colleague's session on the Appeals list, then submit.
session s3
wait_screen s3 "4 Appeals" 15 || { finish; exit 1; }
tm send-keys -t s3 4
wait_screen s3 "n: new" || { finish; exit 1; }
tm send-keys -t s2 F10
wait_screen s2 "y/n: submit appeal 1" || { finish; exit 1; }
tm send-keys -t s2 y
wait_screen s2 "submitted" || { finish; exit 1; }
ok
# The colleague sees it without restarting (the database is polled).
wait_screen s3 "submitted" 10 && ok
n=$("$SQL" "$DB" "SELECT count(*) FROM appeal WHERE status = 'submitted' AND statement = '$PART1$PART2'")
[ "$n" = 1 ] && ok || fail "submitted appeals with the statement: $n"
[ -z "$(draft_statement)" ] && ok || fail "the draft should be gone after submitting"
# Every change audited with the login name and the SSH client address.
who=$("$SQL" "$DB" "SELECT DISTINCT who || ' ' || client FROM audit WHERE tbl = 'appeal'")
[ "$who" = "$(id -un) 127.0.0.1" ] && ok || fail "audit who/client: '$who'"

# 5. Before the decision the work earns nothing; the colleague approves
# it in the pane, the violation is overturned by the appeal, and the work
# is eligible again in both sessions.
tm send-keys -t s2 3
wait_screen s2 "0 earn, 1 excluded of 1" 10 && ok
tm send-keys -t s3 D
wait_screen s3 "a approve" || { finish; exit 1; }
tm send-keys -t s3 a
wait_screen s3 "y/n: approve appeal 1" 10 || { finish; exit 1; }
tm send-keys -t s3 y
wait_screen s3 "expected in the wallet on 2026-11-29" 10 && ok
[ "$("$SQL" "$DB" "SELECT status || ' ' || overturned_by FROM violation")" = "overturned 1" ] &&
	ok || fail "violation after approval: $("$SQL" "$DB" "SELECT * FROM violation")"
tm send-keys -t s3 3
wait_screen s3 "1 earn, 0 excluded of 1" 10 && ok
wait_screen s2 "1 earn, 0 excluded of 1" 10 && ok

tm send-keys -t s2 q
tm send-keys -t s3 q
wait_for 10 "both sessions to quit" remote_gone && ok
"$SQL" "$DB" "PRAGMA integrity_check" | grep -qx ok && ok || fail "integrity_check"
finish
