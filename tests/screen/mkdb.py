#!/usr/bin/env python3
"""Fills a partner-tui database for the screen tests and the benchmark.

The schema comes from the binary (`partner-tui --db PATH demo` creates an
empty database); rows go in with Python's sqlite3, registering the audit
functions the triggers call. Deterministic: the same arguments give the
same rows.

usage: mkdb.py DB [--works N] [--days N] [--end YYYY-MM-DD] [--accounts N]
"""
import argparse
import datetime
import os
import random
import sqlite3
import subprocess
import sys


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("db")
    ap.add_argument("--binary", default=None)
    ap.add_argument("--works", type=int, default=6)
    ap.add_argument("--days", type=int, default=60)
    ap.add_argument("--end", default="2026-11-25")
    ap.add_argument("--accounts", type=int, default=1)
    ap.add_argument("--no-rescore", action="store_true",
                    help="leave the engine's derived tables empty")
    ap.add_argument("--hostile", action="store_true",
                    help="titles with Chinese, emoji and terminal escapes")
    a = ap.parse_args()

    binary = a.binary or os.path.join(
        os.environ.get("top_builddir", "."), "src", "partner-tui")
    if os.path.exists(a.db):
        os.unlink(a.db)
    subprocess.run([binary, "--db", a.db, "demo"], check=True,
                   stdout=subprocess.DEVNULL)
    con = sqlite3.connect(a.db)
    con.create_function("pt_now", 0, lambda: "2026-11-26T12:00:00+08:00")
    con.create_function("pt_actor", 0, lambda: "test")
    con.create_function("pt_client", 0, lambda: "")
    # `demo` may fill the database with the demo data: start empty.
    con.execute("PRAGMA foreign_keys = OFF")
    with con:
        for (table,) in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name NOT IN ('meta') AND name NOT LIKE 'sqlite_%'").fetchall():
            con.execute('DELETE FROM "%s"' % table)
    con.execute("PRAGMA foreign_keys = ON")
    rnd = random.Random(42)
    end = datetime.date.fromisoformat(a.end)
    titles = ["Morning market 早市", "济南美食探店", "How to cook jianbing",
              "夜景 🌃 vlog", "Quick tips", "老街故事"]
    if a.hostile:
        titles = ["济南美食探店", "ASCII title here",
                  "evil\x1b]0;pwned\x07 title\rX", "夜景 🌃 vlog",
                  "bidi \u202eevil\u202c ok", "Quick tips"]
    with con:
        for acc in range(a.accounts):
            aid = "acct%d" % (acc + 1)
            names = ["济南小吃王", "Jinan Eats", "老城故事"]
            if a.hostile:
                names[2] = "evil\x1b]0;pwned\x07 name\rX"
            name = names[acc % 3]
            con.execute("INSERT INTO account(account_id, name, plan_status,"
                        " bank_card) VALUES (?,?, 'joined', 1)", (aid, name))
            rows = []
            for w in range(a.works):
                wid = "%s-w%04d" % (aid, w + 1)
                pub = end - datetime.timedelta(days=a.days - 1)
                con.execute("INSERT INTO work(work_id, account_id, title,"
                            " published_at) VALUES (?,?,?,?)",
                            (wid, aid, titles[w % len(titles)]
                             if w < len(titles) else "Work %d" % (w + 1),
                             pub.isoformat()))
                base = rnd.randint(200, 5000)
                for d in range(a.days):
                    day = end - datetime.timedelta(days=a.days - 1 - d)
                    trend = 1 + 0.3 * ((d % 14) - 7) / 7
                    plays = int(base * trend * rnd.uniform(0.8, 1.2) * 3)
                    pp = int(plays * rnd.uniform(0.5, 0.8))
                    likes = int(pp * rnd.uniform(0.02, 0.06))
                    favs = int(pp * rnd.uniform(0.005, 0.02))
                    uv = round(rnd.uniform(0.7, 1.4), 3)
                    q = round(rnd.uniform(40, 90), 1)
                    rev = int(pp / 1000 * 200 * uv * q / 60)
                    rows.append((wid, day.isoformat(), plays, pp, likes, favs,
                                 uv, q, rev))
            con.executemany(
                "INSERT INTO daily(work_id, day, plays, profitable_plays,"
                " likes, favorites, user_value, quality, revenue_fen)"
                " VALUES (?,?,?,?,?,?,?,?,?)", rows)
            if a.works == 0:
                continue
            vday = end - datetime.timedelta(days=min(10, a.days - 1))
            con.execute("INSERT INTO violation(account_id, work_id, day, kind)"
                        " VALUES (?,?,?, 'unoriginal')",
                        (aid, "%s-w0001" % aid, vday.isoformat()))
    con.close()
    if not a.no_rescore:
        subprocess.run([binary, "--db", a.db, "rescore"], check=True,
                       stdout=subprocess.DEVNULL)


if __name__ == "__main__":
    sys.exit(main())
