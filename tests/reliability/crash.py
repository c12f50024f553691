#!/usr/bin/env python3
"""Crash safety: SIGKILL the import and the appeal save at random moments.

After every kill the database must pass PRAGMA integrity_check, a killed
import must be either wholly there or wholly absent (never half a file),
and every write acknowledged to the user (exit 0) must still be there."""
import os
import random
import signal
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, integrity, query  # noqa: E402

ROUNDS = 24
t = Env("crash")
db = t.path("crash.db")
t.run("--db", db, "demo", check=0)
works = [r[0] for r in query(db, "SELECT work_id FROM work ORDER BY work_id")]
t.expect(len(works) >= 100, "demo has %d works" % len(works))

# A large file of days after the demo period: 120 works x 1,200 days.
big = t.path("big.csv")
base = 20456  # 2026-01-01 in days since the epoch, plus a year below
days = []
import datetime
start = datetime.date(2027, 1, 1)
for i in range(1200):
    days.append((start + datetime.timedelta(days=i)).isoformat())
with open(big, "w") as f:
    f.write("date,work_id,plays,profitable_plays,likes,favorites\n")
    for d in days:
        for w in works:
            f.write("%s,%s,100,80,3,1\n" % (d, w))
big_rows = len(days) * len(works)
env_future = ("--today", "2030-12-31")

# How long a full import takes, to spread the kills over it.
t.case("a full import of the large file stores every row")
probe = t.path("probe.db")
t.run("--db", probe, "demo", check=0)
t0 = time.monotonic()
t.run("--db", probe, *env_future, "import", "--quiet", big, check=0)
duration = time.monotonic() - t0
t.expect(query(probe, "SELECT count(*) FROM daily WHERE day >= '2027-01-01'")[0][0]
         == big_rows, "a full import stores every row")

t.case("imports killed at random moments: integrity_check passes, never half a "
       "file, every acknowledged small import kept")
rng = random.Random(20261126)
acknowledged = []   # (day, works, plays, likes) of small imports that exited 0
killed_mid = 0
rounds = 0
# Kill until ROUNDS kills have landed inside the import (at most 4x as
# many tries): a run that finished first makes the next kill come sooner.
while killed_mid < ROUNDS and rounds < 4 * ROUNDS:
    r = rounds
    rounds += 1
    p = t.popen("--db", db, *env_future, "import", "--quiet", big)
    delay = rng.uniform(0.0, duration * 0.9)
    time.sleep(delay)
    if p.poll() is None:
        killed_mid += 1
    else:
        duration = max(delay, 0.01)
    p.send_signal(signal.SIGKILL)
    p.wait()
    t.expect(integrity(db) == "ok", "round %d: integrity_check after kill" % r)
    n = query(db, "SELECT count(*) FROM daily WHERE day >= '2027-01-01'")[0][0]
    t.expect(n in (0, big_rows), "round %d: %d of %d rows of a killed import "
             "are visible" % (r, n, big_rows))
    if n == big_rows:
        # It finished before the kill: take it out again through SQLite so
        # the next round can be killed half-way too.
        import sqlite3
        con = sqlite3.connect(db)
        con.execute("DELETE FROM daily WHERE day >= '2027-01-01'")
        con.commit()
        con.close()
    # An acknowledged small import between kills must survive them all.
    day = (datetime.date(2026, 11, 1) + datetime.timedelta(days=r % 20)).isoformat()
    small = t.path("small%d.csv" % r)
    with open(small, "w") as f:
        f.write("date,work_id,plays,likes\n")
        for w in works[:5]:
            f.write("%s,%s,%d,%d\n" % (day, w, 5000 + r, r))
    if t.run("--db", db, "import", "--quiet", small).returncode == 0:
        acknowledged.append((day, works[:5], 5000 + r, r))

t.expect(killed_mid >= ROUNDS, "only %d of %d kills landed mid-import in %d tries "
         "(import took %.2fs)" % (killed_mid, ROUNDS, rounds, duration))
# The last acknowledged value of each (day, work) must be the stored one.
last = {}
for day, ws, plays, likes in acknowledged:
    for w in ws:
        last[(day, w)] = (plays, likes)
for (day, w), (plays, likes) in last.items():
    got = query(db, "SELECT plays, likes FROM daily WHERE work_id=? AND day=?",
                (w, day))
    t.expect(got == [(plays, likes)], "acknowledged write %s %s: %r" % (day, w, got))
t.expect(len(acknowledged) == rounds, "%d of %d small imports acknowledged"
         % (len(acknowledged), rounds))

t.case("appeal saves killed at random moments: always one whole version, every "
       "acknowledged save kept")
# Appeal saves killed at random moments: the stored appeal is always one
# whole acknowledged or attempted version, never a mix.
acct = query(db, "SELECT account_id FROM account ORDER BY account_id LIMIT 1")[0][0]
p = t.run("--db", db, "appeal", "new", "--account", acct, "--category",
          "误判", "--statement", "第0版申诉说明：作品为原创，被误判违规，请复核。", check=0)
aid = query(db, "SELECT max(id) FROM appeal")[0][0]
version = query(db, "SELECT version FROM appeal WHERE id=?", (aid,))[0][0]
statement = query(db, "SELECT statement FROM appeal WHERE id=?", (aid,))[0][0]
for r in range(1, ROUNDS + 1):
    new_text = "第%d版申诉说明：作品为原创，被误判违规，请复核。%s" % (r, "补充" * r)
    p = t.popen("--db", db, "appeal", "edit", str(aid), "--version", str(version),
                "--statement", new_text, "--evidence", "证据%d" % r)
    time.sleep(rng.uniform(0.0, 0.03))
    p.send_signal(signal.SIGKILL)
    p.wait()
    t.expect(integrity(db) == "ok", "appeal round %d: integrity_check" % r)
    row = query(db, "SELECT version, statement, evidence FROM appeal WHERE id=?", (aid,))[0]
    if row[0] == version:
        t.expect(row[1] == statement, "appeal round %d: old version with new text" % r)
    else:
        t.expect(row[0] == version + 1 and row[1] == new_text and
                 row[2] == "证据%d" % r, "appeal round %d: half-saved %r" % (r, row))
        version, statement = row[0], row[1]
    # And an acknowledged save is there after the next kill.
    ack_text = statement + "。"
    if t.run("--db", db, "appeal", "edit", str(aid), "--version", str(version),
             "--statement", ack_text).returncode == 0:
        version += 1
        statement = ack_text
    got = query(db, "SELECT version, statement FROM appeal WHERE id=?", (aid,))[0]
    t.expect(got == (version, statement), "appeal round %d: acknowledged save "
             "lost: %r" % (r, got))

t.finish()
