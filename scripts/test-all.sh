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
if ! make -j"$(nproc)" check; then
	cat tests/*.log 2>/dev/null | tail -200
	exit 1
fi
make distcheck >/dev/null
echo "make distcheck: ok"
