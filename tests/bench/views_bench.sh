#!/bin/sh
# Benchmark of the Diagnosis pane: time per scroll and sort key on an
# account with 5,000 works (90 days each), measured in the headless
# harness (PARTNER_TUI_NO_DISPLAY: the full ncurses pass, drawn to
# /dev/null). Per key = (run with N keys - run with no keys) / N, the
# best of 3. Reference in the same run: the same keys on an account of
# 100 works, so the ratio shows how the cost grows with the table.
#
# usage: tests/bench/views_bench.sh [BUILDDIR]     (target: under 16 ms)
set -eu
B=${1:-${top_builddir:-.}}
S=$(cd "$(dirname "$0")/../.." && pwd)
PT="$B/src/partner-tui"
T=$(mktemp -d "${TMPDIR:-/tmp}/pt-views-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3

mkdb() {	# mkdb FILE WORKS
	"$PT" --db "$1" demo >/dev/null
	# 5/4 of WORKS: acc_cert holds 8 in 10 works.
	"$PY" "$S/tests/bench/views_gen.py" "$1" $(($2 * 10 / 8)) 90 2026-11-26
	"$PT" --db "$1" rescore >/dev/null
}

# script FILE NKEYS: enter Diagnosis, then N keys mixing scroll and sort.
script() {
	{
		echo "resize 132 43"
		echo "key 2"
		i=0
		while [ "$i" -lt "$2" ]; do
			case $((i % 8)) in
			0|1|2) echo "key Down" ;;
			3) echo "key PgDn" ;;
			4) echo "key s" ;;
			5) echo "key S" ;;
			6) echo "key PgUp" ;;
			7) echo "key Up" ;;
			esac
			i=$((i + 1))
		done
		echo "model $T/model.txt"
		echo "quit"
	} >"$1"
}

run() {	# run DB SCRIPT -> seconds (best of 3)
	best=
	for _ in 1 2 3; do
		s=$(date +%s.%N)
		PARTNER_TUI_NO_DISPLAY=1 PARTNER_TUI_SCRIPT="$2" \
		    PARTNER_TUI_ACCOUNT=acc_cert TERM=xterm LC_ALL=C.UTF-8 \
		    "$PT" --db "$1" --today 2026-11-26 >/dev/null 2>&1
		e=$(date +%s.%N)
		t=$(echo "$e - $s" | bc -l)
		if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then
			best=$t
		fi
	done
	echo "$best"
}

N=400
mkdb "$T/big.db" 5000	# acc_cert: 5,000 works
mkdb "$T/small.db" 100
script "$T/keys.txt" $N
script "$T/none.txt" 0
for db in big small; do
	t0=$(run "$T/$db.db" "$T/none.txt")
	tk=$(run "$T/$db.db" "$T/keys.txt")
	eval "per_$db=\$(echo \"(\$tk - \$t0) * 1000 / $N\" | bc -l)"
	eval "start_$db=\$(echo \"\$t0 * 1000\" | bc -l)"
	[ "$db" = big ] && works=$(grep '^works=' "$T/model.txt" | cut -d= -f2)
done
printf 'diagnosis pane, %s works x 90 days, %d keys (Down/PgDn/PgUp/Up/s/S):\n' "$works" $N
printf '  per key:        %.3f ms (target < 16 ms: %.1f%% of it)\n' "$per_big" \
    "$(echo "$per_big * 100 / 16" | bc -l)"
printf '  reference:      %.3f ms per key on 100 works; ratio %.2f\n' "$per_small" \
    "$(echo "$per_big / ($per_small + 0.000001)" | bc -l)"
printf '  start to first frame incl. load: %.1f ms (100 works: %.1f ms)\n' "$start_big" "$start_small"
# The same keys through a real pty (key written -> last byte of the redraw).
if "$PY" -c 'import pty' 2>/dev/null; then
	"$PY" "$S/tests/bench/views_pty.py" "$PT" "$T/big.db" acc_cert 140
fi
