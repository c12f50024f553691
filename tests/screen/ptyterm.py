"""A real terminal for screen tests: the program runs on a pty and its
output goes through pyte, a VT100/xterm emulator, so tests assert on what
a person would see. Every wait polls with a deadline."""
import fcntl
import os
import select
import signal
import struct
import termios
import time

import pyte

KEYS = {
    # keypad transmit mode (smkx), as ncurses sets an xterm
    "Left": "\x1bOD", "Right": "\x1bOC", "Up": "\x1bOA", "Down": "\x1bOB",
    "PgUp": "\x1b[5~", "PgDn": "\x1b[6~", "Home": "\x1bOH", "End": "\x1bOF",
    "Tab": "\t", "S-Tab": "\x1b[Z", "Enter": "\r", "Esc": "\x1b",
}


class _Screen(pyte.Screen):
    """pyte without xterm's SU/SD (CSI n S, CSI n T): ncurses scrolls a
    region with them when a layout moves rows up or down, and a screen
    that ignored them would show stale rows a real terminal does not."""

    def _region(self):
        m = self.margins
        return (m.top, m.bottom) if m else (0, self.lines - 1)

    def scroll_up(self, count=None, *args, **kwargs):
        top, bottom = self._region()
        for _ in range(count or 1):
            for y in range(top, bottom):
                self.buffer[y] = self.buffer[y + 1]
            self.buffer.pop(bottom, None)
        self.dirty.update(range(self.lines))

    def scroll_down(self, count=None, *args, **kwargs):
        top, bottom = self._region()
        for _ in range(count or 1):
            for y in range(bottom, top, -1):
                self.buffer[y] = self.buffer[y - 1]
            self.buffer.pop(top, None)
        self.dirty.update(range(self.lines))


class _Stream(pyte.ByteStream):
    csi = dict(pyte.ByteStream.csi, S="scroll_up", T="scroll_down")
    events = pyte.ByteStream.events | {"scroll_up", "scroll_down"}


class Term:
    def __init__(self, argv, env=None, cols=80, rows=24):
        self.cols, self.rows = cols, rows
        self.screen = _Screen(cols, rows)
        self.stream = _Stream(self.screen)
        self.raw = b""
        self.pid, self.fd = os.forkpty()
        if self.pid == 0:
            self._setsize(0, cols, rows)
            e = dict(os.environ)
            e.update(env or {})
            try:
                os.execvpe(argv[0], argv, e)
            finally:
                os._exit(127)
        self._setsize(self.fd, cols, rows)
        self.status = None

    @staticmethod
    def _setsize(fd, cols, rows):
        fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def pump(self, timeout=0.05):
        """Reads what the program wrote; False once it has exited."""
        end = time.monotonic() + timeout
        while True:
            left = end - time.monotonic()
            r, _, _ = select.select([self.fd], [], [], max(0, left))
            if not r:
                return True
            try:
                data = os.read(self.fd, 65536)
            except OSError:
                return False
            if not data:
                return False
            self.raw += data
            self.stream.feed(data)
            if left <= 0:
                return True

    def text(self):
        return "\n".join(line.rstrip() for line in self.screen.display)

    def line(self, y):
        return self.screen.display[y].rstrip()

    def wait(self, pred, timeout=5.0, what="condition"):
        """Polls until pred(self) is true; AssertionError with the screen."""
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            if pred(self):
                # Let the frame finish; then check it still holds.
                self.pump(0.02)
                if pred(self):
                    return
        raise AssertionError("timed out waiting for %s; screen:\n%s"
                             % (what, self.text()))

    def wait_text(self, s, timeout=5.0):
        self.wait(lambda t: s in t.text(), timeout, repr(s))

    def settle(self, quiet=0.15, timeout=5.0):
        """Waits until no output has come for `quiet` seconds."""
        end = time.monotonic() + timeout
        last = len(self.raw)
        quiet_since = time.monotonic()
        while time.monotonic() < end:
            self.pump(0.02)
            if len(self.raw) != last:
                last = len(self.raw)
                quiet_since = time.monotonic()
            elif time.monotonic() - quiet_since >= quiet:
                return

    def send(self, *keys):
        for k in keys:
            os.write(self.fd, KEYS.get(k, k).encode())

    def resize(self, cols, rows):
        self.cols, self.rows = cols, rows
        self.screen.resize(rows, cols)
        self._setsize(self.fd, cols, rows)
        os.kill(self.pid, signal.SIGWINCH)

    def wait_exit(self, timeout=5.0):
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            self.pump(0.05)
            pid, st = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.status = os.waitstatus_to_exitcode(st)
                return self.status
        raise AssertionError("program did not exit; screen:\n" + self.text())

    def close(self):
        if self.status is None:
            try:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
            except OSError:
                pass
        try:
            os.close(self.fd)
        except OSError:
            pass
