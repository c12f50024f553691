#!/bin/sh
# The interface follows the locale: zh_CN.UTF-8 gives the Chinese catalogue
# (po/zh_CN.po) in --help, error messages and the dashboard's tab titles;
# LANGUAGE, LC_ALL, LC_MESSAGES and LANG are honoured in glibc's order; any
# other locale gives English. Needs a generated zh_CN.UTF-8 locale (glibc
# ignores LANGUAGE under the C locale) and msgfmt; without them it skips,
# loudly.
. "${top_srcdir:-$(dirname "$0")/..}/tests/lib.sh"

if ! locale -a 2>/dev/null | grep -qix 'zh_CN\.utf-\?8'; then
	echo "SKIP: the zh_CN.UTF-8 locale is not generated (run scripts/install-deps.sh as root)" >&2
	exit 77
fi
if ! command -v msgfmt >/dev/null 2>&1; then
	echo "SKIP: msgfmt (gettext) is not installed" >&2
	exit 77
fi
ZH=$(locale -a | grep -ix 'zh_CN\.utf-\?8' | head -n 1)
unset LANGUAGE LC_ALL LC_MESSAGES LANG PARTNER_TUI_ACCOUNT
mkdir -p "$T/locale/zh_CN/LC_MESSAGES"
msgfmt -o "$T/locale/zh_CN/LC_MESSAGES/partner-tui.mo" "$top_srcdir/po/zh_CN.po" ||
	{ echo "FAIL: msgfmt rejects po/zh_CN.po" >&2; exit 1; }
export PARTNER_TUI_LOCALEDIR="$T/locale"
# The demo is about 2026-11-26; keep its rules answering as on that day.
export PARTNER_TUI_TODAY=2026-11-26

# --help in Chinese: the text, every command's summary, every exit code.
expect_exit 0 env LC_ALL="$ZH" "$PT" --help
expect_grep "$T/out" "用法：partner-tui"
expect_grep "$T/out" "不带命令时打开终端看板"
expect_grep "$T/out" "命令："
expect_grep "$T/out" "退出码："
expect_grep "$T/out" "0  成功"
expect_grep "$T/out" "检查资格规则"
# Each variable on its own selects Chinese ...
expect_exit 0 env LANG="$ZH" "$PT" --help
expect_grep "$T/out" "用法："
expect_exit 0 env LANG=C.UTF-8 LC_MESSAGES="$ZH" "$PT" --help
expect_grep "$T/out" "用法："
expect_exit 0 env LC_ALL=C.UTF-8 LANGUAGE=zh_CN "$PT" --help
expect_grep "$T/out" "用法："
# ... LANGUAGE wins over LC_ALL, LC_ALL over LANG ...
expect_exit 0 env LC_ALL="$ZH" LANGUAGE=en "$PT" --help
expect_grep "$T/out" "usage: partner-tui"
expect_exit 0 env LANG="$ZH" LC_ALL=C.UTF-8 "$PT" --help
expect_grep "$T/out" "usage: partner-tui"
# ... and anything else is English.
expect_exit 0 env LC_ALL=C.UTF-8 "$PT" --help
expect_grep "$T/out" "usage: partner-tui"
expect_grep "$T/out" "Exit codes:"
grep -q '用法' "$T/out" && fail "Chinese under C.UTF-8" || ok

# Messages of the subcommands, on stderr, with the exit code unchanged.
expect_exit 2 env LC_ALL="$ZH" "$PT" --db "$T/x.db" check
expect_grep "$T/err" "check 需要 --account ID 或 --work ID"
expect_exit 2 env LC_ALL="$ZH" "$PT" no-such-command
expect_grep "$T/err" "未知命令 'no-such-command'"
expect_exit 0 env LC_ALL="$ZH" "$PT" report --help
expect_grep "$T/out" "用法：partner-tui"
expect_grep "$T/out" "输出账号、作品、每日数据、收益变化归因或钱包"

# CSV and JSON keep plain digits and English keys under zh_CN.
DB="$T/demo.db"
expect_exit 0 env LC_ALL=C.UTF-8 "$PT" --db "$DB" demo
# check: the evidence from core in Chinese, the rule ids as they are.
expect_exit 1 env LC_ALL="$ZH" "$PT" --db "$DB" check --account jn_meishi
expect_grep "$T/out" "账号类型：个人"
expect_grep "$T/out" "not_enterprise"
expect_grep "$T/out" "不符合资格"
expect_exit 1 env LC_ALL=C.UTF-8 "$PT" --db "$DB" check --account jn_meishi
expect_grep "$T/out" "account kind: personal"

# The table says stored values and yes/no in the interface's language; the
# CSV below keeps them as stored.
expect_exit 0 env LC_ALL="$ZH" "$PT" --db "$DB" report accounts
grep -q '^jn_meishi .* 个人 .* 已加入 ' "$T/out" && ok || fail "kind/plan not in Chinese: $(cat "$T/out")"
grep -q '^jn_quanshui .* 企业关联 ' "$T/out" && ok || fail "企业关联 missing: $(cat "$T/out")"
grep -q 'personal\|joined\| yes \| no ' "$T/out" && fail "stored words in the zh_CN table: $(cat "$T/out")" || ok
expect_grep "$T/out" " 否 "
expect_exit 0 env LC_ALL=C.UTF-8 "$PT" --db "$DB" report accounts
grep -q '^jn_quanshui .* enterprise_affiliated .* rejected .* no ' "$T/out" && ok || fail "English table changed: $(cat "$T/out")"
expect_exit 0 env LC_ALL="$ZH" "$PT" --db "$DB" report accounts --format csv
expect_grep "$T/out" ",personal,joined,"
head -n 1 "$T/out" | grep -q '^account_id,' && ok || fail "CSV header changed under zh_CN: $(head -n 1 "$T/out")"
grep -q '万' "$T/out" && fail "万 in CSV: $(head -n 3 "$T/out")" || ok
expect_exit 0 env LC_ALL="$ZH" "$PT" --db "$DB" report daily --format json
grep -q '万' "$T/out" && fail "万 in JSON" || ok
expect_grep "$T/out" '"profitable_plays"'

# The dashboard, headless through its script harness, in Chinese.
cat >"$T/script" <<EOS
screen $T/overview.txt
key 1
screen $T/trends.txt
key 2
screen $T/diag.txt
key 3
screen $T/elig.txt
key 4
screen $T/appeals.txt
key ?
screen $T/help.txt
quit
EOS
expect_exit 0 env LC_ALL="$ZH" PARTNER_TUI_NO_DISPLAY=1 TERM=xterm \
	COLUMNS=100 LINES=30 PARTNER_TUI_SCRIPT="$T/script" "$PT" --db "$DB"
for f in overview trends diag elig appeals help; do
	[ -s "$T/$f.txt" ] || fail "no screen dump $f.txt: $(cat "$T/err")"
done
top=$(head -n 1 "$T/trends.txt")
for title in 趋势 诊断 资格 申诉; do
	case $top in
	*"$title"*) ok ;;
	*) fail "tab bar lacks $title: $top" ;;
	esac
done
expect_grep "$T/overview.txt" "账号"
expect_grep "$T/trends.txt" "指标趋势"
expect_grep "$T/diag.txt" "作品收益诊断"
# counts of 1万 and more in 万 (the demo's first account has 14,251 plays)
expect_grep "$T/diag.txt" "1.4万"
expect_grep "$T/elig.txt" "资格"
# Core's evidence and stored values, translated where they are shown.
expect_grep "$T/elig.txt" "账号类型：个人"
expect_grep "$T/elig.txt" "计划状态：已加入"
expect_grep "$T/help.txt" "按键"
# ... and in English otherwise.
expect_exit 0 env LC_ALL=C.UTF-8 PARTNER_TUI_NO_DISPLAY=1 TERM=xterm \
	COLUMNS=100 LINES=30 PARTNER_TUI_SCRIPT="$T/script" "$PT" --db "$DB"
top=$(head -n 1 "$T/trends.txt")
case $top in
*Trends*Diagnosis*Eligibility*Appeals*) ok ;;
*) fail "English tab bar expected: $top" ;;
esac
grep -q '趋势' "$T/trends.txt" && fail "Chinese under C.UTF-8" || ok
expect_grep "$T/diag.txt" "14,251"
grep -q '万' "$T/diag.txt" && fail "万 under C.UTF-8" || ok
finish
