#!/bin/sh
# `make install` puts the binary, both man pages, the zh_CN catalogue and
# the shared data under the configured prefix, and the installed binary
# finds its data and its translations there by the paths compiled into it.
#
# How, honestly: the binary falls back to the source tree's share/ when
# PKGDATADIR is missing, so running this build's binary from a DESTDIR
# would pass even if installation were broken. Instead the test copies the
# source tree, configures the copy with --prefix=$T/prefix, builds and
# installs it (no DESTDIR), DELETES the copy, and runs the installed binary
# with PARTNER_TUI_DATADIR and PARTNER_TUI_LOCALEDIR unset. It then also
# checks that DESTDIR=... install places the same files under
# DESTDIR/prefix. Takes a few seconds (a parallel build of the copy).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
unset PARTNER_TUI_DATADIR PARTNER_TUI_LOCALEDIR LANGUAGE LC_MESSAGES LANG
unset MAKEFLAGS MFLAGS MAKELEVEL
jobs=$(nproc 2>/dev/null || echo 2)

mkdir -p "$T/src"
if [ -f "$top_srcdir/config.status" ] && [ -d "$top_srcdir/.git" ]; then
	# Built in the source tree (./configure && make check): copy what git
	# tracks and regenerate the build system, or the copy would refuse to
	# configure ("already configured").
	(cd "$top_srcdir" && git ls-files -z | xargs -0 tar cf -) |
		(cd "$T/src" && tar xf -) &&
		(cd "$T/src" && autoreconf -fi >/dev/null 2>&1) ||
		{ echo "FAIL: cannot copy the source tree" >&2; exit 1; }
else
	# A clean tree (a dist tarball or a checkout built out of tree): any
	# build directory inside it is left out (it holds a config.status).
	(cd "$top_srcdir" && tar cf - --exclude-tag-all=config.status \
		--exclude=./_inst --exclude=./.git --exclude=./autom4te.cache .) |
		(cd "$T/src" && tar xf -) || { echo "FAIL: cannot copy the source tree" >&2; exit 1; }
fi
chmod -R u+w "$T/src"
mkdir "$T/src/_pt_install_build"
# niced: the other tests (screens under tmux) run beside this build.
if ! (cd "$T/src/_pt_install_build" && nice -n 19 ../configure --prefix="$T/prefix" >"$T/build.log" 2>&1 &&
	nice -n 19 make -j"$jobs" >>"$T/build.log" 2>&1 && make install >>"$T/build.log" 2>&1); then
	echo "FAIL: configure/make/make install of the copy:" >&2
	tail -30 "$T/build.log" >&2
	exit 1
fi
(cd "$T/src/_pt_install_build" && make install DESTDIR="$T/dest" >>"$T/build.log" 2>&1) ||
	fail "make install DESTDIR=$T/dest failed: $(tail -5 "$T/build.log")"
rm -rf "$T/src"

P="$T/prefix"
for f in bin/partner-tui share/man/man1/partner-tui.1 \
    share/man/man5/partner-tui.conf.5 \
    share/locale/zh_CN/LC_MESSAGES/partner-tui.mo \
    share/partner-tui/model.conf share/partner-tui/holidays.csv \
    share/partner-tui/demo/accounts.csv share/partner-tui/demo/daily.csv; do
	[ -f "$P/$f" ] && ok || fail "not installed: \$prefix/$f"
	[ -f "$T/dest$P/$f" ] && ok || fail "DESTDIR install lacks DESTDIR\$prefix/$f"
done
[ -x "$P/bin/partner-tui" ] && ok || fail "installed binary is not executable"

# The installed binary, source tree gone: a demo from $prefix/share/partner-tui.
IPT="$P/bin/partner-tui"
expect_exit 0 env LC_ALL=C.UTF-8 "$IPT" --db "$T/demo.db" demo
expect_grep "$T/out" "demo database ready"
expect_exit 0 env LC_ALL=C.UTF-8 "$IPT" --db "$T/demo.db" report accounts --format csv
[ "$(wc -l <"$T/out")" -ge 3 ] && ok || fail "report accounts lists too few rows: $(cat "$T/out")"
expect_grep "$T/out" "jn_meishi"
# Hide the data: the same command must now fail, proving it read $prefix.
mv "$P/share/partner-tui" "$P/share/partner-tui.away"
env LC_ALL=C.UTF-8 "$IPT" --db "$T/demo2.db" demo >"$T/out" 2>"$T/err" &&
	fail "demo built without \$prefix/share/partner-tui: data came from elsewhere" || ok
mv "$P/share/partner-tui.away" "$P/share/partner-tui"

# The installed catalogue, found through the compiled-in LOCALEDIR.
if locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
	ZH=$(locale -a | grep -ix 'zh_CN\.utf-\?8' | head -n 1)
	expect_exit 0 env LC_ALL="$ZH" "$IPT" --help
	expect_grep "$T/out" "用法：partner-tui"
	expect_exit 0 env LC_ALL="$ZH" LANGUAGE=zh_CN "$IPT" --db "$T/demo.db" report --help
	expect_grep "$T/out" "用法："
	mv "$P/share/locale" "$P/share/locale.away"
	expect_exit 0 env LC_ALL="$ZH" "$IPT" --help
	expect_grep "$T/out" "usage: partner-tui"
	mv "$P/share/locale.away" "$P/share/locale"
else
	echo "note: zh_CN.UTF-8 not generated: the installed catalogue is not exercised" >&2
fi
expect_exit 0 env LC_ALL=C.UTF-8 "$IPT" --help
expect_grep "$T/out" "usage: partner-tui"
finish
