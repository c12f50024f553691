/* Back-pay of an approved appeal (DESIGN §5): rates per profitable play
 * and per effective interaction from the work's last earning days before
 * the first affected day (the account's when the work has none), applied
 * to each affected day's plays and interactions. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"

/* History: one row per earning day, newest first. */
static const char SQL_HIST_WORK[] =
    "SELECT s.profitable_plays, s.interaction, "
    "coalesce(d.revenue_fen, s.estimated_fen) AS r "
    "FROM work_score s JOIN daily d ON d.work_id = s.work_id AND d.day = s.day "
    "WHERE s.work_id = ?1 AND s.day < ?2 AND r > 0 "
    "AND s.profitable_plays > 0 ORDER BY s.day DESC LIMIT ?3";
static const char SQL_HIST_ACCOUNT[] =
    "SELECT sum(s.profitable_plays), sum(s.interaction), "
    "sum(coalesce(d.revenue_fen, s.estimated_fen)) AS r "
    "FROM work_score s JOIN daily d ON d.work_id = s.work_id AND d.day = s.day "
    "JOIN work w ON w.work_id = s.work_id "
    "WHERE w.account_id = ?1 AND s.day < ?2 GROUP BY s.day "
    "HAVING r > 0 AND sum(s.profitable_plays) > 0 "
    "ORDER BY s.day DESC LIMIT ?3";
/* The affected days' figures. */
static const char SQL_DAY_WORK[] =
    "SELECT profitable_plays, interaction FROM work_score "
    "WHERE work_id = ?1 AND day = ?2";
static const char SQL_DAY_ACCOUNT[] =
    "SELECT sum(s.profitable_plays), sum(s.interaction), count(*) "
    "FROM work_score s JOIN work w ON w.work_id = s.work_id "
    "WHERE w.account_id = ?1 AND s.day = ?2";
static const char SQL_WORK_ACCOUNT[] =
    "SELECT account_id FROM work WHERE work_id = ?1";

void
engine_compensation_free(struct compensation *c)
{
	free(c->days);
	c->days = NULL;
	c->ndays = 0;
}

/* Sums the history; false on a database error. */
static bool
history(struct db *db, const char *sql, const char *key, day_t before,
    int limit, int *days, double *v, double *e, double *r, bool *e_known,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char buf[DAY_BUFSZ];
	int rc;

	*days = 0;
	*v = *e = *r = 0;
	*e_known = true;
	if (st == NULL)
		return false;
	db_bind_text(st, 1, key);
	db_bind_text(st, 2, day_format(before, buf));
	sqlite3_bind_int(st, 3, limit);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		(*days)++;
		*v += sqlite3_column_double(st, 0);
		if (sqlite3_column_type(st, 1) == SQLITE_NULL)
			*e_known = false;
		*e += sqlite3_column_double(st, 1);
		*r += sqlite3_column_double(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading revenue history");
		return false;
	}
	return true;
}

bool
engine_compensation(struct db *db, const char *account_id,
    const char *work_id, day_t first, day_t last, day_t approved_on,
    struct compensation *out, struct pt_err *err)
{
	const struct model_params *p = engine_model();
	char acct[ENGINE_ID_SZ] = "";
	double v, e, r;
	bool e_known;
	sqlite3_stmt *st;

	memset(out, 0, sizeof *out);
	out->first = first;
	out->last = last;
	out->approved_on = approved_on;
	out->pay_on = approved_on + p->comp_pay_days;
	out->restored_on = approved_on + 1;
	out->restored_hour = p->settle_hour;
	if (first == DAY_NONE || last == DAY_NONE || first > last ||
	    last - first > 366) {
		err_set(err, PT_EXIT_USAGE, "affected days must be a range of at "
		    "most a year, first day before last");
		return false;
	}
	if (account_id != NULL)
		snprintf(acct, sizeof acct, "%s", account_id);
	if (work_id != NULL) {
		if ((st = db_stmt(db, SQL_WORK_ACCOUNT, err)) == NULL)
			return false;
		db_bind_text(st, 1, work_id);
		if (sqlite3_step(st) != SQLITE_ROW) {
			sqlite3_reset(st);
			err_set(err, PT_EXIT_DATA, "no work '%s' in the database",
			    work_id);
			return false;
		}
		if (acct[0] == '\0')
			snprintf(acct, sizeof acct, "%s",
			    (const char *)sqlite3_column_text(st, 0));
		sqlite3_reset(st);
	}
	if (acct[0] == '\0') {
		err_set(err, PT_EXIT_USAGE, "compensation needs an account or a work");
		return false;
	}
	/* rates: the work's own history, else the account's */
	if (work_id != NULL && !history(db, SQL_HIST_WORK, work_id, first,
	    p->comp_history_days, &out->history_days, &v, &e, &r, &e_known, err))
		return false;
	if (work_id == NULL || out->history_days == 0) {
		out->from_account = true;
		if (!history(db, SQL_HIST_ACCOUNT, acct, first,
		    p->comp_history_days, &out->history_days, &v, &e, &r,
		    &e_known, err))
			return false;
	}
	out->fen_per_play = v > 0 ? r / v : 0;
	out->fen_per_interaction = e_known && e > 0 ? r / e : 0;

	out->ndays = (size_t)(last - first + 1);
	out->days = calloc(out->ndays, sizeof *out->days);
	if (out->days == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (size_t i = 0; i < out->ndays; i++) {
		struct compensation_day *cd = &out->days[i];
		char buf[DAY_BUFSZ];
		bool have;
		cd->day = first + (day_t)i;
		cd->note = "";
		if (cd->day < p->backpay_start) {
			cd->note = "before automatic back-pay began: not compensated";
			continue;
		}
		st = db_stmt(db, work_id ? SQL_DAY_WORK : SQL_DAY_ACCOUNT, err);
		if (st == NULL)
			goto fail;
		db_bind_text(st, 1, work_id ? work_id : acct);
		db_bind_text(st, 2, day_format(cd->day, buf));
		have = sqlite3_step(st) == SQLITE_ROW &&
		    sqlite3_column_type(st, 0) != SQLITE_NULL;
		if (have) {
			cd->plays_known = true;
			cd->profitable_plays = sqlite3_column_double(st, 0);
			cd->interactions = sqlite3_column_double(st, 1);
			bool day_e = sqlite3_column_type(st, 1) != SQLITE_NULL;
			double fen;
			if (out->fen_per_interaction > 0 && day_e)
				fen = p->comp_play_weight * cd->profitable_plays *
				    out->fen_per_play + (1 - p->comp_play_weight) *
				    cd->interactions * out->fen_per_interaction;
			else
				fen = cd->profitable_plays * out->fen_per_play;
			cd->fen = money_round(fen);
			cd->compensated = true;
			if (out->history_days == 0)
				cd->note = "no earning days before: nothing to base "
				    "back-pay on";
		} else
			cd->note = "no play figures for this day";
		sqlite3_reset(st);
		out->total_fen += cd->fen;
	}
	return true;
fail:
	engine_compensation_free(out);
	return false;
}
