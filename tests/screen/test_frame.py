#!/usr/bin/env python3
"""Screen tests of the dashboard frame and the Trends pane, through a
real pty and the pyte terminal emulator (and tmux where it is needed:
the alternate screen and the terminal title).

Each check is a TAP result (tests/screen/tap.py).
"""
import datetime
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyterm import Term  # noqa: E402
from tap import check, finish  # noqa: E402

BUILD = os.environ.get("top_builddir", os.getcwd())
SRC = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
PT = os.path.join(BUILD, "src", "partner-tui")
TMP = tempfile.mkdtemp(prefix="pt-screen-")
TODAY = "2026-11-26"
BASE_ENV = {
    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
    "PARTNER_TUI_TODAY": TODAY, "HOME": TMP, "XDG_DATA_HOME": TMP + "/data",
    "XDG_CONFIG_HOME": TMP + "/config", "ESCDELAY": "25",
}
for var in ("NO_COLOR", "PARTNER_TUI_SCRIPT", "PARTNER_TUI_NO_DISPLAY",
            "PARTNER_TUI_DB", "PARTNER_TUI_ACCOUNT", "LANGUAGE"):
    os.environ.pop(var, None)

def mkdb(name, *args):
    path = os.path.join(TMP, name)
    subprocess.run([sys.executable, os.path.join(SRC, "tests", "screen", "mkdb.py"),
                    "--binary", PT, path] + list(args), check=True)
    return path


def rescore(db):
    """Scores again after a test changed daily rows behind the engine's
    back (as an import would have): the engine's account-days are what
    freshness reads."""
    subprocess.run([PT, "--db", db, "rescore"], check=True,
                   stdout=subprocess.DEVNULL)


def start(db, cols=80, rows=24, **env):
    e = dict(BASE_ENV)
    e.update(env)
    return Term([PT, "--db", db], e, cols, rows)


def cell_col(t, y, s):
    """The screen column where s starts on row y (wide characters take two
    columns), or -1."""
    row = t.screen.buffer[y]
    cells = [row[x].data for x in range(t.cols)]
    for x in range(t.cols):
        got = "".join(cells[x:x + len(s)])
        if got == s:
            return x
    return -1


DB = mkdb("one.db", "--works", "6", "--days", "60", "--end", "2026-11-25")
DB3 = mkdb("three.db", "--works", "3", "--days", "20", "--accounts", "3",
           "--hostile")


@check("tabs: 1-4, Tab and S-Tab show each pane's title (80x24 and 132x43)")
def _():
    for cols, rows in ((80, 24), (132, 43)):
        t = start(DB, cols, rows)
        try:
            t.wait_text("[1 Trends]")
            assert "Indicator trends" in t.line(1), t.line(1)
            for key, title in (("2", "[2 Diagnosis]"), ("3", "[3 Eligibility]"),
                               ("4", "[4 Appeals]"), ("1", "[1 Trends]")):
                t.send(key)
                t.wait(lambda t: title in t.line(0), what=title)
            t.send("Tab")
            t.wait(lambda t: "[2 Diagnosis]" in t.line(0), what="Tab")
            t.send("S-Tab", "S-Tab")
            t.wait(lambda t: "[4 Appeals]" in t.line(0), what="S-Tab wraps")
            assert "Trends" in t.line(0) and "Diagnosis" in t.line(0)
            assert TODAY in t.line(0), t.line(0)
            assert "济南小吃王" in t.line(0), t.line(0)
        finally:
            t.close()


@check("resize 132x43 -> 80x24 -> 60x20 -> 132x43: message, then recovery")
def _():
    t = start(DB, 132, 43)
    try:
        t.wait_text("[1 Trends]")
        assert len(t.line(1)) > 100, "heading does not use 132 columns"
        t.resize(80, 24)
        t.wait(lambda t: "30 days" in t.line(1) and len(t.line(1)) <= 80,
               what="80x24 layout")
        t.resize(60, 20)
        t.wait_text("Terminal too small: 60x20")
        assert "80x24" in t.text()
        t.resize(132, 43)
        t.wait(lambda t: "[1 Trends]" in t.line(0) and len(t.line(1)) > 100,
               what="132x43 again")
        assert "too small" not in t.text()
        t.send("q")
        assert t.wait_exit() == 0
    finally:
        t.close()


@check("several accounts: the overview comes first, Chinese and ASCII names line up")
def _():
    # With several accounts the accounts overview (issue 6) replaces the
    # picker: shown first, Enter chooses, `A` (or `a` where no pane takes
    # it) comes back to it.
    t = start(DB3)
    try:
        t.wait_text("[0 Accounts]")
        t.wait_text("Choose the account")
        rows = {}
        for y in range(t.rows):
            for acct in ("acct1", "acct2", "acct3"):
                x = cell_col(t, y, acct)
                if x >= 0:
                    rows[acct] = (y, x)
        assert len(rows) == 3, rows
        cols = {x for _, x in rows.values()}
        assert len(cols) == 1, "id column not aligned: %r\n%s" % (rows, t.text())
        names = "\n".join(t.line(y) for y, _ in rows.values())
        assert "济南小吃王" in names and "Jinan Eats" in names, names
        # The name column lines up too, after a Chinese and an ASCII name.
        ncols = {cell_col(t, y, "—") for y, _ in rows.values()}
        assert len(ncols) == 1, "columns after the names differ:\n" + t.text()
        # Down then Enter chooses the next one listed.
        order = sorted(rows.items(), key=lambda kv: kv[1][0])
        cur = [a for a, (y, _) in rows.items() if t.line(y).startswith(">")][0]
        second = order[[a for a, _ in order].index(cur) + 1][0]
        t.send("Down", "Enter")
        t.wait(lambda t: "[0 Accounts]" not in t.line(0), what="overview closes")
        # Diagnosis takes `a` to appeal (issue 15); A is the account there.
        t.send("A")
        t.wait(lambda t: "[0 Accounts]" in t.line(0), what="A: overview again")
        y = rows[second][0]
        t.wait(lambda t: t.line(y).startswith(">"),
               what="chosen account marked: " + second)
    finally:
        t.close()


@check("a name holding ESC ]0;pwned BEL and CR is shown as visible text")
def _():
    # 110 columns: with the Accounts tab the bar needs them for the name.
    t = start(DB3, 110, 24, PARTNER_TUI_ACCOUNT="acct3")
    try:
        t.wait(lambda t: "pwned" in t.line(0), what="hostile name in tab bar")
        top = t.line(0)
        assert "^[]0;pwned^G name^MX" in top, top
        assert t.screen.title == "", "terminal title changed: %r" % t.screen.title
        assert b"\x1b]0;pwned" not in t.raw
        assert top.startswith("[0 Accounts]"), "tab bar damaged: " + top
        t.send("a")
        t.wait_text("Choose the account")
        assert "^[]0;pwned^G name^MX" in t.text()
    finally:
        t.close()


@check("NO_COLOR=1: no colour at all, still readable; colour without it")
def _():
    def colours(t):
        found = set()
        for y in range(t.rows):
            for x in range(t.cols):
                c = t.screen.buffer[y][x]
                if c.fg != "default" or c.bg != "default":
                    found.add((c.fg, c.bg))
        return found
    t = start(DB, NO_COLOR="1")
    try:
        t.wait_text("[1 Trends]")
        t.settle()
        assert not colours(t), colours(t)
        assert "Settled" in t.text() and "¥" in t.text()
        reverse = any(t.screen.buffer[0][x].reverse for x in range(10))
        assert reverse, "current tab not marked without colour"
    finally:
        t.close()
    t = start(DB)
    try:
        t.wait_text("[1 Trends]")
        t.settle()
        assert colours(t), "colour terminal shows no colour"
    finally:
        t.close()


@check("TERM=vt100 LANG=C: ASCII only, chart in ASCII, keys work")
def _():
    t = start(DB, TERM="vt100", LANG="C", LC_ALL="C")
    try:
        t.wait_text("[1 Trends]")
        t.settle()
        text = t.text()
        bad = sorted({ch for ch in text if ord(ch) > 0x7e})
        assert not bad, "non-ASCII on screen: %r\n%s" % (bad, text)
        assert "*" in text, "no ASCII chart:\n" + text
        assert "Y" in text and "Settled" in text
        t.send("2")
        t.wait(lambda t: "[2 Diagnosis]" in t.line(0), what="pane 2")
        t.send("q")
        assert t.wait_exit() == 0
    finally:
        t.close()


@check("cursor keys move the day and the metric; the window changes")
def _():
    t = start(DB)
    try:
        t.wait_text("2026-11-25 Wed")
        t.send("Left")
        t.wait_text("2026-11-24 Tue")
        t.send("PgUp")
        t.wait_text("2026-11-17 Tue")
        t.send("PgDn", "Right")
        t.wait_text("2026-11-25 Wed")
        t.send("Down")
        t.wait(lambda t: "Revenue (model)" in t.line(1), what="next metric")
        t.send("Up", "Up")
        t.wait(lambda t: "Revenue / 1k plays" in t.line(1), what="wraps")
        t.send("[")
        t.wait(lambda t: "7 days" in t.line(1), what="7 days")
        # The engine's split comes from a background process, for the
        # window now shown.
        # (a line, or at 80 columns a heading over a small table)
        t.wait_text("vs previous 7 days:", timeout=10)
        t.send("]", "]", "]")
        t.wait(lambda t: "180 days" in t.line(1), what="180 days")
        t.send("]")
        t.wait(lambda t: "all days" in t.line(1) and "2026-09-27" in t.line(1),
               what="all days from the first day with data")
    finally:
        t.close()


@check("? lists every key (scrolling at 80x24); any key closes it")
def _():
    t = start(DB, 132, 43)
    try:
        t.wait_text("[1 Trends]")
        t.send("?")
        t.wait_text("Keys (any key closes")
        t.settle()
        text = t.text()
        for s in ("Next pane", "Choose the account", "Reload the data",
                  "Quit", "Shorter window"):
            assert s in text, s
        t.send("x")
        t.wait(lambda t: "Keys (any key" not in t.text(), what="help closes")
        t.wait_text("2026-11-25 Wed")
    finally:
        t.close()
    t = start(DB)
    try:
        t.wait_text("[1 Trends]")
        t.send("?")
        t.wait_text("Next pane")
        t.send("PgDn", "PgDn")
        t.wait_text("Shorter window")
        t.send("Esc")
        t.wait(lambda t: "Keys (any key" not in t.text(), what="Esc closes")
    finally:
        t.close()


def settled_on(db, account, day):
    con = sqlite3.connect(db)
    try:
        return con.execute(
            "SELECT sum(d.revenue_fen) FROM daily d JOIN work w USING(work_id)"
            " WHERE w.account_id = ? AND d.day = ?", (account, day)).fetchone()[0]
    finally:
        con.close()


def yuan(fen):
    return "¥{:,}.{:02d}".format(fen // 100, fen % 100)


@check("another process's change shows within ~1 s, the cursor stays")
def _():
    db = mkdb("live.db", "--works", "3", "--days", "40")
    t = start(db)
    try:
        t.wait_text("2026-11-25 Wed")
        t.send("Left", "Left")
        t.wait_text("2026-11-23 Mon")
        before = settled_on(db, "acct1", "2026-11-23")
        t.wait_text(yuan(before))
        con = sqlite3.connect(db)
        con.create_function("pt_now", 0, lambda: "x")
        con.create_function("pt_actor", 0, lambda: "x")
        con.create_function("pt_client", 0, lambda: "x")
        with con:
            con.execute("UPDATE daily SET revenue_fen = revenue_fen + 123456"
                        " WHERE day = '2026-11-23' AND work_id = 'acct1-w0001'")
        con.close()
        # A deadline, not a measured time: the new figure must appear
        # without a key (data_version is polled while the frame sleeps).
        t.wait_text(yuan(before + 123456), timeout=3)
        assert "2026-11-23 Mon" in t.text(), "cursor moved:\n" + t.text()
    finally:
        t.close()


@check("q, SIGTERM and SIGHUP end cleanly and give the terminal back")
def _():
    for how in ("q", signal.SIGTERM, signal.SIGHUP):
        t = start(DB)
        try:
            t.wait_text("[1 Trends]")
            if how == "q":
                t.send("q")
            else:
                os.kill(t.pid, how)
            rc = t.wait_exit()
            assert rc == 0, "exit %r after %r" % (rc, how)
            tail = t.raw[-200:]
            assert b"\x1b[?1049l" in tail, "alternate screen not left: %r" % tail
        finally:
            t.close()


@check("harness: headless script dumps the screen and the model")
def _():
    script = os.path.join(TMP, "s.txt")
    with open(script, "w") as f:
        f.write("# comment\nmodel %s/m1\nkey Left Left\nscreen %s/s1\n"
                "model %s/m2\nkey 3\nmodel %s/m3\nresize 60 20\n"
                "screen %s/s2\nquit\n" % ((TMP,) * 5))
    env = dict(os.environ)
    env.update(BASE_ENV)
    env.update(PARTNER_TUI_SCRIPT=script, PARTNER_TUI_NO_DISPLAY="1",
               TERM="xterm")
    r = subprocess.run([PT, "--db", DB], env=env, capture_output=True,
                       timeout=20)
    assert r.returncode == 0, r.stderr
    m1 = dict(l.split("=", 1) for l in open(TMP + "/m1").read().splitlines())
    m2 = dict(l.split("=", 1) for l in open(TMP + "/m2").read().splitlines())
    assert m1["frame.pane"] == "trends" and m1["pane"] == "trends"
    assert m1["cursor"] == "2026-11-25" and m2["cursor"] == "2026-11-23"
    want = settled_on(DB, "acct1", "2026-11-23")
    assert m2["value.settled"] == "%d" % want, (m2["value.settled"], want)
    assert m2["shown.settled"] == yuan(want)
    want_prev = settled_on(DB, "acct1", "2026-11-22")
    assert m2["day_before.settled"] == "%d" % want_prev
    s1 = open(TMP + "/s1").read()
    assert "2026-11-23 Mon" in s1 and yuan(want) in s1, s1
    assert "frame.pane=eligibility" in open(TMP + "/m3").read()
    assert "Terminal too small: 60x20" in open(TMP + "/s2").read()
    # A bad script line is a usage error naming the line.
    with open(script, "w") as f:
        f.write("key NoSuchKey\n")
    r = subprocess.run([PT, "--db", DB], env=env, capture_output=True,
                       timeout=20)
    assert r.returncode == 2 and b"script line 1" in r.stderr, r


@check("tmux: q leaves the terminal as it was, title untouched")
def _():
    if shutil.which("tmux") is None:
        raise AssertionError("tmux is not installed (scripts/install-deps.sh)")
    sock = os.path.join(TMP, "tmux.sock")
    env = " ".join("%s=%s" % kv for kv in BASE_ENV.items())
    tm = ["tmux", "-S", sock]
    subprocess.run(tm + ["new-session", "-d", "-x", "80", "-y", "24", "sh"],
                   check=True)
    try:
        subprocess.run(tm + ["set-option", "-g", "set-titles", "off"], check=True)
        subprocess.run(tm + ["send-keys", "clear; echo before-marker", "Enter"],
                       check=True)

        def capture():
            return subprocess.run(tm + ["capture-pane", "-p"], check=True,
                                  capture_output=True, text=True).stdout

        def poll(pred, what, timeout=5):
            end = time.monotonic() + timeout
            while time.monotonic() < end:
                out = capture()
                if pred(out):
                    return out
                time.sleep(0.05)
            raise AssertionError("tmux: timed out waiting for %s:\n%s"
                                 % (what, capture()))
        before = poll(lambda s: "before-marker" in s.split("\n"), "marker")
        row = before.split("\n").index("before-marker")
        title0 = subprocess.run(tm + ["display", "-p", "#{pane_title}"],
                                capture_output=True, text=True).stdout
        subprocess.run(tm + ["send-keys", "env %s PARTNER_TUI_ACCOUNT=acct3 %s"
                             " --db %s; echo rc=$?" % (env, PT, DB3), "Enter"],
                       check=True)
        poll(lambda s: "[0 Accounts]" in s, "dashboard")
        poll(lambda s: "pwned" in s, "hostile name")
        title1 = subprocess.run(tm + ["display", "-p", "#{pane_title}"],
                                capture_output=True, text=True).stdout
        assert "pwned" not in title1 and title1 == title0, (title0, title1)
        subprocess.run(tm + ["send-keys", "q"], check=True)
        after = poll(lambda s: "rc=0" in s, "exit")
        assert "[0 Accounts]" not in after, after
        lines = after.split("\n")
        assert lines[row] == "before-marker", (before, after)
        assert "pwned" not in after and "Indicator trends" not in after
    finally:
        subprocess.run(tm + ["kill-server"], capture_output=True)


def run_script(db, lines, cols=80, rows=24, **env):
    """Runs the dashboard headless on a script; returns the files' text."""
    script = os.path.join(TMP, "script.txt")
    outs = []
    with open(script, "w") as f:
        for line in lines:
            if line in ("model", "screen"):
                path = os.path.join(TMP, "out%d" % len(outs))
                outs.append(path)
                line = line + " " + path
            f.write(line + "\n")
        f.write("quit\n")
    e = dict(os.environ)
    e.update(BASE_ENV)
    e.update(PARTNER_TUI_SCRIPT=script, PARTNER_TUI_NO_DISPLAY="1",
             TERM="xterm", COLUMNS=str(cols), LINES=str(rows))
    e.update(env)
    r = subprocess.run([PT, "--db", db], env=e, capture_output=True, timeout=30)
    assert r.returncode == 0, r.stderr
    return [open(p).read() for p in outs]


def model(text):
    m = {}
    for line in text.splitlines():
        k, v = line.split("=", 1)
        m.setdefault(k, v)
    return m


def report_csv(db, *args):
    r = subprocess.run([PT, "--db", db, "--today", TODAY, "report"] + list(args)
                       + ["--format", "csv"], capture_output=True, text=True,
                       check=True)
    lines = r.stdout.strip().splitlines()
    head = lines[0].split(",")
    return [dict(zip(head, l.split(","))) for l in lines[1:]]


@check("demo database: chart and cursor values equal report daily/attribution")
def _():
    demo = os.path.join(TMP, "demo.db")
    subprocess.run([PT, "--db", demo, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    for account in ("jn_nongji", "jn_meishi"):
        # "key 1": with several accounts the overview comes first.
        m30, m7, s7 = run_script(demo, ["key 1", "model", "key Left Left Left", "key [",
                                        "model", "screen"],
                                 PARTNER_TUI_ACCOUNT=account)
        for m in (model(m30), model(m7)):
            assert m["account"] == account
            daily = {r["date"]: r for r in
                     report_csv(demo, "daily", "--account", account,
                                "--from", m["from"], "--to", m["to"])}
            assert daily, "report daily gave nothing"
            # The chart's points are the report's settled revenue.
            series = {k[7:]: v for k, v in m.items() if k.startswith("series.")}
            for day, row in daily.items():
                if row["revenue_fen"] != "":
                    assert series.get(day) == row["revenue_fen"], (day, series.get(day), row)
            c = daily[m["cursor"]]
            assert m["value.settled"] == c["revenue_fen"], (m["value.settled"], c)
            assert m["value.estimate"] == c["estimated_fen"], (m["value.estimate"], c)
            assert m["value.plays"] == c["profitable_plays"], (m["value.plays"], c)
            # The split of the change is the engine's, to the fen.
            n = int(m["window"])
            f = datetime.date.fromisoformat(m["from"])
            att = {r["factor"]: r["change_fen"] for r in report_csv(
                demo, "attribution", "--account", account, "--from", m["from"],
                "--to", m["to"], "--vs-from", str(f - datetime.timedelta(days=n)),
                "--vs-to", str(f - datetime.timedelta(days=1)))}
            assert m["attribution.total"] == att["total"], (m, att)
            for k, v in att.items():
                if k != "total":
                    assert m["attribution." + k] == v, (k, m["attribution." + k], v)
        # What a person sees: the cursor day and its settled revenue.
        m = model(m7)
        assert m["cursor"] in s7 and m["shown.settled"] in s7, s7
        assert m["window"] == "7"


@check("a terminal that gives only errors (EOF on input) ends the program")
def _():
    e = dict(os.environ)
    e.update(BASE_ENV)
    e.update(PARTNER_TUI_NO_DISPLAY="1", TERM="xterm")
    # timeout= is the deadline: a program that spins on the errors fails it.
    r = subprocess.run([PT, "--db", DB], env=e, capture_output=True, timeout=20)
    assert r.returncode == 4, r
    assert b"terminal went away" in r.stderr, r.stderr


@check("zh_CN: tabs 趋势 · 诊断 · 资格 · 申诉, heading 指标趋势, axis in 万")
def _():
    if shutil.which("msgfmt") is None:
        raise AssertionError("msgfmt is not installed (gettext)")
    loc = os.path.join(TMP, "locale", "zh_CN", "LC_MESSAGES")
    os.makedirs(loc, exist_ok=True)
    subprocess.run(["msgfmt", "-o", os.path.join(loc, "partner-tui.mo"),
                    os.path.join(SRC, "po", "zh_CN.po")], check=True)
    t = start(DB, LANGUAGE="zh_CN",
              PARTNER_TUI_LOCALEDIR=os.path.join(TMP, "locale"))
    try:
        t.wait_text("指标趋势")
        top = t.line(0)
        for title in ("趋势", "诊断", "资格", "申诉"):
            assert title in top, top
        assert "[1 趋势]" in top, top
        t.send("Down", "Down")
        t.wait(lambda t: "获利播放量" in t.line(1), what="plays metric")
        t.settle()
        assert "万┤" in t.text(), "no 万 on the y axis:\n" + t.text()
        # A Chinese heading and the ASCII dates still fit the row.
        assert len(t.line(1)) <= 80
        # The legend names the event markers through the catalogue.
        assert "V 违规" in t.text(), "legend not in Chinese:\n" + t.text()
    finally:
        t.close()


@check("one work: Diagnosis t opens it in Trends (values = report daily --work); Esc back")
def _():
    demo = os.path.join(TMP, "demo.db")
    if not os.path.exists(demo):
        subprocess.run([PT, "--db", demo, "demo"], check=True,
                       stdout=subprocess.DEVNULL)
    m, sc, back = run_script(demo, ["key 1 2 t", "model", "screen", "key Esc",
                                    "model"], PARTNER_TUI_ACCOUNT="jn_nongji")
    m, back = model(m), model(back)
    assert m["frame.pane"] == "trends" and m["scope"] == "work", m
    work = m["work"]
    assert work and "Work:" in sc.splitlines()[1], sc
    daily = {r["date"]: r for r in report_csv(demo, "daily", "--work", work,
                                              "--from", m["from"], "--to", m["to"])}
    c = daily[m["cursor"]]
    assert m["value.settled"] == c["revenue_fen"], (m["value.settled"], c)
    assert m["value.plays"] == c["profitable_plays"], (m["value.plays"], c)
    assert m["value.estimate"] == c["estimated_fen"], (m["value.estimate"], c)
    assert back["scope"] == "account" and back["work"] == "", back


@check("an empty database and an account without figures: a message, no crash")
def _():
    empty = os.path.join(TMP, "empty.db")
    sc, m = run_script(empty, ["key Left ] ] ] ] [ Down 2 3 4 1 r", "screen",
                               "model"])
    assert "No accounts yet" in sc, sc
    assert model(m)["frame.account"] == "", m
    nodata = mkdb("nodata.db", "--works", "0", "--days", "1")
    sc, m = run_script(nodata, ["key Left PgUp ] ] ] ] [ Up", "screen", "model"])
    assert "No daily figures for this account yet" in sc, sc
    assert model(m)["value.settled"] == "", m
    # Figures the engine has not scored: no made-up split of ¥0.00.
    raw = mkdb("unscored.db", "--works", "2", "--days", "20", "--no-rescore")
    m, = run_script(raw, ["model"])
    assert "has not scored" in model(m)["attribution.line"], m


@check("100 accounts: End, / search, totals; the cursor's account kept across a reload")
def _():
    db = mkdb("hundred.db", "--works", "2", "--days", "10", "--accounts", "100")
    t = start(db, 80, 24)
    try:
        t.wait_text("[0 Accounts]")
        t.wait_text("Total (100)")
        t.send("End")
        t.wait(lambda t: any(l.startswith(">acct") for l in t.text().splitlines()),
               what="cursor row")
        cur = [l for l in t.text().splitlines() if l.startswith(">")][0]
        assert cur.split()[0] == ">acct100" or "acct" in cur, cur
        t.send("/")
        for ch in "acct57":
            t.send(ch)
        t.send("Enter")
        t.wait_text("Total (1)")
        t.wait(lambda t: any(l.startswith(">acct57 ") for l in t.text().splitlines()),
               what="acct57 found")
        t.send("Esc")
        t.wait_text("Total (100)")
        assert any(l.startswith(">acct57 ") for l in t.text().splitlines()), t.text()
        # Another operator imports an account that sorts first: the list
        # reloads (data_version), the cursor stays on acct57.
        csv = os.path.join(TMP, "new_account.csv")
        with open(csv, "w") as f:
            f.write("account_id,name,kind,plan_status\naaa0,Newcomer,personal,joined\n")
        r = subprocess.run([PT, "--db", db, "import", csv], capture_output=True,
                           env=dict(os.environ, **BASE_ENV))
        assert r.returncode == 0, r.stderr
        t.wait_text("Total (101)", timeout=10)
        t.settle()
        assert any(l.startswith(">acct57 ") for l in t.text().splitlines()), t.text()
    finally:
        t.close()


@check("no colour (NO_COLOR, a monochrome terminal): the previous period has its own glyph and legend")
def _():
    def chart_rows(t):
        return "\n".join(t.line(y) for y in range(3, 16))
    for env in ({"NO_COLOR": "1"}, {"TERM": "vt100"}):
        t = start(DB, 80, 24, **env)
        try:
            t.wait_text("previous period")
            t.settle()
            assert "·· previous period" in t.text(), t.text()
            assert "·" in chart_rows(t), t.text()
        finally:
            t.close()
    t = start(DB, 80, 24)
    try:
        t.wait_text("previous period")
        t.settle()
        assert "┄┄ previous period" in t.text(), t.text()
        assert "V violation" in t.line(2), t.text()
        assert "·" not in chart_rows(t), t.text()
    finally:
        t.close()


@check("a locale the system lacks: C.UTF-8 for characters and a notice, never silent ????")
def _():
    t = start(DB, 80, 24, LANG="pt_XX.UTF-8", LC_ALL="pt_XX.UTF-8")
    try:
        t.wait_text("not installed")
        t.wait_text("济南小吃王")
        assert "?" not in t.line(0), t.line(0)
        assert "pt_XX.UTF-8" in t.line(23), t.line(23)
        assert "¥" in t.text(), t.text()
    finally:
        t.close()
    # An installed locale that is not UTF-8: ASCII, said so.
    t = start(DB, 80, 24, LANG="C", LC_ALL="C")
    try:
        t.wait_text("is not UTF-8")
        assert all(ord(c) < 128 for c in t.text()), t.text()
    finally:
        t.close()


@check("a day without data is marked '?' under the axis and the cursor on it says no data")
def _():
    db = mkdb("gap.db", "--works", "3", "--days", "40")
    con = sqlite3.connect(db)
    for f in ("pt_now", "pt_actor", "pt_client"):
        con.create_function(f, 0, lambda: "test")
    with con:
        con.execute("DELETE FROM daily WHERE day = '2026-11-20'")
    con.close()
    rescore(db)

    def axis(screen):
        rows = [l for l in screen.split("\n") if "\u2514\u2500" in l or "+---" in l]
        assert len(rows) == 1, screen
        return rows[0]

    for env in ({}, {"LANG": "C", "LC_ALL": "C", "NO_COLOR": "1"}):
        m0, s0, m1, s1 = run_script(db, ["model", "screen", "key Left Left Left Left Left",
                                         "model", "screen"], **env)
        m0, m1 = model(m0), model(m1)
        assert m0["missing"] == "2026-11-20", m0["missing"]
        assert m0["cursor"] == "2026-11-25" and m0["cursor.no_data"] == "0", m0
        # The day is marked with the cursor elsewhere, and the legend names it.
        assert axis(s0).count("?") == 1, axis(s0)
        assert "? no data" in s0.split("\n")[2], s0
        # Under the cursor: no figures, "no data".
        assert m1["cursor"] == "2026-11-20" and m1["cursor.no_data"] == "1", m1
        assert m1["shown.settled"] == "" and m1["value.estimate"] == "", m1
        assert "2026-11-20 Fri: no data" in s1, s1
        assert "2026-11-20" not in [k[7:] for k in m1 if k.startswith("series.")]
        assert axis(s1).count("?") == 1, axis(s1)
    # A window with every day: no mark, no legend entry.
    m, sc = run_script(DB, ["model", "screen"])
    assert model(m)["missing"] == "" and "no data" not in sc, sc


@check("overview: an account whose data ends earlier shows its own data_through in its row")
def _():
    db = mkdb("behind.db", "--works", "3", "--days", "20", "--accounts", "3")
    con = sqlite3.connect(db)
    for f in ("pt_now", "pt_actor", "pt_client"):
        con.create_function(f, 0, lambda: "test")
    with con:
        con.execute("DELETE FROM daily WHERE day > '2026-11-23' AND work_id IN"
                    " (SELECT work_id FROM work WHERE account_id = 'acct2')")
    con.close()
    rescore(db)
    for cols in (80, 132):
        m, sc = run_script(db, ["model", "screen"], cols=cols)
        m = model(m)
        assert m["data_through"] == "2026-11-25", m
        rows = {l[1:6]: l for l in sc.split("\n") if l[1:5] == "acct"}
        assert "[to 11-23] Jinan Eats" in rows["acct2"], rows
        assert "[to" not in rows["acct1"] and "[to" not in rows["acct3"], rows


@check("80x24: a long Chinese title or account name is shortened in the Trends heading, never half a character")
def _():
    db = mkdb("long.db", "--works", "2", "--days", "40")
    title = "济南街头美食探店第一百二十八期超长标题把子肉和油旋到底哪家最好吃"
    name = "济南农技老李的超级长的账号名称用来测试标题截断"
    con = sqlite3.connect(db)
    for f in ("pt_now", "pt_actor", "pt_client"):
        con.create_function(f, 0, lambda: "test")
    with con:
        con.execute("UPDATE work SET title = ?", (title,))
        con.execute("UPDATE account SET name = ?", (name,))
    con.close()

    def heading(t, start):
        """Row 1: the name is there from its start and shortened with an
        ellipsis after whole characters; the window's days stay at the
        right edge."""
        line = t.line(1)
        assert start in line and "\u2026" in line, line
        assert line.rstrip().endswith("11-25"), line
        row = t.screen.buffer[1]
        x = cell_col(t, 1, "\u2026")
        # the ellipsis follows a whole wide character (its right half
        # is the blank cell after it) and covers the name's cut
        assert x > 1 and row[x - 1].data == "" and row[x - 2].data in title + name, line
        for c in range(t.cols - 1):
            if row[c].data and ord(row[c].data[0]) >= 0x4e00:
                assert row[c + 1].data == "", (c, line)
        return line

    t = start(db, 80, 24)
    try:
        t.wait_text("[1 Trends]")
        t.wait(lambda t: "\u2026" in t.line(1), what="the heading")
        line = heading(t, name[:12])
        assert "Revenue (settled)" in line, line
        t.send("2")
        t.wait(lambda t: "[2 Diagnosis]" in t.line(0), what="Diagnosis")
        t.send("t")
        t.wait(lambda t: "Work:" in t.line(1), what="one work's heading")
        line = heading(t, "Work: " + title[:12])
    finally:
        t.close()


shutil.rmtree(TMP, ignore_errors=True)
sys.exit(finish())
