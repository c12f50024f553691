#!/usr/bin/env python3
"""Per-key time of the Diagnosis pane through a pty: key written -> last
byte of the redraw (the output then quiet for 40 ms), for scroll, sort
and filter keys. Reference in the same run: the pty's own round trip
(`cat` echoing one byte).

usage: views_pty.py PARTNER-TUI DB ACCOUNT [KEYS]
"""
import fcntl
import os
import select
import statistics
import struct
import sys
import termios
import time

KEYS = {"Down": "\x1bOB", "Up": "\x1bOA", "PgDn": "\x1b[6~", "PgUp": "\x1b[5~",
        "Enter": "\r", "Esc": "\x1b"}
QUIET = 0.04


def spawn(argv, env):
    pid, fd = os.forkpty()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 43, 132, 0, 0))
        e = dict(os.environ)
        e.update(env)
        os.execvpe(argv[0], argv, e)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 43, 132, 0, 0))
    return pid, fd


def drain(fd, timeout=10.0):
    """Reads until QUIET seconds pass without output; returns the time of
    the last byte (None when nothing came)."""
    last = None
    end = time.monotonic() + timeout
    buf = b""
    while time.monotonic() < end:
        r, _, _ = select.select([fd], [], [], QUIET)
        if not r:
            return last, buf
        try:
            data = os.read(fd, 65536)
        except OSError:		# the program has ended
            return last, buf
        if not data:
            return last, buf
        buf += data
        last = time.monotonic()
    return last, buf


BY_KEY = {}
BYTES = {}


def per_key(fd, seq):
    times = []
    for k in seq:
        t0 = time.monotonic()
        os.write(fd, KEYS.get(k, k).encode())
        last, out = drain(fd)
        if last is not None:
            times.append((last - t0) * 1000)
            BY_KEY.setdefault(k, []).append((last - t0) * 1000)
            BYTES.setdefault(k, []).append(len(out))
    return times


def main():
    pt, db, account = sys.argv[1:4]
    n = int(sys.argv[4]) if len(sys.argv) > 4 else 120
    env = {"LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
           "PARTNER_TUI_TODAY": "2026-11-26", "ESCDELAY": "25",
           "PARTNER_TUI_ACCOUNT": account}
    # reference: the pty round trip of cat
    pid, fd = spawn(["cat"], env)
    ref = per_key(fd, ["x"] * 40)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    pid, fd = spawn([pt, "--db", db], env)
    drain(fd)
    os.write(fd, b"2")
    drain(fd)
    cycle = ["Down", "Down", "PgDn", "s", "S", "PgUp", "Up"]
    scroll_sort = per_key(fd, [cycle[i % len(cycle)] for i in range(n)])
    flt = per_key(fd, ["/", "红", "烧", "\x7f", "\x7f", "Enter", "Esc"] * 4)
    os.write(fd, b"q")
    drain(fd, 2)
    os.waitpid(pid, 0)
    ref_med = statistics.median(ref)
    for name, t in (("scroll and sort", scroll_sort), ("filter typing", flt)):
        t = sorted(t)
        print("  through a pty, %-16s median %.2f ms, p95 %.2f ms, max %.2f ms"
              " (%d keys)" % (name + ":", statistics.median(t),
                              t[max(0, int(len(t) * 0.95) - 1)], t[-1], len(t)))
    print("  reference: pty round trip of cat, median %.2f ms" % ref_med)
    print("  by key (median ms): " + ", ".join(
        "%s %.2f" % (k if k.isprintable() else repr(k), statistics.median(v))
        for k, v in sorted(BY_KEY.items())))
    if os.environ.get("VIEWS_BENCH_BYTES"):
        print("  bytes: " + ", ".join("%s %d" % (repr(k), statistics.median(v))
                                     for k, v in sorted(BYTES.items())))


if __name__ == "__main__":
    main()
