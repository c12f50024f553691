#!/bin/sh
# Screen tests of the Diagnosis and Eligibility panes and the accounts
# overview on the demo database, every figure against the CLI's reports:
# tests/screen/test_views.py (pty + pyte, and the headless harness).
# Needs python3 with pyte (python3-pyte); without it, skipped loudly.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
export top_srcdir top_builddir
for py in "${PYTHON3:-}" python3 /usr/bin/python3; do
	[ -n "$py" ] || continue
	if "$py" -c 'import pyte' 2>/dev/null; then
		exec "$py" "$top_srcdir/tests/screen/test_views.py"
	fi
done
echo "SKIP: no python3 with pyte found: apt-get install python3-pyte" >&2
exit 77
