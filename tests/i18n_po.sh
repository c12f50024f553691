#!/bin/sh
# The catalogue is complete: every user-facing string of the CLI and the
# TUI is marked for translation in a file that po/POTFILES.in lists, and
# po/zh_CN.po translates every msgid of a freshly extracted template, none
# fuzzy. On failure it lists what is missing. Also: every command summary
# and exit code of --help is translated.
: "${top_srcdir:=$(cd "$(dirname "$0")/.." && pwd)}"
for tool in xgettext msgmerge msgfmt msgattrib; do
	command -v $tool >/dev/null 2>&1 || { echo "SKIP: $tool (gettext) is not installed" >&2; exit 77; }
done
T=$(mktemp -d "${TMPDIR:-/tmp}/pt-po-XXXXXX")
trap 'rm -rf "$T"' EXIT
failures=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
cd "$top_srcdir" || exit 1

# 1. POTFILES.in lists every .c of src/cli and src/tui that marks strings,
#    and every file it lists exists.
sed -e '/^#/d' -e '/^ *$/d' po/POTFILES.in | sort >"$T/listed"
for f in src/cli/*.c src/cli/*.h src/tui/*.c src/tui/*.h; do
	rm -f "$T/one.pot"
	xgettext --keyword=_ --keyword=N_ --from-code=UTF-8 -o "$T/one.pot" "$f" 2>/dev/null
	[ -s "$T/one.pot" ] && echo "$f"
done | sort >"$T/marking"
missing=$(comm -13 "$T/listed" "$T/marking")
[ -z "$missing" ] || fail "po/POTFILES.in lacks files with _() strings: $missing"
while read -r f; do
	[ -f "$f" ] || fail "po/POTFILES.in lists $f, which does not exist"
done <"$T/listed"

# 2. A fresh template, merged with zh_CN.po: no untranslated, no fuzzy.
# The keywords of po/Makevars (err_set ... as well as _ and N_).
XGETTEXT_OPTIONS=$(sed -n 's/^XGETTEXT_OPTIONS *= *//p' po/Makevars)
# shellcheck disable=SC2086
xgettext $XGETTEXT_OPTIONS --files-from=po/POTFILES.in \
	--package-name=partner-tui -o "$T/pt.pot" 2>"$T/xg.err" ||
	{ cat "$T/xg.err" >&2; fail "xgettext failed"; }
msgmerge -q --no-fuzzy-matching po/zh_CN.po "$T/pt.pot" -o "$T/m.po" ||
	fail "msgmerge failed"
stats=$(msgfmt -c --statistics -o /dev/null "$T/m.po" 2>&1)
echo "zh_CN: $stats"
msgattrib --untranslated --no-obsolete "$T/m.po" 2>/dev/null |
	sed -n 's/^msgid "\(..*\)"$/  \1/p' >"$T/untranslated"
msgattrib --only-fuzzy --no-obsolete "$T/m.po" 2>/dev/null |
	sed -n 's/^msgid "\(..*\)"$/  \1/p' >"$T/fuzzy"
# multi-line msgids start with msgid "": show their first line too
msgattrib --untranslated --no-obsolete "$T/m.po" 2>/dev/null |
	awk '/^msgid ""$/ { getline; if ($0 ~ /^"/) print "  " $0 }' >>"$T/untranslated"
if [ -s "$T/untranslated" ]; then
	fail "untranslated msgids in po/zh_CN.po (run: make -C build/po update-po, then translate):"
	cat "$T/untranslated" >&2
fi
if [ -s "$T/fuzzy" ]; then
	fail "fuzzy entries in po/zh_CN.po:"
	cat "$T/fuzzy" >&2
fi
case $stats in
*untranslated*|*fuzzy*) fail "msgfmt --statistics: $stats" ;;
esac

# 3. --help in Chinese has no English summary or exit-code line left.
PT="${top_builddir:-.}/src/partner-tui"
ZH=$(locale -a 2>/dev/null | grep -ix 'zh_CN\.utf-\?8' | head -n 1)
if [ -x "$PT" ] && [ -n "$ZH" ]; then
	mkdir -p "$T/locale/zh_CN/LC_MESSAGES"
	msgfmt -o "$T/locale/zh_CN/LC_MESSAGES/partner-tui.mo" po/zh_CN.po
	LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --help >"$T/help"
	sed -n '/^命令：/,/^$/p;/^退出码：/,/^$/p' "$T/help" |
		grep -E '^  [a-z0-9]+ +[A-Za-z(]' >"$T/eng" &&
		fail "English left in the Chinese --help: $(cat "$T/eng")"
	# 4. The evidence of each rule (src/present) is shown in Chinese: every
	#    account of the demo and a sample of works, on a day with data.
	export PARTNER_TUI_DATADIR="${PARTNER_TUI_DATADIR:-$top_srcdir/share/partner-tui}"
	export HOME="$T" XDG_DATA_HOME="$T/data" XDG_CONFIG_HOME="$T/config"
	"$PT" --db "$T/demo.db" demo >/dev/null || fail "cannot build the demo"
	for acc in $("$PT" --db "$T/demo.db" report accounts --format csv | sed 1d | cut -d, -f1); do
		LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$T/demo.db" \
		    check --on 2026-11-20 --account "$acc" >>"$T/check" 2>&1
		for w in $("$PT" --db "$T/demo.db" report works --account "$acc" --format csv |
		    sed 1d | cut -d, -f1 | awk 'NR % 5 == 1'); do
			LC_ALL="$ZH" PARTNER_TUI_LOCALEDIR="$T/locale" "$PT" --db "$T/demo.db" \
			    check --on 2026-11-20 --account "$acc" --work "$w" >>"$T/check" 2>&1
		done
	done
	[ "$(grep -c "" "$T/check")" -gt 20 ] || fail "too few check lines: $(head -5 "$T/check")"
	# rule lines: "  通过  rule_id  evidence"; the evidence must be Chinese
	grep -E '^  [^ ]+  [a-z_0-9]+ ' "$T/check" | sed -E 's/^  [^ ]+  [a-z_0-9]+ +//' |
		grep -E '[A-Za-z]{3,}' | sort -u >"$T/eng"
	if [ -s "$T/eng" ]; then
		fail "evidence left in English under zh_CN (its words are in src/present/evidence_text.c: translate them in po/zh_CN.po):"
		head -20 "$T/eng" >&2
	fi
else
	echo "note: no built binary or no zh_CN.UTF-8 locale: --help and evidence not checked" >&2
fi
[ "$failures" -eq 0 ]
