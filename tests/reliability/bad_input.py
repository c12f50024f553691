#!/usr/bin/env python3
"""The bad-input catalogue: malformed files and arguments, each with the
exact message (one whole line of stderr) and exit code expected. Every
rejected import must also leave the database exactly as it was."""
import hashlib
import os
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, query, xlsx  # noqa: E402

W = "7310000000000063217"          # a demo work of jn_nongji

JE = '{"extra":{"error_code":0,"description":""},"data":{"error_code":0,"description":"",'
REJECT = ("partner-tui: {f}: 1 bad row: nothing was imported (fix the rows, "
          "or give --skip-bad-rows to import the good ones)")

# (name, file bytes or None, extra args, exit code, expected stderr lines)
# In args and lines, {f} is the file's path and {db} the database's.
CASES = [
    ("negative_count", "date,work_id,plays\n2026-11-01,%s,-5\n" % W, [], 3,
     ["{f}:2: plays: negative count (-5)", REJECT]),
    ("rate_above_100", "date,work_id,completion_rate\n2026-11-01,%s,120%%\n" % W, [], 3,
     ["{f}:2: completion_rate: rate above 100% (120%)"]),
    ("no_such_date", "date,work_id,plays\n2026-02-30,%s,5\n" % W, [], 3,
     ["{f}:2: date: no such date (2026-02-30)"]),
    ("chinese_no_such_date", "日期,作品ID,播放量\n2026年2月30日,%s,5\n" % W, [], 3,
     ["{f}:2: 日期: no such date (2026年2月30日)"]),
    ("unknown_work", "date,work_id,plays\n2026-11-01,nosuchwork,5\n", [], 3,
     ["{f}:2: work_id: unknown work (import its works file first) (nosuchwork)"]),
    ("overflow", "date,work_id,plays\n2026-11-01,%s,99999999999999999999999\n" % W, [], 3,
     ["{f}:2: plays: number too large (99999999999999999999999)"]),
    ("too_many_fields", "date,work_id,plays\n2026-11-01,%s,5,6\n" % W, [], 3,
     ["{f}:2: 4 fields where the header has 3"]),
    ("unknown_header", "foo,bar\n1,2\n", [], 3,
     ["partner-tui: {f}:1: the header matches none of the known tables (accounts, "
      "works, daily, violations, applications, wallet, appeal results, the Creator "
      "Center export): "
      "see IMPORT FORMATS in partner-tui(1)"]),
    ("unknown_kind", "account_id,name,kind\nzz,Z,company\n", [], 3,
     ["{f}:2: kind: unknown value; expected personal, enterprise, "
      "enterprise_affiliated or 个人, 企业, 企业关联 (company)"]),
    ("not_a_number", "date,work_id,plays\n2026-11-01,%s,abc\n" % W, [], 3,
     ["{f}:2: plays: not a number (abc)"]),
    ("unterminated_quote", "date,work_id,plays\n2026-11-01,%s,\"5\n" % W, [], 3,
     ["partner-tui: {f}:2: malformed CSV: the file ends inside a quoted field"]),
    ("json_error_code", '{"extra":{"error_code":2190008,"description":"access_token expired"},'
     '"data":{"error_code":2190008,"description":"access_token过期"}}', [], 3,
     ["partner-tui: {f}: the Open Platform answered error 2190008 in extra: "
      "access_token expired"]),
    ("empty_file", "", [], 3, ["partner-tui: {f}: no header row: the file is empty"]),
    ("invalid_utf8", b"date,work_id,plays\n2026-11-01,7310000000000063217,\xff\xfe\n", [], 3,
     ["{f}:2: plays: invalid UTF-8 (\\xFF\\xFE)"]),
    ("unknown_status", "account_id,work_id,date,kind,status\njn_nongji,,2026-11-01,x,maybe\n",
     [], 3, ["{f}:2: status: unknown value; expected active, overturned or 生效, 已撤销 (maybe)"]),
    ("negative_withdrawal", "account_id,date,kind,amount\njn_nongji,2026-11-01,withdrawal,-5\n",
     [], 3, ["{f}:2: amount: negative amount (the kind gives the direction; only an "
             "adjustment may be negative) (-5)"]),
    ("sub_fen_revenue", "date,work_id,revenue\n2026-11-01,%s,1.234\n" % W, [], 3,
     ["{f}:2: revenue: more precise than a fen (0.01) (1.234)"]),
    ("works_unknown_account", "work_id,account_id,title\n99,nobody,T\n", [], 3,
     ["{f}:2: account_id: unknown account (import its accounts file first) (nobody)"]),
    ("works_unknown_visibility", "work_id,account_id,title,visibility\n99,jn_nongji,T,friends\n",
     [], 3, ["{f}:2: visibility: unknown value; expected public, one_day, self_only, "
             "deleted or 公开, 一日可见, 仅自己可见, 已删除 (friends)"]),
    ("works_unknown_commercial", "work_id,account_id,title,commercial\n99,jn_nongji,T,sponsored\n",
     [], 3, ["{f}:2: commercial: unknown value; expected none, ad, commercial_order, "
             "sales, paid or 无, 广告, 商单, 带货, 付费 (sponsored)"]),
    ("works_bad_published", "work_id,account_id,title,published_at\n99,jn_nongji,T,yesterday\n",
     [], 3, ["{f}:2: published_at: not a date (2026-11-03, 2026/11/3 or 2026年11月3日) "
             "(yesterday)"]),
    ("works_bad_duration", "work_id,account_id,title,duration\n99,jn_nongji,T,00:99:00\n",
     [], 3, ["{f}:2: duration: minutes or seconds above 59 (00:99:00)"]),
    ("works_bad_boolean", "work_id,account_id,title,original\n99,jn_nongji,T,maybe\n",
     [], 3, ["{f}:2: original: not yes/no (yes, no, true, false, 1, 0, 是, 否) (maybe)"]),
    ("duplicate_column", "date,work_id,plays,plays\n2026-11-01,%s,5,6\n" % W, [], 3,
     ["partner-tui: {f}:1: column 'plays' appears twice"]),
    ("rate_two_points", "date,work_id,completion_rate\n2026-11-01,%s,12.3.4%%\n" % W, [], 3,
     ["{f}:2: completion_rate: not a number (12.3.4%)"]),
    ("double_wan", "date,work_id,plays\n2026-11-01,%s,1.2万万\n" % W, [], 3,
     ["{f}:2: plays: not a number (1.2万万)"]),
    ("bad_duration", "date,work_id,avg_play_duration\n2026-11-01,%s,1:2:3:4\n" % W, [], 3,
     ["{f}:2: avg_play_duration: not a duration (00:01:23 or 83) (1:2:3:4)"]),
    ("double_yuan_sign", "date,work_id,revenue\n2026-11-01,%s,¥¥3\n" % W, [], 3,
     ["{f}:2: revenue: not a number (¥¥3)"]),
    ("no_such_time", "date,work_id,plays\n2026-11-01 25:00,%s,5\n" % W, [], 3,
     ["{f}:2: date: no such time (2026-11-01 25:00)"]),
    ("json_array", "[1,2,3]", [], 3,
     ["partner-tui: {f}:1: the header matches none of the known tables (accounts, "
      "works, daily, violations, applications, wallet, appeal results, the Creator "
      "Center export): "
      "see IMPORT FORMATS in partner-tui(1)"]),
    ("json_no_such_date", '{"extra":{"error_code":0,"description":""},"data":{"error_code":0,'
     '"description":"","result_list":[{"date":"2026-11-31","total_play":5}]}}',
     ["--work", W], 3, ["{f}:1: date: no such date (2026-11-31)"]),
    ("json_negative", '{"extra":{"error_code":0,"description":""},"data":{"error_code":0,'
     '"description":"","result_list":[{"date":"2026-11-01","total_play":-5}]}}',
     ["--work", W], 3, ["{f}:1: plays: negative count (-5)"]),
    ("json_no_work", '{"extra":{"error_code":0,"description":""},"data":{"error_code":0,'
     '"description":"","result_list":[{"date":"2026-11-01","total_play":5}]}}', [], 2,
     ["partner-tui: {f}: an Open Platform item response names no work: give it with --work ID"]),
    ("json_data_error", '{"extra":{"error_code":0},"data":{"error_code":10008,'
     '"description":"参数不合法"}}', [], 3,
     ["partner-tui: {f}: the Open Platform answered error 10008 in data: 参数不合法"]),
    ("gb18030_bad_value", b"date,work_id,plays\n2026-11-01,7310000000000063217,\xb2\xbb\xca\xc7\n",
     [], 3, ["{f}:2: plays: not a number (不是)"]),
    ("xlsx_corrupt_zip", b"PK\x03\x04garbage", [], 3,
     ["partner-tui: {f}: not a readable xlsx (zip) archive"]),
    # Issue 16, 1: every row is accounted for; a row wider than the reader
    # keeps is a bad row, and as the header it stops the file.
    ("row_too_wide", "date,work_id,plays\n2026-11-01,%s,5%s\n" % (W, ",9" * 1030), [], 3,
     ["{f}:2: 1033 fields where the header has 3", REJECT]),
    ("header_too_wide", ",".join("c%d" % i for i in range(1030)) +
     "\naccount_id,name\nzz,Z\n", [], 3,
     ["partner-tui: {f}:1: the header row: 1030 fields: a header has at most 256"]),
    # 4: a NUL byte never cuts a value short.
    ("nul_in_count", b"date,work_id,plays\n2026-11-01,7310000000000063217,5\x00999\n", [], 3,
     ["{f}:2: plays: a NUL byte in the value", REJECT]),
    ("nul_in_title", b"work_id,account_id,title\n99,jn_nongji,ab\x00cd\n", [], 3,
     ["{f}:2: title: a NUL byte in the value", REJECT]),
    ("nul_in_header", b"date,work_id,pl\x00ays\n2026-11-01,7310000000000063217,5\n", [], 3,
     ["partner-tui: {f}:1: the header row: a NUL byte in the value"]),
    # 2: an ID a spreadsheet kept as a number in scientific notation.
    ("xlsx_id_lost_digits", xlsx([["date", "work_id", "plays"],
                                  ["2026-11-01", "=7.3100000000000635E+18", 5]]), [], 3,
     ["{f}:2: work_id: an ID written as a number in scientific notation has lost "
      "its digits: export the column as text (7.3100000000000635E+18)", REJECT]),
    ("xlsx_value_beyond_1024", xlsx([["date", "work_id", "plays"],
                                     ["2026-11-01", W, 5, (1100, "lost?")]]), [], 3,
     ["{f}:2: values beyond column 1024", REJECT]),
    ("csv_id_lost_digits", "work_id,account_id,title\n7.31E+18,jn_nongji,T\n", [], 3,
     ["{f}:2: work_id: an ID written as a number in scientific notation has lost "
      "its digits: export the column as text (7.31E+18)", REJECT]),
    # 6: JSON is read strictly.
    ("json_two_documents", JE + '"result_list":[{"date":"2026-11-01","total_play":5}]}}'
     '{"extra":{}}', ["--work", W], 3,
     ["partner-tui: {f}: text after the JSON document (byte 137): save one response per file"]),
    ("json_duplicate_key", JE + '"result_list":[{"date":"2026-11-01","total_play":5,'
     '"total_pl\\u0061y":6}]}}', ["--work", W], 3,
     ["partner-tui: {f}: byte 134: the key \"total_play\" appears twice in one object"]),
    ("json_error_code_fraction", '{"extra":{"error_code":0.5},"data":{"error_code":0,'
     '"result_list":[]}}', ["--work", W], 3,
     ["partner-tui: {f}: error_code in extra is not an integer (0.5)"]),
    ("json_list_without_dates", JE + '"result_list":[{"total_play":5}]}}', ["--work", W], 3,
     ["partner-tui: {f}:1: an entry of result_list has no \"date\" string"]),
    ("json_fraction_count", JE + '"result_list":[{"date":"2026-11-01","total_play":5.5}]}}',
     ["--work", W], 3, ["{f}:1: plays: not an integer (5.5)", REJECT]),
    ("json_beyond_64_bits", JE + '"result_list":[{"date":"2026-11-01",'
     '"total_play":99999999999999999999}]}}', ["--work", W], 3,
     ["partner-tui: {f}: byte 132: the integer 99999999999999999999 is beyond 64 bits"]),
    ("json_nul_in_value", JE + '"result_list":[{"date":"2026-11-0\\u00001","total_play":5}]}}',
     ["--work", W], 3, ["{f}:1: date: a NUL byte in the value (2026-11-0)", REJECT]),
    # 11: a truncated JSON says so.
    ("json_truncated", JE + '"result_list":[{"date":"2026-11-01","total_play":5',
     ["--work", W], 3,
     ["partner-tui: {f}: the file ends inside the JSON document (byte 133): it was cut short"]),
    # No key limit: the 41st key is read (and its bad value found).
    ("json_many_keys", JE + '"result_list":[{"date":"2026-11-01",%s,"total_play":-5}]}}' %
     ",".join('"k%d":1' % i for i in range(40)), ["--work", W], 3,
     ["{f}:1: plays: negative count (-5)", REJECT]),
    # 11: with CR-only line ends the line is still the line.
    ("cr_line_ends", "date,work_id,plays\r2026-11-01,%s,5\r\r2026-11-03,%s,x\r" % (W, W),
     [], 3, ["{f}:4: plays: not a number (x)", REJECT]),
    # 5: a title is at most 1,000 characters.
    ("title_too_long", "work_id,account_id,title\n99,jn_nongji,%s\n" % ("长" * 1001), [], 3,
     ["{f}:2: title: longer than 1000 characters (%s…)" % ("长" * 29), REJECT]),
    ("bad_last_row", "date,work_id,plays\n2026-11-01,%s,5\n2026-11-02,%s,6\n2026-11-03,%s,x7\n"
     % (W, W, W), [], 3, ["{f}:4: plays: not a number (x7)"]),
]

CLI = [
    # (name, args, exit code, expected stderr line)
    ("missing_file", ["import", "{dir}/nonexist.csv"], 4,
     "partner-tui: cannot open {dir}/nonexist.csv: No such file or directory"),
    ("import_no_file", ["import"], 2,
     "partner-tui: import needs at least one FILE: see 'partner-tui import --help'"),
    ("bad_as_of", ["import", "--as-of", "2026-13-01", "x.csv"], 2,
     "partner-tui: --as-of '2026-13-01' is not a day: write YYYY-MM-DD"),
    ("unknown_command", ["frobnicate"], 2,
     "partner-tui: unknown command 'frobnicate': see 'partner-tui --help'"),
    ("bad_today", ["--today", "2026-02-30", "appeal", "list"], 2,
     "partner-tui: today '2026-02-30' is not a day: give it as YYYY-MM-DD"),
    ("demo_extra_arg", ["demo", "extra"], 2,
     "partner-tui: demo takes no arguments: see 'partner-tui demo --help'"),
    ("import_directory", ["import", "{dir}"], 4, "partner-tui: cannot read {dir}: Is a directory"),
    # Issue 16, 7: a pipe cannot be checked for changes (nor read twice).
    ("import_device", ["import", "/dev/null"], 2,
     "partner-tui: /dev/null is not a regular file (a pipe or a device): save it to a "
     "file and import that"),
    ("appeal_show_missing", ["appeal", "show", "999"], 3,
     "partner-tui: no appeal 999 in bad.db: see 'partner-tui appeal list'"),
    ("appeal_new_no_account", ["appeal", "new", "--statement", "x"], 2,
     "partner-tui: appeal new needs --account ID"),
    ("appeal_bad_channel", ["appeal", "new", "--account", "jn_nongji", "--channel", "phone"], 2,
     "partner-tui: --channel 'phone': use diagnosis or account_detection"),
    ("appeal_unknown_account", ["appeal", "new", "--account", "nobody"], 3,
     "partner-tui: appeal not saved: account: no account 'nobody' in this database"),
    ("appeal_days_reversed", ["appeal", "new", "--account", "jn_nongji", "--from",
                              "2026-11-10", "--to", "2026-11-01"], 3,
     "partner-tui: appeal not saved: last day: the last day is before the first day"),
    ("appeal_submit_incomplete", ["appeal", "new", "--account", "jn_nongji", "--statement",
                                  "短", "--submit"], 3,
     "partner-tui: appeal not submitted: work: choose the work whose diagnosis page showed "
     "the violation; first day: give the first affected day (YYYY-MM-DD); last day: give "
     "the last affected day (YYYY-MM-DD); category: choose a category; statement: 1 "
     "characters: at least 20"),
    # A draft to refuse things on: number 1, version 1 -> 2.
    ("appeal_draft", ["appeal", "new", "--account", "jn_nongji"], 0, None),
    ("appeal_edit", ["appeal", "edit", "1", "--version", "1", "--category", "误判"], 0, None),
    ("appeal_stale_edit", ["appeal", "edit", "1", "--version", "1", "--category", "其他"], 5,
     None),
    ("appeal_draft_to_paid", ["appeal", "decide", "1", "paid"], 5,
     "partner-tui: appeal 1 is draft and cannot become paid: a draft can only be "
     "submitted or withdrawn"),
    # Issue 16, 4: a NUL byte never cuts a statement short.
    ("appeal_statement_nul", ["appeal", "new", "--account", "jn_nongji", "--statement-file",
                              "{dir}/nul.txt"], 3,
     "partner-tui: {dir}/nul.txt:2: a NUL byte in the statement: save it as plain text"),
    ("db_not_sqlite", ["--db", "{dir}/notes.txt", "appeal", "list"], 4,
     "partner-tui: {dir}/notes.txt is not an SQLite database: refusing to touch it; "
     "give another path with --db"),
]


def main():
    t = Env("bad")
    db = t.path("bad.db")
    t.run("--db", db, "demo", check=0)

    def digest():
        h = hashlib.sha256()
        for table in ("account", "work", "daily", "violation", "application", "wallet"):
            for row in query(db, "SELECT * FROM %s ORDER BY 1, 2" % table):
                h.update(repr(row).encode())
        return h.hexdigest()

    before = digest()
    for name, data, args, code, lines in CASES:
        t.case("import %s: exit %d, the message, the database unchanged" % (name, code))
        ext = ".csv"
        if isinstance(data, str) and data[:1] in "{[" and data:
            ext = ".json"
        elif isinstance(data, bytes) and data.startswith(b"PK"):
            ext = ".xlsx"
        f = t.path(name + ext)
        with open(f, "wb") as fh:
            fh.write(data.encode() if isinstance(data, str) else data)
        p = t.run("--db", db, "import", *[a.format(f=f) for a in args], f)
        t.expect(p.returncode == code, "%s: exit %d, expected %d (%s)" % (
            name, p.returncode, code, p.stderr.strip()[:300]))
        got = p.stderr.splitlines()
        for line in lines:
            want = line.format(f=f, db=db)
            t.expect(want in got, "%s: stderr lacks the line\n  %s\ngot:\n  %s" % (
                name, want, "\n  ".join(got)))
        t.expect(digest() == before, "%s: the database changed" % name)

    with open(t.path("notes.txt"), "w") as fh:
        fh.write("not a database\n")
    with open(t.path("nul.txt"), "wb") as fh:
        fh.write("第一行说明文字\n第二行\0被截断的部分\n".encode())
    os.chdir(t.dir)
    for name, args, code, line in CLI:
        t.case("%s: exit %d and the message" % (name, code))
        p = t.run("--db", "bad.db", *[a.format(dir=t.dir) for a in args])
        t.expect(p.returncode == code, "%s: exit %d, expected %d (%s)" % (
            name, p.returncode, code, p.stderr.strip()[:300]))
        if line is None:
            continue
        want = line.format(dir=t.dir, db=db)
        t.expect(want in p.stderr.splitlines(), "%s: stderr lacks the line\n  %s\ngot:\n  %s"
                 % (name, want, p.stderr))
    t.case("the CLI cases leave the database and notes.txt as they were; 40 cases")
    with open(t.path("notes.txt")) as fh:
        t.expect(fh.read() == "not a database\n", "notes.txt was modified")
    t.expect(digest() == before, "the CLI cases changed the database")
    t.expect(len(CASES) + len(CLI) >= 40, "the catalogue has %d cases; it should have 40"
             % (len(CASES) + len(CLI)))
    t.finish()


main()
