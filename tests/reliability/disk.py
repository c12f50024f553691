#!/usr/bin/env python3
"""Files and the disk: a full disk during an import (a small tmpfs) gives a
clear message and leaves the database as it was; a database the user may
read but not write opens read-only and says so when a write is tried.
Needs root (mount, setpriv); skipped loudly otherwise."""
import os
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, PT, integrity, query, skip_all  # noqa: E402

if os.geteuid() != 0 or not shutil.which("setpriv"):
    skip_all("disk.py needs root and setpriv (mount a tmpfs, switch user)")

t = Env("disk")
demo = t.path("demo.db")
t.run("--db", demo, "demo", check=0)
works = [r[0] for r in query(demo, "SELECT work_id FROM work")]

# ---- full disk ----
t.case("a full disk during an import: exit 4, said so, the file named, the "
       "database as it was")
mnt = t.path("small")
os.makedirs(mnt)
size = os.path.getsize(demo) + 256 * 1024
mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=%d" % size, "tmpfs", mnt]).returncode == 0
if not mounted:
    t.skip_rest("cannot mount a tmpfs here")
try:
    os.chmod(mnt, 0o700)
    db = os.path.join(mnt, "partner.db")
    shutil.copy(demo, db)
    os.chmod(db, 0o600)
    before = query(db, "SELECT count(*), sum(plays) FROM daily")
    big = t.path("big.csv")
    with open(big, "w") as f:
        f.write("date,work_id,plays,likes\n")
        for d in range(400):
            day = "2027-%02d-%02d" % (1 + d // 28 % 12, 1 + d % 28)
            for w in works:
                f.write("%s,%s,%d,%d\n" % (day, w, d, d))
    p = t.run("--db", db, "--today", "2030-01-01", "import", "--quiet", big)
    t.expect(p.returncode == 4, "full disk: exit %d (%s)" % (p.returncode, p.stderr[:300]))
    t.expect("disk is full" in p.stderr, "full disk: message says so: %r" % p.stderr[:300])
    t.expect(big + ": " in p.stderr, "full disk: message names the file: %r" % p.stderr)
    t.expect(integrity(db) == "ok", "full disk: integrity_check")
    t.expect(query(db, "SELECT count(*), sum(plays) FROM daily") == before,
             "full disk: the database changed")
    # A disk already full when the database is opened (its -shm cannot
    # be made): said so, not "disk I/O error" (issue 16, 11).
    t.case("a disk full before the database opens: said so, not \"disk I/O error\"")
    for suffix in ("-wal", "-shm"):
        if os.path.exists(db + suffix):
            os.unlink(db + suffix)
    with open(os.path.join(mnt, "fill"), "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
        except OSError:
            pass
    p = t.run("--db", db, "appeal", "list")
    t.expect(p.returncode == 4, "full before open: exit %d (%s)" % (p.returncode, p.stderr[:300]))
    t.expect("the disk is full; free space and try again" in p.stderr,
             "full before open: the message says so: %r" % p.stderr[:300])
    t.expect("disk I/O error" not in p.stderr or "disk is full" in p.stderr,
             "full before open: %r" % p.stderr[:300])
finally:
    subprocess.run(["umount", mnt])

# ---- read-only ----
t.case("a database the user may read but not write: reading works, an import "
       "is refused as read-only")
rodir = t.path("ro")
os.makedirs(rodir)
ro = os.path.join(rodir, "partner.db")
shutil.copy(demo, ro)
nobody = 65534
os.chown(rodir, nobody, nobody)
os.chown(ro, nobody, nobody)
os.chmod(ro, 0o400)
os.chmod(rodir, 0o755)
os.chmod(t.dir, 0o755)


def as_nobody(*args):
    env = dict(t.env, HOME=rodir)
    return subprocess.run(["setpriv", "--reuid=%d" % nobody, "--regid=%d" % nobody,
                           "--clear-groups", PT, "--db", ro] + list(args),
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


p = as_nobody("appeal", "list")
t.expect(p.returncode == 0, "read-only: reading works: %d %s" % (p.returncode, p.stderr[:300]))
small = t.path("one.csv")
with open(small, "w") as f:
    f.write("date,work_id,plays\n2026-11-01,%s,5\n" % works[0])
os.chmod(small, 0o644)
p = as_nobody("import", small)
t.expect(p.returncode == 4, "read-only: import exit %d (%s)" % (p.returncode, p.stderr[:300]))
t.expect("read-only" in p.stderr, "read-only: the message says so: %r" % p.stderr[:300])

# ---- read-only file in a directory the viewer cannot write (issue 16, 10) ----
t.case("a WAL database in a directory the viewer cannot write: read as a "
       "snapshot, an import refused as read-only")
# A WAL database without its -shm and -wal files, in root's directory:
# SQLite cannot make them, so it is read as an immutable snapshot.
lockdir = t.path("locked")
os.makedirs(lockdir)
locked = os.path.join(lockdir, "partner.db")
shutil.copy(demo, locked)
os.chown(locked, nobody, nobody)    # the viewer's own file, made read-only
os.chmod(locked, 0o444)
os.chmod(lockdir, 0o755)
t.expect(query(locked, "PRAGMA journal_mode") == [("wal",)], "the copy is a WAL database")
for suffix in ("-wal", "-shm"):
    t.expect(not os.path.exists(locked + suffix), "no %s file" % suffix)


def viewer(*args):
    env = dict(t.env, HOME=rodir)
    return subprocess.run(["setpriv", "--reuid=%d" % nobody, "--regid=%d" % nobody,
                           "--clear-groups", PT, "--db", locked] + list(args),
                          env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


p = viewer("report", "accounts", "--format", "csv")
t.expect(p.returncode == 0 and "jn_nongji" in p.stdout,
         "locked dir: report works: %d %s" % (p.returncode, p.stderr[:300]))
p = viewer("appeal", "list")
t.expect(p.returncode == 0, "locked dir: appeal list: %d %s" % (p.returncode, p.stderr[:300]))
p = viewer("import", small)
t.expect(p.returncode == 4 and "read-only" in p.stderr,
         "locked dir: import refused as read-only: %d %r" % (p.returncode, p.stderr[:300]))
t.case("beside a -wal file holding changes: refused, being written")
# A -wal file holding changes means a writer is at work: reading the file
# alone would show stale data, so it is refused with the reason.
with open(locked + "-wal", "wb") as f:
    f.write(b"\x37\x7f\x06\x82" + b"\0" * 60)
p = viewer("appeal", "list")
t.expect(p.returncode == 4 and "is being written" in p.stderr,
         "locked dir with a -wal: %d %r" % (p.returncode, p.stderr[:300]))
os.unlink(locked + "-wal")
t.finish()
