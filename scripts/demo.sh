#!/bin/sh
# Builds partner-tui in the tree and opens the TUI on the demo database.
set -eu
cd "$(dirname "$0")/.."
./autogen.sh >/dev/null 2>&1
mkdir -p build/demo && cd build/demo
[ -f Makefile ] || ../../configure >/dev/null
make -j"$(nproc)" >/dev/null
# Uninstalled, gettext would look in the install prefix: point it at the
# catalogue the build just made, so LANG=zh_CN.UTF-8 gives Chinese.
if [ -f ../../po/zh_CN.gmo ]; then
	mkdir -p locale/zh_CN/LC_MESSAGES
	cp ../../po/zh_CN.gmo locale/zh_CN/LC_MESSAGES/partner-tui.mo
	export PARTNER_TUI_LOCALEDIR="$PWD/locale"
fi
exec ./src/partner-tui --demo "$@"
