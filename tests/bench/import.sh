#!/bin/sh
# Benchmark (not a test): imports a generated daily-metrics CSV of ROWS rows
# (default 1,000,000: 10 accounts x 100 works x 1,000 days, sorted by work
# and day, as a per-work export is; 7 columns, 58 MB: the file of issue 17)
# with full validation, and prints rows/s
# as a ratio to references measured in the same run on the same file:
#   raw loader: sqlite3's own `.import` into a WITHOUT ROWID table keyed
#     (work_id, date), WAL, synchronous=NORMAL, no other index: the fastest
#     generic path a technical user has (the reference the targets use);
#   heavier: the same `.import` with a rollback journal and a by-day index
#     (the reference earlier versions of this script used; labelled).
# Also `import` with the rescore a user gets, a full `rescore`, and peak
# resident memory.
#   usage: tests/bench/import.sh [ROWS]   (from the build directory, or with
#          top_builddir set; `make bench-import` runs it)
#   BENCH_ACCOUNTS (10), BENCH_WORKS per account (100), BENCH_RUNS (3),
#   BENCH_ORDER=day for a file sorted by day instead, BENCH_COLUMNS=15 for
#   every column of the daily table (96 MiB; date, work_id, plays,
#   profitable_plays, likes, favorites and revenue by default).
set -eu
rows=${1:-1000000}
accounts=${BENCH_ACCOUNTS:-10}
per_account=${BENCH_WORKS:-100}
order=${BENCH_ORDER:-work}
columns=${BENCH_COLUMNS:-7}
case $columns in 7|15) ;; *) echo "BENCH_COLUMNS is 7 or 15" >&2; exit 2;; esac
: "${top_builddir:=.}"
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${PARTNER_TUI_DATADIR:=$top_srcdir/share/partner-tui}"
export PARTNER_TUI_DATADIR
PT="$top_builddir/src/partner-tui"
[ -x "$PT" ] || { echo "build partner-tui first ($PT)" >&2; exit 2; }
command -v sqlite3 >/dev/null || { echo "sqlite3 (the shell) is needed" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is needed (apt-get install time)" >&2; exit 2; }
T=$(mktemp -d "${TMPDIR:-/tmp}/pt-bench-XXXXXX")
trap 'rm -rf "$T"' EXIT
works=$((accounts * per_account))

awk -v a=$accounts 'BEGIN { print "account_id,name,kind"
	for (i = 0; i < a; i++) printf "bench%02d,Bench %d,personal\n", i, i }' > "$T/accounts.csv"
awk -v n=$works -v per=$per_account 'BEGIN { print "work_id,account_id,title"
	for (i = 0; i < n; i++) printf "73100000000%08d,bench%02d,作品 %d\n", i, int(i / per), i }' > "$T/works.csv"
awk -v n=$works -v rows=$rows -v order=$order -v columns=$columns \
    -f "$top_srcdir/tests/bench/gen-daily.awk" > "$T/daily.csv"
lines=$(($(wc -l < "$T/daily.csv") - 1))
days=$(((lines + works - 1) / works))
size=$(du -m "$T/daily.csv" | cut -f1)

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { print b - a }'; }
best() { awk -v b="$1" -v t="$2" 'BEGIN { print (b == 0 || t < b) ? t : b }'; }
max() { [ "$1" -gt "$2" ] && echo "$1" || echo "$2"; }

# the reference tables have the file's columns
if [ "$columns" = 7 ]; then
	COLUMNS_SQL="date TEXT NOT NULL, work_id TEXT NOT NULL,
  plays INTEGER, profitable_plays INTEGER, likes INTEGER, favorites INTEGER,
  revenue REAL"
else
	COLUMNS_SQL="date TEXT NOT NULL, work_id TEXT NOT NULL,
  plays INTEGER, profitable_plays INTEGER, likes INTEGER, favorites INTEGER,
  comments INTEGER, shares INTEGER, completion_rate REAL,
  completion_rate_5s REAL, bounce_rate_2s REAL, avg_play_duration REAL,
  user_value REAL, quality REAL, revenue REAL"
fi
"$PT" --db "$T/base.db" import --quiet "$T/accounts.csv" "$T/works.csv"
sqlite3 "$T/raw0.db" "PRAGMA journal_mode=WAL;" "CREATE TABLE daily($COLUMNS_SQL,
  PRIMARY KEY(work_id, date)) WITHOUT ROWID;" >/dev/null
sqlite3 "$T/heavy0.db" "CREATE TABLE daily($COLUMNS_SQL,
  PRIMARY KEY(work_id, date)) WITHOUT ROWID;
CREATE INDEX daily_by_day ON daily(date);"

fresh() {	# copy $1 to $2, no WAL left over
	rm -f "$2" "$2-wal" "$2-shm"; cp "$1" "$2"
}
# Disk write-back on a shared machine is noisy: each side runs $runs times
# on a fresh database, in turn, after a sync, and its best time counts.
runs=${BENCH_RUNS:-3}
b_pt=0 b_raw=0 b_heavy=0 b_full=0 b_rescore=0 rss_pt=0 rss_full=0 rss_rescore=0 rss_raw=0
i=0
while [ $i -lt $runs ]; do
	fresh "$T/raw0.db" "$T/raw.db"; sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" sqlite3 "$T/raw.db" "PRAGMA synchronous=NORMAL;" \
		".mode csv" ".import --skip 1 $T/daily.csv daily"
	t1=$(now); b_raw=$(best "$b_raw" "$(elapsed "$t0" "$t1")"); rss_raw=$(max "$(cat "$T/rss")" "$rss_raw")

	fresh "$T/heavy0.db" "$T/heavy.db"; sync
	t0=$(now)
	sqlite3 "$T/heavy.db" ".mode csv" ".import --skip 1 $T/daily.csv daily"
	t1=$(now); b_heavy=$(best "$b_heavy" "$(elapsed "$t0" "$t1")")

	fresh "$T/base.db" "$T/pt.db"; sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" "$PT" --db "$T/pt.db" import --quiet --no-rescore "$T/daily.csv"
	t1=$(now); b_pt=$(best "$b_pt" "$(elapsed "$t0" "$t1")"); rss_pt=$(max "$(cat "$T/rss")" "$rss_pt")

	sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" "$PT" --db "$T/pt.db" rescore >/dev/null
	t1=$(now); b_rescore=$(best "$b_rescore" "$(elapsed "$t0" "$t1")"); rss_rescore=$(max "$(cat "$T/rss")" "$rss_rescore")

	fresh "$T/base.db" "$T/full.db"; sync
	t0=$(now)
	/usr/bin/time -f "%M" -o "$T/rss" "$PT" --db "$T/full.db" import --quiet "$T/daily.csv"
	t1=$(now); b_full=$(best "$b_full" "$(elapsed "$t0" "$t1")"); rss_full=$(max "$(cat "$T/rss")" "$rss_full")
	i=$((i + 1))
done

for db in pt full raw heavy; do
	got=$(sqlite3 "$T/$db.db" "SELECT count(*) FROM daily")
	[ "$got" = "$lines" ] || { echo "row counts differ: file $lines, $db.db $got" >&2; exit 1; }
done
db_bytes=$(sqlite3 "$T/pt.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null; stat -c %s "$T/pt.db")
raw_bytes=$(sqlite3 "$T/raw.db" "PRAGMA wal_checkpoint(TRUNCATE);" >/dev/null; stat -c %s "$T/raw.db")
awk -v n=$lines -v mb=$size -v runs=$runs -v acc=$accounts -v per=$per_account -v days=$days \
    -v cols=$columns -v order=$order \
    -v pt="$b_pt" -v raw="$b_raw" -v heavy="$b_heavy" -v full="$b_full" -v rescore="$b_rescore" \
    -v rss_pt="$rss_pt" -v rss_full="$rss_full" -v rss_rescore="$rss_rescore" -v rss_raw="$rss_raw" \
    -v dbb="$db_bytes" -v rawb="$raw_bytes" 'BEGIN {
	printf "import benchmark: %d daily rows (%d accounts x %d works x %d days, %d MiB CSV, %d columns, sorted by %s), best of %d runs each\n", \
	    n, acc, per, days, mb, cols, order, runs
	printf "  reference: sqlite3 .import, WITHOUT ROWID (work,day), WAL, synchronous=NORMAL, no other index (raw loader)\n"
	printf "    raw loader                     : %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB\n", raw, n / raw, rss_raw / 1024
	printf "    heavier (rollback journal + by-day index): %6.2f s  %9.0f rows/s\n", heavy, n / heavy
	printf "  partner-tui import --no-rescore  : %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB  %.2fx raw loader (target >= 1.0x), %.2fx heavier\n", \
	    pt, n / pt, rss_pt / 1024, raw / pt, heavy / pt
	printf "  partner-tui import (with rescore): %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB  %.2fx raw loader (target >= 0.6x)\n", \
	    full, n / full, rss_full / 1024, raw / full
	printf "  partner-tui rescore (full)       : %6.2f s  %9.0f rows/s  peak RSS %6.1f MiB  %.2fx raw loader\n", \
	    rescore, n / rescore, rss_rescore / 1024, raw / rescore
	printf "  database size: partner-tui %.1f MiB (%.0f bytes per work-day), raw loader %.1f MiB (%.0f bytes)\n", \
	    dbb / 1048576, dbb / n, rawb / 1048576, rawb / n
}'
