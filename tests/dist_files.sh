#!/bin/sh
# Every source file under src/ and tests/ (.c, .h and .sql) is named in a make
# fragment, so `make dist` ships it: a header only #included is otherwise
# left out of the tarball and the build from it fails (make distcheck
# caught src/core/db_internal.h and src/core/eligibility.h that way).
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
cd "$top_srcdir" || exit 1
failures=0
checks=0
frags=$(find . -name Makefile.am -o -name Makefile.inc -o -name '*.mk' | grep -v '/build/')
for f in $(find src tests -name '*.[ch]' -o -name '*.sql' | sort); do
	# src/core/sql/x.sql.h is made from x.sql (in the source tree when
	# it is built there): x.sql is the one to ship
	case $f in *.sql.h) continue ;; esac
	checks=$((checks + 1))
	# named by its path (src/core/x.h) in some fragment
	if ! grep -qF -- "$f" $frags; then
		echo "FAIL: $f is in no make fragment: make dist would leave it out" >&2
		failures=$((failures + 1))
	fi
done
echo "$checks files, $failures missing from the make fragments"
[ "$failures" -eq 0 ]
