#!/bin/sh
# The README's screen captures are what the program draws: regenerates
# them with scripts/screenshots.sh --check from this build's binary and
# fails, with the diff, when README.md differs. Skips (77) without the
# zh_CN.UTF-8 locale or msgfmt, which one capture needs.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
sh "$top_srcdir/scripts/screenshots.sh" --check "$top_builddir/src/partner-tui"
