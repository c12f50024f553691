#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/history.h"
#include "core/names.h"
#include "core/series.h"

static const struct {
	const char *key;
	enum series_unit unit;
} metrics[SERIES_METRIC_COUNT] = {
	[SERIES_SETTLED] = { "settled", SERIES_UNIT_FEN },
	[SERIES_ESTIMATE] = { "estimate", SERIES_UNIT_FEN },
	[SERIES_PLAYS] = { "plays", SERIES_UNIT_COUNT },
	[SERIES_INTERACTIONS] = { "interactions", SERIES_UNIT_COUNT },
	[SERIES_RATE] = { "rate", SERIES_UNIT_RATIO },
	[SERIES_USER_VALUE] = { "user_value", SERIES_UNIT_INDEX },
	[SERIES_QUALITY] = { "quality", SERIES_UNIT_INDEX },
	[SERIES_RPM] = { "rpm", SERIES_UNIT_FEN },
};

const char *
series_metric_key(enum series_metric m)
{
	return (unsigned)m < SERIES_METRIC_COUNT ? metrics[m].key : "";
}

enum series_unit
series_metric_unit(enum series_metric m)
{
	return (unsigned)m < SERIES_METRIC_COUNT ? metrics[m].unit :
	    SERIES_UNIT_COUNT;
}

/*
 * Per day: the sums the metrics are made of, defined as `partner-tui
 * report daily` defines them so the pane and the report agree: settled
 * revenue and profitable plays as imported, the estimate as the
 * engine's work_score. Interaction, user value and quality are the
 * engine's when it has scored the day (weighted interactions, derived
 * quality), else the imported ones (likes + favourites: the model's
 * default weights). User value and quality are means weighted by
 * profitable plays, so a work nobody watched does not move them.
 *
 * Two range scans (imported rows, then scores) instead of a join, each
 * walking its (work_id, day) key once, and the sums are made here rather
 * than by GROUP BY, which would sort every row by day first: together
 * about three times faster on a large account.
 */
#define SERIES_DAILY_ROWS \
	"SELECT d.day, d.revenue_fen, d.profitable_plays, d.likes," \
	"  d.favorites, d.user_value, d.quality" \
	" FROM work w JOIN daily d ON d.work_id = w.work_id"

#define SERIES_SCORE_ROWS \
	"SELECT s.day, " ENG_ESTIMATED_FEN("s", "k") ", s.interaction," \
	"  s.user_value, s.quality, s.profitable_plays" \
	" FROM work w JOIN work_score s ON s.work_id = w.work_id" \
	ENG_CALIB_OF("k", "w.account_id")

static const char SQL_DAILY_ACCOUNT[] =
	SERIES_DAILY_ROWS
	" WHERE w.account_id = ?1 AND d.day BETWEEN ?2 AND ?3";
static const char SQL_DAILY_WORK[] =
	SERIES_DAILY_ROWS
	" WHERE w.work_id = ?1 AND d.day BETWEEN ?2 AND ?3";
static const char SQL_SCORE_ACCOUNT[] =
	SERIES_SCORE_ROWS
	" WHERE w.account_id = ?1 AND s.day BETWEEN ?2 AND ?3";
static const char SQL_SCORE_WORK[] =
	SERIES_SCORE_ROWS
	" WHERE w.work_id = ?1 AND s.day BETWEEN ?2 AND ?3";

#include "core/sql/series.sql.h"

/* A work whose 精选 began on a known day (attribute history). */
#define DATED_SELECTION "SELECT 1 FROM work_history h WHERE h.work_id =" \
    " w.work_id AND h.attr = 'selected' AND h.value = '1' AND" \
    " h.effective_on <> '" HISTORY_SINCE_ALWAYS "'"

/* Events: each source as (day, kind, detail); kind numbers are enum
 * series_event_kind. A work's chart also shows account-wide events. */
static const char SQL_EVENTS[] =
	"SELECT day, CASE status WHEN 'overturned' THEN 1 ELSE 0 END,"
	"  kind || CASE WHEN work_id IS NOT NULL THEN ' (' || work_id || ')'"
	"  ELSE '' END"
	" FROM violation WHERE account_id = ?1 AND day BETWEEN ?2 AND ?3"
	"  AND (?4 IS NULL OR work_id IS NULL OR work_id = ?4)"
	" UNION ALL"
	" SELECT coalesce(first_day, substr(created_at, 1, 10)), 2,"
	"  status || CASE WHEN work_id IS NOT NULL THEN ' (' || work_id || ')'"
	"  ELSE '' END"
	" FROM appeal WHERE account_id = ?1"
	"  AND coalesce(first_day, substr(created_at, 1, 10)) BETWEEN ?2 AND ?3"
	"  AND (?4 IS NULL OR work_id IS NULL OR work_id = ?4)"
	" UNION ALL"
	" SELECT reviewed_on, 3, result || ifnull(': ' || reason, '')"
	" FROM application WHERE account_id = ?1 AND reviewed_on IS NOT NULL"
	"  AND reviewed_on BETWEEN ?2 AND ?3"
	" UNION ALL"
	" SELECT substr(published_at, 1, 10), CASE WHEN selected AND NOT"
	"  EXISTS (" DATED_SELECTION ") THEN 5 ELSE 4 END, title FROM work w"
	" WHERE ((?4 IS NOT NULL AND work_id = ?4)"
	"  OR (?4 IS NULL AND account_id = ?1 AND selected AND NOT EXISTS ("
	DATED_SELECTION ")))"
	"  AND substr(published_at, 1, 10) BETWEEN ?2 AND ?3"
	/* 精选 from the day the attribute history says it began */
	" UNION ALL"
	" SELECT h.effective_on, 5, w.title FROM work_history h"
	" JOIN work w ON w.work_id = h.work_id"
	" WHERE h.attr = 'selected' AND h.value = '1'"
	"  AND h.effective_on <> '" HISTORY_SINCE_ALWAYS "'"
	"  AND ((?4 IS NOT NULL AND h.work_id = ?4)"
	"  OR (?4 IS NULL AND w.account_id = ?1))"
	"  AND h.effective_on BETWEEN ?2 AND ?3"
	" ORDER BY 1, 2";

void
series_free(struct series *s)
{
	free(s->days);
	memset(s, 0, sizeof *s);
	s->first = s->last = DAY_NONE;
}

const struct series_day *
series_at(const struct series *s, day_t day)
{
	if (s->days == NULL || day < s->first || day > s->last)
		return NULL;
	return &s->days[day - s->first];
}

static void
set(struct series_day *d, enum series_metric m, double v)
{
	d->has[m] = true;
	d->v[m] = v;
}

/* The sums of one day, as rows come in. */
struct acc {
	int64_t rev, rev_n, pp, pp_n, inter_n, n, est;
	double inter, uv, uv_w, q, q_w, pp_settled;
};

static bool
present(sqlite3_stmt *st, int col)
{
	return sqlite3_column_type(st, col) != SQLITE_NULL;
}

/* A mean's parts: the column weighted by the row's profitable plays v,
 * when the row has both. */
static void
add_weighted(double *sum, double *weight, sqlite3_stmt *st, int col, bool pp,
    double v)
{
	if (pp && present(st, col)) {
		*sum += sqlite3_column_double(st, col) * v;
		*weight += v;
	}
}

/* One imported row (SERIES_DAILY_ROWS). */
static void
add_daily(struct acc *a, sqlite3_stmt *st)
{
	bool pp = present(st, 2);
	double v = pp ? sqlite3_column_double(st, 2) : 0;

	if (present(st, 1)) {
		a->rev += sqlite3_column_int64(st, 1);
		a->rev_n++;
		a->pp_settled += v;
	}
	if (pp) {
		a->pp += sqlite3_column_int64(st, 2);
		a->pp_n++;
	}
	if (present(st, 3) || present(st, 4)) {
		a->inter += (double)(sqlite3_column_int64(st, 3) +
		    sqlite3_column_int64(st, 4));
		a->inter_n++;
	}
	add_weighted(&a->uv, &a->uv_w, st, 5, pp, v);
	add_weighted(&a->q, &a->q_w, st, 6, pp, v);
}

/* One row of the engine's scores (SERIES_SCORE_ROWS). */
static void
add_score(struct acc *a, sqlite3_stmt *st)
{
	bool pp = present(st, 5);
	double v = pp ? sqlite3_column_double(st, 5) : 0;

	a->n++;
	a->est += sqlite3_column_int64(st, 1);
	if (present(st, 2)) {
		a->inter += sqlite3_column_double(st, 2);
		a->inter_n++;
	}
	add_weighted(&a->uv, &a->uv_w, st, 3, pp, v);
	add_weighted(&a->q, &a->q_w, st, 4, pp, v);
}

/* Interactions and the weighted means, where the rows had them. */
static void
finish_means(struct series_day *d, const struct acc *a)
{
	if (a->inter_n > 0)
		set(d, SERIES_INTERACTIONS, a->inter);
	if (a->uv_w > 0)
		set(d, SERIES_USER_VALUE, a->uv / a->uv_w);
	if (a->q_w > 0)
		set(d, SERIES_QUALITY, a->q / a->q_w);
}

static void
finish_daily(struct series_day *d, const struct acc *a)
{
	if (a->rev_n > 0)
		set(d, SERIES_SETTLED, (double)a->rev);
	if (a->pp_n > 0)
		set(d, SERIES_PLAYS, (double)a->pp);
	finish_means(d, a);
	if (a->rev_n > 0 && a->pp_settled > 0)
		set(d, SERIES_RPM, (double)a->rev * 1000.0 / a->pp_settled);
}

/* The engine's figures win over the imported ones. */
static void
finish_score(struct series_day *d, const struct acc *a)
{
	if (a->n > 0)
		set(d, SERIES_ESTIMATE, (double)a->est);
	finish_means(d, a);
}

static bool
bind_range(sqlite3_stmt *st, const char *id, day_t from, day_t to)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	return db_bind_text(st, 1, id) == SQLITE_OK &&
	    db_bind_text(st, 2, day_format(from, a)) == SQLITE_OK &&
	    db_bind_text(st, 3, day_format(to, b)) == SQLITE_OK;
}

/* The day of a row as an offset from `from`; -1 outside from..to. The
 * rows of one work come by day, so the last text is usually the same. */
static int
row_day(sqlite3_stmt *st, day_t from, day_t to, char last[DAY_BUFSZ],
    day_t *last_day)
{
	const char *text = (const char *)sqlite3_column_text(st, 0);
	day_t day;

	if (text == NULL)
		return -1;
	if (strncmp(text, last, DAY_BUFSZ) == 0)
		day = *last_day;
	else {
		if (!day_parse_iso(text, &day))
			return -1;
		snprintf(last, DAY_BUFSZ, "%s", text);
		*last_day = day;
	}
	return day < from || day > to ? -1 : (int)(day - from);
}

bool
series_alloc(struct series *s, day_t first, day_t last, struct pt_err *err)
{
	series_free(s);
	if (first == DAY_NONE || last == DAY_NONE || last < first)
		return true;
	s->days = calloc((size_t)(last - first + 1), sizeof *s->days);
	if (s->days == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory for a series");
		return false;
	}
	s->first = first;
	s->last = last;
	s->n = (size_t)(last - first + 1);
	for (size_t i = 0; i < s->n; i++)
		s->days[i].day = first + (day_t)i;
	return true;
}

static bool
scan(struct db *db, const char *sql, const char *id, day_t from, day_t to,
    struct series *out, bool score, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	struct acc *acc = calloc((size_t)(to - from + 1), sizeof *acc);
	char last[DAY_BUFSZ] = "";
	day_t last_day = DAY_NONE;
	int rc;

	if (st == NULL || acc == NULL) {
		free(acc);
		if (st != NULL)
			err_set(err, PT_EXIT_DB, "out of memory for a series");
		return false;
	}
	if (!bind_range(st, id, from, to)) {
		sqlite3_reset(st);
		free(acc);
		db_error(db, err, "reading the daily series");
		return false;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = row_day(st, from, to, last, &last_day);
		if (i < 0)
			continue;
		if (score)
			add_score(&acc[i], st);
		else
			add_daily(&acc[i], st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		free(acc);
		db_error(db, err, "reading the daily series");
		return false;
	}
	for (day_t d = from; d <= to; d++) {
		if (score)
			finish_score(&out->days[d - out->first], &acc[d - from]);
		else
			finish_daily(&out->days[d - out->first], &acc[d - from]);
	}
	free(acc);
	return true;
}

/* A kept column into metric m when it is there. */
static void
set_kept(struct series_day *d, enum series_metric m, sqlite3_stmt *st,
    int col)
{
	if (present(st, col))
		set(d, m, sqlite3_column_double(st, col));
}

/* One kept account-day (SQL_KEPT): the engine's figures as
 * finish_score makes them from the rows. */
static void
add_kept(struct series_day *d, sqlite3_stmt *st)
{
	set(d, SERIES_ESTIMATE, sqlite3_column_double(st, 1));
	set_kept(d, SERIES_INTERACTIONS, st, 2);
	set_kept(d, SERIES_USER_VALUE, st, 3);
	set_kept(d, SERIES_QUALITY, st, 4);
}

/* True when the account's scores of from..to can be read from the sums
 * kept with its days (SQL_KEPT_OK). */
static bool
kept_ok(struct db *db, const char *account, day_t from, day_t to)
{
	sqlite3_stmt *st = db_stmt(db, SQL_KEPT_OK, NULL);
	bool yes = false;

	if (st == NULL)
		return false;
	if (bind_range(st, account, from, to) && sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return yes;
}

static bool
scan_kept(struct db *db, const char *account, day_t from, day_t to,
    struct series *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_KEPT, err);
	char last[DAY_BUFSZ] = "";
	day_t last_day = DAY_NONE;
	int rc;

	if (st == NULL)
		return false;
	if (!bind_range(st, account, from, to)) {
		sqlite3_reset(st);
		db_error(db, err, "reading the daily series");
		return false;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int i = row_day(st, from, to, last, &last_day);
		if (i >= 0)
			add_kept(&out->days[from + i - out->first], st);
	}
	return db_rows_end(db, st, rc, "reading the daily series", err);
}

/* Clips from..to to the series; false when nothing is left. */
static bool
clip(const struct series *s, day_t *from, day_t *to)
{
	if (s->days == NULL || *from == DAY_NONE || *to == DAY_NONE)
		return false;
	if (*from < s->first)
		*from = s->first;
	if (*to > s->last)
		*to = s->last;
	return *from <= *to;
}

static void
rates(struct series *s, day_t from, day_t to)
{
	for (day_t d = from; d <= to; d++) {
		struct series_day *sd = &s->days[d - s->first];
		sd->has[SERIES_RATE] = false;
		if (sd->has[SERIES_PLAYS] && sd->has[SERIES_INTERACTIONS] &&
		    sd->v[SERIES_PLAYS] > 0)
			set(sd, SERIES_RATE, sd->v[SERIES_INTERACTIONS] /
			    sd->v[SERIES_PLAYS]);
	}
}

/* The imported rows' figures (score false) or the engine's (true) of
 * from..to, then the rates from them. */
static bool
fill(struct db *db, const struct series_scope *scope, day_t from, day_t to,
    struct series *out, bool score, struct pt_err *err)
{
	bool work = scope->work_id != NULL;
	const char *sql = score ? (work ? SQL_SCORE_WORK : SQL_SCORE_ACCOUNT) :
	    work ? SQL_DAILY_WORK : SQL_DAILY_ACCOUNT;

	if (!clip(out, &from, &to))
		return true;
	/* the imported rows start the days afresh; the scores add to them */
	for (day_t d = from; !score && d <= to; d++) {
		struct series_day *sd = &out->days[d - out->first];
		memset(sd, 0, sizeof *sd);
		sd->day = d;
	}
	if (score && !work && kept_ok(db, scope->account_id, from, to)) {
		if (!scan_kept(db, scope->account_id, from, to, out, err))
			return false;
	} else if (!scan(db, sql, work ? scope->work_id : scope->account_id,
	    from, to, out, score, err))
		return false;
	rates(out, from, to);
	return true;
}

bool
series_fill_daily(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err)
{
	return fill(db, scope, from, to, out, false, err);
}

bool
series_fill_scores(struct db *db, const struct series_scope *scope,
    day_t from, day_t to, struct series *out, struct pt_err *err)
{
	return fill(db, scope, from, to, out, true, err);
}

bool
series_fill(struct db *db, const struct series_scope *scope, day_t from,
    day_t to, struct series *out, struct pt_err *err)
{
	return series_fill_daily(db, scope, from, to, out, err) &&
	    series_fill_scores(db, scope, from, to, out, err);
}

bool
series_metric_scored(enum series_metric m)
{
	return m == SERIES_ESTIMATE || m == SERIES_INTERACTIONS ||
	    m == SERIES_RATE || m == SERIES_USER_VALUE || m == SERIES_QUALITY;
}

bool
series_load(struct db *db, const struct series_scope *scope, day_t from,
    day_t to, struct series *out, struct pt_err *err)
{
	return series_alloc(out, from, to, err) &&
	    series_fill(db, scope, from, to, out, err);
}

bool
series_span(struct db *db, const struct series_scope *scope, day_t *first,
    day_t *last, struct pt_err *err)
{
	bool work = scope->work_id != NULL;
	sqlite3_stmt *st;

	*first = *last = DAY_NONE;
	if ((st = db_bound(db, work ? SQL_SPAN_WORK : SQL_SPAN_ACCOUNT,
	    DB_ARGS(DB_TEXT(work ? scope->work_id : scope->account_id)),
	    err)) == NULL)
		return false;
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(db, err, "reading the days with data");
		sqlite3_reset(st);
		return false;
	}
	*first = db_col_day(st, 0);
	*last = db_col_day(st, 1);
	sqlite3_reset(st);
	if (*first == DAY_NONE || *last == DAY_NONE) {
		*first = *last = DAY_NONE;
		return false;
	}
	return true;
}

bool
series_work_info(struct db *db, const char *work_id, char **title,
    char **account_id, struct pt_err *err)
{
	sqlite3_stmt *st;

	*title = *account_id = NULL;
	if ((st = db_bound(db, SQL_WORK_INFO, DB_ARGS(DB_TEXT(work_id)),
	    err)) == NULL)
		return false;
	if (db_step_row(db, st, "reading a work", err) == DB_ROW) {
		*title = db_col_strdup(st, 0);
		*account_id = db_col_strdup(st, 1);
		sqlite3_reset(st);
	}
	return *title != NULL;
}

char
series_event_letter(enum series_event_kind k)
{
#define LETTER(value, letter, key, label) [value] = (letter),
	static const char letters[SERIES_EVENT_KIND_COUNT] = {
		SERIES_EVENT_KINDS(LETTER)
	};
#undef LETTER

	return (unsigned)k < SERIES_EVENT_KIND_COUNT ? letters[k] : '?';
}

const char *
series_event_key(enum series_event_kind k)
{
#define KEY(value, letter, key, label) [value] = (key),
	static const char *const keys[SERIES_EVENT_KIND_COUNT] = {
		SERIES_EVENT_KINDS(KEY)
	};
#undef KEY

	return NAMES_NAME(keys, k, "");
}

const char *
series_event_label(enum series_event_kind k)
{
#define N_(s) (s)
#define LABEL(value, letter, key, label) [value] = (label),
	static const char *const labels[SERIES_EVENT_KIND_COUNT] = {
		SERIES_EVENT_KINDS(LABEL)
	};
#undef LABEL
#undef N_

	return NAMES_NAME(labels, k, "");
}

void
series_events_free(struct series_events *e)
{
	for (size_t i = 0; i < e->n; i++)
		free(e->items[i].detail);
	free(e->items);
	e->items = NULL;
	e->n = 0;
}

bool
series_events(struct db *db, const struct series_scope *scope, day_t from,
    day_t to, struct series_events *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_EVENTS, err);
	size_t cap = 0;
	int rc;

	series_events_free(out);
	if (st == NULL)
		return false;
	if (!bind_range(st, scope->account_id, from, to) ||
	    db_bind_text(st, 4, scope->work_id) != SQLITE_OK) {
		sqlite3_reset(st);
		db_error(db, err, "reading events");
		return false;
	}
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t day = db_col_day(st, 0);
		struct series_event *e;
		if (day == DAY_NONE)
			continue;
		if ((e = grow_push(&out->items, &out->n, &cap,
		    sizeof *e)) == NULL)
			break;
		e->day = day;
		e->kind = (enum series_event_kind)sqlite3_column_int(st, 1);
		e->detail = db_col_strdup(st, 2);
	}
	if (!db_rows_end(db, st, rc, "reading events", err)) {
		series_events_free(out);
		return false;
	}
	return true;
}
