#!/usr/bin/env python3
"""An idle dashboard sleeps: the real binary on the demo database, through
a pty, visits every pane (and presses keys, opens help, resizes) and after
each step counts the CPU ticks the process uses over a few idle seconds
(/proc/PID/stat utime + stime). The bound is a count of ticks: less than
1% of one core over the interval, whatever the wall clock says.

Each check is a TAP result (tests/screen/tap.py).
"""
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyterm import Term  # noqa: E402
from tap import check, finish, skip_all  # noqa: E402

BUILD = os.environ.get("top_builddir", os.getcwd())
PT = os.path.join(BUILD, "src", "partner-tui")
TMP = tempfile.mkdtemp(prefix="pt-idle-")
TODAY = "2026-11-26"
BASE_ENV = {
    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
    "PARTNER_TUI_TODAY": TODAY, "HOME": TMP, "XDG_DATA_HOME": TMP + "/data",
    "XDG_CONFIG_HOME": TMP + "/config", "ESCDELAY": "25",
}
for var in ("NO_COLOR", "PARTNER_TUI_SCRIPT", "PARTNER_TUI_NO_DISPLAY",
            "PARTNER_TUI_DB", "PARTNER_TUI_ACCOUNT", "LANGUAGE"):
    os.environ.pop(var, None)

HZ = os.sysconf("SC_CLK_TCK")
IDLE_SECONDS = 3.0
# Fewer ticks than 1% of a core over the interval (3 s at 100 Hz: < 3).
BOUND = HZ * IDLE_SECONDS / 100.0

if not os.path.exists("/proc/self/stat"):
    skip_all("no /proc/PID/stat to count CPU ticks")


def ticks(pid):
    """utime + stime of pid, in clock ticks (the process itself only)."""
    with open("/proc/%d/stat" % pid) as f:
        stat = f.read()
    fields = stat[stat.rindex(")") + 2:].split()
    return int(fields[11]) + int(fields[12])


def idle_ticks(t, what):
    """Lets the screen settle, then counts the ticks over IDLE_SECONDS of
    nobody typing. The output is read meanwhile so the program never
    blocks on a full pty."""
    t.settle(quiet=0.5, timeout=20)
    before = ticks(t.pid)
    end = time.monotonic() + IDLE_SECONDS
    while time.monotonic() < end:
        t.pump(min(0.25, max(0.0, end - time.monotonic())))
    used = ticks(t.pid) - before
    print("# %-44s %3d ticks in %.0f s (bound < %.1f)"
          % (what, used, IDLE_SECONDS, BOUND))
    assert used < BOUND, "%s: %d ticks of CPU over %.0f idle seconds " \
        "(bound %.1f, i.e. 1%% of a core)" % (what, used, IDLE_SECONDS, BOUND)
    return used


DEMO = os.path.join(TMP, "demo.db")
subprocess.run([PT, "--db", DEMO, "demo"], check=True, stdout=subprocess.DEVNULL)

# Each step: keys to press, then a title the screen must show.
STEPS = [
    ((), "[0 "),
    (("Down", "Down"), "[0 "),
    (("1", "Left", "Left", "Right"), "[1 Trends]"),
    (("2", "Down", "Enter"), "[2 Diagnosis]"),
    (("Esc",), "[2 Diagnosis]"),
    (("3", "Down"), "[3 Eligibility]"),
    (("4", "Down"), "[4 Appeals]"),
    (("?",), "Keys"),
]


@check("idle on every pane, after keys and help: < 1% of a core (80x24)")
def _():
    t = Term([PT, "--db", DEMO], BASE_ENV, 80, 24)
    try:
        t.wait_text("[0 ", timeout=20)
        for keys, title in STEPS:
            t.send(*keys)
            t.wait_text(title, timeout=20)
            idle_ticks(t, "%s after %s" % (title, " ".join(keys) or "start"))
    finally:
        t.close()


@check("idle after a resize on every pane: < 1% of a core (120x40, 80x24)")
def _():
    t = Term([PT, "--db", DEMO], BASE_ENV, 80, 24)
    try:
        t.wait_text("[0 ", timeout=20)
        for key, title in (("0", "[0 "), ("1", "[1 Trends]"),
                           ("2", "[2 Diagnosis]"), ("3", "[3 Eligibility]"),
                           ("4", "[4 Appeals]")):
            t.resize(80, 24)
            t.send(key)
            t.wait_text(title, timeout=20)
            t.resize(120, 40)
            t.wait(lambda t: title in t.line(0) and len(t.line(0)) > 80,
                   20, "120x40 on " + title)
            idle_ticks(t, "%s after resize to 120x40" % title)
        t.resize(80, 24)
        t.wait(lambda t: len(t.line(0)) <= 80 and "[4 Appeals]" in t.line(0),
               20, "80x24 again")
        idle_ticks(t, "[4 Appeals] after resize to 80x24")
    finally:
        t.close()


shutil.rmtree(TMP, ignore_errors=True)
sys.exit(finish())
