#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/freshness.h"
#include "core/db_internal.h"

#include "core/sql/freshness.sql.h"

day_t
freshness_due_through(day_t day, int minute, int settle_hour)
{
	/* D settles at settle_hour on D + 1. */
	return minute >= settle_hour * 60 ? day - 1 : day - 2;
}

day_t
freshness_visible_on(day_t d)
{
	return d == DAY_NONE ? DAY_NONE : d + 1;
}

/* One day from a one-row query; false on a database error. */
static bool
one_day(struct db *db, const char *sql, const char *account, day_t today,
    day_t *out, const char *what, struct pt_err *err)
{
	/* the account, when there is one, is ?1 */
	const struct db_arg a[] = { DB_TEXT(account), DB_DAY(today) };
	bool all = account == NULL;
	sqlite3_stmt *st;
	int rc = db_row(db, sql, a + all, 2 - all, &st, what, err);

	*out = DAY_NONE;
	if (rc == DB_ROW) {
		*out = eng_col_day(st, 0);
		sqlite3_reset(st);
	}
	return rc != DB_STEP_FAILED;
}

/* True when the account's days are known from account_score / dirty. */
static bool
account_scored(struct db *db, const char *account, bool *out,
    struct pt_err *err)
{
	return db_lookup_flag(db, SQL_ACCOUNT_SCORED, account, out,
	    "reading the last day with data", err);
}

/* The account's (or every account's) last day with data on or before
 * today. */
static bool
data_through(struct db *db, const char *account, day_t today, day_t *out,
    struct pt_err *err)
{
	bool scored = false;

	if (account != NULL && !account_scored(db, account, &scored, err))
		return false;
	return one_day(db, scored ? SQL_DATA_THROUGH_SCORED : account ?
	    SQL_DATA_THROUGH_ACCOUNT : SQL_DATA_THROUGH_ALL, account, today,
	    out, "reading the last day with data", err);
}

bool
freshness_load_at(struct db *db, const char *account_id, day_t today,
    int minute, struct freshness *out, struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->today = today;
	out->minute = minute;
	out->settle_hour = engine_model()->settle_hour;
	out->due_through = freshness_due_through(today, minute,
	    out->settle_hour);
	if (!data_through(db, account_id, today, &out->data_through, err) ||
	    !one_day(db, account_id ? SQL_SETTLED_THROUGH_ACCOUNT :
	    SQL_SETTLED_THROUGH_ALL, account_id, today, &out->settled_through,
	    "reading the last settled day", err))
		return false;
	out->stale = out->data_through == DAY_NONE ||
	    out->data_through < out->due_through;
	return true;
}

bool
freshness_load(struct db *db, const char *account_id, struct freshness *out,
    struct pt_err *err)
{
	day_t today;
	int minute;

	clock_now(&today, &minute);
	return freshness_load_at(db, account_id, today, minute, out, err);
}

day_t
freshness_window_end(const struct freshness *f)
{
	return f->data_through != DAY_NONE ? f->data_through : f->today;
}

bool
freshness_missing_days(struct db *db, const char *account_id, day_t from,
    day_t to, day_t **days, size_t *n, struct pt_err *err)
{
	const struct db_arg a[] = { DB_TEXT(account_id), DB_DAY(from),
	    DB_DAY(to) };
	bool all = account_id == NULL;
	sqlite3_stmt *st;
	unsigned char *seen;
	size_t span;
	bool scored = false;
	int rc;

	*days = NULL;
	*n = 0;
	if (from == DAY_NONE || to == DAY_NONE || to < from)
		return true;
	span = (size_t)(to - from + 1);
	if ((seen = calloc(span, 1)) == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	if (account_id != NULL && !account_scored(db, account_id, &scored,
	    err)) {
		free(seen);
		return false;
	}
	/* the account, when there is one, is ?1 */
	if ((st = db_bound(db, scored ? SQL_DAYS_SCORED : account_id ?
	    SQL_DAYS_ACCOUNT : SQL_DAYS_ALL, a + all, 3 - all, err)) == NULL) {
		free(seen);
		return false;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d = eng_col_day(st, 0);
		if (d != DAY_NONE && d >= from && d <= to)
			seen[d - from] = 1;
	}
	if (!db_rows_end(db, st, rc, "reading the days with data", err)) {
		free(seen);
		return false;
	}
	for (size_t i = 0; i < span; i++)
		*n += !seen[i];
	if (*n > 0) {
		size_t k = 0;
		if ((*days = malloc(*n * sizeof **days)) == NULL) {
			free(seen);
			*n = 0;
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
		for (size_t i = 0; i < span; i++)
			if (!seen[i])
				(*days)[k++] = from + (day_t)i;
	}
	free(seen);
	return true;
}

const char *
freshness_message(const struct freshness *f, char *buf, size_t size)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	buf[0] = '\0';
	if (!f->stale)
		return buf;
	day_format(f->due_through, a);
	day_format(f->due_through + 1, b);
	snprintf(buf, size, "data for %s is due since %02d:00 on %s: import it",
	    a + 5, f->settle_hour, b + 5);
	return buf;
}
