#!/usr/bin/env python3
"""Several processes on one database at once: two importers, two appeal
editors, CLI readers and two (headless) dashboards reloading as the
others write. No "database is locked" may reach a person, no write
may be lost, and the counts at the end are exactly what was written. Two
saves of the same appeal version: one wins, the other is told (exit 5)."""
import datetime
import os
import sys
import threading

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptlib import Env, integrity, query  # noqa: E402

t = Env("conc")
db = t.path("conc.db")
t.run("--db", db, "demo", check=0)
works = [r[0] for r in query(db, "SELECT work_id FROM work ORDER BY work_id")]
# The demo's misjudged violation: its work earned nothing from that day.
vio_account, vio_work, vio_day = query(
    db, "SELECT account_id, work_id, day FROM violation "
        "WHERE work_id IS NOT NULL AND status='active' ORDER BY day LIMIT 1")[0]
FILES = 30      # per importer
APPEALS = 20     # per editor
future = ("--today", "2030-12-31")
errors = []
lock = threading.Lock()


def record(what, p):
    if p.returncode != 0 or "locked" in p.stderr or "busy" in p.stderr.lower():
        with lock:
            errors.append("%s: exit %d: %s" % (what, p.returncode, p.stderr[:300]))


def importer(k, first_day):
    for i in range(FILES):
        day = (first_day + datetime.timedelta(days=i)).isoformat()
        path = t.path("imp%d_%d.csv" % (k, i))
        with open(path, "w") as f:
            f.write("date,work_id,plays,profitable_plays,likes\n")
            for w in works:
                f.write("%s,%s,%d,%d,%d\n" % (day, w, 1000 + i, 800 + i, k))
        record("import %s" % path, t.run("--db", db, *future, "import", "--quiet", path))


def editor(k):
    # Each operator appeals a day of its own and withdraws it before the
    # next: two open appeals over the same work and day are refused.
    day = (datetime.date.fromisoformat(vio_day) + datetime.timedelta(days=k)).isoformat()
    for i in range(APPEALS):
        text = "操作员%d的第%d份申诉：作品原创，系统误判违规，请予复核并补发收益。" % (k, i)
        p = t.run("--db", db, "appeal", "new", "--account", vio_account, "--work",
                  vio_work, "--from", day, "--to", day, "--category",
                  "误判", "--statement", text)
        record("appeal new", p)
        if p.returncode != 0:
            continue
        aid = None
        for line in (p.stdout + p.stderr).split():
            if line.strip("#,.:").isdigit():
                aid = line.strip("#,.:")
                break
        if aid is None:
            with lock:
                errors.append("appeal new printed no id: %r" % p.stdout)
            continue
        record("appeal edit", t.run("--db", db, "appeal", "edit", aid, "--version", "1",
                                    "--evidence", "截图%d-%d" % (k, i)))
        record("appeal submit", t.run("--db", db, "appeal", "submit", aid, "--version", "2"))
        record("appeal withdraw", t.run("--db", db, "appeal", "withdraw", aid, "--version", "3"))


def reader():
    for _ in range(60):
        record("appeal list", t.run("--db", db, "appeal", "list", "--format", "json"))


def tui_reader(k):
    # A headless dashboard that keeps reloading as the others write.
    script = t.path("tui%d.script" % k)
    with open(script, "w") as f:
        f.write("key 2\n")
        for i in range(25):
            f.write("wait-change 200\nkey Down\nkey %s\nmodel %s\n"
                    % ("1" if i % 2 else "2", t.path("tui%d.model" % k)))
        f.write("quit\n")
    env = dict(t.env, PARTNER_TUI_SCRIPT=script, PARTNER_TUI_NO_DISPLAY="1",
               TERM="xterm", PARTNER_TUI_ACCOUNT=vio_account)
    import subprocess
    from ptlib import PT
    p = subprocess.run([PT, "--db", db], env=env, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=120)
    record("tui reader %d" % k, p)
    if not os.path.exists(t.path("tui%d.model" % k)):
        with lock:
            errors.append("tui reader %d wrote no model" % k)


t.case("two importers, two appeal editors, CLI readers and two dashboards at once: "
       "nothing locked, nothing lost, the counts exact")
threads = [threading.Thread(target=importer, args=(0, datetime.date(2027, 1, 1))),
           threading.Thread(target=importer, args=(1, datetime.date(2027, 3, 1))),
           threading.Thread(target=editor, args=(0,)),
           threading.Thread(target=editor, args=(1,)),
           threading.Thread(target=reader),
           threading.Thread(target=reader),
           threading.Thread(target=tui_reader, args=(0,)),
           threading.Thread(target=tui_reader, args=(1,))]
for th in threads:
    th.start()
for th in threads:
    th.join()

for e in errors:
    t.fail(e)
t.expect(not errors, "%d processes reported errors" % len(errors))
t.expect(integrity(db) == "ok", "integrity_check")
n = query(db, "SELECT count(*) FROM daily WHERE day >= '2027-01-01'")[0][0]
t.expect(n == 2 * FILES * len(works), "daily rows %d, expected %d" % (n, 2 * FILES * len(works)))
rows = query(db, "SELECT status, version, evidence != '' FROM appeal")
t.expect(len(rows) == 2 * APPEALS, "%d appeals, expected %d" % (len(rows), 2 * APPEALS))
t.expect(all(r == ("withdrawn", 4, 1) for r in rows), "appeal states: %r" % rows[:4])
runs = query(db, "SELECT count(*) FROM import_run WHERE outcome='ok'")[0][0]
t.expect(runs >= 2 * FILES, "%d import runs recorded" % runs)

# Same appeal, same version, two savers at once: exactly one wins.
t.case("two saves of one appeal version: one wins, the other is told what changed")
p = t.run("--db", db, "appeal", "new", "--account", vio_account, "--category", "误判",
          "--statement", "两位操作员同时编辑的申诉说明，内容需要超过二十个字。", check=0)
aid = str(query(db, "SELECT max(id) FROM appeal")[0][0])
results = []


def saver(k):
    results.append(t.run("--db", db, "appeal", "edit", aid, "--version", "1",
                         "--statement", "操作员%d改写的申诉说明，内容需要超过二十个字才行。" % k))


ts = [threading.Thread(target=saver, args=(k,)) for k in range(2)]
for th in ts:
    th.start()
for th in ts:
    th.join()
codes = sorted(r.returncode for r in results)
t.expect(codes == [0, 5], "two saves of version 1 exited %r" % codes)
loser = [r for r in results if r.returncode == 5]
t.expect(bool(loser) and "statement" in loser[0].stderr,
         "the refused save names what changed: %r" % (loser[0].stderr if loser else ""))
t.finish()
