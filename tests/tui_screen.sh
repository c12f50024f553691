#!/bin/sh
# Screen tests of the dashboard through a pty and the pyte terminal
# emulator (and tmux): tests/screen/test_frame.py. Needs python3 with
# pyte (python3-pyte); without it the test is skipped, loudly.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export top_srcdir top_builddir
for py in "${PYTHON3:-}" python3 /usr/bin/python3; do
	[ -n "$py" ] || continue
	if "$py" -c 'import pyte' 2>/dev/null; then
		exec "$py" "$top_srcdir/tests/screen/test_frame.py"
	fi
done
echo "SKIP: no python3 with pyte found: apt-get install python3-pyte" >&2
exit 77
