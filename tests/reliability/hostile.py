#!/usr/bin/env python3
"""Hostile text through a real terminal emulator: work titles carrying
ESC/OSC/CSI sequences, C1 controls, CR and BS, bidi overrides, zero-width
and combining characters and a 1,000-character title are stored exactly
as given, shown as visible text, never reach the terminal as controls,
never shift a column, and crash nothing."""
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "screen"))
from ptlib import Env, PT, query, skip_all  # noqa: E402
try:
    from ptyterm import Term  # noqa: E402
except ImportError:
    skip_all("hostile.py needs python3-pyte (apt-get install python3-pyte)")

TITLES = {
    "h0": "osc \x1b]0;pwned\x07 title",
    "h1": "csi \x1b[2J\x1b[H cleared",
    "h2": "c1 \u009b31m red",
    "h3": "cr\rback\bspace",
    "h4": "bidi \u202eevil\u202c end",
    "h5": "zw\u200b\u200bx e\u0301\u0301",
    # As long as a title may be (1,000 characters, issue 16).
    "h6": "long " + "长" * 995,
}
SHOWN = {   # what a person must see for each (a prefix of the cell)
    "h0": "osc ^[]0;pwned^G",
    "h1": "csi ^[[2J^[[H",
    "h2": "c1 <U+009B>31m",
    "h3": "cr^Mback^Hspace",
    "h4": "bidi <U+202E>evil",
}
# Bytes that must never reach the terminal from the data.
FORBIDDEN = [b"\x1b]0;pwned", b"\x1b[2J\x1b[H cleared", b"\xc2\x9b", b"\xe2\x80\xae",
             b"back\x08space", b"cr\rback"]

t = Env("hostile")
db = t.path("hostile.db")
t.run("--db", db, "demo", check=0)
works_csv = t.path("works.csv")
daily_csv = t.path("daily.csv")
with open(works_csv, "w", encoding="utf-8") as f:
    f.write("work_id,account_id,title,published_at\n")
    for wid, title in TITLES.items():
        f.write('%s,jn_nongji,"%s",2026-11-01 10:00\n' % (wid, title.replace('"', '""')))
with open(daily_csv, "w") as f:
    f.write("date,work_id,plays,profitable_plays,likes,favorites,revenue\n")
    for wid in TITLES:
        for d in range(10, 26):
            # Large enough to sort to the top of the revenue column.
            f.write("2026-11-%02d,%s,900000,800000,40000,9000,5000.00\n" % (d, wid))
t.run("--db", db, "import", "--quiet", works_csv, daily_csv, check=0)
t.case("hostile titles stored exactly as given")
for wid, title in TITLES.items():
    got = query(db, "SELECT title FROM work WHERE work_id=?", (wid,))
    t.expect(got == [(title,)], "%s stored as given" % wid)

# Issue 16, 8: every output format is terminal-safe. To a terminal, CSV
# shows the controls as escapes; JSON escapes C1 and bidi always; a file
# name in a message is shown escaped.
import json
import pty
import subprocess as sp


def on_pty(*args):
    """Runs partner-tui with stdout and stderr on a pty; all it wrote."""
    master, slave = pty.openpty()
    p = sp.Popen([PT] + list(args), env=dict(t.env, LANG="C.UTF-8", LC_ALL="C.UTF-8"),
                 stdout=slave, stderr=slave, stdin=sp.DEVNULL)
    os.close(slave)
    out = b""
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    p.wait()
    os.close(master)
    return p.returncode, out


for fmt in ("csv", "table", "json"):
    t.case("report --format %s to a terminal: controls shown, never passed" % fmt)
    code, out = on_pty("--db", db, "report", "works", "--account", "jn_nongji",
                       "--format", fmt)
    t.expect(code == 0, "report %s on a terminal: exit %d" % (fmt, code))
    for bad in FORBIDDEN + [b"\x1b]52;"]:
        t.expect(bad not in out, "report --format %s to a terminal passed %r" % (fmt, bad))
    t.expect(b"osc ^[]0;pwned^G" in out or b"osc \\u001b]0;pwned\\u0007" in out,
             "report --format %s: the OSC is visible: %r" % (fmt, out[:200]))
# To a pipe CSV is the data as stored; JSON escapes C1 and bidi always.
t.case("reports to a pipe: CSV the stored bytes, JSON escaping C1 and bidi")
p = t.run("--db", db, "report", "works", "--account", "jn_nongji", "--format", "csv")
t.expect("\x1b]0;pwned\x07" in p.stdout, "CSV to a pipe keeps the stored bytes")
p = t.run("--db", db, "report", "works", "--account", "jn_nongji", "--format", "json")
t.expect("\u009b" not in p.stdout and "\u202e" not in p.stdout,
         "JSON to a pipe printed C1 or bidi raw")
t.expect("\\u009b31m" in p.stdout and "\\u202eevil" in p.stdout,
         "JSON escapes C1 and bidi as \\u")
titles = {w["work_id"]: w["title"] for w in json.loads(p.stdout)["rows"]
          if w["work_id"] in TITLES}
t.expect(titles == TITLES, "JSON still decodes to the stored titles")
# A file name that carries escapes is shown escaped.
t.case("a file name carrying escapes is shown escaped")
evil = t.path("x\x1b]0;evil\x07.csv")
with open(evil, "w") as f:
    f.write("date,work_id,plays\n2026-11-01,h0,-1\n")
code, out = on_pty("--db", db, "import", evil)
t.expect(code == 3, "evil file name: exit %d" % code)
t.expect(b"\x1b]0;evil" not in out, "a file name drove the terminal: %r" % out[:300])
t.expect(b"x^[]0;evil^G.csv:2: plays: negative count (-1)" in out,
         "the file name is shown escaped: %r" % out[:300])

env = dict(t.env, TERM="xterm-256color", LANG="C.UTF-8", LC_ALL="C.UTF-8",
           ESCDELAY="25", PARTNER_TUI_ACCOUNT="jn_nongji")
for cols, rows in ((80, 24), (132, 43)):
    t.case("the dashboard at %dx%d: titles as visible text, the terminal's title "
           "untouched, the day column aligned, every detail opens" % (cols, rows))
    term = Term([PT, "--db", db], env, cols, rows)
    try:
        term.screen.set_title("untouched")
        term.wait(lambda s: "Trends" in s.line(0), what="the frame")
        term.send("2")
        term.wait(lambda s: "[2 Diagnosis]" in s.line(0), what="Diagnosis")
        if cols >= 132:
            for wid, shown in SHOWN.items():
                term.wait(lambda s: shown in s.text(), what=repr(shown))
        else:
            # Narrow titles are cut: the visible escapes still start them.
            for shown in ("osc ^[]0;", "csi ^[[2J", "c1 <U+009B>", "cr^Mback",
                          "bidi <U+202E"):
                term.wait(lambda s: shown in s.text(), what=repr(shown))
        term.settle()
        t.expect(term.screen.title == "untouched",
                 "%dx%d: the terminal title became %r" % (cols, rows, term.screen.title))
        for bad in FORBIDDEN:
            t.expect(bad not in term.raw, "%dx%d: %r reached the terminal" % (cols, rows, bad))
        # Columns line up: the published day sits in the same column on
        # every row that shows a hostile title.
        cols_of_day = set()
        for y in range(rows):
            line = term.line(y)
            if "11-01" in line and any(p in line for p in ("osc", "csi", "c1 ", "cr^M",
                                                             "bidi", "zw", "long")):
                row = term.screen.buffer[y]
                data = [row[x].data for x in range(term.cols)]
                cols_of_day.add(next(x for x in range(term.cols - 5)
                                     if "".join(data[x:x + 5]) == "11-01"))
        t.expect(len(cols_of_day) == 1, "%dx%d: the day column moved: %r\n%s"
                 % (cols, rows, cols_of_day, term.text()))
        # Open every hostile work: nothing crashes, the screen stays whole.
        term.send("Home")
        for i in range(len(TITLES)):
            term.send("Enter")
            term.settle()
            t.expect(term.screen.title == "untouched", "detail %d: title changed" % i)
            term.send("Esc", "Down")
            term.settle()
        term.send("q")
        t.expect(term.wait_exit() == 0, "%dx%d: exit status %r" % (cols, rows, term.status))
        for bad in FORBIDDEN:
            t.expect(bad not in term.raw, "%dx%d after details: %r reached the terminal"
                     % (cols, rows, bad))
    except AssertionError as e:
        t.fail("%dx%d: %s" % (cols, rows, e))
    finally:
        term.close()
# pyte 0.8 drops the rest of a line after a zero-width space, so the
# zero-width and combining title is looked at through tmux as well.
import shutil
import subprocess
import time
t.case("through tmux: the zero-width and combining title, the day column aligned")
if shutil.which("tmux"):
    sock = t.path("tmux.sock")
    cmd = " ".join("%s=%s" % (k, v) for k, v in (
        ("HOME", env["HOME"]), ("XDG_DATA_HOME", env["XDG_DATA_HOME"]),
        ("XDG_CONFIG_HOME", env["XDG_CONFIG_HOME"]), ("PARTNER_TUI_TODAY", env["PARTNER_TUI_TODAY"]),
        ("PARTNER_TUI_ACCOUNT", "jn_nongji"), ("LANG", "C.UTF-8"), ("LC_ALL", "C.UTF-8")))
    subprocess.run(["tmux", "-S", sock, "-f", "/dev/null", "new-session", "-d", "-x", "132",
                    "-y", "43", "env %s %s --db %s" % (cmd, PT, db)], check=True)
    try:
        def capture():
            return subprocess.run(["tmux", "-S", sock, "capture-pane", "-p"],
                                  stdout=subprocess.PIPE, text=True).stdout
        deadline = time.monotonic() + 10
        while "Trends" not in capture() and time.monotonic() < deadline:
            time.sleep(0.05)
        subprocess.run(["tmux", "-S", sock, "send-keys", "2"])
        deadline = time.monotonic() + 10
        screen = ""
        while time.monotonic() < deadline:
            screen = capture()
            if "zw" in screen and "bidi" in screen:
                break
            time.sleep(0.05)
        rows = [l for l in screen.splitlines() if "2026-11-01" in l]
        zw = [l for l in rows if l.lstrip(" >").startswith("zw")]
        t.expect(len(zw) == 1 and "x e\u0301\u0301" in zw[0], "tmux: zero-width row %r" % zw)
        # tmux gives each row as text: the day must start at the same
        # display column on every hostile row.
        import unicodedata

        def width(text):
            return sum(0 if unicodedata.combining(c) or c == "\u200b" else
                       2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
        starts = {width(l[:l.index("2026-11-01")]) for l in rows}
        t.expect(len(starts) == 1, "tmux: the day column moved: %r\n%s" % (starts, screen))
    finally:
        subprocess.run(["tmux", "-S", sock, "kill-server"], stderr=subprocess.DEVNULL)
else:
    t.fail("tmux is missing: apt-get install tmux")
t.finish()
