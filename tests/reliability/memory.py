#!/usr/bin/env python3
"""Bounded by design (issue 16, 5): hostile files that once took hundreds
of megabytes (an xlsx of millions of empty shared strings, a 300 MB inline
string, a quote never closed) are refused or their rows rejected, and no
import, hostile or ordinary, peaks above 64 MiB of resident memory. The
peak is the kernel's ru_maxrss of each import process, not a timing."""
import io
import os
import subprocess
import sys
import zipfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, PT, query, skip_all  # noqa: E402

LIMIT_KB = 64 * 1024
# Under AddressSanitizer (the CI's sanitizer run) resident memory is mostly
# its shadow and quarantine, not the program's: there the files must still
# be refused as they should, and the bound is the plain build's to check.
if os.environ.get("PARTNER_TUI_SANITIZERS", "").strip():
    print("# sanitizer build (%s): peak RSS reported, not bounded"
          % os.environ["PARTNER_TUI_SANITIZERS"].strip())
    LIMIT_KB = float("inf")
if not os.access("/usr/bin/time", os.X_OK):
    skip_all("memory.py needs /usr/bin/time (apt-get install time)")
t = Env("memory")
db = t.path("mem.db")
t.run("--db", db, "demo", check=0)
W = "7310000000000063217"


def run(*args):
    """Runs partner-tui; (exit code, stderr, peak RSS in KiB). Measured by
    time(1), which forks it from its own small process: ru_maxrss of a
    child of this script would count this script's memory from before the
    exec (Linux keeps the high-water mark of the old address space)."""
    rss = t.path("rss.txt")
    p = subprocess.run(["/usr/bin/time", "-f", "%M", "-o", rss, PT, "--db", db] + list(args),
                       env=t.env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    with open(rss) as fh:
        peak = int(fh.read().split()[-1])
    return p.returncode, p.stderr.decode(errors="replace"), peak


def xlsx_parts(sheet, shared=None):
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        if shared is not None:
            z.writestr("xl/sharedStrings.xml", shared)
        z.writestr("xl/worksheets/sheet1.xml", sheet)
    return out.getvalue()


def write(name, data):
    f = t.path(name)
    with open(f, "wb") as fh:
        fh.write(data)
    return f


before = query(db, "SELECT count(*), sum(plays) FROM daily")
HEADER = ('<row r="1"><c r="A1" t="inlineStr"><is><t>date</t></is></c>'
          '<c r="B1" t="inlineStr"><is><t>work_id</t></is></c>'
          '<c r="C1" t="inlineStr"><is><t>plays</t></is></c></row>')

t.case("two million empty shared strings: refused, within the bound")
# Two million empty shared strings (was: 788 MB for 28 s).
many = write("many_strings.xlsx", xlsx_parts(
    "<worksheet><sheetData>%s</sheetData></worksheet>" % HEADER,
    "<sst>" + "<si><t/></si>" * 2000000 + "</sst>"))
code, err, rss = run("import", many)
t.expect(code == 3 and "%s: more than 1048576 shared strings" % many in err,
         "many shared strings: %d %r" % (code, err[:300]))
t.expect(rss < LIMIT_KB, "many shared strings: peak RSS %d KiB" % rss)
print("# many shared strings: %.1f MiB" % (rss / 1024))

t.case("one 100 MB inline string in a cell: its row rejected, within the bound")
# One 100 MB inline string in a cell (was: imported, 2 GB RSS).
big = write("big_cell.xlsx", xlsx_parts(
    "<worksheet><sheetData>%s<row r=\"2\"><c r=\"A2\" t=\"inlineStr\"><is><t>2026-11-01"
    "</t></is></c><c r=\"B2\" t=\"inlineStr\"><is><t>%s</t></is></c><c r=\"C2\"><v>5</v>"
    "</c></row></sheetData></worksheet>" % (HEADER, "x" * (100 * 1024 * 1024))))
code, err, rss = run("import", big)
t.expect(code == 3 and "%s:2: work_id: a value longer than 32768 bytes" % big in
         err.splitlines(), "big cell: %d %r" % (code, err[:300]))
t.expect(rss < LIMIT_KB, "big cell: peak RSS %d KiB" % rss)
print("# 100 MB cell: %.1f MiB" % (rss / 1024))

t.case("a CSV whose quote never closes: refused, within the bound")
# A CSV whose quote never closes.
quote = write("open_quote.csv", b"date,work_id,plays\n2026-11-01,\"" + b"y" * (8 << 20) + b"\n")
code, err, rss = run("import", quote)
t.expect(code == 3 and "partner-tui: %s:2: a row longer than 1048576 bytes (a quote that "
         "is never closed?)" % quote in err.splitlines(), "open quote: %d %r" % (code, err[:300]))
t.expect(rss < LIMIT_KB, "open quote: peak RSS %d KiB" % rss)

t.case("a JSON file beyond what a response is: refused, within the bound, nothing written")
# A JSON file beyond what a response is.
js = write("big.json", b'{"data":{"result_list":[' + b'{"date":"2026-11-01"},' * 80000 +
           b'{"date":"2026-11-01"}]}}')
code, err, rss = run("import", "--work", W, js)
t.expect(code == 3 and "larger than the 1 MiB a JSON file may have" in err,
         "big JSON: %d %r" % (code, err[:300]))
t.expect(rss < LIMIT_KB, "big JSON: peak RSS %d KiB" % rss)
t.expect(query(db, "SELECT count(*), sum(plays) FROM daily") == before, "nothing written")

t.case("an ordinary import of 150,000 rows within the bound")
# An ordinary large import stays under the bound as well.
rows = 150000
daily = t.path("daily.csv")
with open(daily, "w") as f:
    f.write("date,work_id,plays,likes,favorites,completion_rate\n")
    for i in range(rows):
        f.write("2025-%02d-%02d,%s,%d,%d,%d,0.%02d\n"
                % (1 + i // 28 % 12, 1 + i % 28, W, i, i // 10, i // 20, i % 100))
code, err, rss = run("import", "--quiet", "--no-rescore", daily)
t.expect(code == 0, "ordinary import: %d %r" % (code, err[:300]))
t.expect(rss < LIMIT_KB, "ordinary import of %d rows: peak RSS %d KiB" % (rows, rss))
print("# ordinary %d rows: %.1f MiB" % (rows, rss / 1024))
t.finish()
