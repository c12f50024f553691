#!/usr/bin/env python3
"""Imports that never guess (issue 16): every row read is accounted for,
IDs are the cells' own digits, two works of one export are never merged,
and the Creator Center's status labels are read as exports carry them.
Also: a bad stored estimate never makes the reports unusable."""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, query, xlsx  # noqa: E402

t = Env("exact")
db = t.path("exact.db")
t.run("--db", db, "demo", check=0)


def write(name, data):
    f = t.path(name)
    with open(f, "wb") as fh:
        fh.write(data.encode() if isinstance(data, str) else data)
    return f


def summary(p):
    m = re.search(r"(\d+) rows: (\d+) inserted, (\d+) updated, (\d+) unchanged, "
                  r"(\d+) rejected", p.stdout)
    t.expect(m is not None, "no summary in %r" % p.stdout)
    return [int(x) for x in m.groups()] if m else [0] * 5


t.case("rows read = inserted + updated + unchanged + rejected, whatever was wrong")
# 1. read = inserted + updated + unchanged + rejected, whatever was wrong.
W = "7310000000000063217"
f = write("mixed.csv", "date,work_id,plays\n2026-11-01,%s,5\n2026-11-02,%s,5%s\n"
          "2026-11-03,%s,5\x00999\n2026-11-04,%s,x\n2026-11-05,%s,7\n"
          % (W, W, ",1" * 2000, W, W, W))
p = t.run("--db", db, "import", "--skip-bad-rows", f, check=0)
rows, ins, upd, same, rej = summary(p)
t.expect(rows == 5 and rej == 3 and rows == ins + upd + same + rej,
         "accounting: %r" % p.stdout)
t.expect("%s:3: 2003 fields where the header has 3" % f in p.stderr.splitlines(),
         "the wide row is named: %r" % p.stderr)
t.expect(query(db, "SELECT plays FROM daily WHERE work_id=? AND day='2026-11-03'", (W,)) != [(5,)],
         "the NUL row was cut to 5")

t.case("numeric ID cells read from their own digits")
# 2. Numeric ID cells are read from their own digits.
f = write("works.xlsx", xlsx([["work_id", "account_id", "title"],
                              [7310000000000099001, "jn_nongji", "一"],
                              [7310000000000099002, "jn_nongji", "二"]]))
p = t.run("--db", db, "import", f, check=0)
t.expect(summary(p)[1] == 2, "two works inserted: %r" % p.stdout)
t.expect(query(db, "SELECT work_id, title FROM work WHERE work_id LIKE '73100000000000990%' "
               "ORDER BY 1") == [("7310000000000099001", "一"), ("7310000000000099002", "二")],
         "the IDs are exact")

t.case("two new works published in the same minute stay two works")
# 3. Two new works published in the same minute stay two works.
HDR = "作品名称,发布时间,审核状态,播放量\n"
f = write("cc_2026-11-20.csv", HDR + "油旋 外酥里嫩,2026-11-20 18:00,公开,700\n"
          "把子肉 肥而不腻,2026-11-20 18:00,私密,900\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f, check=0)
t.expect(summary(p)[:2] == [2, 2], "two works from one minute: %r %r" % (p.stdout, p.stderr))
got = query(db, "SELECT w.title, s.plays, w.review, w.visibility FROM work w JOIN snapshot s "
            "USING (work_id) WHERE w.published_at LIKE '2026-11-20 18:00%' ORDER BY s.plays")
t.expect(got == [("油旋 外酥里嫩", 700, "approved", "public"),
                 ("把子肉 肥而不腻", 900, "approved", "self_only")], "stored: %r" % got)
t.case("the next day each row finds its own work by title")
# Again, the next day: each row finds its own work by title.
f = write("cc_2026-11-21.csv", HDR + "把子肉 肥而不腻,2026-11-20 18:00,私密,950\n"
          "油旋 外酥里嫩,2026-11-20 18:00,公开,710\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f, check=0)
t.expect(summary(p)[:2] == [2, 2], "matched by title: %r" % p.stdout)
t.expect(query(db, "SELECT count(*) FROM work WHERE published_at LIKE '2026-11-20 18:00%'")
         == [(2,)], "still two works")
t.case("one export with the same work twice: refused, never merged")
# One export with the same work twice: refused, never merged.
before = query(db, "SELECT count(*), sum(plays) FROM snapshot")
f = write("cc_2026-11-22.csv", HDR + "油旋 外酥里嫩,2026-11-20 18:00,公开,720\n"
          "油旋 外酥里嫩,2026-11-20 18:00,公开,999\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f)
t.expect(p.returncode == 3, "duplicate rows: exit %d" % p.returncode)
t.expect(any(l.startswith("%s:3: the same work as line 2 (cc-jn_nongji-20261120180000)" % f)
             for l in p.stderr.splitlines()), "duplicate named: %r" % p.stderr)
t.expect(query(db, "SELECT count(*), sum(plays) FROM snapshot") == before, "nothing written")

t.case("a review label not in the table keeps its row, with a warning")
# 12. A label not in the table keeps its row, with a warning.
f = write("cc_2026-11-23.csv", HDR + "新作 标题,2026-11-23 09:00,待定,100\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f, check=0)
t.expect(p.returncode == 0, "unknown label: exit %d" % p.returncode)
t.expect(summary(p)[:2] == [1, 1], "unknown label kept: %r" % p.stdout)
t.expect("%s:2: 审核状态: unknown label '待定': the row is kept with review "
         "unknown, its visibility as it was" % f in p.stderr.splitlines(),
         "the label is named: %r" % p.stderr)
got = query(db, "SELECT w.review, w.visibility, h.effective_on, h.value FROM work w "
            "JOIN work_history h USING (work_id) WHERE w.title = '新作 标题' "
            "AND h.attr = 'review'")
t.expect(got == [("unknown", "public", "2026-11-23", "unknown")],
         "review unknown from the export's day: %r" % got)
p = t.run("--db", db, "check", "--work", "cc-jn_nongji-20261123090000", "--on",
          "2026-11-23", "--format", "json", check=1)
t.expect('review status unknown (label 待定): not assessed' in p.stdout,
         "check names the label: %r" % p.stdout[:400])
t.expect(query(db, "SELECT review_label FROM work WHERE title = '新作 标题'") == [("待定",)],
         "the label is kept with the work")
t.case("a works file states the review unknown (未知), and puts it right later")
# A works file can say it too (unknown / 未知), and put it right later.
f = write("works_unknown.csv", "work_id,account_id,review\n"
          "cc-jn_nongji-20261123090000,jn_nongji,未知\n")
p = t.run("--db", db, "import", f, check=0)
t.expect(p.returncode == 0, "review 未知 in a works file: %d %r" % (p.returncode, p.stderr))
f = write("works_known.csv", "work_id,account_id,review\n"
          "cc-jn_nongji-20261123090000,jn_nongji,approved\n")
p = t.run("--db", db, "import", f, check=0)
t.expect(query(db, "SELECT review, review_label FROM work WHERE title = '新作 标题'")
         == [("approved", None)], "review set right by a works file, the label gone")
t.case("an export dated before a later stated review: the later one kept, no label")
# An export dated before a later stated review: the work keeps the later
# one, and no label with it (never a label beside a known review).
f = write("works_later.csv", "work_id,account_id,review,effective_on\n"
          "cc-jn_nongji-20261123090000,jn_nongji,approved,2026-11-25\n")
t.run("--db", db, "import", f, check=0)
f = write("late_2026-11-24.csv", HDR + "新作 标题,2026-11-23 09:00,复审,120\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f, check=0)
t.expect(query(db, "SELECT review, review_label FROM work WHERE title = '新作 标题'")
         == [("approved", None)], "the later review holds: %r" % p.stderr)
t.expect(p.returncode == 0, "a label before a later review: exit %d" % p.returncode)

t.case("a later export's label changes a known work's status from its day on")
# A later export's label changes a known work's status from its day on.
f = write("cc_2026-11-24.csv", HDR + "油旋 外酥里嫩,2026-11-20 18:00,私密,730\n")
p = t.run("--db", db, "import", "--account", "jn_nongji", f, check=0)
got = query(db, "SELECT w.visibility, h.effective_on, h.value FROM work w JOIN work_history h "
            "USING (work_id) WHERE w.title = '油旋 外酥里嫩' AND h.attr = 'visibility' "
            "ORDER BY h.effective_on")
t.expect(got == [("self_only", "2026-11-20", "public"), ("self_only", "2026-11-24", "self_only")],
         "visibility from the label, dated: %r" % got)

t.case("absurd stored values: reports still work, a rescore puts sane values back")
# 9. Absurd stored values (an estimate an older version stored as
# INT64_MIN, plays no rescore would write): reports still work, and a
# rescore puts sane values back.
con = __import__("sqlite3").connect(db)
con.execute("UPDATE work_score SET profitable_plays = 9223372036854775807")
con.execute("UPDATE account_score SET estimated_fen = -9223372036854775808")
con.commit()
con.close()
for what in ("accounts", "works", "daily"):
    p = t.run("--db", db, "report", what, "--format", "csv")
    t.expect(p.returncode == 0 and "overflow" not in p.stderr,
             "report %s with a bad stored value: %d %r" % (what, p.returncode, p.stderr[:200]))
t.run("--db", db, "rescore", check=0)
t.expect(query(db, "SELECT count(*) FROM work_score WHERE profitable_plays = 9223372036854775807")
         + query(db, "SELECT count(*) FROM account_score WHERE estimated_fen < 0") == [(0,), (0,)],
         "rescore replaced the bad values")
t.finish()
