#!/bin/sh
# Regenerates the README's screen captures: the real dashboard, headless
# through its test harness (PARTNER_TUI_SCRIPT, PARTNER_TUI_NO_DISPLAY; see
# TESTING in partner-tui(1)), on the demo database at 100x30 with today
# fixed at 2026-11-26. The text between the README's "screens" markers is
# replaced; with --check nothing is written and the command fails (with a
# diff) when README.md differs, which tests/readme_screens.sh runs.
#
#   sh scripts/screenshots.sh [--check] [BINARY]
#
# BINARY defaults to the first partner-tui found under build/.
# The only things changed in the captures are those that depend on the
# machine rather than the program: the wall-clock time of the demo import
# and of the appeal (shown as 2026-11-26 09:30: records keep the real time
# whatever --today says), and the login name (shown as "ops").
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
check=no
if [ "${1:-}" = "--check" ]; then check=yes; shift; fi
pt=${1:-}
if [ -z "$pt" ]; then
	for c in build/src/partner-tui build/test/src/partner-tui \
	    build/demo/src/partner-tui src/partner-tui; do
		if [ -x "$top/$c" ]; then pt=$top/$c; break; fi
	done
fi
[ -n "$pt" ] && [ -x "$pt" ] || { echo "screenshots: no partner-tui binary: build first, or name it" >&2; exit 2; }
zh=$(locale -a 2>/dev/null | grep -ix 'zh_CN\.utf-\?8' | head -n 1 || true)
[ -n "$zh" ] || { echo "screenshots: the zh_CN.UTF-8 locale is not generated (scripts/install-deps.sh)" >&2; exit 77; }
command -v msgfmt >/dev/null || { echo "screenshots: msgfmt (gettext) is missing" >&2; exit 77; }

t=$(mktemp -d "${TMPDIR:-/tmp}/pt-shots-XXXXXX")
trap 'rm -rf "$t"' EXIT
export HOME="$t/home" XDG_DATA_HOME="$t/data" XDG_CONFIG_HOME="$t/config"
export PARTNER_TUI_DATADIR="$top/share/partner-tui" PARTNER_TUI_TODAY=2026-11-26
export PARTNER_TUI_LOCALEDIR="$t/locale" LC_ALL=C.UTF-8 TERM=xterm
unset LANGUAGE LANG LC_MESSAGES NO_COLOR PARTNER_TUI_DB PARTNER_TUI_SCRIPT PARTNER_TUI_ACCOUNT
mkdir -p "$HOME" "$t/locale/zh_CN/LC_MESSAGES" "$t/s"
msgfmt -o "$t/locale/zh_CN/LC_MESSAGES/partner-tui.mo" "$top/po/zh_CN.po"
db="$t/demo.db"
"$pt" --db "$db" demo >/dev/null
# The misjudged violation of the demo, appealed from the command line.
"$pt" --db "$db" appeal new --account jn_nongji --work 7310000000001867105 \
	--from 2026-11-12 --to 2026-11-25 --channel diagnosis --category 原创 \
	--statement "本人实拍原创，被误判为非原创；附原始素材与拍摄现场照片。" \
	--evidence "原始素材 IMG_0412.MOV；拍摄现场照片 3 张" >/dev/null

# run LOCALE ACCOUNT SCRIPT-LINES: one headless session at 100x30.
run() {
	printf '%s\n' "$3" >"$t/script"
	env LC_ALL="$1" PARTNER_TUI_ACCOUNT="$2" PARTNER_TUI_NO_DISPLAY=1 \
	    COLUMNS=100 LINES=30 PARTNER_TUI_SCRIPT="$t/script" \
	    "$pt" --db "$db" >/dev/null
}
s=$t/s
run C.UTF-8 jn_nongji "key 0
screen $s/01-overview
key 1
screen $s/02-trends
key 2
screen $s/03-diagnosis
key Enter
screen $s/04-work
key Esc d Enter
screen $s/05-day
key Esc 3
screen $s/06-eligibility
key 4
screen $s/07-appeals
key Enter
screen $s/08-appeal-form
key Esc ?
screen $s/09-keys
quit"
run "$zh" jn_nongji "key 1
screen $s/10-trends-zh
key 2
screen $s/11-diagnosis-zh
key 3
screen $s/12-eligibility-zh
quit"

python3 - "$top/README.md" "$s" "$check" "$(id -un)" "$(TZ=Asia/Shanghai date +%F)" <<'PY'
import difflib, os, re, sys
readme, shots, check, login, wall = sys.argv[1:6]
titles = {
    "01-overview": "Accounts overview (several accounts: the dashboard opens here; `0` or `a`)",
    "02-trends": "Trends (`1`): settled revenue over 30 days, the cursor day's metrics, the attribution of the change",
    "03-diagnosis": "Diagnosis (`2`): every work of the window, sortable and filterable",
    "04-work": "Diagnosis, a work opened (Enter): revenue by dimension, change by cause, days with the reason for zero",
    "05-day": "Diagnosis, single-day revenue diagnosis (`d`): every work of one day and the ¥1 daily minimum",
    "06-eligibility": "Eligibility (`3`): the rules, the works grouped by why they earn or not, application and wallet",
    "07-appeals": "Appeals (`4`): the list and the selected appeal",
    "08-appeal-form": "Appeals, the form (Enter): saved as it is typed",
    "09-keys": "Keys (`?`)",
    "10-trends-zh": "趋势 (`LANG=zh_CN.UTF-8`): 指标趋势",
    "11-diagnosis-zh": "诊断 (`LANG=zh_CN.UTF-8`): 作品收益诊断, plays counted in 万",
    "12-eligibility-zh": "资格 (`LANG=zh_CN.UTF-8`): the rules and their evidence",
}
def clean(text):
    # the wall-clock day of a record (followed by its time) as the fixed today
    text = re.sub(re.escape(wall) + r"(?=[T ]\d\d:\d\d)", "2026-11-26", text)
    text = re.sub(r"(?<![\d-])" + re.escape(wall[5:]) + r"(?= \d\d:\d\d\b)", "11-26", text)
    text = re.sub(r"T\d\d:\d\d:\d\d\+08:00", "T09:30:00+08:00", text)
    text = re.sub(r"(\d\d-\d\d) \d\d:\d\d\b", r"\1 09:30", text)
    if login:
        def pad(m):
            return "ops".ljust(len(m.group(0)))
        text = re.sub(r"(?<![\w.])" + re.escape(login) + r"(?![\w.])", pad, text)
    lines = [l.rstrip() for l in text.split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "\n".join(lines)
out = []
for i, name in enumerate(sorted(titles)):
    body = clean(open(os.path.join(shots, name), encoding="utf-8").read())
    if i < 2:
        out.append("**%s**\n\n```text\n%s\n```\n" % (titles[name], body))
    else:
        out.append("<details><summary>%s</summary>\n\n```text\n%s\n```\n\n</details>\n"
                   % (titles[name].replace("`", ""), body))
begin = "<!-- screens:begin (scripts/screenshots.sh writes this part) -->"
end = "<!-- screens:end -->"
old = open(readme, encoding="utf-8").read()
if begin not in old or end not in old:
    sys.exit("screenshots: README.md lacks the markers %s ... %s" % (begin, end))
a = old.index(begin) + len(begin)
b = old.index(end)
new = old[:a] + "\n" + "\n".join(out) + old[b:]
if check == "yes":
    if new != old:
        sys.stdout.writelines(difflib.unified_diff(
            old.splitlines(True), new.splitlines(True), "README.md", "regenerated"))
        sys.exit("screenshots: README.md differs from the program: run sh scripts/screenshots.sh")
    print("README.md captures are current")
elif new != old:
    open(readme, "w", encoding="utf-8").write(new)
    print("README.md captures updated")
else:
    print("README.md captures are current")
PY
