#!/usr/bin/env python3
"""Screen tests of the Diagnosis and Eligibility panes and the accounts
overview on the demo database: what a person sees (through a pty and the
pyte terminal emulator) and the panes' models (through the headless
harness), each figure compared with the CLI's own reports for the same
window: `report works`, `report attribution`, `report daily`, `check`.

Each check is a TAP result (tests/screen/tap.py).
"""
import datetime
import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ptyterm import Term  # noqa: E402
from tap import check, finish  # noqa: E402

BUILD = os.environ.get("top_builddir", os.getcwd())
PT = os.path.join(BUILD, "src", "partner-tui")
TMP = tempfile.mkdtemp(prefix="pt-views-")
TODAY = "2026-11-26"
BASE_ENV = {
    "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8", "TERM": "xterm-256color",
    "PARTNER_TUI_TODAY": TODAY, "HOME": TMP, "XDG_DATA_HOME": TMP + "/data",
    "XDG_CONFIG_HOME": TMP + "/config", "ESCDELAY": "25",
}
for var in ("NO_COLOR", "PARTNER_TUI_SCRIPT", "PARTNER_TUI_NO_DISPLAY",
            "PARTNER_TUI_DB", "PARTNER_TUI_ACCOUNT", "LANGUAGE"):
    os.environ.pop(var, None)

def day(s):
    return datetime.date.fromisoformat(s)


def yuan(fen):
    """money_format(): "¥1,234.56", "-¥0.50"."""
    sign = "-" if fen < 0 else ""
    fen = abs(fen)
    return "%s¥%s.%02d" % (sign, "{:,}".format(fen // 100), fen % 100)


def change(fen):
    return "=" if fen == 0 else ("+" if fen > 0 else "") + yuan(fen)


def cli(*args):
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY] + list(args),
                       capture_output=True, text=True)
    assert r.returncode in (0, 1), (args, r.returncode, r.stderr)
    return r.stdout


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json"))


def run_script(lines, cols=132, rows=43, db=None, **env):
    """Runs the dashboard headless on a script; returns the dumps' text."""
    script = os.path.join(TMP, "script.txt")
    outs = []
    with open(script, "w") as f:
        f.write("resize %d %d\n" % (cols, rows))
        for line in lines:
            if line in ("model", "screen"):
                path = os.path.join(TMP, "out%d" % len(outs))
                outs.append(path)
                line = line + " " + path
            f.write(line + "\n")
        f.write("quit\n")
    e = dict(os.environ)
    e.update(BASE_ENV)
    e.update(PARTNER_TUI_SCRIPT=script, PARTNER_TUI_NO_DISPLAY="1", TERM="xterm")
    e.update(env)
    r = subprocess.run([PT, "--db", db or DEMO], env=e, capture_output=True,
                       timeout=60)
    assert r.returncode == 0, r.stderr
    return [open(p, encoding="utf-8").read() for p in outs]


def model(text):
    """key=value lines; keys that repeat collect into lists."""
    m = {}
    for line in text.splitlines():
        k, v = line.split("=", 1)
        if k in m:
            if not isinstance(m[k], list):
                m[k] = [m[k]]
            m[k].append(v)
        else:
            m[k] = v
    return m


def as_list(v):
    return v if isinstance(v, list) else ([] if v is None else [v])


def start(cols=80, rows=24, **env):
    e = dict(BASE_ENV)
    e.update(env)
    return Term([PT, "--db", DEMO], e, cols, rows)


DEMO = os.path.join(TMP, "demo.db")
subprocess.run([PT, "--db", DEMO, "demo"], check=True, stdout=subprocess.DEVNULL)
PRISTINE = os.path.join(TMP, "pristine.db")
shutil.copy(DEMO, PRISTINE)
ACCOUNTS = [r["account_id"] for r in cli_json("report", "accounts")["rows"]]
CHECK = {a: cli_json("check", "--account", a) for a in ACCOUNTS}
# The overview's week ends at the account's last day with data, not today.
WEEK_TO = day(cli_json("report", "accounts")["data_through"])
WEEK_FROM = WEEK_TO - datetime.timedelta(days=6)


@check("demo holds several accounts, some of them ineligible")
def _():
    assert len(ACCOUNTS) >= 3, ACCOUNTS
    assert any(not c["eligible"] for c in CHECK.values()), CHECK
    assert any(c["eligible"] for c in CHECK.values()), CHECK


@check("overview first (80x24): week revenue, change and PASS/FAIL equal the CLI")
def _():
    t = start(80, 24)
    try:
        t.wait_text("[0 Accounts]")
        t.wait_text("Choose the account")
        for a in ACCOUNTS:
            att = cli_json("report", "attribution", "--account", a,
                           "--from", str(WEEK_FROM), "--to", str(WEEK_TO),
                           "--vs-from", str(WEEK_FROM - datetime.timedelta(days=7)),
                           "--vs-to", str(WEEK_FROM - datetime.timedelta(days=1)))
            lines = [t.line(y) for y in range(t.rows) if a in t.line(y)]
            assert len(lines) == 1, (a, t.text())
            line = lines[0]
            assert yuan(att["revenue_fen"]) in line, (line, att["revenue_fen"])
            assert change(att["total_change_fen"]) in line, (line, att)
            want = "✓ PASS" if CHECK[a]["eligible"] else "✗ FAIL"
            assert want in line, (line, want)
        # The selected account's failing rules, in words, at the bottom.
        bad = [a for a in ACCOUNTS if not CHECK[a]["eligible"]][0]
        while not [y for y in range(t.rows) if t.line(y).startswith(">" + bad)]:
            t.send("Down")
            t.pump(0.05)
        t.wait(lambda t: "Why not: " in t.text() and "Why not: —" not in t.text(),
               what="reasons of " + bad)
    finally:
        t.close()


@check("overview model: every account, eligibility and failing rules as check says")
def _():
    (m,) = run_script(["model"])
    m = model(m)
    assert m["frame.pane"] == "overview", m["frame.pane"]
    rows = {r.split("|")[0]: r.split("|") for r in as_list(m.get("account"))}
    assert sorted(rows) == sorted(ACCOUNTS), rows
    for a in ACCOUNTS:
        failing = [r["id"] for r in CHECK[a]["rules"] if r["pass"] is False]  # null: not assessed
        assert rows[a][3] == ("eligible" if CHECK[a]["eligible"] else "not_eligible")
        assert rows[a][4].split(",") == (failing or [""]), (rows[a], failing)


@check("Enter chooses an account; `A` from Diagnosis and Eligibility comes back")
def _():
    # `a` appeals in Diagnosis and Eligibility (issue 15): A is the account.
    target = ACCOUNTS[-1]
    n = ACCOUNTS.index(target)
    out = run_script(["key Home"] + ["key Down"] * n +
                     ["key Enter", "model", "key 3", "key A", "model"])
    m1, m2 = model(out[0]), model(out[1])
    assert m1["frame.account"] == target and m1["frame.pane"] == "diagnosis", m1
    assert m2["frame.pane"] == "overview" and m2["selected"] == target, m2


RULES = {
    "no_violation_90d": "No violation in the last 90 days",
    "not_enterprise": "Not an enterprise account",
    "not_enterprise_affiliated": "Not enterprise-affiliated",
    "no_celebrity_cert": "No celebrity certification",
    "daily_min_1_yuan": "Daily plan revenue at least ¥1",
    "plan_joined": "Joined the Creator Partner Program",
}


def eligibility(account, cols=132, rows=43):
    return run_script(["key 3", "model", "screen"], cols, rows,
                      PARTNER_TUI_ACCOUNT=account)


@check("eligibility: every rule PASS/FAIL, evidence and change day as `check` says")
def _():
    for a in ACCOUNTS:
        m, s = eligibility(a)
        m = model(m)
        c = CHECK[a]
        assert m["eligible"] == ("1" if c["eligible"] else "0"), (a, m)
        rules = {r.split("|")[0]: r.split("|") for r in as_list(m["rule"])}
        for r in c["rules"]:
            got = rules[r["id"]]
            want = "not_assessed" if r["pass"] is None else "pass" if r["pass"] else "fail"
            assert got[1] == want, (a, got, r)
            assert got[3] == (r["revenue_visible_on"] or ""), (a, got, r)
            assert got[2] == (r["changes_on"] or ""), (a, got, r)
            # On screen: the rule, its text equivalent, the evidence.
            lines = [l for l in s.splitlines() if r["evidence"][:20] in l
                     and RULES[r["id"]] in l]
            assert lines, (a, r, s)
            shown = "N/A" if r["pass"] is None else "PASS" if r["pass"] else "FAIL"
            assert shown in lines[0], lines[0]
        head = "NOT ELIGIBLE" if not c["eligible"] else "ELIGIBLE"
        assert head in s, s


@check("the account with a recent violation shows the day it becomes clean")
def _():
    viol = [a for a in ACCOUNTS if any(r["id"] == "no_violation_90d" and
                                       not r["pass"] for r in CHECK[a]["rules"])]
    assert viol, CHECK
    for a in viol:
        r = [r for r in CHECK[a]["rules"] if r["id"] == "no_violation_90d"][0]
        for cols, rows in ((132, 43), (80, 24)):
            m, s = eligibility(a, cols, rows)
            line = [l for l in s.splitlines() if "FAIL" in l and
                    "No violation in the last 90 days" in l]
            assert line, s
            assert "clean from " + r["changes_on"] in line[0], (line[0], r)


@check("enterprise-affiliated, rejected account: failing rules, reapply day, advice")
def _():
    ent = [a for a in ACCOUNTS if any(r["id"] == "not_enterprise_affiliated" and
                                      not r["pass"] for r in CHECK[a]["rules"])]
    assert ent, CHECK
    a = ent[0]
    m, s = eligibility(a)
    m = model(m)
    app = CHECK[a]["application"]
    assert m["application.result"] == app["result"] == "rejected", (m, app)
    assert m["application.expected_result_on"] == app["expected_result_on"]
    assert m["application.reapply_on"] == app["reapply_on"]
    assert "Next application possible from " + app["reapply_on"] in s, s
    assert app["reason"] in s, s
    for words in ("Originality:", "获得感", "惊喜感", "表达力", "感染力", "Presentation:"):
        assert words in s, (words, s)
    assert "✗ FAIL  Not enterprise-affiliated" in s, s


@check("eligibility: work groups add up; a group opens on its works; wallet balance")
def _():
    a = [a for a in ACCOUNTS if CHECK[a]["eligible"]][0]
    m, s = eligibility(a)
    m = model(m)
    groups = dict(g.split("|") for g in as_list(m["group"]))
    assert int(groups["earning"]) == int(m["works.earning"])
    assert int(m["works.earning"]) + int(m["works.excluded"]) == int(m["works.total"])
    works = cli_json("report", "works", "--account", a, "--from", m["works.day"],
                     "--to", m["works.day"])["rows"]
    assert len(works) >= int(m["works.total"]), (len(works), m["works.total"])
    # open the second group (the first excluded one)
    out = run_script(["key 3", "key Down", "key Enter", "model"],
                     PARTNER_TUI_ACCOUNT=a)
    g = model(out[0])
    gid = g["open_group"]
    assert len(as_list(g.get("member"))) == int(groups[gid]), (gid, g)
    by_id = {w["work_id"]: w for w in works}
    for wid in as_list(g.get("member")):
        if gid not in ("no_data", "zero", "earning"):
            assert gid in by_id[wid]["reasons"], (wid, gid, by_id[wid])
    # wallet: settlements + compensations - withdrawals + adjustments
    assert int(m["wallet.balance_fen"]) == (int(m["wallet.settlements_fen"]) +
                                            int(m["wallet.compensations_fen"]) -
                                            int(m["wallet.withdrawals_fen"]) +
                                            int(m["wallet.adjustments_fen"]))
    assert "Wallet: balance " + yuan(int(m["wallet.balance_fen"])) in s, s
    assert "Real-name bank card bound" in s or "No real-name bank card" in s


def diagnosis(account, keys, cols=132, rows=43, db=None):
    return run_script(["key 2"] + keys, cols, rows, db,
                      PARTNER_TUI_ACCOUNT=account)


def fresh():
    """A copy of the demo database, for a test that writes (a draft)."""
    path = os.path.join(TMP, "fresh%d.db" % len(os.listdir(TMP)))
    shutil.copy(PRISTINE, path)
    return path


MAIN = [a for a in ACCOUNTS if CHECK[a]["eligible"]][0]


@check("diagnosis table: revenue, change, settled, estimate, plays equal the CLI")
def _():
    m, s = diagnosis(MAIN, ["model", "screen"])
    m = model(m)
    f, t = m["window.from"], m["window.to"]
    works = {w["work_id"]: w for w in cli_json(
        "report", "works", "--account", MAIN, "--from", f, "--to", t)["rows"]}
    rows = [r.split("|") for r in as_list(m["row"])]
    assert len(rows) >= 10, rows
    assert int(m["works"]) == len(works)
    for wid, flags, rev, chg, pp, settled, est in rows[:12]:
        w = works[wid]
        assert settled == ("" if w["revenue_fen"] is None else str(w["revenue_fen"])), (wid, settled, w)
        assert est == str(w["estimated_fen"] or 0), (wid, est, w)
        assert pp == ("" if w["profitable_plays"] is None else str(w["profitable_plays"])), (wid, pp, w)
        att = cli_json("report", "attribution", "--work", wid, "--from", f, "--to", t,
                       "--vs-from", m["window.vs_from"], "--vs-to", m["window.vs_to"])
        assert rev == str(att["revenue_fen"]), (wid, rev, att)
        assert chg in ("", str(att["total_change_fen"])), (wid, chg, att)
        # what a person sees on that work's line
        title = w["title"][:14]   # long enough to tell similar titles apart
        line = [l for l in s.splitlines() if title in l][0]
        assert yuan(att["revenue_fen"]) in line, (line, att)
    # sorted by revenue, largest first
    revs = [int(r[2]) for r in rows if r[2] != ""]
    assert revs == sorted(revs, reverse=True), revs


@check("diagnosis: s cycles the sort column, S reverses it, missing values last")
def _():
    out = diagnosis(MAIN, ["key s", "model", "key S", "model"])
    a, b = model(out[0]), model(out[1])
    assert a["sort"] == "change" and a["sort.desc"] == "1", a["sort"]
    ch = [int(r.split("|")[3]) for r in as_list(a["row"]) if r.split("|")[3] != ""]
    assert ch == sorted(ch, reverse=True), ch
    assert b["sort.desc"] == "0"
    ch = [int(r.split("|")[3]) for r in as_list(b["row"]) if r.split("|")[3] != ""]
    assert ch == sorted(ch), ch


@check("diagnosis: / filters by a Chinese substring, Esc clears")
def _():
    works = cli_json("report", "works", "--account", MAIN, "--from", "2026-10-28",
                     "--to", TODAY)["rows"]
    word = "番茄"
    want = sorted(w["work_id"] for w in works if word in w["title"])
    assert want, "demo has no title with " + word
    out = diagnosis(MAIN, ["key /", "type " + word, "key Enter", "model", "screen",
                           "key Esc", "model"])
    m, s, m2 = model(out[0]), out[1], model(out[2])
    got = sorted(r.split("|")[0] for r in as_list(m.get("row")))
    assert m["filter"] == word and got == want[:len(got)] and int(m["shown"]) == len(want), (got, want)
    assert "Filter: " + word in s, s
    assert m2["filter"] == "" and m2["shown"] == m2["works"]


@check("diagnosis: a work opened: split sums, attribution equals report attribution")
def _():
    # The work with the largest fall: the one a creator would open.
    out = diagnosis(MAIN, ["key s", "key S", "key Enter",
                           "model", "screen"])
    m, s = model(out[0]), out[1]
    wid = m["work"]
    f, t = m["window.from"], m["window.to"]
    att = cli_json("report", "attribution", "--work", wid, "--from", f, "--to", t,
                   "--vs-from", m["window.vs_from"], "--vs-to", m["window.vs_to"])
    assert int(m["attribution.revenue_fen"]) == att["revenue_fen"]
    assert int(m["attribution.total_change_fen"]) == att["total_change_fen"]
    for p in att["parts"]:
        assert int(m["attribution." + p["factor"]]) == p["change_fen"], (p, m)
    split = sum(int(v) for k, v in m.items() if k.startswith("split."))
    assert split == int(m["revenue_fen"]) == att["revenue_fen"], (split, m)
    w = cli_json("report", "works", "--work", wid, "--from", f, "--to", t)["rows"][0]
    assert m["settled_fen"] == ("" if w["revenue_fen"] is None else str(w["revenue_fen"]))
    assert int(m["estimated_fen"]) == (w["estimated_fen"] or 0)
    assert "Change by cause: " in s and change(att["total_change_fen"]) in s, s
    # day by day: every daily row of the report is a day here
    daily = {d["date"]: d for d in cli_json("report", "daily", "--work", wid,
                                            "--from", f, "--to", t)["rows"]}
    days = {d.split("|")[0]: d.split("|") for d in as_list(m["day"])}
    for dte, d in daily.items():
        want = d["revenue_fen"] if d["revenue_fen"] is not None else d["estimated_fen"]
        assert days[dte][1] == str(want or 0), (dte, days[dte], d)


@check("diagnosis: zero days list the engine's reasons and what to do")
def _():
    bad = [a for a in ACCOUNTS if not CHECK[a]["eligible"]][0]
    out = diagnosis(bad, ["key Enter", "key Down", "model", "screen"])
    m, s = model(out[0]), out[1]
    zero = [d.split("|") for d in as_list(m["day"]) if d.split("|")[1] == "0"
            and d.split("|")[3]]
    assert zero, m
    diag_day = zero[-1][0]
    reasons = zero[-1][3].split(",")
    labels = {"no_violation_90d": "Violation on the account in the last 90 days",
              "not_enterprise_affiliated": "Enterprise-affiliated account",
              "plan_joined": "Not in the Creator Partner Program"}
    line = [l for l in s.splitlines() if l.lstrip(">").lstrip().startswith(diag_day)]
    assert line, (diag_day, s)
    for r in reasons:
        if r in labels:
            assert labels[r] in line[0], (r, line[0])
    assert "→ " in s, s   # advice for the cursor day


@check("diagnosis: d + day shows every work that day, zeros explained, ¥1 minimum")
def _():
    out = diagnosis(MAIN, ["key d", "type 2026-11-20", "key Enter", "model", "screen",
                           "key Right", "model"])
    m, s, m2 = model(out[0]), out[1], model(out[2])
    assert m["view"] == "day" and m["day"] == "2026-11-20", m
    assert m2["day"] == "2026-11-21"
    assert "daily minimum ¥1.00" in s, s
    rows = [r.split("|") for r in as_list(m["row"])]
    assert int(m["total_fen"]) == sum(int(r[1]) for r in rows)
    for wid, rev, reasons in rows[:6]:
        d = cli_json("report", "daily", "--work", wid, "--from", "2026-11-20",
                     "--to", "2026-11-20")["rows"]
        want = 0
        if d:
            want = d[0]["revenue_fen"] if d[0]["revenue_fen"] is not None else d[0]["estimated_fen"]
        assert int(rev) == (want or 0), (wid, rev, d)
    zeros = [r for r in rows if r[1] == "0"]
    for wid, rev, reasons in zeros:
        assert reasons or True  # settled zero may have no engine reason
    # A sentence per reason on screen for a zero row with reasons
    with_reason = [r for r in zeros if r[2]]
    if with_reason:
        assert "Why zero" in s


@check("diagnosis: t shows the work in Trends; a in a work starts an appeal")
def _():
    out = diagnosis(MAIN, ["key t", "model"])
    m1 = model(out[0])
    assert m1["frame.pane"] == "trends", m1["frame.pane"]
    # The work with an active violation: its zero days are the appeal's.
    works = cli_json("report", "works", "--account", MAIN, "--from", "2026-10-28",
                     "--to", TODAY)["rows"]
    viol = [w for w in works if "compliant_original" in w["reasons"]]
    assert viol, works
    wid = viol[0]["work_id"]
    out = diagnosis(MAIN, ["key /", "type " + wid, "key Enter", "key Enter",
                           "model", "key a", "model"])
    d, m2 = model(out[0]), model(out[1])
    zero = [x.split("|")[0] for x in as_list(d["day"])
            if "compliant_original" in x.split("|")[3]]
    assert zero, d
    assert m2["frame.pane"] == "appeals" and m2["mode"] == "form", m2
    assert m2["field.work"] == wid and m2["field.channel"] == "diagnosis", m2
    assert m2["field.account"] == MAIN, m2
    assert m2["field.first day"] == zero[0] and m2["field.last day"] == zero[-1], (m2, zero)


@check("diagnosis: a work whose review is unknown says so, and why it earns nothing")
def _():
    db = fresh()
    works = cli_json("report", "works", "--account", MAIN, "--from", "2026-11-20",
                     "--to", "2026-11-25")["rows"]
    wid = [w for w in works if w["estimated_fen"]][0]["work_id"]
    csv = os.path.join(TMP, "unknown_review.csv")
    with open(csv, "w") as f:
        f.write("work_id,account_id,review,effective_on\n%s,%s,未知,2026-11-20\n"
                % (wid, MAIN))
    r = subprocess.run([PT, "--db", db, "--today", TODAY, "import", csv],
                       capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    out = diagnosis(MAIN, ["key /", "type " + wid, "key Enter", "key Enter",
                           "model", "screen"], db=db)
    d, s = model(out[0]), out[1]
    assert d["work"] == wid, d
    assert "review unknown" in s and "Changes: review unknown from 2026-11-20" in s, s
    days = {x.split("|")[0]: x.split("|") for x in as_list(d["day"])}
    # from its day on the estimate leaves it out, with the reason
    assert "review_unknown" in days["2026-11-21"][3], days
    assert "review_unknown" not in days["2026-11-19"][3], days
    assert "Review status unknown" in s, s


@check("80x24: the table, a work and the day view fit and line up")
def _():
    out = diagnosis(MAIN, ["screen", "key Enter", "screen", "key Esc", "key d",
                           "key Enter", "screen"], 80, 24)
    for s in out:
        for l in s.splitlines():
            assert len(l) <= 80, l
    table = out[0].splitlines()
    assert "Revenue" in table[3] and "Change" in table[3], table[:5]


def violated(account, frm=None, to=TODAY):
    """The account's works with a violation in the window, and each one's
    days without revenue for it (from `report daily`, as the CLI says)."""
    frm = frm or str(day(to) - datetime.timedelta(days=29))
    works = cli_json("report", "works", "--account", account, "--from", frm,
                     "--to", to)["rows"]
    return [w["work_id"] for w in works if "compliant_original" in w["reasons"]]


def form(m):
    assert m["frame.pane"] == "appeals" and m["mode"] == "form", m
    return m


@check("a on a work in Diagnosis's table opens the appeal form filled in")
def _():
    wid = violated(MAIN)[0]
    for cols, rows in ((80, 24), (120, 40)):
        out = diagnosis(MAIN, ["key /", "type " + wid, "key Enter", "key Enter",
                               "model", "key Esc", "key a", "model"], cols, rows,
                        fresh())
        d, m = model(out[0]), form(model(out[1]))
        zero = [x.split("|")[0] for x in as_list(d["day"])
                if "compliant_original" in x.split("|")[3]]
        assert m["field.account"] == MAIN and m["field.work"] == wid, m
        assert m["field.channel"] == "diagnosis", m
        assert (m["field.first day"], m["field.last day"]) == (zero[0], zero[-1]), \
            (m, zero)


@check("a on a work in the single-day view opens the appeal form filled in")
def _():
    wid = violated(MAIN)[0]
    d = "2026-11-20"
    out = diagnosis(MAIN, ["key d", "type " + d, "key Enter", "model"], 80, 24)
    rows = [r.split("|")[0] for r in as_list(model(out[0])["row"])]
    assert wid in rows, rows
    keys = ["key d", "type " + d, "key Enter"] + ["key Down"] * rows.index(wid)
    out = diagnosis(MAIN, keys + ["screen", "key a", "model"], 80, 24, fresh())
    assert "a appeal" in out[0], out[0]
    m = form(model(out[1]))
    assert m["field.work"] == wid, m
    out = diagnosis(MAIN, keys + ["model", "screen", "key a", "model"], 120, 40,
                    fresh())
    v, s, m = model(out[0]), out[1], form(model(out[2]))
    assert v["selected"] == wid, v
    # The advice that names `a` is shown where `a` appeals, whole
    # (wrapped, not cut).
    assert "violation (a) from this page." in s and "a appeal" in s, s
    assert m["field.work"] == wid and m["field.account"] == MAIN, m
    assert m["field.first day"] <= d <= m["field.last day"], m
    daily = cli_json("report", "daily", "--account", MAIN, "--from",
                     m["field.first day"], "--to", m["field.last day"])
    assert daily, daily


@check("a on a violation in Eligibility opens the appeal form filled in")
def _():
    for acct, group in ((MAIN, "compliant_original"),
                        ([a for a in ACCOUNTS if not CHECK[a]["eligible"]][0],
                         "no_violation_90d")):
        m = model(run_script(["key 3", "model"], 80, 24,
                             PARTNER_TUI_ACCOUNT=acct)[0])
        groups = [g.split("|")[0] for g in as_list(m["group"])]
        assert group in groups, (acct, groups)
        keys = ["key 3"] + ["key Down"] * groups.index(group)
        out = run_script(keys + ["key a", "model", "screen", "key a", "model"],
                         80, 24, fresh(), PARTNER_TUI_ACCOUNT=acct)
        g, s, f = model(out[0]), out[1], model(out[2])
        members = as_list(g["member"])
        if len(members) == 1:
            form(g)
            f = g
        else:
            assert g["open_group"] == group, g
            assert "a appeal it" in s, s
            form(f)
        assert f["field.account"] == acct and f["field.work"] == members[0], f
        assert f["field.channel"] == "account_detection", f
        assert f["field.first day"] and f["field.last day"], f
        assert f["field.first day"] <= f["field.last day"] <= TODAY, f
    # End goes to the last group, Home back to the first.
    m = model(run_script(["key 3", "key End", "key a", "model"], 80, 24,
                         fresh(), PARTNER_TUI_ACCOUNT=MAIN)[0])
    groups = [g.split("|")[0] for g in as_list(m["group"])]
    assert m.get("open_group") == groups[-1] or m["frame.pane"] == "appeals", m


def zh_env():
    """LANGUAGE=zh_CN with the catalogue compiled from the source tree."""
    src = os.environ.get("top_srcdir", os.path.join(os.path.dirname(__file__), "..", ".."))
    loc = os.path.join(TMP, "locale", "zh_CN", "LC_MESSAGES")
    if not os.path.exists(os.path.join(loc, "partner-tui.mo")):
        os.makedirs(loc, exist_ok=True)
        subprocess.run(["msgfmt", "-o", os.path.join(loc, "partner-tui.mo"),
                        os.path.join(src, "po", "zh_CN.po")], check=True)
    return {"LANGUAGE": "zh_CN", "PARTNER_TUI_LOCALEDIR": os.path.join(TMP, "locale")}


@check("overview: totals row, sort by change/revenue/eligibility, / search")
def _():
    for cols, rows in ((80, 24), (120, 40)):
        out = run_script(["key 0", "model", "screen", "key s", "model",
                          "key s", "model", "key s", "model", "key S", "model",
                          "key /", "type quan", "key Enter", "model", "screen",
                          "key Esc", "model"], cols, rows)
        m = [model(x) for x in out if not x.startswith(" ") and "=" in x.split("\n")[0]]
        m0, s0 = model(out[0]), out[1]
        acc = {a.split("|")[0]: a.split("|") for a in as_list(m0["account"])}
        week = sum(int(v[1]) for v in acc.values())
        prev = sum(int(v[2]) for v in acc.values())
        assert int(m0["total.week_fen"]) == week and int(m0["total.prev_week_fen"]) == prev, m0
        assert int(m0["total.eligible"]) == sum(v[3] == "eligible" for v in acc.values())
        # On screen: the totals row with the sum and the change.
        tot = [l for l in s0.splitlines() if "Total (%d)" % len(acc) in l]
        assert tot and yuan(week) in tot[0] and change(week - prev) in tot[0], (tot, s0)
        assert "%d/%d" % (int(m0["total.eligible"]), len(acc)) in tot[0], tot
        rev, chg, elig = model(out[2]), model(out[3]), model(out[4])
        assert rev["sort"] == "revenue" and chg["sort"] == "change", (rev, chg)
        assert elig["sort"] == "eligibility", elig
        order = as_list(rev["order"])
        assert [int(acc[a][1]) for a in order] == sorted(
            (int(acc[a][1]) for a in order), reverse=True), order
        order = as_list(chg["order"])
        drops = [int(acc[a][1]) - int(acc[a][2]) for a in order]
        assert drops == sorted(drops), (order, drops)
        order = as_list(elig["order"])
        assert acc[order[0]][3] == "not_eligible" and acc[order[-1]][3] == "eligible", order
        back = model(out[5])
        assert back["sort.reverse"] == "1" and as_list(back["order"]) == order[::-1], back
        found, s_found, cleared = model(out[6]), out[7], model(out[8])
        assert as_list(found["order"]) == ["jn_quanshui"] and found["shown"] == "1", found
        assert found["selected"] == "jn_quanshui", found
        assert "Total (1)" in s_found and "jn_meishi" not in s_found, s_found
        assert cleared["shown"] == str(len(acc)) and cleared["selected"] == "jn_quanshui", cleared


@check("overview: Why not puts the day it ends first; 申诉 is the Chinese header")
def _():
    viol = [a for a in ACCOUNTS if any(r["id"] == "no_violation_90d" and
                                       not r["pass"] for r in CHECK[a]["rules"])]
    a = viol[0]
    day_ = [r for r in CHECK[a]["rules"] if r["id"] == "no_violation_90d"][0]["changes_on"]
    n = ACCOUNTS.index(a)
    for cols, rows in ((80, 24), (120, 40)):
        s = run_script(["key 0", "key Home"] + ["key Down"] * n + ["screen"],
                       cols, rows)[0]
        line = [l for l in s.splitlines() if l.startswith(" Why not: ")]
        assert line and line[0].startswith(" Why not: clean from " + day_), (line, s)
    env = zh_env()
    for cols, rows in ((80, 24), (120, 40)):
        s = run_script(["key 0", "screen"], cols, rows, **env)[0]
        head = [l for l in s.splitlines() if "账号" in l and "名称" in l and "资格" in l]
        head = [l for l in head if l.startswith(" 账号")]
        assert head and "申诉" in head[-1], (head, s)
        assert "诉 " not in head[-1].replace("申诉", ""), head
        assert "合计" in s, s


@check("Appeals list names works by title (whole below), / searches; Trends / charts a work")
def _():
    db = fresh()
    works = cli_json("report", "works", "--account", MAIN)["rows"]
    w1, w2 = works[0], works[1]
    for w in (w1, w2):
        r = subprocess.run([PT, "--db", db, "--today", TODAY, "appeal", "new",
                            "--account", MAIN, "--work", w["work_id"],
                            "--from", "2026-11-20", "--to", "2026-11-21",
                            "--category", "misjudged", "--statement", "mine"],
                           capture_output=True, text=True)
        assert r.returncode == 0, r.stderr
    word = w2["title"][:4]
    for cols, rows in ((80, 24), (120, 40)):
        out = run_script(["key 4", "model", "screen", "key /", "type " + word,
                          "key Enter", "model", "screen", "key Esc", "model"],
                         cols, rows, db, PARTNER_TUI_ACCOUNT=MAIN)
        m0, s0, m1, s1, m2 = model(out[0]), out[1], model(out[2]), out[3], model(out[4])
        titles = dict(t.split("|", 1) for t in as_list(m0["row.title"]))
        assert sorted(titles.values()) == sorted([w1["title"], w2["title"]]), titles
        # The list shows the title, not the work id; the details the whole.
        assert w1["work_id"] not in s0.split("────")[0], s0
        assert w1["title"][:5] in s0 or w2["title"][:5] in s0, s0
        sel = as_list(m0["row"])[int(m0["selected"])].split()[3]
        full = [w["title"] for w in (w1, w2) if w["work_id"] == sel][0]
        assert ("Work %s: %s" % (sel, full))[:cols - 2] in s0, s0
        want = [w for w in (w1, w2) if word.lower() in w["title"].lower()]
        assert m1["search"] == word and m1["rows"] == str(len(want)), m1
        assert "Search: " + word in s1, s1
        assert m2["search"] == "" and m2["rows"] == "2", m2
    # Trends: / and part of a title chart that work.
    m = model(run_script(["key 1", "key /", "type " + w2["work_id"][-6:],
                          "key Enter", "model"], 80, 24, db,
                         PARTNER_TUI_ACCOUNT=MAIN)[0])
    assert m["work"] == w2["work_id"], m


def money_values(text):
    """Every ¥ amount in text, in fen, signed; '=' counts as 0."""
    import re
    vals = []
    for sign, num in re.findall(r"([+-]?)¥([0-9,]+\.[0-9]{2})", text):
        fen = int(num.replace(",", "").replace(".", ""))
        vals.append(-fen if sign == "-" else fen)
    return vals


@check("80x24, both languages: a work's parts on screen add up; a cut title is shown whole")
def _():
    for env in ({}, zh_env()):
        out = run_script(["key 2", "screen", "key Enter", "model", "screen"],
                         80, 24, PARTNER_TUI_ACCOUNT=MAIN, **env)
        table, d, s = out[0], model(out[1]), out[2]
        lines = s.splitlines()
        start = [i for i, l in enumerate(lines) if "¥" in l and i > 3][0]
        # the revenue line, then the parts up to the causes
        rev_line = lines[start]
        parts = []
        for l in lines[start + 1:]:
            if "Change by cause" in l or "变化归因" in l or "按原因" in l:
                break
            parts.append(l)
        total = money_values(rev_line)[0]
        assert sum(money_values(" ".join(parts))) == total, (rev_line, parts, s)
        assert "…" not in " ".join(parts), parts
        # The table's cut title is in the footer whole.
        rows = [l for l in table.splitlines() if l.startswith(">")]
        assert rows and "…" in rows[0], table
        foot = table.splitlines()[-2]
        assert foot.startswith(" > ") and "(" in foot, foot


@check("Trends: the attribution is read whole: a line, or a small table that adds up")
def _():
    for env in ({}, zh_env()):
        for cols, rows in ((80, 24), (120, 40)):
            out = run_script(["key 1", "model", "screen"], cols, rows,
                             PARTNER_TUI_ACCOUNT=MAIN, **env)
            m, s = model(out[0]), out[1]
            total = int(m["attribution.total"])
            lines = s.splitlines()
            i = [k for k, l in enumerate(lines) if l.startswith(("Revenue ", "收益"))
                 and "¥" in l][0]
            block = [lines[i]]
            for l in lines[i + 1:]:
                if not l.startswith("  ") or "%" in l:
                    break
                block.append(l)
            text = " ".join(block)
            assert "…" not in text, text
            vals = money_values(text)
            assert vals[0] == total and sum(vals[1:]) == total, (block, total)


@check("e exports the table on screen as CSV, byte for byte what report prints")
def _():
    exp = os.path.join(TMP, "export")
    os.makedirs(exp, exist_ok=True)
    out = run_script(["key 2", "model", "key e", "model", "key Enter", "model",
                      "key e", "model", "key Esc", "key d", "type 2026-11-20",
                      "key Enter", "key e", "model"], 80, 24,
                     PARTNER_TUI_ACCOUNT=MAIN, PARTNER_TUI_EXPORT_DIR=exp)
    t, te, d, de, ye = [model(x) for x in out]
    f, to = t["window.from"], t["window.to"]

    def report(*args):
        r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "report"] +
                           list(args) + ["--format", "csv"], capture_output=True)
        assert r.returncode == 0, r.stderr
        return r.stdout

    cases = (
        (te, "works-%s-%s-%s" % (MAIN, f, to), ("works", "--account", MAIN, "--from", f, "--to", to)),
        (de, "daily-%s-%s-%s" % (d["work"], f, to), ("daily", "--work", d["work"], "--from", f, "--to", to)),
        (ye, "works-%s-2026-11-20-2026-11-20" % MAIN,
         ("works", "--account", MAIN, "--from", "2026-11-20", "--to", "2026-11-20")),
    )
    for m, name, args in cases:
        path = os.path.join(exp, "partner-tui-%s.csv" % name)
        assert path in m["frame.message"], m["frame.message"]
        got = open(path, "rb").read()
        want = report(*args)
        assert got == want, (name, got[:300], want[:300])
        rows = got.count(b"\r\n") - 1
        assert "Wrote %d rows" % rows in m["frame.message"], m["frame.message"]
    # The overview's week, as report accounts prints it.
    ov = model(run_script(["key 0", "key e", "model"], 120, 40,
                          PARTNER_TUI_EXPORT_DIR=exp)[0])
    path = os.path.join(exp, "partner-tui-accounts-%s-%s.csv"
                        % (ov["week.from"], ov["week.to"]))
    assert path in ov["frame.message"], ov["frame.message"]
    assert open(path, "rb").read() == report("accounts", "--from", ov["week.from"],
                                             "--to", ov["week.to"])


@check("e after / exports the rows the search keeps (Diagnosis, the overview), as report --search prints them")
def _():
    exp = os.path.join(TMP, "export-search")
    os.makedirs(exp, exist_ok=True)
    word = "番茄"
    out = run_script(["key 2", "key /", "type " + word, "key Enter", "key e", "model"],
                     80, 24, PARTNER_TUI_ACCOUNT=MAIN, PARTNER_TUI_EXPORT_DIR=exp)
    m = model(out[0])
    f, to = m["window.from"], m["window.to"]
    path = os.path.join(exp, "partner-tui-works-%s-%s-%s.csv" % (MAIN, f, to))
    assert path in m["frame.message"], m["frame.message"]
    got = open(path, "rb").read()
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "report", "works",
                        "--account", MAIN, "--from", f, "--to", to, "--search", word,
                        "--format", "csv"], capture_output=True)
    assert r.returncode == 0, r.stderr
    assert got == r.stdout, (got[:300], r.stdout[:300])
    rows = got.count(b"\r\n") - 1
    assert 0 < rows == int(m["shown"]) < int(m["works"]), (rows, m["shown"], m["works"])
    # The overview's week, searched: as report accounts --search prints it.
    ov = model(run_script(["key 0", "key /", "type jn_q", "key Enter", "key e", "model"],
                          120, 40, PARTNER_TUI_EXPORT_DIR=exp)[0])
    path = os.path.join(exp, "partner-tui-accounts-%s-%s.csv"
                        % (ov["week.from"], ov["week.to"]))
    assert path in ov["frame.message"], ov["frame.message"]
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "report", "accounts",
                        "--from", ov["week.from"], "--to", ov["week.to"],
                        "--search", "jn_q", "--format", "csv"], capture_output=True)
    assert r.returncode == 0, r.stderr
    got = open(path, "rb").read()
    assert got == r.stdout and got.count(b"\r\n") - 1 == int(ov["shown"]) == 1, (got, ov["shown"])


@check("R types a window FROM TO in Trends and Diagnosis; [ goes back to 7/30/90")
def _():
    exp = os.path.join(TMP, "export-range")
    os.makedirs(exp, exist_ok=True)
    out = run_script(["key 1", "key R", "type 2026-11-01 2026-11-20", "key Enter",
                      "model", "key [", "model", "key 2", "key R",
                      "type 11-03..11-17", "key Enter", "model", "key e", "model",
                      "key ]", "model", "key R", "type 11-20 11-01", "key Enter",
                      "model"], 80, 24, PARTNER_TUI_ACCOUNT=MAIN,
                     PARTNER_TUI_EXPORT_DIR=exp)
    tr, back, dg, ex, fixed, bad = [model(x) for x in out]
    assert (tr["from"], tr["to"], tr["window"]) == ("2026-11-01", "2026-11-20", "20"), tr
    assert back["window"] in ("7", "30", "90", "180", "0"), back
    assert (dg["window.from"], dg["window.to"]) == ("2026-11-03", "2026-11-17"), dg
    # the previous window has the same length, just before
    assert (dg["window.vs_from"], dg["window.vs_to"]) == ("2026-10-19", "2026-11-02"), dg
    path = os.path.join(exp, "partner-tui-works-%s-2026-11-03-2026-11-17.csv" % MAIN)
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "report", "works",
                        "--account", MAIN, "--from", "2026-11-03", "--to",
                        "2026-11-17", "--format", "csv"], capture_output=True)
    assert open(path, "rb").read() == r.stdout, ex["frame.message"]
    assert fixed["window.from"] != "2026-11-03", fixed
    assert "Not a window" in bad["frame.message"], bad


@check("overview: its first line says what partner-tui digest would (since yesterday)")
def _():
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "digest", "--format",
                        "json"], capture_output=True, text=True)
    d = json.loads(r.stdout)
    assert r.returncode == (1 if d["items"] else 0), (r.returncode, d)
    for cols, rows in ((80, 24), (120, 40)):
        m, s = run_script(["key 0", "model", "screen"], cols, rows)
        m = model(m)
        assert int(m["digest.attention"]) == len(d["items"]), (m, d)
        first = s.splitlines()[1]
        if d["items"]:
            assert first.startswith(" %d need attention (partner-tui digest)"
                                    % len(d["items"])), first
        else:
            assert "need attention" not in first, first


@check("Eligibility: / searches the works of an opened group, Esc clears, End goes last")
def _():
    out = run_script(["key 3", "key Enter", "model", "key End", "model", "key /",
                      "type 番茄", "key Enter", "model", "key Esc", "model"],
                     80, 24, PARTNER_TUI_ACCOUNT=MAIN)
    g, end, found, cleared = [model(x) for x in out]
    members = as_list(g["member"])
    assert len(members) > 1, g
    titles = {w["work_id"]: w["title"] for w in
              cli_json("report", "works", "--account", MAIN)["rows"]}
    want = [m for m in members if "番茄" in titles.get(m, "")]
    assert want and as_list(found["member"]) == want, (want, found.get("member"))
    assert as_list(cleared["member"]) == members, cleared
    # Letters that are keys elsewhere in the pane (a: appeal, e: export)
    # are typed into an open search.
    out = run_script(["key 3", "key Enter", "key /", "type ae", "model",
                      "key Enter", "model"], 80, 24, PARTNER_TUI_ACCOUNT=MAIN)
    typing, done = [model(x) for x in out]
    assert typing["pane"] == "eligibility" and typing["search"] == "ae", typing
    assert as_list(typing.get("member")) == [], typing
    assert done["pane"] == "eligibility" and done["search"] == "ae", done


@check("the frame's keys: Ctrl-Left (the terminal's own kLFT5) moves a word back in a form field")
def _():
    # The frame defines the terminal's Ctrl-Left for every pane; the
    # appeal form's line editor gets it as a word move.
    e = dict(BASE_ENV)
    e["PARTNER_TUI_ACCOUNT"] = MAIN
    t = Term([PT, "--db", fresh()], e, 100, 30)
    try:
        t.wait_text("Accounts")
        t.send("4")
        t.wait_text("Appeals ·")
        t.send("n")
        t.wait_text("New appeal")
        t.send("alpha beta")
        t.wait_text("alpha beta")
        t.send("\x1b[1;5D")    # xterm's Ctrl-Left
        t.send("X")
        t.wait_text("alpha Xbeta")
    finally:
        t.close()


@check("Appeals: e exports the list as filtered, byte for byte what appeal list --format csv prints")
def _():
    exp = os.path.join(TMP, "export-appeals")
    os.makedirs(exp, exist_ok=True)
    db = fresh()
    other = [a for a in ACCOUNTS if a != MAIN][0]
    work = cli_json("report", "works", "--account", MAIN)["rows"][0]["work_id"]

    def run(*args):
        r = subprocess.run([PT, "--db", db, "--today", TODAY] + list(args),
                           capture_output=True)
        assert r.returncode == 0, (args, r.stderr)
        return r.stdout

    # a category that needs quoting, a submitted one, another account's
    run("appeal", "new", "--account", MAIN, "--work", work, "--from",
        "2026-11-20", "--to", "2026-11-21", "--category", '搬运, "误判"')
    run("appeal", "new", "--account", MAIN, "--from", "2026-11-18")
    run("appeal", "new", "--account", other)
    out = run_script(["key 4", "key e", "model", "key s", "key f", "key e",
                      "model"], 120, 40, db=db, PARTNER_TUI_ACCOUNT=MAIN,
                     PARTNER_TUI_EXPORT_DIR=exp)
    every, mine = [model(x) for x in out]
    assert mine["filter.status"] == "draft", mine
    cases = ((every, "appeals-all-all", ()),
             (mine, "appeals-draft-%s" % MAIN, ("--status", "draft",
                                                 "--account", MAIN)))
    for m, name, args in cases:
        path = os.path.join(exp, "partner-tui-%s.csv" % name)
        assert path in m["frame.message"], m["frame.message"]
        got = open(path, "rb").read()
        want = run("appeal", "list", *args, "--format", "csv")
        assert got == want, (name, got, want)
        rows = got.count(b"\r\n") - 1
        assert rows == int(m["rows"]), (rows, m["rows"])
        assert "Wrote %d rows" % rows in m["frame.message"], m["frame.message"]
    assert got.count(b"\r\n") - 1 == 2 and b'"\xe6\x90\xac\xe8\xbf\x90, ""' in got, got
    r = subprocess.run([PT, "--db", db, "appeal", "list", "--format", "xml"],
                       capture_output=True, text=True)
    assert r.returncode == 2 and "use text, json or csv" in r.stderr, r


@check("Eligibility: e exports the wallet, byte for byte what report wallet --format csv prints")
def _():
    exp = os.path.join(TMP, "export-wallet")
    os.makedirs(exp, exist_ok=True)
    m = model(run_script(["key 3", "key e", "model"], 120, 40,
                         PARTNER_TUI_ACCOUNT=MAIN,
                         PARTNER_TUI_EXPORT_DIR=exp)[0])
    path = os.path.join(exp, "partner-tui-wallet-%s.csv" % MAIN)
    assert path in m["frame.message"], m["frame.message"]
    got = open(path, "rb").read()
    r = subprocess.run([PT, "--db", DEMO, "--today", TODAY, "report", "wallet",
                        "--account", MAIN, "--format", "csv"],
                       capture_output=True)
    assert r.returncode == 0, r.stderr
    assert got == r.stdout, (got[:300], r.stdout[:300])
    rows = got.count(b"\r\n") - 1
    assert rows > 0 and "Wrote %d rows" % rows in m["frame.message"], m["frame.message"]
    assert got.startswith(b"account_id,day,kind,amount_fen,amount,appeal_id,entry_id\r\n"), got[:80]


shutil.rmtree(TMP, ignore_errors=True)
sys.exit(finish())
