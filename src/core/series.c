#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
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
 * engine's work_score. Interaction is the engine's weighted figure when
 * it has scored the day, else likes + favourites (the model's default
 * weights); quality the engine's (derived when the platform gives
 * none), else the imported one. User value and quality are means
 * weighted by profitable plays, so a work nobody watched does not move
 * them.
 */
#define SERIES_DAY_COLUMNS \
	"SELECT d.day," \
	"  sum(d.revenue_fen), count(d.revenue_fen)," \
	"  sum(ws.estimated_fen), count(ws.work_id)," \
	"  sum(d.profitable_plays), count(d.profitable_plays)," \
	"  sum(coalesce(ws.interaction, CASE WHEN d.likes IS NULL AND" \
	"      d.favorites IS NULL THEN NULL ELSE" \
	"      ifnull(d.likes, 0) + ifnull(d.favorites, 0) END))," \
	"  count(coalesce(ws.interaction, d.likes, d.favorites))," \
	"  sum(coalesce(ws.user_value, d.user_value) * d.profitable_plays)," \
	"  sum(CASE WHEN coalesce(ws.user_value, d.user_value) IS NOT NULL" \
	"      THEN d.profitable_plays END)," \
	"  sum(coalesce(ws.quality, d.quality) * d.profitable_plays)," \
	"  sum(CASE WHEN coalesce(ws.quality, d.quality) IS NOT NULL" \
	"      THEN d.profitable_plays END)," \
	"  sum(CASE WHEN d.revenue_fen IS NOT NULL" \
	"      THEN d.profitable_plays END)" \
	" FROM work w JOIN daily d ON d.work_id = w.work_id" \
	" LEFT JOIN work_score ws ON ws.work_id = d.work_id AND ws.day = d.day"

static const char SQL_SERIES_ACCOUNT[] =
	SERIES_DAY_COLUMNS
	" WHERE w.account_id = ?1 AND d.day BETWEEN ?2 AND ?3"
	" GROUP BY d.day ORDER BY d.day";

static const char SQL_SERIES_WORK[] =
	SERIES_DAY_COLUMNS
	" WHERE w.work_id = ?1 AND d.day BETWEEN ?2 AND ?3"
	" GROUP BY d.day ORDER BY d.day";

/* min/max per work through the (work_id, day) key: one seek per work
 * instead of a scan of every daily row. */
static const char SQL_SPAN_ACCOUNT[] =
	"SELECT min((SELECT min(day) FROM daily d WHERE d.work_id = w.work_id)),"
	"  max((SELECT max(day) FROM daily d WHERE d.work_id = w.work_id))"
	" FROM work w WHERE w.account_id = ?1";

static const char SQL_SPAN_WORK[] =
	"SELECT min(day), max(day) FROM daily WHERE work_id = ?1";

static const char SQL_ACCOUNTS[] =
	"SELECT a.account_id, a.name,"
	"  (SELECT count(*) FROM work w WHERE w.account_id = a.account_id)"
	" FROM account a ORDER BY a.name, a.account_id";

static const char SQL_WORK_INFO[] =
	"SELECT title, account_id FROM work WHERE work_id = ?1";

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
	" SELECT substr(published_at, 1, 10), 4, title FROM work"
	" WHERE ?4 IS NOT NULL AND work_id = ?4"
	"  AND substr(published_at, 1, 10) BETWEEN ?2 AND ?3"
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

/* Turns one row of SERIES_DAY_COLUMNS into metrics. */
static void
fill_day(struct series_day *d, sqlite3_stmt *st)
{
	double plays = 0, settled_plays;

	if (sqlite3_column_int64(st, 2) > 0)
		set(d, SERIES_SETTLED, (double)sqlite3_column_int64(st, 1));
	if (sqlite3_column_int64(st, 4) > 0)
		set(d, SERIES_ESTIMATE, (double)sqlite3_column_int64(st, 3));
	if (sqlite3_column_int64(st, 6) > 0) {
		plays = sqlite3_column_double(st, 5);
		set(d, SERIES_PLAYS, plays);
	}
	if (sqlite3_column_int64(st, 8) > 0)
		set(d, SERIES_INTERACTIONS, sqlite3_column_double(st, 7));
	if (d->has[SERIES_PLAYS] && d->has[SERIES_INTERACTIONS] && plays > 0)
		set(d, SERIES_RATE, d->v[SERIES_INTERACTIONS] / plays);
	if (sqlite3_column_type(st, 10) != SQLITE_NULL &&
	    sqlite3_column_double(st, 10) > 0)
		set(d, SERIES_USER_VALUE, sqlite3_column_double(st, 9) /
		    sqlite3_column_double(st, 10));
	if (sqlite3_column_type(st, 12) != SQLITE_NULL &&
	    sqlite3_column_double(st, 12) > 0)
		set(d, SERIES_QUALITY, sqlite3_column_double(st, 11) /
		    sqlite3_column_double(st, 12));
	settled_plays = sqlite3_column_double(st, 13);
	if (d->has[SERIES_SETTLED] && settled_plays > 0)
		set(d, SERIES_RPM, d->v[SERIES_SETTLED] * 1000.0 / settled_plays);
}

static bool
bind_range(sqlite3_stmt *st, const char *id, day_t from, day_t to)
{
	char a[DAY_BUFSZ], b[DAY_BUFSZ];

	return db_bind_text(st, 1, id) == SQLITE_OK &&
	    db_bind_text(st, 2, day_format(from, a)) == SQLITE_OK &&
	    db_bind_text(st, 3, day_format(to, b)) == SQLITE_OK;
}

static struct series_day *
day_of_row(struct series *out, sqlite3_stmt *st)
{
	const char *text = (const char *)sqlite3_column_text(st, 0);
	day_t day;

	if (text == NULL || !day_parse_iso(text, &day) || day < out->first ||
	    day > out->last)
		return NULL;
	return &out->days[day - out->first];
}

bool
series_load(struct db *db, const struct series_scope *scope, day_t from,
    day_t to, struct series *out, struct pt_err *err)
{
	bool work = scope->work_id != NULL;
	sqlite3_stmt *st;
	int rc;

	series_free(out);
	if (from == DAY_NONE || to == DAY_NONE || to < from)
		return true;
	out->days = calloc((size_t)(to - from + 1), sizeof *out->days);
	if (out->days == NULL) {
		err_set(err, PT_EXIT_DB, "out of memory loading a series");
		return false;
	}
	out->first = from;
	out->last = to;
	out->n = (size_t)(to - from + 1);
	for (size_t i = 0; i < out->n; i++)
		out->days[i].day = from + (day_t)i;

	st = db_stmt(db, work ? SQL_SERIES_WORK : SQL_SERIES_ACCOUNT, err);
	if (st == NULL || !bind_range(st, work ? scope->work_id :
	    scope->account_id, from, to))
		goto dberr;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct series_day *d = day_of_row(out, st);
		if (d != NULL)
			fill_day(d, st);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dberr;
	return true;
dberr:
	if (st != NULL)
		sqlite3_reset(st);
	db_error(db, err, "reading the daily series");
	return false;
}

static day_t
column_day(sqlite3_stmt *st, int col)
{
	const char *text = (const char *)sqlite3_column_text(st, col);
	day_t day;

	if (text == NULL || !day_parse_iso(text, &day))
		return DAY_NONE;
	return day;
}

bool
series_span(struct db *db, const struct series_scope *scope, day_t *first,
    day_t *last, struct pt_err *err)
{
	bool work = scope->work_id != NULL;
	sqlite3_stmt *st = db_stmt(db, work ? SQL_SPAN_WORK : SQL_SPAN_ACCOUNT,
	    err);

	*first = *last = DAY_NONE;
	if (st == NULL)
		return false;
	db_bind_text(st, 1, work ? scope->work_id : scope->account_id);
	if (sqlite3_step(st) != SQLITE_ROW) {
		db_error(db, err, "reading the days with data");
		sqlite3_reset(st);
		return false;
	}
	*first = column_day(st, 0);
	*last = column_day(st, 1);
	sqlite3_reset(st);
	if (*first == DAY_NONE || *last == DAY_NONE) {
		*first = *last = DAY_NONE;
		return false;
	}
	return true;
}

static char *
column_strdup(sqlite3_stmt *st, int col)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	return strdup(t != NULL ? t : "");
}

void
series_accounts_free(struct series_accounts *a)
{
	for (size_t i = 0; i < a->n; i++) {
		free(a->items[i].account_id);
		free(a->items[i].name);
	}
	free(a->items);
	a->items = NULL;
	a->n = 0;
}

bool
series_accounts(struct db *db, struct series_accounts *out,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ACCOUNTS, err);
	size_t cap = 0;
	int rc;

	series_accounts_free(out);
	if (st == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct series_account *a;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			void *p = realloc(out->items, ncap * sizeof *out->items);
			if (p == NULL)
				break;
			out->items = p;
			cap = ncap;
		}
		a = &out->items[out->n++];
		a->account_id = column_strdup(st, 0);
		a->name = column_strdup(st, 1);
		a->works = sqlite3_column_int64(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading the accounts");
		series_accounts_free(out);
		return false;
	}
	return true;
}

bool
series_work_info(struct db *db, const char *work_id, char **title,
    char **account_id, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_WORK_INFO, err);
	int rc;

	*title = *account_id = NULL;
	if (st == NULL)
		return false;
	db_bind_text(st, 1, work_id);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*title = column_strdup(st, 0);
		*account_id = column_strdup(st, 1);
	} else if (rc != SQLITE_DONE)
		db_error(db, err, "reading a work");
	sqlite3_reset(st);
	return *title != NULL;
}

char
series_event_letter(enum series_event_kind k)
{
	static const char letters[SERIES_EVENT_KIND_COUNT] = {
		[SERIES_EVENT_VIOLATION] = 'V',
		[SERIES_EVENT_OVERTURNED] = 'O',
		[SERIES_EVENT_APPEAL] = 'A',
		[SERIES_EVENT_APPLICATION] = 'R',
		[SERIES_EVENT_PUBLISHED] = 'P',
	};

	return (unsigned)k < SERIES_EVENT_KIND_COUNT ? letters[k] : '?';
}

const char *
series_event_key(enum series_event_kind k)
{
	static const char *const keys[SERIES_EVENT_KIND_COUNT] = {
		[SERIES_EVENT_VIOLATION] = "violation",
		[SERIES_EVENT_OVERTURNED] = "overturned",
		[SERIES_EVENT_APPEAL] = "appeal",
		[SERIES_EVENT_APPLICATION] = "application",
		[SERIES_EVENT_PUBLISHED] = "published",
	};

	return (unsigned)k < SERIES_EVENT_KIND_COUNT ? keys[k] : "";
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
		day_t day = column_day(st, 0);
		struct series_event *e;
		if (day == DAY_NONE)
			continue;
		if (out->n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			void *p = realloc(out->items, ncap * sizeof *out->items);
			if (p == NULL)
				break;
			out->items = p;
			cap = ncap;
		}
		e = &out->items[out->n++];
		e->day = day;
		e->kind = (enum series_event_kind)sqlite3_column_int(st, 1);
		e->detail = column_strdup(st, 2);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading events");
		series_events_free(out);
		return false;
	}
	return true;
}
