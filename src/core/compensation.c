/* Back-pay of an approved appeal (DESIGN §5): rates per profitable play
 * and per effective interaction from the work's last earning days before
 * the first affected day (the account's when the work has none), applied
 * to each affected day's plays and interactions. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/store.h"

/* History: one row per earning day, newest first. The account's counts
 * only works that earned (an ad's plays would dilute the rate). */
static const char SQL_HIST_WORK[] =
    "SELECT s.profitable_plays, s.interaction, "
    "coalesce(d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k") ") AS r, s.day "
    "FROM work_score s JOIN daily d ON d.work_id = s.work_id AND d.day = s.day "
    ENG_CALIB_OF("k", "(SELECT account_id FROM work WHERE work_id = ?1)")
    "WHERE s.work_id = ?1 AND s.day < ?2 AND r > 0 "
    "AND s.profitable_plays > 0 ORDER BY s.day DESC LIMIT ?3";
static const char SQL_HIST_ACCOUNT[] =
    "SELECT sum(s.profitable_plays), sum(s.interaction), "
    "sum(coalesce(d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k") ")) AS r, "
    "s.day "
    "FROM work_score s JOIN daily d ON d.work_id = s.work_id AND d.day = s.day "
    "JOIN work w ON w.work_id = s.work_id "
    ENG_CALIB_OF("k", "w.account_id")
    "WHERE w.account_id = ?1 AND s.day < ?2 "
    "AND coalesce(d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k") ") > 0 "
    "GROUP BY s.day "
    "HAVING r > 0 AND sum(s.profitable_plays) > 0 "
    "ORDER BY s.day DESC LIMIT ?3";
#include "core/sql/compensation.sql.h"

void
engine_compensation_free(struct compensation *c)
{
	free(c->days);
	c->days = NULL;
	c->ndays = 0;
	free(c->items);
	c->items = NULL;
	c->nitems = 0;
}

/* The sums of the earning days before the first affected day. */
struct hist_sums {
	double v, e, r;		/* profitable plays, interactions, fen */
	bool e_known;		/* every day knew its interactions */
};

/* Sums the history; false on a database error. */
static bool
history(struct db *db, const char *sql, const char *key, day_t before,
    int limit, struct hist_sums *h, struct compensation *out,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	char buf[DAY_BUFSZ];
	int rc;

	out->history_days = 0;
	h->v = h->e = h->r = 0;
	h->e_known = true;
	out->nhist = 0;
	if ((st = db_bound(db, sql, DB_ARGS(DB_TEXT(key),
	    DB_TEXT(day_format(before, buf)), DB_INT(limit)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->history_days++;
		h->v += sqlite3_column_double(st, 0);
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			h->e_known = false;
		h->e += sqlite3_column_double(st, 1);
		h->r += sqlite3_column_double(st, 2);
		if (out->nhist < sizeof out->hist / sizeof out->hist[0]) {
			struct compensation_hist *d = &out->hist[out->nhist++];
			d->day = eng_col_day(st, 3);
			d->profitable_plays = sqlite3_column_double(st, 0);
			d->interactions = sqlite3_column_double(st, 1);
			d->revenue_fen = sqlite3_column_int64(st, 2);
		}
	}
	return db_rows_end(db, st, rc, "reading revenue history", err);
}

/* Whether a work's reasons of a day leave only the contested rule (and
 * the daily minimum, which follows from it): the work would have earned
 * but for the violation. */
static bool
only_contested(const char *reasons, const char *rule, bool rule_ok)
{
	const char *p = reasons;

	while (*p != '\0') {
		size_t n = strcspn(p, ",");
		if (n > 0 && !(strncmp(p, "daily_min_1_yuan", n) == 0 &&
		    n == strlen("daily_min_1_yuan")) &&
		    !(rule_ok && strncmp(p, rule, n) == 0 && n == strlen(rule)))
			return false;
		p += n;
		if (*p == ',')
			p++;
	}
	return true;
}

static bool
push_item(struct compensation *out, size_t *cap, const char *work, day_t day,
    fen_t fen)
{
	if (!grow_reserve(&out->items, cap, out->nitems + 1, sizeof *out->items))
		return false;
	snprintf(out->items[out->nitems].work_id, ENGINE_ID_SZ, "%s", work);
	out->items[out->nitems].day = day;
	out->items[out->nitems].fen = fen;
	out->nitems++;
	return true;
}

bool
engine_compensation(struct db *db, const char *account_id,
    const char *work_id, day_t first, day_t last, day_t approved_on,
    struct compensation *out, struct pt_err *err)
{
	struct compensation_req req = {
		.account_id = account_id, .work_id = work_id, .first = first,
		.last = last, .approved_on = approved_on,
	};

	return engine_compensation_req(db, &req, out, err);
}

/* The request's fixed parts into out; false (err) on a bad range. */
static bool
comp_start(const struct compensation_req *req, const struct model_params *p,
    struct compensation *out, struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->first = req->first;
	out->last = req->last;
	out->approved_on = req->approved_on;
	out->pay_on = req->approved_on + p->comp_pay_days;
	out->restored_on = req->approved_on + 1;
	out->restored_hour = p->settle_hour;
	if (req->first == DAY_NONE || req->last == DAY_NONE ||
	    req->first > req->last || req->last - req->first > 366) {
		err_set(err, PT_EXIT_USAGE, "affected days must be a range of at "
		    "most a year, first day before last");
		return false;
	}
	return true;
}

/* The account: the one asked for, else the work's; the work must exist. */
static bool
comp_account(struct db *db, const struct compensation_req *req,
    char acct[ENGINE_ID_SZ], struct pt_err *err)
{
	char owner[256];
	bool found;

	snprintf(acct, ENGINE_ID_SZ, "%s",
	    req->account_id != NULL ? req->account_id : "");
	if (req->work_id != NULL) {
		if (!store_work_account(db, req->work_id, owner, &found, err))
			return false;
		if (!found) {
			err_set(err, PT_EXIT_DATA, "no work '%s' in the database",
			    req->work_id);
			return false;
		}
		if (acct[0] == '\0')
			snprintf(acct, ENGINE_ID_SZ, "%.*s", ENGINE_ID_SZ - 1,
			    owner);
	}
	if (acct[0] == '\0') {
		err_set(err, PT_EXIT_USAGE, "compensation needs an account or a work");
		return false;
	}
	return true;
}

/* Rates per play and per interaction: the work's own history, else the
 * account's. */
static bool
comp_rates(struct db *db, const struct compensation_req *req,
    const char *acct, const struct model_params *p, struct compensation *out,
    struct pt_err *err)
{
	struct hist_sums h;

	if (req->work_id != NULL && !history(db, SQL_HIST_WORK, req->work_id,
	    req->first, p->comp_history_days, &h, out, err))
		return false;
	if (req->work_id == NULL || out->history_days == 0) {
		out->from_account = true;
		if (!history(db, SQL_HIST_ACCOUNT, acct, req->first,
		    p->comp_history_days, &h, out, err))
			return false;
	}
	out->fen_per_play = h.v > 0 ? h.r / h.v : 0;
	out->fen_per_interaction = h.e_known && h.e > 0 ? h.r / h.e : 0;
	return true;
}

/* Back-pay of a work's day: plays and interactions at the history's
 * rates, weighted by the model (plays alone without interactions). */
static fen_t
comp_fen(const struct model_params *p, const struct compensation *out,
    double vp, double ei, bool day_e)
{
	double fen;

	if (out->fen_per_interaction > 0 && day_e)
		fen = p->comp_play_weight * vp * out->fen_per_play +
		    (1 - p->comp_play_weight) * ei * out->fen_per_interaction;
	else
		fen = vp * out->fen_per_play;
	return money_round(fen);
}

/* Adds one work's row of an affected day (SQL_DAY) to cd and the items. */
static bool
comp_work_row(sqlite3_stmt *st, const struct compensation_req *req,
    const char *rule, const struct model_params *p, struct compensation *out,
    size_t *icap, struct compensation_day *cd)
{
	const char *w = (const char *)sqlite3_column_text(st, 0);
	const char *why = (const char *)sqlite3_column_text(st, 3);
	bool rule_ok = strcmp(rule, "compliant_original") != 0 ||
	    sqlite3_column_int(st, 4) != 0;
	double vp, ei;
	bool day_e;
	fen_t f;

	if (sqlite3_column_type(st, 1) == SQLITE_NULL)
		return true;	/* no figures: nothing to count */
	vp = sqlite3_column_double(st, 1);
	ei = sqlite3_column_double(st, 2);
	day_e = sqlite3_column_type(st, 2) != SQLITE_NULL;
	cd->plays_known = true;
	if (!only_contested(why ? why : "", rule, rule_ok) ||
	    (req->skip_paid && sqlite3_column_int(st, 5))) {
		cd->works_left_out++;
		return true;
	}
	cd->works++;
	cd->profitable_plays += vp;
	if (day_e)
		cd->interactions += ei;
	f = comp_fen(p, out, vp, ei, day_e);
	if (f > 0 && !push_item(out, icap, w, cd->day, f))
		return false;
	cd->fen += f;
	return true;
}

/* What a day's figures say, when it has no back-pay or a doubtful one. */
static void
comp_day_note(struct compensation_day *cd, const char *work_id,
    const struct compensation *out)
{
	if (!cd->plays_known)
		cd->note = COMP_NOTE_NO_PLAY_FIGURES;
	else if (cd->works == 0)
		cd->note = work_id != NULL ? COMP_NOTE_WORK_NOT_PAYABLE :
		    COMP_NOTE_NO_WORK_WOULD_EARN;
	else {
		cd->compensated = true;
		if (out->history_days == 0)
			cd->note = COMP_NOTE_NO_HISTORY;
	}
}

/* One affected day: every work of it (or the one work). */
static bool
comp_day(struct db *db, const struct compensation_req *req, const char *rule,
    const char *acct, const struct model_params *p, struct compensation *out,
    size_t *icap, struct compensation_day *cd, struct pt_err *err)
{
	sqlite3_stmt *st;
	char buf[DAY_BUFSZ];
	int rc;

	cd->note = COMP_NOTE_NONE;
	if (cd->day < p->backpay_start) {
		cd->note = COMP_NOTE_BEFORE_BACKPAY;
		return true;
	}
	if ((st = db_bound(db, SQL_DAY, DB_ARGS(DB_TEXT(acct),
	    DB_TEXT(day_format(cd->day, buf)), DB_TEXT(req->work_id),
	    DB_INT(req->appeal_id)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!comp_work_row(st, req, rule, p, out, icap, cd)) {
			sqlite3_reset(st);
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
	}
	if (!db_rows_end(db, st, rc, "reading the affected days", err))
		return false;
	comp_day_note(cd, req->work_id, out);
	out->total_fen += cd->fen;
	return true;
}

bool
engine_compensation_req(struct db *db, const struct compensation_req *req,
    struct compensation *out, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	const char *rule = req->contested_rule;
	char acct[ENGINE_ID_SZ];
	size_t icap = 0;

	if (rule == NULL)
		rule = req->work_id != NULL ? "compliant_original" :
		    "no_violation_90d";
	if (!comp_start(req, p, out, err) || !comp_account(db, req, acct, err) ||
	    !comp_rates(db, req, acct, p, out, err))
		return false;
	out->ndays = (size_t)(req->last - req->first + 1);
	out->days = calloc(out->ndays, sizeof *out->days);
	if (out->days == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (size_t i = 0; i < out->ndays; i++) {
		out->days[i].day = req->first + (day_t)i;
		if (!comp_day(db, req, rule, acct, p, out, &icap, &out->days[i],
		    err)) {
			engine_compensation_free(out);
			return false;
		}
	}
	return true;
}
