#!/bin/sh
# The manual pages cover what the program has: partner-tui(1) names every
# command, every long option of every command, every environment variable
# the program reads and every exit code; partner-tui.conf(5) documents
# every parameter of the shipped model.conf. On failure it lists what is
# missing.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
cd "$top_srcdir" || exit 1
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
# The pages with roff escapes of '-' undone.
man1=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' man/partner-tui.1)
man5=$(sed 's/\\-/-/g; s/\\f[BIRP]//g' man/partner-tui.conf.5)

for cmd in $(grep -ho '\.name = "[a-z-]*"' src/cli/cmd_*.c | cut -d'"' -f2); do
	printf '%s\n' "$man1" | grep -qE "^\.B $cmd( |$)" ||
		fail "partner-tui(1) COMMANDS lacks '$cmd'"
done
# Every option table (struct cli_option: { "--from DAY", ... }, the
# global one with N_("--db PATH") and "-h, --help"), which getopt reads.
for opt in $(grep -hoE '\{ (N_\()?"(-[A-Za-z], )?--[a-z][a-z0-9-]*' src/cli/*.c |
    sed 's/.*--//' | sort -u); do
	printf '%s\n' "$man1" | grep -q -- "--$opt" ||
		fail "partner-tui(1) does not mention --$opt"
done
for var in $(grep -rhoE 'getenv\("[A-Z_]+"\)' src | cut -d'"' -f2 | sort -u); do
	case $var in HOME|TERM_PROGRAM) continue ;; esac
	printf '%s\n' "$man1" | grep -q "$var" ||
		fail "partner-tui(1) ENVIRONMENT lacks $var"
done
for code in 0 1 2 3 4 5; do
	printf '%s\n' "$man1" | sed -n '/^\.SH EXIT STATUS/,/^\.SH /p' | grep -qx "\.B $code" ||
		fail "partner-tui(1) EXIT STATUS lacks $code"
done
for sec in SYNOPSIS OPTIONS COMMANDS KEYS ENVIRONMENT FILES "EXIT STATUS" EXAMPLES "SEE ALSO"; do
	printf '%s\n' "$man1" | grep -qx "\.SH $sec" || fail "partner-tui(1) lacks the $sec section"
done
for p in $(sed -n 's/^[[:space:]]*\([a-z_][a-z0-9_]*\)[[:space:]]*=.*/\1/p' share/partner-tui/model.conf | sort -u); do
	printf '%s\n' "$man5" | grep -qE "^\.(B|BI|BR) (.*[ \"])?$p([ \"]|\$)" ||
		fail "partner-tui.conf(5) does not document '$p' (on a .B/.BR line)"
done
[ "$failures" -eq 0 ] && echo "man pages cover every command, option, variable, exit code and parameter"
[ "$failures" -eq 0 ]
