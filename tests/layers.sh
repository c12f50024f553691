#!/bin/sh
# The rules that keep the layers apart (README, Hacking), read from the
# sources: curses only in src/tui; no gettext in src/core (src/present
# says the core's ids); src/core and src/present include no upper layer;
# struct db is opaque outside the core; the subcommands never reach into
# the dashboard (src/cli/main.c starts it through tui/tui.h alone).
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"
cd "$top_srcdir" || exit 1

# rule DESCRIPTION, then a command that lists the files breaking it
rule() {
	what=$1
	shift
	found=$("$@" | sort | tr '\n' ' ')
	[ -z "$found" ] && ok || fail "$what: $found"
}

rule "curses outside src/tui" sh -c "find src/core src/present src/import src/cli \
	-name '*.[ch]' | xargs grep -lE '#include *[<\"](n|ncursesw/)?curses'"
rule "gettext in src/core" sh -c "find src/core -name '*.[ch]' |
	xargs grep -lE 'gettext *\\(|libintl\\.h|\"i18n\\.h\"'"
rule "src/core includes an upper layer" sh -c "find src/core -name '*.[ch]' |
	xargs grep -lE '#include \"(tui|import|present|cli)/'"
rule "src/present includes the dashboard, the CLI or the import" sh -c \
	"find src/present -name '*.[ch]' | xargs grep -lE '#include \"(tui|cli|import)/'"
rule "core/db_internal.h outside src/core" sh -c "find src -name '*.[ch]' |
	grep -v '^src/core/' | xargs grep -l 'core/db_internal\\.h'"
rule "the dashboard's headers outside src/tui (but main.c's tui/tui.h)" sh -c \
	"find src/core src/present src/import src/cli -name '*.[ch]' |
	xargs grep -nE '#include \"tui/' | grep -v '^src/cli/main\\.c:[0-9]*:#include \"tui/tui\\.h\"' |
	cut -d: -f1"
# tui/tui.h itself brings no curses to main.c
rule "tui/tui.h includes curses or a pane" sh -c \
	"grep -lE '#include *[<\"]((n|ncursesw/)?curses|tui/pane)' src/tui/tui.h"
finish
