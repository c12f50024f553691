#!/bin/sh
# The checks CI runs beyond `make check`: the whole suite under ASan+UBSan,
# the Check suites under valgrind memcheck, and a bounded fuzzing run of
# every target. Usage: ci-extra.sh [FUZZ_SECONDS]
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
status=0
[ -x configure ] || ./autogen.sh >/dev/null 2>&1

echo "== make check with --enable-sanitizers"
mkdir -p build/asan && cd build/asan
[ -f Makefile ] || "$top/configure" --enable-sanitizers >/dev/null
make -j"$(nproc)" >/dev/null
if ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    make -j"$(nproc)" check >check.out 2>&1; then
	grep -E '^# (TOTAL|PASS|FAIL|SKIP|ERROR)' check.out
else
	grep -E '^(FAIL|ERROR|# )' check.out
	for log in $(grep -lE '^:test-result: (FAIL|ERROR)' tests/*.trs tests/*/*.trs 2>/dev/null); do
		echo "=== ${log%.trs}.log"; tail -60 "${log%.trs}.log"
	done
	status=1
fi
cd "$top"

echo "== Check suites under valgrind memcheck"
mkdir -p build/valgrind && cd build/valgrind
[ -f Makefile ] || "$top/configure" >/dev/null
make -j"$(nproc)" >/dev/null
make -j"$(nproc)" check TESTS= >/dev/null
# Every Check suite is tests/<area>/check_<module> (a build directory
# from before they moved there may still hold stale tests/check_*).
for t in tests/*/check_*; do
	case $t in *.o|*.log|*.trs|*.vg) continue;; esac
	[ -x "$t" ] || continue
	if CK_FORK=no PARTNER_TUI_DATADIR="$top/share/partner-tui" \
	    top_srcdir="$top" top_builddir="$(pwd)" \
	    valgrind --quiet --error-exitcode=9 --leak-check=full \
	    --errors-for-leak-kinds=definite,indirect "./$t" >"$t.vg" 2>&1; then
		echo "valgrind $t: clean"
	else
		echo "valgrind $t: FAILED"; tail -40 "$t.vg"; status=1
	fi
done
cd "$top"

echo "== fuzzing"
sh scripts/fuzz.sh "${1:-60}" || status=1
exit $status
