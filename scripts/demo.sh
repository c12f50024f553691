#!/bin/sh
# Builds partner-tui in the tree and opens the TUI on the demo database.
set -eu
cd "$(dirname "$0")/.."
./autogen.sh >/dev/null 2>&1
mkdir -p build/demo && cd build/demo
[ -f Makefile ] || ../../configure >/dev/null
make -j"$(nproc)" >/dev/null
# Uninstalled, the program would look in the install prefix: point it at the
# source tree's data and at a catalogue compiled from po/zh_CN.po now, so
# LANG=zh_CN.UTF-8 gives Chinese, as current as the .po.
export PARTNER_TUI_DATADIR="$(cd ../.. && pwd)/share/partner-tui"
if command -v msgfmt >/dev/null 2>&1; then
	mkdir -p locale/zh_CN/LC_MESSAGES
	msgfmt -o locale/zh_CN/LC_MESSAGES/partner-tui.mo ../../po/zh_CN.po
	export PARTNER_TUI_LOCALEDIR="$PWD/locale"
fi
exec ./src/partner-tui --demo "$@"
