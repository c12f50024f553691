# Shared by the shell tests: a private temporary directory, the binary
# under test, and assertions that say what they expected.
set -u
: "${top_builddir:=$(cd "$(dirname "$0")/.." && pwd)}"
: "${top_srcdir:=$top_builddir}"
PT="$top_builddir/src/partner-tui"
T=$(mktemp -d "${TMPDIR:-/tmp}/pt-sh-XXXXXX")
export HOME="$T/home" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
mkdir -p "$HOME"
unset PARTNER_TUI_DB PARTNER_TUI_TODAY
trap 'rm -rf "$T"' EXIT
failures=0
checks=0

fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
ok() { checks=$((checks + 1)); }

# expect_exit CODE CMD... : runs CMD, keeps stdout/stderr in $T/out, $T/err
expect_exit() {
	want=$1; shift
	"$@" >"$T/out" 2>"$T/err"
	got=$?
	if [ "$got" -ne "$want" ]; then
		fail "'$*' exited $got, expected $want; stderr: $(head -c 400 "$T/err")"
	else
		ok
	fi
}
# expect_grep FILE PATTERN : fixed-string match
expect_grep() {
	if grep -qF -- "$2" "$1"; then ok; else fail "$(basename "$1") lacks '$2': $(head -c 400 "$1")"; fi
}
finish() {
	echo "$checks checks, $failures failures"
	[ "$failures" -eq 0 ]
}
