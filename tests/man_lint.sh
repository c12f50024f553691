#!/bin/sh
# Both manual pages are lint-clean for mandoc (-T lint -W warning) and for
# groff through man(1) --warnings at 80 columns: any diagnostic fails.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
failures=0
if ! command -v mandoc >/dev/null 2>&1; then
	echo "SKIP: mandoc is not installed (apt-get install mandoc)" >&2
	exit 77
fi
for page in "$top_srcdir/man/partner-tui.1" "$top_srcdir/man/partner-tui.conf.5"; do
	out=$(mandoc -T lint -W warning "$page" 2>&1)
	if [ -n "$out" ]; then
		echo "FAIL: mandoc -T lint -W warning $(basename "$page"):" >&2
		echo "$out" >&2
		failures=$((failures + 1))
	fi
	if command -v man >/dev/null 2>&1 && command -v groff >/dev/null 2>&1; then
		out=$(LC_ALL=C.UTF-8 MANWIDTH=80 MAN_KEEP_FORMATTING= man --warnings -l "$page" 2>&1 >/dev/null)
		if [ -n "$out" ]; then
			echo "FAIL: man --warnings -l $(basename "$page") (groff):" >&2
			echo "$out" >&2
			failures=$((failures + 1))
		fi
	else
		echo "note: man/groff not installed: only mandoc checked" >&2
	fi
done
[ "$failures" -eq 0 ] && echo "man pages lint-clean"
[ "$failures" -eq 0 ]
