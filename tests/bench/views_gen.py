#!/usr/bin/env python3
"""Fills a partner-tui database with generated accounts, works and daily
figures, for the Diagnosis/Eligibility screen tests and the benchmark.

usage: views_gen.py DB WORKS DAYS TODAY [SEED]

The database must exist with the schema (`partner-tui --db DB demo` or any
command that creates it); run `partner-tui --db DB rescore` afterwards.
Three accounts: acc_cert (personal, certified, most works), acc_ent
(enterprise_affiliated), acc_viol (an active violation 20 days before
TODAY). Titles mix Chinese and ASCII; some works are not public, some are
commercial, one has a violation; the last day has no settled revenue.
"""
import datetime
import random
import sqlite3
import sys


def main():
    db, nworks, ndays, today = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rnd = random.Random(int(sys.argv[5]) if len(sys.argv) > 5 else 7)
    today = datetime.date.fromisoformat(today)
    first = today - datetime.timedelta(days=ndays)
    con = sqlite3.connect(db)
    # The audit triggers call these; partner-tui registers them itself.
    con.create_function("pt_now", 0, lambda: today.isoformat() + "T12:00:00+08:00")
    con.create_function("pt_actor", 0, lambda: "views_gen")
    con.create_function("pt_client", 0, lambda: "")
    cur = con.cursor()
    cur.executemany(
        "INSERT INTO account(account_id, name, kind, celebrity, certification,"
        " plan_status, bank_card) VALUES (?,?,?,?,?,?,?)",
        [("acc_cert", "李老师讲农技", "personal", 0, "农技师", "joined", 1),
         ("acc_ent", "Acme 传媒", "enterprise_affiliated", 0, None, "joined", 0),
         ("acc_viol", "Travel Wang", "personal", 0, None, "joined", 1)])
    words = ["红烧肉", "Noodles", "田间管理", "Tomato tips", "夜市", "Harvest",
             "果树修剪", "Street food", "春耕", "Vlog"]
    works = []
    for i in range(nworks):
        acc = "acc_cert" if i % 10 < 8 else ("acc_ent" if i % 10 == 8 else "acc_viol")
        title = "%s %s #%d" % (rnd.choice(words), rnd.choice(words), i)
        pub = first + datetime.timedelta(days=rnd.randrange(0, max(1, ndays - 5)))
        vis = "public"
        if i % 17 == 3:
            vis = "self_only"
        elif i % 23 == 5:
            vis = "one_day"
        commercial = "ad" if i % 19 == 7 else ("sales" if i % 29 == 11 else "none")
        selected = 1 if i % 7 == 0 else 0
        works.append((("w%05d" % i), acc, title, pub))
        cur.execute(
            "INSERT INTO work(work_id, account_id, title, published_at, visibility,"
            " review, original, infringing, commercial, selected)"
            " VALUES (?,?,?,?,?,?,?,?,?,?)",
            ("w%05d" % i, acc, title, pub.isoformat() + " 12:00", vis,
             "approved", 1, 0, commercial, selected))
    rows = []
    for wid, acc, title, pub in works:
        base = rnd.uniform(200, 20000)
        for d in range(ndays):
            day = first + datetime.timedelta(days=d)
            if day < pub:
                continue
            age = (day - pub).days
            plays = int(base * (0.9 ** min(age, 40)) * rnd.uniform(0.6, 1.4)) + 10
            pp = int(plays * rnd.uniform(0.4, 0.8))
            likes = int(plays * rnd.uniform(0.01, 0.06))
            favs = int(plays * rnd.uniform(0.002, 0.01))
            settled = None
            if day < today - datetime.timedelta(days=1) and rnd.random() < 0.5:
                settled = int(pp / 1000 * 200 * rnd.uniform(0.7, 1.3))
            rows.append((wid, day.isoformat(), plays, pp, likes, favs,
                         int(likes * 0.1), int(likes * 0.05),
                         round(rnd.uniform(0.1, 0.5), 4), round(rnd.uniform(0.3, 0.8), 4),
                         round(rnd.uniform(0.1, 0.5), 4), round(rnd.uniform(5, 40), 1),
                         round(rnd.uniform(0.7, 1.3), 3), None, settled))
    cur.executemany(
        "INSERT INTO daily(work_id, day, plays, profitable_plays, likes, favorites,"
        " comments, shares, completion_rate, completion_rate_5s, bounce_rate_2s,"
        " avg_play_duration, user_value, quality, revenue_fen)"
        " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)", rows)
    viol_day = today - datetime.timedelta(days=20)
    cur.execute("INSERT INTO violation(account_id, work_id, day, kind, status)"
                " VALUES ('acc_viol', NULL, ?, 'misleading content', 'active')",
                (viol_day.isoformat(),))
    cur.execute("INSERT INTO violation(account_id, work_id, day, kind, status)"
                " VALUES ('acc_cert', 'w00001', ?, 'music copyright', 'active')",
                ((today - datetime.timedelta(days=10)).isoformat(),))
    cur.executemany(
        "INSERT INTO application(account_id, submitted_on, reviewed_on, result, reason)"
        " VALUES (?,?,?,?,?)",
        [("acc_cert", "2026-08-03", "2026-08-07", "approved", None),
         ("acc_viol", "2026-10-09", "2026-10-15", "rejected",
          "recent works lack originality")])
    wallet = []
    for d in range(min(ndays, 30)):
        day = (today - datetime.timedelta(days=d + 2)).isoformat()
        wallet.append(("acc_cert", day, "settlement", 1000 + d * 37))
    wallet += [("acc_cert", (today - datetime.timedelta(days=3)).isoformat(), "compensation", 512),
               ("acc_cert", (today - datetime.timedelta(days=5)).isoformat(), "withdrawal", 5000),
               ("acc_cert", (today - datetime.timedelta(days=6)).isoformat(), "adjustment", -25)]
    cur.executemany("INSERT INTO wallet(account_id, day, kind, amount_fen) VALUES (?,?,?,?)",
                    wallet)
    con.commit()
    con.close()


if __name__ == "__main__":
    main()
