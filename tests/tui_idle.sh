#!/bin/sh
# An idle dashboard sleeps: CPU ticks of the real binary on the demo,
# idle on every pane, after keys and after a resize, through a pty
# (tests/screen/test_idle.py: counts ticks, never wall time).
# Needs python3 with pyte (python3-pyte); without it, skipped loudly.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export top_srcdir top_builddir
for py in "${PYTHON3:-}" python3 /usr/bin/python3; do
	[ -n "$py" ] || continue
	if "$py" -c 'import pyte' 2>/dev/null; then
		exec "$py" "$top_srcdir/tests/screen/test_idle.py"
	fi
done
echo "SKIP: no python3 with pyte found: apt-get install python3-pyte" >&2
exit 77
