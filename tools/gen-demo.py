#!/usr/bin/env python3
"""Writes the demo data set of partner-tui into share/partner-tui/demo/.

A Jinan short-video agency (济南短视频运营) runs three accounts:
  jn_nongji   济南农技老李  personal, certified 农技师, joined after one
              rejection; one of its works has a misjudged violation
              (2026-11-12, still active: the work earns 0 from then on),
              the case for an appeal; withdrawals to a verified bank card.
  jn_meishi   泉城美食小王  personal; an account-level violation on
              2026-10-08 (inside the 90 days before 2026-11-26): no revenue
              since; an older violation was overturned.
  jn_quanshui 泉水文旅      enterprise_affiliated: rejected, never earns.

About 120 works with Chinese titles (some emoji, some long), 180 days of
daily metrics ending 2026-11-25, settled revenue from DESIGN.md §5's model
v1 (base ¥2.00 per 1,000 profitable plays, r_ref 0.04, Q_ref 60, aE 0.5,
aU 1, aQ 1, b_sel 0.30, b_cert 0.10) times lognormal noise, with the
eligibility rules and the ¥1 daily minimum applied; works that are not
public, carry ads or are not original; applications, violations and wallet
settlements. The files mix English and Chinese headers on purpose: the
demo goes in through the importer.

Deterministic (fixed seed); its output is committed, so building never
needs Python. Run from the top of the tree: python3 tools/gen-demo.py
"""
import csv
import datetime as dt
import math
import os
import random

SEED = 20261126
LAST_DAY = dt.date(2026, 11, 25)
DAYS = 180
FIRST_DAY = LAST_DAY - dt.timedelta(days=DAYS - 1)
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..",
                   "share", "partner-tui", "demo")

rng = random.Random(SEED)

ACCOUNTS = [
    # id, name, kind, celebrity, certification, plan, bank card
    ("jn_nongji", "济南农技老李", "personal", "no", "农技师", "joined", "yes"),
    ("jn_meishi", "泉城美食小王", "personal", "no", "", "joined", "yes"),
    ("jn_quanshui", "泉水文旅", "enterprise_affiliated", "no", "",
     "rejected", "no"),
]

TOPICS = {
    "jn_nongji": ["苹果树冬季修剪", "小麦返青追肥", "大棚番茄控旺", "葡萄霜霉病防治",
                  "玉米密植增产", "樱桃树拉枝", "韭菜根蛆防治", "黄瓜嫁接育苗",
                  "土壤酸化改良", "辣椒落花落果", "桃树流胶病", "大蒜播种深度"],
    "jn_meishi": ["济南把子肉", "油旋", "甜沫", "草包包子", "九转大肠", "糖醋鲤鱼",
                  "芙蓉街小吃", "宽厚里夜市", "超意兴快餐", "老济南烧饼", "酥锅", "鸡蛋灌饼"],
    "jn_quanshui": ["趵突泉", "大明湖", "千佛山", "黑虎泉", "泉城广场", "五龙潭",
                    "曲水亭街", "百花洲", "红叶谷", "九如山"],
}
HOOKS = ["三分钟讲明白", "老师傅教你", "第一次来济南必看", "本地人才知道的",
         "一看就会", "别再做错了", "实拍", "全流程", "避坑指南", "省钱攻略"]
EMOJI = ["🍎", "🌾", "🍅", "😋", "🔥", "🌊", "👍", "✨", "🥢", "⛰️"]
LONG_TAIL = ("，从准备工具到每一步的细节，再到常见的十个错误和补救办法，"
             "一条视频全部讲清楚，建议收藏慢慢看，有问题评论区留言我一条条回复")
GENRES = ["视频", "视频", "视频", "图文"]


def title_for(account, i):
    topic = TOPICS[account][i % len(TOPICS[account])]
    hook = HOOKS[rng.randrange(len(HOOKS))]
    t = f"{hook}：{topic}"
    roll = rng.random()
    if roll < 0.25:
        t += EMOJI[rng.randrange(len(EMOJI))]
    elif roll < 0.33:
        t += LONG_TAIL
    if i % 7 == 3:
        t += f"（第{i // 7 + 1}期）"
    return t


def day_range(a, b):
    d = a
    while d <= b:
        yield d
        d += dt.timedelta(days=1)


def yuan(fen):
    return f"{fen // 100}.{fen % 100:02d}"


def main():
    works = []
    counts = {"jn_nongji": 50, "jn_meishi": 45, "jn_quanshui": 25}
    wid = 7310000000000000000
    for account, n in counts.items():
        for i in range(n):
            wid += rng.randrange(1000, 90000)
            pub = FIRST_DAY - dt.timedelta(days=20) + dt.timedelta(
                days=int((DAYS + 14) * i / n) + rng.randrange(0, 4))
            pub = min(pub, LAST_DAY - dt.timedelta(days=2))
            hour, minute = rng.choice([12, 18, 19, 20, 21]), rng.randrange(60)
            w = {
                "work_id": str(wid), "account_id": account,
                "title": title_for(account, i),
                "published": dt.datetime(pub.year, pub.month, pub.day,
                                         hour, minute),
                "genre": GENRES[rng.randrange(len(GENRES))],
                "duration": rng.randrange(25, 420),
                "visibility": "public", "review": "approved",
                "original": True, "infringing": False,
                "commercial": "none", "selected": False,
                "appeal": False,
                "p0": math.exp(rng.gauss(math.log(9000), 0.9)),
                "r": max(0.008, rng.gauss(0.045, 0.015)),
                "u": math.exp(rng.gauss(0, 0.25)),
                "c": rng.uniform(0.12, 0.45),
            }
            works.append(w)

    # Works that do not earn, each for a different reason.
    by = {a: [w for w in works if w["account_id"] == a] for a in counts}
    nj, ms = by["jn_nongji"], by["jn_meishi"]
    nj[5]["visibility"] = "self_only"
    nj[11]["commercial"] = "ad"
    nj[17]["original"] = False
    nj[23]["visibility"] = "one_day"
    nj[29]["commercial"] = "commercial_order"
    nj[40]["review"] = "pending"
    ms[4]["commercial"] = "sales"
    ms[9]["visibility"] = "deleted"
    ms[14]["original"] = False
    ms[21]["commercial"] = "paid"
    ms[30]["infringing"] = True
    for w in (nj[8], nj[19], nj[33], ms[6], ms[18]):
        w["selected"] = True
    # The misjudged violation: a popular, clean work of the certified account.
    victim = nj[38]
    victim["appeal"] = True
    victim["p0"] = 60000.0
    victim["r"] = 0.06
    misjudged_day = dt.date(2026, 11, 12)
    account_violation_day = dt.date(2026, 10, 8)
    joined = {"jn_nongji": dt.date(2026, 7, 3), "jn_meishi": dt.date(2026, 5, 16),
              "jn_quanshui": None}

    def work_eligible(w, day):
        if (w["visibility"] != "public" or w["review"] != "approved"
                or not w["original"] or w["infringing"]
                or w["commercial"] != "none"):
            return False
        if w["appeal"] and day >= misjudged_day:
            return False
        return True

    def account_eligible(account, day):
        if account == "jn_quanshui":
            return False
        if joined[account] is None or day < joined[account]:
            return False
        if account == "jn_meishi" and day >= account_violation_day:
            return False
        return True

    daily = []   # rows in file order
    totals = {}  # (account, day) -> fen
    per_day = {}
    for w in works:
        pubday = w["published"].date()
        start = max(pubday, FIRST_DAY)
        for day in day_range(start, LAST_DAY):
            age = (day - pubday).days
            # A burst that decays, a long tail, weekend lift, noise.
            base = w["p0"] * (0.55 ** min(age, 12)) + w["p0"] * 0.015 / (1 + age / 30)
            if day.weekday() >= 5:
                base *= 1.15
            plays = int(base * math.exp(rng.gauss(0, 0.25)))
            if w["visibility"] == "deleted" and age > 20:
                continue
            if w["visibility"] in ("self_only", "one_day") and age > 1:
                plays = int(plays * 0.02)
            if plays < 5:
                continue
            pp = int(plays * rng.uniform(0.55, 0.8))
            r = max(0.002, w["r"] * math.exp(rng.gauss(0, 0.2)))
            likes = int(pp * r * 0.75)
            favs = int(pp * r * 0.25)
            comments = int(likes * rng.uniform(0.03, 0.1))
            shares = int(likes * rng.uniform(0.02, 0.08))
            c = min(0.95, max(0.02, w["c"] * math.exp(rng.gauss(0, 0.1))))
            c5 = min(0.98, c + rng.uniform(0.2, 0.35))
            b2 = min(0.9, max(0.05, 0.55 - c + rng.uniform(-0.05, 0.05)))
            avg = w["duration"] * min(1.0, c + 0.25)
            u = w["u"] * math.exp(rng.gauss(0, 0.08))
            q = 100 * (0.4 * c + 0.3 * c5 + 0.3 * (1 - b2))
            rr = (likes + favs) / pp if pp else 0
            model = (pp / 1000 * 2.00 * (max(rr, 0.001) / 0.04) ** 0.5 * u
                     * (max(q, 1) / 60) * (1.3 if w["selected"] else 1.0)
                     * (1.1 if w["account_id"] == "jn_nongji" else 1.0))
            fen = int(round(model * 100 * math.exp(rng.gauss(0, 0.08))))
            if not (work_eligible(w, day) and account_eligible(w["account_id"], day)):
                fen = 0
            row = {
                "date": day.isoformat(), "work_id": w["work_id"],
                "plays": plays, "profitable_plays": pp, "likes": likes,
                "favorites": favs, "comments": comments, "shares": shares,
                "completion_rate": f"{c:.4f}",
                "completion_rate_5s": f"{c5:.4f}",
                "bounce_rate_2s": f"{b2:.4f}",
                "avg_play_duration": f"{avg:.1f}",
                "user_value": f"{u:.3f}", "quality": "",
                "fen": fen,
            }
            daily.append(row)
            key = (w["account_id"], day)
            totals[key] = totals.get(key, 0) + fen
            per_day.setdefault(key, []).append(row)
    # The daily minimum: an account day below ¥1 settles 0 for every work.
    for key, total in totals.items():
        if 0 < total < 100:
            for row in per_day[key]:
                row["fen"] = 0
            totals[key] = 0
    # A few days whose revenue the platform has not shown: missing, not 0.
    for row in daily:
        row["revenue"] = yuan(row.pop("fen"))
    for row in daily[-40:-35]:
        row["revenue"] = ""
    # Quality as the platform shows it, on a sample of rows; the rest missing.
    for i, row in enumerate(daily):
        if i % 9 == 0:
            c = float(row["completion_rate"])
            c5 = float(row["completion_rate_5s"])
            b2 = float(row["bounce_rate_2s"])
            row["quality"] = f"{100 * (0.4 * c + 0.3 * c5 + 0.3 * (1 - b2)):.1f}"

    os.makedirs(OUT, exist_ok=True)

    def write(name, header, rows):
        with open(os.path.join(OUT, name), "w", newline="", encoding="utf-8") as f:
            wr = csv.writer(f, lineterminator="\n")
            wr.writerow(header)
            wr.writerows(rows)

    write("accounts.csv", ["account_id", "name", "kind", "celebrity",
                           "certification", "plan_status", "bank_card"],
          [list(a) for a in ACCOUNTS])
    yn = lambda b: "是" if b else "否"
    zh_vis = {"public": "公开", "one_day": "一日可见", "self_only": "仅自己可见",
              "deleted": "已删除"}
    zh_rev = {"approved": "通过", "pending": "审核中", "rejected": "未通过"}
    zh_com = {"none": "无", "ad": "广告", "commercial_order": "商单",
              "sales": "带货", "paid": "付费"}
    write("works.csv", ["作品ID", "账号ID", "作品名称", "发布时间", "体裁", "时长",
                        "可见性", "审核状态", "原创", "侵权", "商业内容", "精选"],
          [[w["work_id"], w["account_id"], w["title"],
            w["published"].strftime("%Y-%m-%d %H:%M"), w["genre"],
            "00:%02d:%02d" % divmod(w["duration"], 60), zh_vis[w["visibility"]],
            zh_rev[w["review"]], yn(w["original"]), yn(w["infringing"]),
            zh_com[w["commercial"]], yn(w["selected"])] for w in works])
    cols = ["date", "work_id", "plays", "profitable_plays", "likes",
            "favorites", "comments", "shares", "completion_rate",
            "completion_rate_5s", "bounce_rate_2s", "avg_play_duration",
            "user_value", "quality", "revenue"]
    write("daily.csv", cols, [[r[c] for c in cols] for r in daily])
    write("violations.csv", ["账号ID", "作品ID", "日期", "违规类型", "状态"], [
        ["jn_meishi", "", "2026-06-20", "疑似搬运", "已撤销"],
        ["jn_meishi", "", account_violation_day.isoformat(), "不实信息", "生效"],
        ["jn_nongji", victim["work_id"], misjudged_day.isoformat(),
         "疑似非原创（误判）", "生效"],
    ])
    write("applications.csv", ["account_id", "submitted_on", "reviewed_on",
                               "result", "reason"], [
        ["jn_meishi", "2026-05-08", "2026-05-15", "approved", ""],
        ["jn_nongji", "2026-05-20", "2026-05-27", "rejected",
         "近期作品质量不足：画面不清晰，原创度较低"],
        ["jn_nongji", "2026-06-26", "2026-07-02", "approved", ""],
        ["jn_quanshui", "2026-06-01", "2026-06-05", "rejected",
         "企业关联账号不符合加入条件"],
    ])
    wallet = []
    balance = {}
    for (account, day), total in sorted(totals.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        if total <= 0 or day >= LAST_DAY:
            continue
        pay = day + dt.timedelta(days=1)
        wallet.append([account, pay.isoformat(), "结算", yuan(total)])
        balance[account] = balance.get(account, 0) + total
        if account == "jn_nongji" and pay in (dt.date(2026, 9, 15),
                                              dt.date(2026, 11, 15)):
            out = balance[account] // 10000 * 10000
            if out > 0:
                wallet.append([account, pay.isoformat(), "提现", yuan(out)])
                balance[account] -= out
    write("wallet.csv", ["账号ID", "日期", "类型", "金额"], wallet)


if __name__ == "__main__":
    main()
