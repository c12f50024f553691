#!/usr/bin/env python3
"""Benchmark of the dashboard through a pty: time to the first frame and
time per key (key written to the pty -> last byte of the redraw), on a
generated database of WORKS works x DAYS days (default 1,000 x 365),
scored by the engine.

Not a test: it prints figures, each next to a reference measured in the
same run on the same machine:
  - start reference: `partner-tui --version` through the same pty;
  - key reference: the pty's own round trip (`cat` echoing one byte);
  - data reference: sqlite3's own aggregate of the 30-day window.

usage: tui_bench.py [--accounts N] [--works N] [--days N] [--keys N] [--keep DIR]
                    [--add-day]
  (--works is per account; 10 x 100 x 1,000 and 100 x 1,000 x 100 are the
  1M and 10M work-day databases of `make bench-tui-1m` / `bench-tui-10m`;
  --keep DIR keeps the database there and reuses it when present;
  --add-day also imports one more day of every work into copies of it:
  without settled revenue (--no-rescore, then the incremental rescore the
  next reader runs) and with it (import and its rescore: every account's
  fit moves), each against sqlite3 inserting the same rows into a copy of
  the same daily table)
Run from the build directory (or set top_builddir / top_srcdir).
"""
import argparse
import datetime
import os
import re
import select
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# As an xterm in keypad transmit mode sends them (ncurses sets it).
KEYS = {"Left": "\x1bOD", "Right": "\x1bOC", "Up": "\x1bOA", "Down": "\x1bOB",
        "PgUp": "\x1b[5~", "PgDn": "\x1b[6~", "Esc": "\x1b", "Tab": "\t"}

BUILD = os.environ.get("top_builddir", os.getcwd())
SRC = os.environ.get("top_srcdir", os.path.join(HERE, "..", ".."))
PT = os.path.join(BUILD, "src", "partner-tui")
ENV = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
       "PARTNER_TUI_TODAY": "2026-11-26", "ESCDELAY": "25"}


class Pty:
    def __init__(self, argv, env, cols=132, rows=43):
        import fcntl
        import struct
        import termios
        self.t0 = time.monotonic()
        self.pid, self.fd = os.forkpty()
        if self.pid == 0:
            fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
            e = dict(os.environ)
            e.update(env)
            os.execvpe(argv[0], argv, e)
        fcntl.ioctl(self.fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
        self.out = b""

    def read_until(self, pred, timeout=10.0):
        """Reads until pred(all output) holds; returns the time of the
        byte that made it true."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], 0.05)
            if r:
                try:
                    data = os.read(self.fd, 1 << 16)
                except OSError:
                    break
                now = time.monotonic()
                self.out += data
                if pred(self.out):
                    return now
        raise RuntimeError("timed out; output tail: %r" % self.out[-300:])

    def burst(self, quiet=0.03, timeout=5.0):
        """Reads one burst of output; returns the arrival time of its last
        byte (None when nothing came)."""
        end = time.monotonic() + timeout
        last = None
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], quiet if last else 0.5)
            if not r:
                if last is not None:
                    return last
                continue
            data = os.read(self.fd, 1 << 16)
            last = time.monotonic()
            self.out += data
        return last

    def drain(self, quiet=0.5, timeout=30.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([self.fd], [], [], quiet)
            if not r:
                return
            os.read(self.fd, 1 << 16)

    def close(self):
        try:
            os.kill(self.pid, 9)
            os.waitpid(self.pid, 0)
        except OSError:
            pass
        os.close(self.fd)


try:
    import pyte
except ImportError:
    pyte = None


class Screen:
    """What the pty shows (pyte), to tell a key's own redraw from the idle
    steps' redraws around it: until() waits for a text on the screen."""

    def __init__(self, p, cols=132, rows=43):
        self.screen = pyte.Screen(cols, rows)
        self.stream = pyte.ByteStream(self.screen)
        self.stream.feed(p.out)

    def text(self):
        return "\n".join(self.screen.display)

    def until(self, p, text, timeout=5.0):
        """Reads until text is on the screen; the arrival time of the
        output that put it there."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            r, _, _ = select.select([p.fd], [], [], 0.05)
            if not r:
                continue
            # what has come, read at once (the emulator is slow; it
            # reads on after the times are taken)
            data = b""
            while r:
                data += os.read(p.fd, 1 << 16)
                now = time.monotonic()
                r, _, _ = select.select([p.fd], [], [], 0)
            p.out += data
            self.stream.feed(data)
            if text in self.text():
                return now
        raise RuntimeError("timed out waiting for %r; screen:\n%s"
                           % (text, self.text()))


# The cursor day as Trends shows it: "2026-11-25 Wed".
CURSOR_DAY = re.compile(r"(\d{4}-\d{2}-\d{2}) (Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")


def day_before(shown):
    d = datetime.date.fromisoformat(shown) - datetime.timedelta(days=1)
    return "%s %s" % (d.isoformat(), d.strftime("%a"))


def ms(s):
    return "%.1f ms" % (s * 1000)


def timed(argv, env=None):
    t = time.monotonic()
    subprocess.run(argv, check=True, env=env, stdout=subprocess.DEVNULL)
    return time.monotonic() - t


def add_day(a, tmp, db, env):
    """One more day (the day after the last) for every work of the
    database, imported into copies of it."""
    import datetime
    import random
    day = datetime.date(2026, 11, 26).isoformat()
    rnd = random.Random(7)
    files = {}
    for rev in (False, True):
        path = os.path.join(tmp, "day-%s.csv" % ("rev" if rev else "norev"))
        with open(path, "w") as f:
            f.write("date,work_id,plays,profitable_plays,likes,favorites,"
                    "user_value,quality%s\n" % (",revenue" if rev else ""))
            for acc in range(1, a.accounts + 1):
                for w in range(1, a.works + 1):
                    pp = rnd.randint(1000, 10000)
                    f.write("%s,acct%d-w%04d,%d,%d,%d,%d,%.3f,%.1f%s\n" % (
                        day, acc, w, pp * 3 // 2, pp, pp // 25, pp // 100,
                        rnd.uniform(0.7, 1.4), rnd.uniform(40, 90),
                        ",%.2f" % (pp / 450) if rev else ""))
        files[rev] = path
    rows = a.accounts * a.works
    cenv = dict(os.environ, **env)
    copy = os.path.join(tmp, "add.db")

    def fresh():
        for ext in ("", "-wal", "-shm"):
            if os.path.exists(copy + ext):
                os.unlink(copy + ext)
        shutil.copyfile(db, copy)

    ref = None
    if shutil.which("sqlite3"):
        fresh()
        ref = timed(["sqlite3", copy, ".mode csv", ".import %s day_in" % files[True],
                     "INSERT INTO daily(work_id, day, plays, profitable_plays,"
                     " likes, favorites, user_value, quality, revenue_fen)"
                     " SELECT work_id, date, plays, profitable_plays, likes,"
                     " favorites, user_value, quality, revenue * 100 FROM day_in"])
    fresh()
    t_norescore = timed([PT, "--db", copy, "import", "--quiet", "--no-rescore",
                         files[False]], cenv)
    t_incremental = timed([PT, "--db", copy, "report", "daily", "--account",
                           "acct1"], cenv)
    fresh()
    t_settled = timed([PT, "--db", copy, "import", "--quiet", files[True]], cenv)
    os.unlink(copy)
    print("\none more day of every work (%d rows) into copies of the database"
          % rows)
    if ref is not None:
        print("  reference: sqlite3 .import + INSERT into the same daily table"
              "  %.2f s  %.0f rows/s" % (ref, rows / ref))

    def line(label, t):
        print("  %-44s %7.2f s  %8.0f rows/s%s" % (
            label, t, rows / t, "  %.2fx the reference's rows/s" % (ref / t)
            if ref else ""))
    line("import --no-rescore", t_norescore)
    line("then the incremental rescore (next reader)", t_incremental)
    line("import with settled revenue, and its rescore", t_settled)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--accounts", type=int, default=1)
    ap.add_argument("--works", type=int, default=1000)
    ap.add_argument("--days", type=int, default=365)
    ap.add_argument("--keys", type=int, default=20)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--keep", default=None)
    ap.add_argument("--add-day", action="store_true")
    a = ap.parse_args()

    tmp = a.keep or tempfile.mkdtemp(prefix="pt-bench-")
    db = os.path.join(tmp, "bench.db")
    env = dict(ENV, HOME=tmp, XDG_DATA_HOME=tmp, XDG_CONFIG_HOME=tmp)
    try:
        if not os.path.exists(db):
            t = time.monotonic()
            subprocess.run([sys.executable, os.path.join(SRC, "tests", "screen",
                            "mkdb.py"), "--binary", PT, "--accounts", str(a.accounts),
                            "--works", str(a.works), "--days", str(a.days), db],
                           check=True)
            print("database: %d accounts x %d works x %d days (%d work-days),"
                  " made and scored in %.1f s"
                  % (a.accounts, a.works, a.days, a.accounts * a.works * a.days,
                     time.monotonic() - t))

        # References.
        starts = []
        for _ in range(a.runs):
            p = Pty([PT, "--version"], env)
            starts.append(p.read_until(lambda o: b"partner-tui" in o) - p.t0)
            p.close()
        echo = []
        p = Pty(["cat"], env)
        time.sleep(0.2)
        for i in range(a.keys):
            t = time.monotonic()
            os.write(p.fd, b"x")
            n = p.out.count(b"x")
            echo.append(p.read_until(lambda o: o.count(b"x") > n) - t)
        p.close()
        q = ("SELECT d.day, sum(d.revenue_fen), sum(d.profitable_plays),"
             " sum(d.likes), sum(d.user_value * d.profitable_plays)"
             " FROM work w JOIN daily d ON d.work_id = w.work_id"
             " WHERE w.account_id = 'acct1' AND d.day BETWEEN"
             " '2026-10-27' AND '2026-11-25' GROUP BY d.day;")
        sq = []
        if shutil.which("sqlite3"):
            for _ in range(a.runs):
                t = time.monotonic()
                subprocess.run(["sqlite3", db, q], check=True,
                               stdout=subprocess.DEVNULL)
                sq.append(time.monotonic() - t)

        # The command line on one account (the last: its works come last
        # in every table), each as a ratio to `--version`.
        acct = "acct%d" % a.accounts
        cli = {}
        for label, args in (("report daily (30 days)", ["report", "daily", "--account", acct]),
                            ("report works (30 days)", ["report", "works", "--account", acct]),
                            ("check", ["check", "--account", acct]),
                            ("version (reference)", ["--version"])):
            v = []
            for _ in range(a.runs):
                t = time.monotonic()
                subprocess.run([PT, "--db", db] + args, env=dict(os.environ, **env),
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                v.append(time.monotonic() - t)
            cli[label] = statistics.median(v)

        # First frame: until the cursor table is on the screen (with
        # several accounts, the accounts overview comes first).
        def first_frame(o):
            if a.accounts > 1:
                return b"Choose the account" in o and b"? help" in o
            return b"1 week" in o and b"? " in o

        def into_account(p):
            p.read_until(first_frame)
            if a.accounts > 1:
                # Enter opens the account's works; 1 its trends.
                os.write(p.fd, b"\r")
                p.burst()
                n = len(p.out)
                os.write(p.fd, b"1")
                p.read_until(lambda o: b"1 week" in o[n:])

        firsts = []
        for _ in range(a.runs):
            p = Pty([PT, "--db", db], env)
            firsts.append(p.read_until(first_frame) - p.t0)
            p.close()

        results = {}
        # Keys pressed at once after the account's Trends shows, while the
        # previous window and the rest of the history still load in idle
        # steps (a key waits for the step under way, and the steps go on
        # redrawing after it). With pyte: until the screen shows the day
        # the key moved to; without: until the output stops for 10 ms,
        # the idle redraws after the key's own counted too (an upper
        # bound).
        loading = "Left while loading"
        esc = "Esc (ESCDELAY=%s ms)" % ENV["ESCDELAY"]
        p = Pty([PT, "--db", db], env)
        into_account(p)
        scr = Screen(p) if pyte else None
        day = CURSOR_DAY.search(scr.text()) if scr else None
        loading_by = "the screen shows the day moved to" if day else \
            "10 ms without output (pyte not found): an upper bound"
        shown = day.group(1) if day else None
        for _ in range(10):
            t = time.monotonic()
            os.write(p.fd, KEYS["Left"].encode())
            if shown:
                want = day_before(shown)
                last = scr.until(p, want)
                shown = want.split()[0]
            else:
                last = p.burst(quiet=0.01)
            results.setdefault(loading, []).append(last - t)
        p.close()

        # Keys, each after the previous one's redraw and idle work.
        p = Pty([PT, "--db", db], env)
        into_account(p)
        p.drain(quiet=1.0)
        plan = ([("Left", "cursor day (Left)")] * a.keys +
                [("Right", "cursor day (Right)")] * a.keys +
                [("PgUp", "cursor week (PgUp)")] * 4 +
                [("Down", "metric (Down)")] * 8 +
                [("]", "longer window (])"), ("]", "longer window (])"),
                 ("]", "longer window (])"), ("[", "shorter window ([)"),
                 ("[", "shorter window ([)"), ("[", "shorter window ([)")] +
                [("2", "to Diagnosis (2)"), ("1", "back to Trends (1)")] * 3 +
                [("?", "help (?)"), ("x", "close help (any key)")] * 3 +
                [("?", "help (?)"), ("Esc", esc)] * 3)
        attr = []
        for key, label in plan:
            t = time.monotonic()
            os.write(p.fd, KEYS.get(key, key).encode())
            last = p.burst()
            if last is None:
                raise RuntimeError("no redraw after %r" % key)
            results.setdefault(label, []).append(last - t)
            if key in "[]":
                # The attribution arrives once the keys stop (250 ms).
                more = p.burst(quiet=0.03, timeout=5.0)
                if more is not None:
                    attr.append(more - t)
            p.drain(quiet=0.3)
        p.close()

        ref_start = statistics.median(starts)
        ref_echo = statistics.median(echo)
        print("\nreferences (median of %d):" % a.runs)
        print("  partner-tui --version through the pty  %s" % ms(ref_start))
        print("  pty round trip (cat echo)              %.0f us" % (ref_echo * 1e6))
        if sq:
            print("  sqlite3 CLI, 30-day window aggregate   %s" % ms(statistics.median(sq)))
        ff = statistics.median(firsts)
        print("\nfirst frame (median of %d, min %s, max %s): %s = %.1fx the start"
              " reference%s  [target < 100 ms]"
              % (a.runs, ms(min(firsts)), ms(max(firsts)), ms(ff), ff / ref_start,
                 ", %.2fx the sqlite3 window aggregate" % (ff / statistics.median(sq))
                 if sq else ""))
        print("\none account from the command line (median of %d)  [target < 100 ms]:" % a.runs)
        for label, t in cli.items():
            print("  %-24s %8s  %.1fx --version" % (label, ms(t), t / cli["version (reference)"]))
        print("\nper key, key written -> last byte of the redraw  [target < 16 ms]:")
        worst = 0
        for label, v in results.items():
            med, mx = statistics.median(v), max(v)
            # Esc waits ESCDELAY by design (is another byte coming?)
            worst = max(worst, mx - (int(ENV["ESCDELAY"]) / 1000 if
                                     label == esc else 0))
            print("  %-24s n=%-3d median %8s  max %8s  (%.0fx the pty round trip)"
                  % (label, len(v), ms(med), ms(mx), med / ref_echo))
        if attr:
            print("  attribution line after a window change (engine, deferred):"
                  " median %s, max %s" % (ms(statistics.median(attr)), ms(max(attr))))
        print("  (%s: key written -> %s)" % (loading, loading_by))
        print("\nworst key: %s (Esc less its ESCDELAY)" % ms(worst))
        if a.add_day:
            add_day(a, tmp, db, env)
    finally:
        if a.keep is None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
