#!/bin/sh
# Builds partner-tui in the tree and opens the TUI on the demo database.
set -eu
cd "$(dirname "$0")/.."
./autogen.sh >/dev/null 2>&1
mkdir -p build/demo && cd build/demo
[ -f Makefile ] || ../../configure >/dev/null
make -j"$(nproc)" >/dev/null
exec ./src/partner-tui --demo "$@"
