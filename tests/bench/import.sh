#!/bin/sh
# Benchmark (not a test): imports a generated daily-metrics CSV of ROWS rows
# (default 1,000,000: 1,000 works x 1,000 days) with full validation and
# reports rows/s as a ratio to sqlite3's own `.import` of the same file into
# a table of the same shape (same columns, same primary key), measured in
# the same run, plus partner-tui's peak resident memory.
#   usage: tests/bench/import.sh [ROWS]     (from the build directory, or
#          with top_builddir set; `make bench` runs it)
set -eu
rows=${1:-1000000}
: "${top_builddir:=.}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
PT="$top_builddir/src/partner-tui"
[ -x "$PT" ] || { echo "build partner-tui first ($PT)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/pt-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
works=1000

printf 'account_id,name,kind\nbench,Bench,personal\n' > "$T/accounts.csv"
awk -v n=$works 'BEGIN { print "work_id,account_id,title"
	for (i = 0; i < n; i++) printf "73100000000%08d,bench,作品 %d\n", i, i }' > "$T/works.csv"
awk -v n=$works -v rows=$rows -f "$top_srcdir/tests/bench/gen-daily.awk" > "$T/daily.csv"
lines=$(($(wc -l < "$T/daily.csv") - 1))
size=$(du -m "$T/daily.csv" | cut -f1)

now() { date +%s.%N; }
# Written files are flushed before each timed part, so neither side pays
# for the other's (or the generator's) write-back.
sync

"$PT" --db "$T/base.db" import --quiet "$T/accounts.csv" "$T/works.csv"
sqlite3 "$T/ref0.db" "CREATE TABLE daily(date TEXT NOT NULL, work_id TEXT NOT NULL,
  plays INTEGER, profitable_plays INTEGER, likes INTEGER, favorites INTEGER,
  comments INTEGER, shares INTEGER, completion_rate REAL,
  completion_rate_5s REAL, bounce_rate_2s REAL, avg_play_duration REAL,
  user_value REAL, quality REAL, revenue REAL,
  PRIMARY KEY(work_id, date)) WITHOUT ROWID;
CREATE INDEX daily_by_day ON daily(date);"

# Disk write-back on a shared machine is noisy: each side runs $runs times
# on a fresh database, alternating, and its best time counts.
runs=${BENCH_RUNS:-3}
best_pt=0 best_sq=0 rss=0
i=0
while [ $i -lt $runs ]; do
	rm -f "$T/pt.db" "$T/pt.db-wal" "$T/pt.db-shm" "$T/ref.db"
	cp "$T/base.db" "$T/pt.db"
	cp "$T/ref0.db" "$T/ref.db"
	sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" "$PT" --db "$T/pt.db" import --quiet --no-rescore "$T/daily.csv"
	t1=$(now)
	sync
	t2=$(now)
	sqlite3 "$T/ref.db" ".mode csv" ".import --skip 1 $T/daily.csv daily"
	t3=$(now)
	best_pt=$(awk -v b="$best_pt" -v t="$(awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }')" 'BEGIN { print (b == 0 || t < b) ? t : b }')
	best_sq=$(awk -v b="$best_sq" -v t="$(awk -v a="$t2" -v b="$t3" 'BEGIN { print b - a }')" 'BEGIN { print (b == 0 || t < b) ? t : b }')
	r=$(cat "$T/rss"); [ "$r" -gt "$rss" ] && rss=$r
	i=$((i + 1))
done

got=$(sqlite3 "$T/pt.db" "SELECT count(*) FROM daily")
ref=$(sqlite3 "$T/ref.db" "SELECT count(*) FROM daily")
[ "$got" = "$lines" ] && [ "$ref" = "$lines" ] || {
	echo "row counts differ: file $lines, partner-tui $got, sqlite3 $ref" >&2; exit 1; }
awk -v n=$lines -v a="$best_pt" -v c="$best_sq" -v rss="$rss" -v mb=$size -v runs=$runs 'BEGIN {
	pt = n / a; sq = n / c
	printf "import benchmark: %d daily rows (%d MiB CSV, 15 columns), best of %d runs each\n", n, mb, runs
	printf "  partner-tui import --no-rescore: %.2f s, %.0f rows/s, peak RSS %.1f MiB\n", a, pt, rss / 1024
	printf "  sqlite3 .import                : %.2f s, %.0f rows/s\n", c, sq
	printf "  ratio partner-tui / sqlite3: %.2fx (target >= 1.5x, RSS < 64 MiB)\n", pt / sq
}'

# With BENCH_RESCORE=1, also the import followed by the engine's rescoring
# of what it touched (what a plain `partner-tui import` does).
if [ "${BENCH_RESCORE:-0}" = 1 ]; then
	rm -f "$T/pt.db" "$T/pt.db-wal" "$T/pt.db-shm"
	cp "$T/base.db" "$T/pt.db"
	sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" "$PT" --db "$T/pt.db" import --quiet "$T/daily.csv"
	t1=$(now)
	awk -v a="$t0" -v b="$t1" -v n=$lines -v rss="$(cat "$T/rss")" 'BEGIN {
		printf "  partner-tui import + rescore   : %.2f s, %.0f rows/s, peak RSS %.1f MiB\n", b - a, n / (b - a), rss / 1024 }'
fi
