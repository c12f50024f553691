#!/bin/sh
# Builds the libFuzzer targets with clang and runs each for SECONDS
# (default 60) on a copy of its seed corpus. Usage: fuzz.sh [SECONDS]
set -eu
cd "$(dirname "$0")/.."
top=$(pwd)
secs=${1:-60}
./autogen.sh >/dev/null 2>&1
mkdir -p build/fuzz && cd build/fuzz
[ -f Makefile ] || CC=clang "$top/configure" --enable-fuzzing >/dev/null
make -j"$(nproc)" >/dev/null
status=0
# fuzz_importdb loads the demo's accounts and works from the source tree.
export PARTNER_TUI_DATADIR="$top/share/partner-tui"
for bin in tests/fuzz/fuzz_*; do
	[ -x "$bin" ] || continue
	name=${bin##*/fuzz_}
	work=$(mktemp -d)
	cp -r "$top/tests/fuzz/corpus/$name/." "$work/" 2>/dev/null || true
	dict=""
	[ -f "$top/tests/fuzz/$name.dict" ] && dict="-dict=$top/tests/fuzz/$name.dict"
	echo "fuzz $name: ${secs}s"
	if ! "$bin" $dict -max_total_time="$secs" -max_len=65536 \
	    -artifact_prefix="$top/build/fuzz/crash-$name-" "$work" \
	    >"fuzz-$name.log" 2>&1; then
		echo "fuzz $name: FAILED (see build/fuzz/fuzz-$name.log)"
		tail -30 "fuzz-$name.log"
		status=1
	else
		grep -E '^(#[0-9]+ *DONE|Done)' "fuzz-$name.log" | tail -1
	fi
	rm -rf "$work"
done
exit $status
