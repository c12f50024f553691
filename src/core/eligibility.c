/* The named rules of DESIGN §1 with their evidence and the day their
 * answer next changes, the application timeline, and the no-revenue
 * diagnosis. The scoring pass applies the same rules in bulk
 * (engine.c); both use eng_violation_blocks() for the 90-day window. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/db_internal.h"
#include "core/history.h"

static const char SQL_ACCOUNT[] =
    "SELECT kind, celebrity, certification, plan_status FROM account "
    "WHERE account_id = ?1";
static const char SQL_WORK[] =
    "SELECT account_id, visibility, review, original, infringing, commercial, "
    "published_at FROM work WHERE work_id = ?1";
static const char SQL_ACCOUNT_VIOLATIONS[] =
    "SELECT day, kind, status, ifnull(overturned_by, 0), overturned_on "
    "FROM violation WHERE account_id = ?1 AND work_id IS NULL ORDER BY day";
static const char SQL_WORK_VIOLATIONS[] =
    "SELECT day, kind, status, ifnull(overturned_by, 0), overturned_on "
    "FROM violation WHERE work_id = ?1 ORDER BY day";
/* An approved (or paid) appeal that paid this work's day back. */
static const char SQL_BACKPAID[] =
    "SELECT a.id, b.fen FROM appeal_backpay b JOIN appeal a "
    "ON a.id = b.appeal_id WHERE b.work_id = ?1 AND b.day = ?2 "
    "AND a.status IN ('approved', 'paid') ORDER BY a.id LIMIT 1";
static const char SQL_ACCOUNT_DAY[] =
    "SELECT gross_fen, settled_fen FROM account_score "
    "WHERE account_id = ?1 AND day = ?2";
static const char SQL_WORK_QUALITY[] =
    "SELECT quality FROM work_score WHERE work_id = ?1 AND day = ?2";
static const char SQL_LAST_APPLICATIONS[] =
    "SELECT submitted_on, reviewed_on, result, ifnull(reason, '') "
    "FROM application WHERE account_id = ?1 "
    "ORDER BY submitted_on DESC, id DESC LIMIT 2";
static const char SQL_LAST_REJECTION[] =
    "SELECT ifnull(reason, '') FROM application WHERE account_id = ?1 "
    "AND result = 'rejected' ORDER BY submitted_on DESC, id DESC LIMIT 1";

static struct rule_result *
rule(struct eligibility *e, const char *id, bool pass, day_t changes_on)
{
	struct rule_result *r = &e->rules[e->nrules++];

	r->id = id;
	r->pass = pass;
	r->assessed = true;
	r->changes_on = changes_on;
	r->visible_on = DAY_NONE;
	r->evidence[0] = '\0';
	if (!pass)
		e->eligible = false;
	return r;
}

static const char *
col_text(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return s != NULL ? s : "";
}

/* The 90-day rule over a list of violations (account or work). */
static bool
violation_rule(struct db *db, struct eligibility *e, const char *sql,
    const char *key, const char *id, day_t on, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st = db_stmt(db, sql, err);
	day_t blocking = DAY_NONE, next = DAY_NONE, last = DAY_NONE;
	day_t clean = DAY_NONE, extended = DAY_NONE;
	char bkind[64] = "", nkind[64] = "", a[DAY_BUFSZ], b[DAY_BUFSZ],
	    c[DAY_BUFSZ];
	int overturned = 0, rc;
	int64_t by = 0;
	day_t by_on = DAY_NONE, by_day = DAY_NONE;
	struct rule_result *r;

	if (st == NULL)
		return false;
	db_bind_text(st, 1, key);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t v = eng_col_day(st, 0);
		if (v == DAY_NONE)
			continue;
		if (strcmp(col_text(st, 2), "active") != 0) {
			overturned += v <= on;
			/* the latest overturned by an appeal, for the evidence */
			if (v <= on && sqlite3_column_int64(st, 3) > 0) {
				by = sqlite3_column_int64(st, 3);
				by_on = eng_col_day(st, 4);
				by_day = v;
			}
			continue;
		}
		if (eng_violation_blocks(v, on, p->violation_days)) {
			blocking = v;
			clean = v + p->violation_days;
			snprintf(bkind, sizeof bkind, "%s", col_text(st, 1));
		} else if (v <= on)
			last = v;
		else {
			/* Days are in order: a violation inside the blocking
			 * one's days (or the chain's) moves the clean day. */
			if (clean != DAY_NONE && v <= clean) {
				clean = v + p->violation_days;
				extended = v;
			}
			if (next == DAY_NONE) {
				next = v;
				snprintf(nkind, sizeof nkind, "%s", col_text(st, 1));
			}
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading violations");
		return false;
	}
	if (blocking != DAY_NONE) {
		r = rule(e, id, false, clean);
		snprintf(r->evidence, sizeof r->evidence,
		    "violation on %s (%s): blocks through %s; clean from %s",
		    day_format(blocking, a), bkind, day_format(clean - 1, b),
		    day_format(clean, c));
		if (extended != DAY_NONE) {
			size_t len = strlen(r->evidence);
			snprintf(r->evidence + len, sizeof r->evidence - len,
			    "; extended by the violation on %s",
			    day_format(extended, a));
		}
	} else {
		r = rule(e, id, true, next);
		if (next != DAY_NONE)
			snprintf(r->evidence, sizeof r->evidence,
			    "violation recorded for %s (%s)", day_format(next, a),
			    nkind);
		else if (last != DAY_NONE)
			snprintf(r->evidence, sizeof r->evidence,
			    "last violation on %s: clean since %s",
			    day_format(last, a),
			    day_format(last + p->violation_days, b));
		else
			snprintf(r->evidence, sizeof r->evidence,
			    "no active violation in the %d days to %s",
			    p->violation_days, day_format(on, a));
	}
	/* An appeal approved on by_on restores the revenue it blocked: it
	 * shows the day after, around the settlement hour (seed §8). */
	if (by > 0 && by_on != DAY_NONE && r->pass && on <= by_on + 1)
		r->visible_on = freshness_visible_on(by_on);
	if (by > 0 && overturned == 1) {
		size_t len = strlen(r->evidence);
		snprintf(r->evidence + len, sizeof r->evidence - len,
		    "; violation on %s overturned by appeal %lld on %s",
		    day_format(by_day, a), (long long)by,
		    by_on != DAY_NONE ? day_format(by_on, b) : "?");
	} else if (overturned > 0) {
		size_t len = strlen(r->evidence);
		snprintf(r->evidence + len, sizeof r->evidence - len,
		    "; %d overturned violation%s not counted", overturned,
		    overturned > 1 ? "s" : "");
	}
	return true;
}

bool
engine_application(struct db *db, const char *account_id,
    struct application_timeline *out, struct pt_err *err)
{
	return engine_application_on(db, account_id, clock_today(), out, err);
}

bool
engine_application_on(struct db *db, const char *account_id, day_t today,
    struct application_timeline *out, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st = db_stmt(db, SQL_LAST_APPLICATIONS, err);
	day_t prev_reviewed = DAY_NONE;
	bool prev_rejected = false;
	int rc;

	memset(out, 0, sizeof *out);
	out->submitted_on = out->expected_result_on = DAY_NONE;
	out->reviewed_on = out->reapply_on = out->early_from = DAY_NONE;
	if (st == NULL)
		return false;
	db_bind_text(st, 1, account_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		out->present = true;
		out->submitted_on = eng_col_day(st, 0);
		out->reviewed_on = eng_col_day(st, 1);
		snprintf(out->result, sizeof out->result, "%s", col_text(st, 2));
		if (strcmp(out->result, "rejected") == 0)
			snprintf(out->reason, sizeof out->reason, "%s",
			    col_text(st, 3));
		/* the application before it */
		if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
			prev_reviewed = eng_col_day(st, 1);
			prev_rejected = strcmp(col_text(st, 2), "rejected") == 0;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, err, "reading applications");
		return false;
	}
	if (!out->present)
		return true;
	if (out->submitted_on != DAY_NONE) {
		const struct calendar *cal = calendar_default(err);
		if (cal == NULL)
			return false;
		out->expected_result_on = calendar_add_workdays(cal,
		    out->submitted_on, p->review_workdays, &out->expected_fallback);
	}
	if (strcmp(out->result, "rejected") == 0 && out->reviewed_on != DAY_NONE)
		out->reapply_on = out->reviewed_on + p->reapply_days;
	/* A new application within the 30 days after a rejection. */
	if (prev_rejected && prev_reviewed != DAY_NONE &&
	    out->submitted_on != DAY_NONE &&
	    out->submitted_on < prev_reviewed + p->reapply_days) {
		out->early = true;
		out->early_from = prev_reviewed + p->reapply_days;
	}
	if (strcmp(out->result, "pending") == 0 &&
	    out->expected_result_on != DAY_NONE && today > out->expected_result_on)
		out->overdue = true;
	/* A pending application shows why the last one was rejected; an
	 * approved one carries no old reason. */
	if (strcmp(out->result, "pending") == 0) {
		if ((st = db_stmt(db, SQL_LAST_REJECTION, err)) == NULL)
			return false;
		db_bind_text(st, 1, account_id);
		if (sqlite3_step(st) == SQLITE_ROW)
			snprintf(out->reason, sizeof out->reason, "%s",
			    col_text(st, 0));
		sqlite3_reset(st);
	}
	return true;
}

/* The value of attr in force on day (attribute history), into buf; buf
 * keeps the row's value when the attribute has no history. */
static bool
in_force(struct db *db, enum history_of of, const char *id, const char *attr,
    day_t day, char *buf, size_t size, struct pt_err *err)
{
	char v[HISTORY_VALUE_SZ];
	bool is_null, found;

	if (!history_value_on(db, of, id, attr, day, v, sizeof v, &is_null,
	    &found, err))
		return false;
	if (found) {
		size_t len = is_null ? 0 : strlen(v);
		if (len >= size)
			len = size - 1;
		memcpy(buf, v, len);
		buf[len] = '\0';
	}
	return true;
}

static bool
account_rules(struct db *db, struct eligibility *e, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st = db_stmt(db, SQL_ACCOUNT, err);
	char kind[32], plan[32], cert[128], day[DAY_BUFSZ], m1[MONEY_BUFSZ],
	    m2[MONEY_BUFSZ], celeb[8];
	bool celebrity;
	struct rule_result *r;
	int rc;

	if (st == NULL)
		return false;
	db_bind_text(st, 1, e->account_id);
	if ((rc = sqlite3_step(st)) != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc != SQLITE_DONE) {
			db_error(db, err, "reading the account");
			return false;
		}
		err_set(err, PT_EXIT_DATA, "no account '%s' in the database: "
		    "import it first", e->account_id);
		return false;
	}
	snprintf(kind, sizeof kind, "%s", col_text(st, 0));
	snprintf(celeb, sizeof celeb, "%d", sqlite3_column_int(st, 1) != 0);
	snprintf(cert, sizeof cert, "%s", col_text(st, 2));
	snprintf(plan, sizeof plan, "%s", col_text(st, 3));
	sqlite3_reset(st);
	/* the values in force on the day asked, not today's */
	if (!in_force(db, HISTORY_ACCOUNT, e->account_id, "kind", e->on, kind,
	    sizeof kind, err) ||
	    !in_force(db, HISTORY_ACCOUNT, e->account_id, "celebrity", e->on,
	    celeb, sizeof celeb, err) ||
	    !in_force(db, HISTORY_ACCOUNT, e->account_id, "certification", e->on,
	    cert, sizeof cert, err) ||
	    !in_force(db, HISTORY_ACCOUNT, e->account_id, "plan_status", e->on,
	    plan, sizeof plan, err))
		return false;
	celebrity = strcmp(celeb, "1") == 0;

	if (!violation_rule(db, e, SQL_ACCOUNT_VIOLATIONS, e->account_id,
	    "no_violation_90d", e->on, err))
		return false;
	r = rule(e, "not_enterprise", strcmp(kind, "enterprise") != 0, DAY_NONE);
	snprintf(r->evidence, sizeof r->evidence, "account kind: %s", kind);
	r = rule(e, "not_enterprise_affiliated",
	    strcmp(kind, "enterprise_affiliated") != 0, DAY_NONE);
	snprintf(r->evidence, sizeof r->evidence, "account kind: %s", kind);
	r = rule(e, "no_celebrity_cert", !celebrity, DAY_NONE);
	snprintf(r->evidence, sizeof r->evidence, "celebrity certification: %s",
	    celebrity ? "yes" : "none");

	if ((st = db_stmt(db, SQL_ACCOUNT_DAY, err)) == NULL)
		return false;
	db_bind_text(st, 1, e->account_id);
	db_bind_text(st, 2, day_format(e->on, day));
	{
		int64_t settled = 0;
		bool has = sqlite3_step(st) == SQLITE_ROW;
		bool known = has && eng_col_int(st, 1, &settled);
		fen_t gross = has ? sqlite3_column_int64(st, 0) : 0;
		fen_t amount = known ? settled : gross;
		enum daily_minimum dm = engine_daily_minimum(p, has, known,
		    settled, gross);

		r = rule(e, "daily_min_1_yuan", dm != DM_BELOW, DAY_NONE);
		if (dm == DM_NOT_ASSESSED) {
			r->assessed = false;
			snprintf(r->evidence, sizeof r->evidence,
			    "no revenue figures for %s: not assessed", day);
		} else if (amount == 0)
			snprintf(r->evidence, sizeof r->evidence,
			    "no %s revenue on %s: the %s minimum holds nothing back",
			    known ? "settled" : "estimated", day,
			    money_format(p->daily_min_fen, m2));
		else
			snprintf(r->evidence, sizeof r->evidence,
			    "%s revenue on %s: %s (minimum %s)",
			    known ? "settled" : "estimated", day,
			    money_format(amount, m1),
			    money_format(p->daily_min_fen, m2));
	}
	sqlite3_reset(st);

	if (!engine_application_on(db, e->account_id, e->on, &e->app, err))
		return false;
	r = rule(e, "plan_joined", strcmp(plan, "joined") == 0,
	    strcmp(plan, "pending") == 0 && !e->app.overdue ?
	    e->app.expected_result_on : DAY_NONE);
	if (strcmp(plan, "rejected") == 0 && e->app.reapply_on != DAY_NONE)
		snprintf(r->evidence, sizeof r->evidence,
		    "plan status: rejected (%.160s); may reapply from %s",
		    e->app.reason[0] ? e->app.reason : "no reason given",
		    day_format(e->app.reapply_on, day));
	else if (strcmp(plan, "pending") == 0 && e->app.overdue)
		snprintf(r->evidence, sizeof r->evidence,
		    "plan status: pending; result overdue (expected by %s)",
		    day_format(e->app.expected_result_on, day));
	else if (strcmp(plan, "pending") == 0 &&
	    e->app.expected_result_on != DAY_NONE)
		snprintf(r->evidence, sizeof r->evidence,
		    "plan status: pending; result expected by %s",
		    day_format(e->app.expected_result_on, day));
	else
		snprintf(r->evidence, sizeof r->evidence, "plan status: %s", plan);
	return true;
}

static bool
work_rules(struct db *db, struct eligibility *e, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	sqlite3_stmt *st = db_stmt(db, SQL_WORK, err);
	char vis[32], review[32], commercial[32], day[DAY_BUFSZ], orig[8],
	    infr[8];
	bool original, infringing;
	struct rule_result *r;
	day_t pub;
	double q;

	if (st == NULL)
		return false;
	db_bind_text(st, 1, e->work_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		sqlite3_reset(st);
		err_set(err, PT_EXIT_DATA, "no work '%s' in the database: "
		    "import it first", e->work_id);
		return false;
	}
	snprintf(vis, sizeof vis, "%s", col_text(st, 1));
	snprintf(review, sizeof review, "%s", col_text(st, 2));
	snprintf(orig, sizeof orig, "%d", sqlite3_column_int(st, 3) != 0);
	snprintf(infr, sizeof infr, "%d", sqlite3_column_int(st, 4) != 0);
	snprintf(commercial, sizeof commercial, "%s", col_text(st, 5));
	pub = eng_col_day(st, 6);
	sqlite3_reset(st);
	if (!in_force(db, HISTORY_WORK, e->work_id, "visibility", e->on, vis,
	    sizeof vis, err) ||
	    !in_force(db, HISTORY_WORK, e->work_id, "review", e->on, review,
	    sizeof review, err) ||
	    !in_force(db, HISTORY_WORK, e->work_id, "original", e->on, orig,
	    sizeof orig, err) ||
	    !in_force(db, HISTORY_WORK, e->work_id, "infringing", e->on, infr,
	    sizeof infr, err) ||
	    !in_force(db, HISTORY_WORK, e->work_id, "commercial", e->on,
	    commercial, sizeof commercial, err))
		return false;
	original = strcmp(orig, "1") == 0;
	infringing = strcmp(infr, "1") == 0;

	/* Nothing earns before it goes out, whatever the day asked. */
	r = rule(e, "published", pub == DAY_NONE || pub <= e->on,
	    pub != DAY_NONE && pub > e->on ? pub : DAY_NONE);
	if (pub == DAY_NONE)
		snprintf(r->evidence, sizeof r->evidence,
		    "publish day unknown: not assessed");
	else if (pub > e->on)
		snprintf(r->evidence, sizeof r->evidence,
		    "not published yet: goes out on %s", day_format(pub, day));
	else
		snprintf(r->evidence, sizeof r->evidence, "published on %s",
		    day_format(pub, day));
	if (pub == DAY_NONE)
		r->assessed = false;

	size_t at = e->nrules;
	if (!violation_rule(db, e, SQL_WORK_VIOLATIONS, e->work_id,
	    "compliant_original", e->on, err))
		return false;
	r = &e->rules[at];
	if (!original || infringing) {
		char why[ENGINE_EVIDENCE_SZ];
		snprintf(why, sizeof why, "%s%s%s; %s", !original ? "not original" :
		    "", !original && infringing ? ", " : "",
		    infringing ? "infringing" : "", r->evidence);
		memcpy(r->evidence, why, sizeof r->evidence);
		if (r->pass)
			e->eligible = false;
		r->pass = false;
		r->changes_on = DAY_NONE;
	} else if (r->pass) {
		char why[ENGINE_EVIDENCE_SZ];
		snprintf(why, sizeof why, "original, not infringing; %s",
		    r->evidence);
		memcpy(r->evidence, why, sizeof r->evidence);
	}
	if (strcmp(review, "unknown") == 0) {
		/* The export's label was not one the import knows: neither
		 * PASS nor FAIL, and the work is not eligible as far as
		 * anyone can tell (the engine leaves it out of the estimate,
		 * reason review_unknown). */
		r = rule(e, "review_approved", true, DAY_NONE);
		r->assessed = false;
		e->eligible = false;
		snprintf(r->evidence, sizeof r->evidence, "review status unknown "
		    "(label not in the import's table): not assessed");
	} else {
		r = rule(e, "review_approved", strcmp(review, "approved") == 0,
		    DAY_NONE);
		snprintf(r->evidence, sizeof r->evidence, "review: %s", review);
	}
	r = rule(e, "public", strcmp(vis, "public") == 0, DAY_NONE);
	snprintf(r->evidence, sizeof r->evidence, "visibility: %s", vis);
	r = rule(e, "no_commercial", strcmp(commercial, "none") == 0, DAY_NONE);
	snprintf(r->evidence, sizeof r->evidence, "commercial content: %s",
	    commercial);

	if ((st = db_stmt(db, SQL_WORK_QUALITY, err)) == NULL)
		return false;
	db_bind_text(st, 1, e->work_id);
	db_bind_text(st, 2, day_format(e->on, day));
	if (sqlite3_step(st) == SQLITE_ROW && eng_col_double(st, 0, &q)) {
		r = rule(e, "quality", q >= p->quality_min, DAY_NONE);
		snprintf(r->evidence, sizeof r->evidence,
		    "quality score on %s: %.1f (minimum %.1f)", day, q,
		    p->quality_min);
	} else {
		r = rule(e, "quality", true, DAY_NONE);
		r->assessed = false;
		snprintf(r->evidence, sizeof r->evidence,
		    "no quality figure for %s: not assessed", day);
	}
	sqlite3_reset(st);
	return true;
}

/* Rules whose end restores revenue (seed §8): not the daily minimum,
 * the quality floor or a work not out yet. */
static bool
restoring_rule(const char *id)
{
	return strcmp(id, "daily_min_1_yuan") != 0 && strcmp(id, "quality") != 0 &&
	    strcmp(id, "published") != 0;
}

static bool
check_day(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, bool look_back, struct pt_err *err);

bool
engine_check(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, struct pt_err *err)
{
	return check_day(db, account_id, work_id, on, out, true, err);
}

static bool
check_day(struct db *db, const char *account_id, const char *work_id,
    day_t on, struct eligibility *out, bool look_back, struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->on = on;
	out->eligible = true;
	if (work_id != NULL) {
		sqlite3_stmt *st = db_stmt(db, SQL_WORK, err);
		if (st == NULL)
			return false;
		db_bind_text(st, 1, work_id);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			err_set(err, PT_EXIT_DATA, "no work '%s' in the database: "
			    "import it first", work_id);
			return false;
		}
		if (account_id != NULL && strcmp(account_id, col_text(st, 0)) != 0) {
			err_set(err, PT_EXIT_DATA, "work '%s' belongs to account "
			    "'%s', not '%s'", work_id, col_text(st, 0), account_id);
			sqlite3_reset(st);
			return false;
		}
		snprintf(out->account_id, sizeof out->account_id, "%s",
		    col_text(st, 0));
		sqlite3_reset(st);
		snprintf(out->work_id, sizeof out->work_id, "%s", work_id);
	} else if (account_id != NULL)
		snprintf(out->account_id, sizeof out->account_id, "%s", account_id);
	else {
		err_set(err, PT_EXIT_USAGE, "check needs --account or --work");
		return false;
	}
	if (!account_rules(db, out, err) ||
	    (work_id != NULL && !work_rules(db, out, err)))
		return false;
	/* A blocking reason that ends on a known day: its restored revenue
	 * shows the day after, at about the settlement hour (seed §8). */
	for (size_t i = 0; i < out->nrules; i++) {
		struct rule_result *r = &out->rules[i];
		if (!r->pass && r->changes_on != DAY_NONE &&
		    restoring_rule(r->id))
			r->visible_on = freshness_visible_on(r->changes_on);
	}
	/* A reason that ended today (a violation's 90 days, a visibility,
	 * affiliation or plan change by the attribute history): today's
	 * restored revenue shows tomorrow around the settlement hour. */
	if (look_back) {
		struct eligibility *y = malloc(sizeof *y);
		if (y == NULL) {
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
		if (!check_day(db, account_id, work_id, on - 1, y, false, err)) {
			free(y);
			return false;
		}
		for (size_t i = 0; i < out->nrules && i < y->nrules; i++) {
			struct rule_result *r = &out->rules[i];
			if (r->pass && !y->rules[i].pass && restoring_rule(r->id) &&
			    strcmp(r->id, y->rules[i].id) == 0)
				r->visible_on = freshness_visible_on(on);
		}
		free(y);
	}
	return true;
}

/* ---- diagnosis ---- */

static const char SQL_DIAG_DAY[] =
    "SELECT d.profitable_plays, d.plays, s.estimated_fen, d.revenue_fen, "
    "s.profitable_plays, s.reasons FROM daily d LEFT JOIN work_score s "
    "ON s.work_id = d.work_id AND s.day = d.day "
    "WHERE d.work_id = ?1 AND d.day = ?2";

static void
reason(struct diagnosis *d, const char *id, const char *text)
{
	if (d->nreasons >= ENGINE_MAX_REASONS)
		return;
	snprintf(d->reasons[d->nreasons].id, sizeof d->reasons[0].id, "%s", id);
	snprintf(d->reasons[d->nreasons].text, sizeof d->reasons[0].text, "%s",
	    text);
	d->nreasons++;
}

bool
engine_diagnose(struct db *db, const char *work_id, day_t day,
    struct diagnosis *out, struct pt_err *err)
{
	struct eligibility e;
	sqlite3_stmt *st;
	char dbuf[DAY_BUFSZ], text[ENGINE_EVIDENCE_SZ];
	int64_t v;

	memset(out, 0, sizeof *out);
	snprintf(out->work_id, sizeof out->work_id, "%s", work_id);
	out->day = day;
	if (!engine_check(db, NULL, work_id, day, &e, err))
		return false;
	/* The failing rules; a work not out yet has the engine's reason
	 * code for it. */
	for (size_t i = 0; i < e.nrules; i++)
		if (!e.rules[i].pass)
			reason(out, strcmp(e.rules[i].id, "published") == 0 ?
			    "not_published" : e.rules[i].id, e.rules[i].evidence);
	/* An unknown review leaves the work out of the estimate (engine.c):
	 * say so, under the engine's reason code. */
	for (size_t i = 0; i < e.nrules; i++)
		if (!e.rules[i].assessed &&
		    strcmp(e.rules[i].id, "review_approved") == 0)
			reason(out, "review_unknown", e.rules[i].evidence);
	if ((st = db_stmt(db, SQL_DIAG_DAY, err)) == NULL)
		return false;
	db_bind_text(st, 1, work_id);
	db_bind_text(st, 2, day_format(day, dbuf));
	if (sqlite3_step(st) == SQLITE_ROW) {
		int64_t settled, est = 0;
		out->has_data = true;
		eng_col_int(st, 2, &est);
		out->estimated_fen = est;
		out->settled_known = eng_col_int(st, 3, &settled);
		out->settled_fen = out->settled_known ? settled : 0;
		out->earning = out->settled_known ? settled > 0 : est > 0;
		if (!eng_col_int(st, 4, &v) && !eng_col_int(st, 1, &v)) {
			snprintf(text, sizeof text, "no play figures for %s", dbuf);
			reason(out, "no_data", text);
		} else if (v <= 0) {
			snprintf(text, sizeof text, "0 profitable plays on %s", dbuf);
			reason(out, "no_profitable_plays", text);
		}
		if (sqlite3_column_type(st, 5) != SQLITE_NULL &&
		    strstr(col_text(st, 5), "daily_min_1_yuan") != NULL) {
			bool have = false;
			for (size_t i = 0; i < out->nreasons; i++)
				have |= strcmp(out->reasons[i].id, "daily_min_1_yuan") == 0;
			if (!have)
				reason(out, "daily_min_1_yuan", "the account's total "
				    "for the day is below the daily minimum");
		}
	} else {
		snprintf(text, sizeof text, "no figures for this work on %s", dbuf);
		reason(out, "no_data", text);
	}
	sqlite3_reset(st);
	/* A day an approved appeal paid back reads as such, not as the
	 * violation it overturned. */
	if ((st = db_stmt(db, SQL_BACKPAID, err)) == NULL)
		return false;
	db_bind_text(st, 1, work_id);
	db_bind_text(st, 2, dbuf);
	if (sqlite3_step(st) == SQLITE_ROW) {
		char m1[MONEY_BUFSZ], m2[MONEY_BUFSZ];
		out->compensated_by = sqlite3_column_int64(st, 0);
		out->backpay_fen = sqlite3_column_int64(st, 1);
		snprintf(text, sizeof text, "compensated by appeal %lld: "
		    "settled %s, back-pay %s", (long long)out->compensated_by,
		    money_format(out->settled_known ? out->settled_fen : 0, m1),
		    money_format(out->backpay_fen, m2));
		reason(out, "compensated_by_appeal", text);
	}
	sqlite3_reset(st);
	return true;
}
