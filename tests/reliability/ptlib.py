"""Shared by the Python tests: the binary under test, a private temporary
directory, running partner-tui with a fixed 'today', and their output as
TAP: each t.case("...") is one result of make check, failing when any
check in it failed."""
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                "..", "screen"))
import tap  # noqa: E402
from tap import skip_all  # noqa: E402,F401

TOP_BUILD = os.environ.get("top_builddir") or os.path.abspath(
    os.path.join(os.path.dirname(__file__), "..", ".."))
TOP_SRC = os.environ.get("top_srcdir") or TOP_BUILD
PT = os.path.join(TOP_BUILD, "src", "partner-tui")
TODAY = "2026-11-26"


class Env:
    def __init__(self, name):
        self.dir = tempfile.mkdtemp(prefix="pt-%s-" % name)
        self.env = dict(os.environ)
        self.env.update(HOME=os.path.join(self.dir, "home"),
                        XDG_DATA_HOME=os.path.join(self.dir, "data"),
                        XDG_CONFIG_HOME=os.path.join(self.dir, "config"),
                        PARTNER_TUI_TODAY=TODAY,
                        PARTNER_TUI_DATADIR=os.path.join(TOP_SRC, "share", "partner-tui"))
        self.env.pop("PARTNER_TUI_DB", None)
        os.makedirs(self.env["HOME"])
        self.name = name
        self.failures = 0
        self.checks = 0
        self.cases = 0          # TAP results printed
        self.case_name = None   # the case being run
        self.case_checks = 0
        self.case_failed = False

    def case(self, name):
        """Starts the next case; the one before it is reported."""
        self._report()
        self.case_name = name

    def _report(self):
        if self.case_name is None and self.case_checks == 0:
            return
        self.cases += 1
        print("%s %d - %s" % ("not ok" if self.case_failed else "ok", self.cases,
                              tap.describe(self.case_name or self.name + ": setup")))
        sys.stdout.flush()
        self.case_name = None
        self.case_checks = 0
        self.case_failed = False

    def path(self, name):
        return os.path.join(self.dir, name)

    def run(self, *args, stdin=None, check=None):
        p = subprocess.run([PT] + list(args), env=self.env, input=stdin,
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           text=True)
        if check is not None and p.returncode != check:
            self.fail("%s exited %d, expected %d: %s" % (
                " ".join(args), p.returncode, check, p.stderr[:400]))
        return p

    def popen(self, *args):
        return subprocess.Popen([PT] + list(args), env=self.env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                text=True)

    def expect(self, cond, what):
        self.checks += 1
        self.case_checks += 1
        if not cond:
            self.fail(what)

    def fail(self, what):
        self.failures += 1
        self.case_checks += 1
        self.case_failed = True
        for line in what.splitlines():
            print("# FAIL: " + line)

    def skip_rest(self, reason):
        """Skips what is left (loudly): the case being run is reported as
        skipped, or the whole file when no case was reported yet."""
        shutil.rmtree(self.dir, ignore_errors=True)
        if self.case_failed:
            self._report()
        if self.cases == 0:
            skip_all(reason)
        self.cases += 1
        print("ok %d - %s # SKIP %s" % (self.cases, tap.describe(
            self.case_name or "the rest of " + self.name), reason))
        print("1..%d" % self.cases)
        sys.exit(1 if self.failures else 0)

    def finish(self):
        self._report()
        shutil.rmtree(self.dir, ignore_errors=True)
        print("1..%d" % self.cases)
        print("# %d checks, %d failures" % (self.checks, self.failures))
        sys.exit(1 if self.failures else 0)


def integrity(db):
    con = sqlite3.connect(db)
    try:
        return con.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        con.close()


def query(db, sql, args=()):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql, args).fetchall()
    finally:
        con.close()


def xlsx(rows):
    """A minimal xlsx (inline strings; ints and floats as number cells,
    a str starting with '=' as the raw text of a number cell)."""
    import io
    from xml.sax.saxutils import escape

    def col(c):
        name = ""
        c += 1
        while c:
            c, r = divmod(c - 1, 26)
            name = chr(ord("A") + r) + name
        return name

    def cell(c, v):
        if isinstance(v, tuple):    # (column index, value) placed there
            c, v = v
        ref = col(c)
        if isinstance(v, (int, float)):
            return '<c r="%s"><v>%r</v></c>' % (ref, v)
        if v.startswith("="):
            return '<c r="%s"><v>%s</v></c>' % (ref, v[1:])
        return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, escape(v))
    sheet = "".join('<row r="%d">%s</row>' % (i + 1, "".join(cell(c, v) for c, v in enumerate(r)))
                    for i, r in enumerate(rows))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("xl/workbook.xml", '<workbook xmlns:r="r"><sheets><sheet name="S" '
                   'sheetId="1" r:id="rId1"/></sheets></workbook>')
        z.writestr("xl/_rels/workbook.xml.rels", '<Relationships><Relationship Id="rId1" '
                   'Target="worksheets/sheet1.xml"/></Relationships>')
        z.writestr("xl/worksheets/sheet1.xml", "<worksheet><sheetData>%s</sheetData>"
                   "</worksheet>" % sheet)
    return out.getvalue()
