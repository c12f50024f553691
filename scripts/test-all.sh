#!/bin/sh
# Builds partner-tui out of tree and runs every test (make check), then
# the distribution check. Used by the README's Quick start and by CI.
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
./autogen.sh >/dev/null 2>&1
rm -rf build/test && mkdir -p build/test && cd build/test
"$top/configure" --enable-werror >/dev/null
make -j"$(nproc)" >/dev/null
status=0
make -j"$(nproc)" check || status=$?
if [ "$status" -ne 0 ]; then
	for log in $(grep -lE '^:test-result: (FAIL|ERROR)' tests/*.trs tests/*/*.trs 2>/dev/null); do
		echo "=== ${log%.trs}.log"
		tail -60 "${log%.trs}.log"
	done
fi
if [ "$status" -eq 0 ]; then
	make distcheck >/dev/null || status=$?
	[ "$status" -eq 0 ] && echo "make distcheck: ok" || echo "make distcheck: FAILED"
fi
passed=$(sed -n 's/^# PASS: *//p' test-suite.log 2>/dev/null || echo 0)
failed=$(sed -n 's/^# FAIL: *//p' test-suite.log 2>/dev/null || echo 0)
errors=$(sed -n 's/^# ERROR: *//p' test-suite.log 2>/dev/null || echo 0)
skipped=$(sed -n 's/^# SKIP: *//p' test-suite.log 2>/dev/null || echo 0)
echo "${passed:-0} passed, $(( ${failed:-0} + ${errors:-0} )) failed, ${skipped:-0} skipped"
exit "$status"
