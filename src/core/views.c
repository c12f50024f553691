#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/accounts.h"
#include "core/exitcode.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/freshness.h"
#include "core/grow.h"
#include "core/store.h"
#include "core/text.h"
#include "core/views.h"
#include "core/wallet.h"
#include "core/db_internal.h"
#include "core/engine_internal.h"

static day_t
col_day(sqlite3_stmt *st, int i)
{
	const unsigned char *s = sqlite3_column_text(st, i);
	char buf[DAY_BUFSZ];
	day_t d;

	if (s == NULL)
		return DAY_NONE;
	snprintf(buf, sizeof buf, "%s", (const char *)s);
	return day_parse_iso(buf, &d) ? d : DAY_NONE;
}

static bool
oom(struct pt_err *err)
{
	err_set(err, PT_EXIT_DB, "out of memory");
	return false;
}

/* A text column ("" for NULL) kept in a result's strings; NULL out of
 * memory. */
static char *
keep(struct grow_strings *strings, sqlite3_stmt *st, int col)
{
	return grow_strdup(strings, (const char *)sqlite3_column_text(st, col));
}

void
views_prev_window(day_t from, day_t to, day_t *vs_from, day_t *vs_to)
{
	*vs_to = from - 1;
	*vs_from = from - (to - from + 1);
}

/* ---- the works table ---- */

#include "core/sql/views.sql.h"

static const char SQL_WORK_DAYS[] =
    "SELECT d.work_id, d.day, d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k")
    ", d.profitable_plays"
    " FROM work w JOIN daily d ON d.work_id = w.work_id"
    "  AND d.day BETWEEN ?2 AND ?3"
    " LEFT JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day"
    ENG_CALIB_OF("k", "w.account_id")
    " WHERE w.account_id = ?1";

static int
cmp_work_id(const void *key, const void *elem)
{
	return strcmp(key, ((const struct views_work *)elem)->work_id);
}

/* The account's works, ordered by id (for the binary searches). */
static bool
works_rows(struct db *db, const char *account_id, struct views_works *out,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	if ((st = db_bound(db, SQL_WORKS, DB_ARGS(DB_TEXT(account_id)),
	    err)) == NULL)
		return false;
	/* a break leaves on a row: db_rows_end says out of memory */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct views_work *cur = grow_push(&out->rows, &out->n, &cap,
		    sizeof *cur);
		if (cur == NULL ||
		    (cur->work_id = keep(&out->strings, st, 0)) == NULL ||
		    (cur->title = keep(&out->strings, st, 1)) == NULL)
			break;
		cur->published = col_day(st, 2);
		db_col_copy(st, 3, cur->visibility, sizeof cur->visibility);
		db_col_copy(st, 4, cur->review, sizeof cur->review);
		db_col_copy(st, 5, cur->commercial_kind,
		    sizeof cur->commercial_kind);
		cur->public_ = strcmp(cur->visibility, "public") == 0 &&
		    strcmp(cur->review, "approved") == 0;
		cur->commercial = strcmp(cur->commercial_kind, "none") != 0;
		cur->selected = sqlite3_column_int(st, 6) != 0;
	}
	return db_rows_end(db, st, rc, "reading the works of the window", err);
}

/* A sparkline of ndays cells per work, NAN where a day has no revenue. */
static bool
works_sparks(struct views_works *out, struct pt_err *err)
{
	size_t cells;

	if (out->n == 0 || out->ndays <= 0)
		return true;
	cells = out->n * (size_t)out->ndays;
	if ((out->spark_buf = malloc(cells * sizeof *out->spark_buf)) == NULL)
		return oom(err);
	for (size_t i = 0; i < cells; i++)
		out->spark_buf[i] = NAN;
	for (size_t i = 0; i < out->n; i++)
		out->rows[i].spark = out->spark_buf + i * (size_t)out->ndays;
	return true;
}

/* Adds one work-day (a row of SQL_WORK_DAYS) to its work. */
static void
works_add_day(const struct views_works *out, struct views_work *cur,
    sqlite3_stmt *st, day_t day)
{
	bool has_s = sqlite3_column_type(st, 2) != SQLITE_NULL;
	bool has_e = sqlite3_column_type(st, 3) != SQLITE_NULL;
	fen_t s = has_s ? sqlite3_column_int64(st, 2) : 0;
	fen_t e = has_e ? sqlite3_column_int64(st, 3) : 0;
	/* As engine_attribute(): only scored days count. */
	bool has_r = has_e;
	fen_t r = has_s ? s : e;

	if (day >= out->from && day <= out->to) {
		if (has_r) {
			cur->has_rev = true;
			cur->rev_fen += r;
			if (r > 0)
				cur->days_earning++;
			else
				cur->days_zero++;
			if (cur->spark != NULL)
				cur->spark[day - out->from] = (float)r;
		} else {
			cur->days_zero++;
		}
		if (has_s) {
			cur->has_settled = true;
			cur->settled_fen += s;
		}
		cur->estimated_fen += e;
		if (sqlite3_column_type(st, 4) != SQLITE_NULL) {
			cur->has_pp = true;
			cur->pp += sqlite3_column_int64(st, 4);
		}
	}
	if (day >= out->vs_from && day <= out->vs_to && has_r) {
		cur->has_prev = true;
		cur->prev_fen += r;
	}
}

/* The works' days of both windows. */
static bool
works_days(struct db *db, const char *account_id, struct views_works *out,
    struct pt_err *err)
{
	day_t lo = out->vs_from < out->from ? out->vs_from : out->from;
	day_t hi = out->vs_to > out->to ? out->vs_to : out->to;
	sqlite3_stmt *st;
	struct views_work *cur = NULL;
	int rc;

	if ((st = db_bound(db, SQL_WORK_DAYS, DB_ARGS(DB_TEXT(account_id),
	    DB_DAY(lo), DB_DAY(hi)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *id = (const char *)sqlite3_column_text(st, 0);
		day_t day;
		/* Rows come grouped by work: search only on a change. */
		if (cur == NULL || strcmp(cur->work_id, id) != 0) {
			cur = bsearch(id, out->rows, out->n, sizeof *out->rows,
			    cmp_work_id);
			if (cur == NULL)
				continue;	/* added since the first query */
		}
		if ((day = col_day(st, 1)) != DAY_NONE)
			works_add_day(out, cur, st, day);
	}
	return db_rows_end(db, st, rc, "reading the works' days", err);
}

/* Flags the works with an active violation in the last days. */
static bool
works_violations(struct db *db, const char *account_id,
    struct views_works *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_bound(db, SQL_WORK_VIOLATIONS, DB_ARGS(DB_TEXT(account_id),
	    DB_DAY(out->to - (engine_model()->violation_days - 1)),
	    DB_DAY(out->to)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct views_work *w = bsearch(sqlite3_column_text(st, 0),
		    out->rows, out->n, sizeof *out->rows, cmp_work_id);
		if (w != NULL)
			w->violation = true;
	}
	return db_rows_end(db, st, rc, "reading the works' violations", err);
}

bool
views_works_load(struct db *db, const char *account_id, day_t from,
    day_t to, day_t vs_from, day_t vs_to, struct views_works *out,
    struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->vs_from = vs_from;
	out->vs_to = vs_to;
	out->ndays = to >= from ? to - from + 1 : 0;
	if (works_rows(db, account_id, out, err) && works_sparks(out, err) &&
	    works_days(db, account_id, out, err) &&
	    works_violations(db, account_id, out, err))
		return true;
	views_works_free(out);
	return false;
}

void
views_works_free(struct views_works *w)
{
	free(w->rows);
	free(w->spark_buf);
	grow_strings_free(&w->strings);
	w->rows = NULL;
	w->spark_buf = NULL;
	w->n = 0;
}

bool
views_work_change(const struct views_work *w, fen_t *change)
{
	if (!w->has_rev && !w->has_prev)
		return false;
	*change = (w->has_rev ? w->rev_fen : 0) -
	    (w->has_prev ? w->prev_fen : 0);
	return true;
}

bool
views_work_rpm(const struct views_work *w, double *fen_per_k)
{
	if (!w->has_rev || !w->has_pp || w->pp <= 0)
		return false;
	*fen_per_k = (double)w->rev_fen * 1000.0 / (double)w->pp;
	return true;
}

const char *
views_work_flags(const struct views_work *w, char *buf)
{
	buf[0] = w->public_ ? 'P' : '-';
	buf[1] = w->selected ? 'S' : '-';
	buf[2] = w->commercial ? 'C' : '-';
	buf[3] = w->violation ? 'V' : '-';
	buf[4] = '\0';
	return buf;
}

static const char *const col_keys[VC_COUNT] = { VIEWS_COLS(NAMES_ENTRY) };

const char *
views_col_key(enum views_col c)
{
	return c < VC_COUNT ? col_keys[c] : "";
}

/* qsort has no context argument: the sort runs in the UI thread only. */
static const struct views_works *sort_w;
static enum views_col sort_col;
static bool sort_desc;

static int
status_rank(const struct views_work *w)
{
	/* Problems first when ascending: violation, not public, commercial. */
	return (w->violation ? 0 : 8) + (w->public_ ? 4 : 0) +
	    (w->commercial ? 0 : 2) + (w->selected ? 0 : 1);
}

/* Fills *v with the column's value as a number; false when missing. */
static bool
sort_value(const struct views_work *w, enum views_col c, double *v)
{
	fen_t f;

	switch (c) {
	case VC_PUBLISHED:
		*v = w->published;
		return w->published != DAY_NONE;
	case VC_STATUS:
		*v = status_rank(w);
		return true;
	case VC_REVENUE:
		*v = (double)w->rev_fen;
		return w->has_rev;
	case VC_CHANGE:
		if (!views_work_change(w, &f))
			return false;
		*v = (double)f;
		return true;
	case VC_PLAYS:
		*v = (double)w->pp;
		return w->has_pp;
	case VC_RPM:
		return views_work_rpm(w, v);
	default:
		return false;
	}
}

static int
cmp_rows(const void *pa, const void *pb)
{
	const struct views_work *a = &sort_w->rows[*(const size_t *)pa];
	const struct views_work *b = &sort_w->rows[*(const size_t *)pb];
	int c = 0;

	if (sort_col == VC_TITLE) {
		c = strcasecmp(a->title, b->title);
		if (sort_desc)
			c = -c;
	} else {
		double va, vb;
		bool ha = sort_value(a, sort_col, &va);
		bool hb = sort_value(b, sort_col, &vb);
		if (ha != hb)
			return ha ? -1 : 1;	/* missing last */
		if (ha && va != vb)
			c = (va < vb ? -1 : 1) * (sort_desc ? -1 : 1);
	}
	if (c == 0)
		c = strcasecmp(a->title, b->title);
	if (c == 0)
		c = strcmp(a->work_id, b->work_id);
	return c;
}

void
views_works_sort(const struct views_works *w, size_t *order, size_t n,
    enum views_col col, bool desc)
{
	sort_w = w;
	sort_col = col;
	sort_desc = desc;
	if (n > 1)
		qsort(order, n, sizeof *order, cmp_rows);
	sort_w = NULL;
}

size_t
views_works_filter(const struct views_works *w, const char *needle,
    size_t *idx)
{
	size_t k = 0;

	for (size_t i = 0; i < w->n; i++) {
		if (text_contains(w->rows[i].title, needle) ||
		    text_contains(w->rows[i].work_id, needle))
			idx[k++] = i;
	}
	return k;
}

/* ---- one day ---- */

static const char SQL_DAY_WORKS[] =
    "SELECT w.work_id, w.title, d.day IS NOT NULL, d.revenue_fen,"
    " s.work_id IS NOT NULL, s.eligible, s.reasons, "
    ENG_ESTIMATED_FEN("s", "k") ", d.profitable_plays"
    " FROM work w"
    " LEFT JOIN daily d ON d.work_id = w.work_id AND d.day = ?2"
    " LEFT JOIN work_score s ON s.work_id = w.work_id AND s.day = ?2"
    ENG_CALIB_OF("k", "w.account_id")
    " WHERE w.account_id = ?1"
    " AND (w.published_at IS NULL OR substr(w.published_at, 1, 10) <= ?2)"
    " ORDER BY w.work_id";

size_t
views_split_reasons(const char *s, char out[][32], size_t max)
{
	size_t n = 0;

	while (s != NULL && *s != '\0' && n < max) {
		size_t len = strcspn(s, ",; ");
		if (len > 0) {
			if (len > 31)
				len = 31;
			memcpy(out[n], s, len);
			out[n][len] = '\0';
			n++;
		}
		s += len;
		s += strspn(s, ",; ");
	}
	return n;
}

static int
cmp_day_rows(const void *pa, const void *pb)
{
	const struct views_day_work *a = pa, *b = pb;
	int c;

	if (a->revenue_fen != b->revenue_fen)
		return a->revenue_fen > b->revenue_fen ? -1 : 1;
	c = strcmp(a->title, b->title);
	return c != 0 ? c : strcmp(a->work_id, b->work_id);
}

bool
views_day_load(struct db *db, const char *account_id, day_t day,
    struct views_day *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	out->day = day;
	if ((st = db_bound(db, SQL_DAY_ACCOUNT, DB_ARGS(DB_TEXT(account_id),
	    DB_DAY(day)), err)) == NULL)
		return false;
	if ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		out->account_scored = true;
		out->account_eligible = sqlite3_column_int(st, 0) != 0;
		db_col_copy(st, 1, out->account_reasons,
		    sizeof out->account_reasons);
		out->account_estimated_fen = sqlite3_column_int64(st, 2);
		if (sqlite3_column_type(st, 3) != SQLITE_NULL) {
			out->has_account_settled = true;
			out->account_settled_fen = sqlite3_column_int64(st, 3);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, err, "reading the account's day");
		return false;
	}
	if ((st = db_bound(db, SQL_DAY_WORKS, DB_ARGS(DB_TEXT(account_id),
	    DB_DAY(day)), err)) == NULL)
		return false;
	/* a break leaves on a row: db_rows_end says out of memory */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct views_day_work *r = grow_push(&out->rows, &out->n, &cap,
		    sizeof *r);
		if (r == NULL ||
		    (r->work_id = keep(&out->strings, st, 0)) == NULL ||
		    (r->title = keep(&out->strings, st, 1)) == NULL)
			break;
		r->has_data = sqlite3_column_int(st, 2) != 0;
		r->has_settled = db_col_int64(st, 3, &r->settled_fen);
		r->scored = sqlite3_column_int(st, 4) != 0;
		r->eligible = sqlite3_column_int(st, 5) != 0;
		r->nreasons = views_split_reasons(
		    (const char *)sqlite3_column_text(st, 6), r->reasons,
		    VIEWS_REASONS_MAX);
		r->estimated_fen = sqlite3_column_int64(st, 7);
		r->revenue_fen = r->has_settled ? r->settled_fen :
		    r->estimated_fen;
		r->has_pp = db_col_int64(st, 8, &r->pp);
		out->total_fen += r->revenue_fen;
	}
	if (!db_rows_end(db, st, rc, "reading the works of the day", err)) {
		views_day_free(out);
		return false;
	}
	if (out->n > 1)
		qsort(out->rows, out->n, sizeof *out->rows, cmp_day_rows);
	return true;
}

void
views_day_free(struct views_day *d)
{
	free(d->rows);
	grow_strings_free(&d->strings);
	d->rows = NULL;
	d->n = 0;
}

day_t
views_last_scored_day(struct db *db, const char *account_id, day_t on,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	day_t d = DAY_NONE;

	if ((st = db_bound(db, SQL_LAST_SCORED, DB_ARGS(DB_TEXT(account_id),
	    DB_DAY(on)), err)) == NULL)
		return DAY_NONE;
	if (sqlite3_step(st) == SQLITE_ROW)
		d = col_day(st, 0);
	sqlite3_reset(st);
	return d;
}

bool
views_day_in_group(const struct views_day_work *r, const char *group)
{
	if (strcmp(group, "earning") == 0)
		return r->revenue_fen > 0;
	if (r->revenue_fen > 0)
		return false;
	if (strcmp(group, "no_data") == 0)
		return !r->has_data && r->nreasons == 0;
	if (strcmp(group, "zero") == 0)
		return r->has_data && r->nreasons == 0;
	for (size_t i = 0; i < r->nreasons; i++)
		if (strcmp(r->reasons[i], group) == 0)
			return true;
	return false;
}

static void
add_group(struct views_summary *s, const char *id)
{
	for (size_t i = 0; i < s->ngroups; i++) {
		if (strcmp(s->groups[i].id, id) == 0) {
			s->groups[i].n++;
			return;
		}
	}
	if (s->ngroups == VIEWS_GROUPS_MAX)
		return;
	snprintf(s->groups[s->ngroups].id, sizeof s->groups[0].id, "%s", id);
	s->groups[s->ngroups++].n = 1;
}

void
views_day_summary(const struct views_day *d, struct views_summary *out)
{
	memset(out, 0, sizeof *out);
	out->day = d->day;
	out->works = d->n;
	add_group(out, "earning");
	out->groups[0].n = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct views_day_work *r = &d->rows[i];
		if (r->revenue_fen > 0) {
			out->earning++;
			out->groups[0].n++;
			continue;
		}
		out->excluded++;
		if (r->nreasons == 0)
			add_group(out, r->has_data ? "zero" : "no_data");
		for (size_t k = 0; k < r->nreasons; k++)
			add_group(out, r->reasons[k]);
	}
}

/* ---- wallet ---- */

bool
views_wallet_load(struct db *db, const char *account_id,
    struct views_wallet *out, struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	memset(out, 0, sizeof *out);
	if (!store_bank_card(db, account_id, &out->bank_card, err) ||
	    (st = db_stmt(db, SQL_WALLET_SUMS, err)) == NULL)
		return false;
	db_bind_text(st, 1, account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		const char *k = (const char *)sqlite3_column_text(st, 0);
		fen_t v = sqlite3_column_int64(st, 1);
		if (strcmp(k, "settlement") == 0)
			out->settlements = v;
		else if (strcmp(k, "compensation") == 0)
			out->compensations = v;
		else if (strcmp(k, "withdrawal") == 0)
			out->withdrawals = v;
		else if (strcmp(k, "adjustment") == 0)
			out->adjustments = v;
		out->balance += wallet_signed(k, v);
	}
	if (!db_rows_end(db, st, rc, "reading the wallet", err))
		return false;
	if ((st = db_bound(db, SQL_WALLET_RECENT, DB_ARGS(DB_TEXT(account_id),
	    DB_INT(VIEWS_WALLET_RECENT)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW &&
	    out->n < VIEWS_WALLET_RECENT) {
		struct views_wallet_entry *e = &out->recent[out->n++];
		e->day = col_day(st, 0);
		db_col_copy(st, 1, e->kind, sizeof e->kind);
		e->amount_fen = wallet_signed(e->kind,
		    sqlite3_column_int64(st, 2));
		e->appeal_id = sqlite3_column_int64(st, 3);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(db, err, "reading the wallet");
		return false;
	}
	return true;
}

/* ---- accounts overview ---- */

/* Settled-else-estimated revenue of each week, as engine_attribute()
 * counts it: the account-day's sum the engine kept (shown_fen), else,
 * for a day scored before it kept one, its work-days summed here. */
static const char SQL_ACCOUNT_WEEKS[] =
    "WITH RECURSIVE days(day) AS (SELECT ?3 UNION ALL"
    "  SELECT date(day, '+1 day') FROM days WHERE day < ?4),"
    " f(day, fen) AS ("
    "  SELECT day, shown_fen FROM account_score WHERE account_id = ?1"
    "   AND day BETWEEN ?3 AND ?4 AND shown_fen IS NOT NULL"
    "  UNION ALL"
    "  SELECT d.day, min(max(ifnull(d.revenue_fen, "
    ENG_ESTIMATED_FEN("s", "k") "), 0), 1000000000000)"
    "  FROM days CROSS JOIN work w CROSS JOIN daily d"
    "   ON d.work_id = w.work_id AND d.day = days.day"
    "  JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day"
    ENG_CALIB_OF("k", "w.account_id")
    "  WHERE w.account_id = ?1 AND NOT EXISTS (SELECT 1 FROM account_score x"
    "   WHERE x.account_id = ?1 AND x.day = days.day"
    "   AND x.shown_fen IS NOT NULL))"
    " SELECT sum(CASE WHEN day >= ?2 THEN fen END),"
    " sum(CASE WHEN day < ?2 THEN fen END) FROM f";

bool
views_accounts_load(struct db *db, day_t today, struct views_accounts *out,
    struct pt_err *err)
{
	day_t now_day;
	int minute;

	/* The settlement clock's minute when today is the engine's today;
	 * 00:00 of a day given otherwise. */
	clock_now(&now_day, &minute);
	if (now_day != today)
		minute = 0;
	return views_accounts_load_at(db, today, minute, out, err);
}

/* A row of the overview from an account, its id and name kept in the
 * overview's strings. */
static bool
take_account(void *item, const struct account_row *r, void *strings)
{
	struct views_account *a = item;

	if ((a->account_id = grow_strdup(strings, r->account_id)) == NULL ||
	    (a->name = grow_strdup(strings, r->name)) == NULL)
		return false;
	snprintf(a->kind, sizeof a->kind, "%s", r->kind);
	snprintf(a->plan_status, sizeof a->plan_status, "%s", r->plan_status);
	a->celebrity = r->celebrity;
	a->works = r->works;
	a->open_appeals = r->open_appeals;
	return true;
}

/* The account's week (to its last day with data) and the one before. */
static bool
account_weeks(struct db *db, struct views_account *a, struct pt_err *err)
{
	sqlite3_stmt *st;

	if ((st = db_bound(db, SQL_ACCOUNT_WEEKS,
	    DB_ARGS(DB_TEXT(a->account_id), DB_DAY(a->from), DB_DAY(a->vs_from),
	    DB_DAY(a->to)), err)) == NULL)
		return false;
	/* sums: always one row */
	if (db_step_row(db, st, "reading an account's week", err) != DB_ROW)
		return false;
	a->has_week = db_col_int64(st, 0, &a->week_fen);
	a->has_prev_week = db_col_int64(st, 1, &a->prev_week_fen);
	sqlite3_reset(st);
	return true;
}

static bool
account_last_import(struct db *db, struct views_account *a,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc = db_lookup(db, SQL_LAST_IMPORT, a->account_id, &st,
	    "reading an account's last import", err);

	if (rc == DB_ROW) {
		db_col_copy(st, 0, a->last_import, sizeof a->last_import);
		sqlite3_reset(st);
	}
	return rc != DB_STEP_FAILED;
}

/* One account's row: freshness, its week, its last import. The account's
 * week ends at its last day with data: days not imported yet are no
 * data, not a week of zeros. */
static bool
account_row(struct db *db, struct views_accounts *out, struct views_account *a,
    day_t today, int minute, struct pt_err *err)
{
	struct freshness f;
	day_t vs_to;

	if (!freshness_load_at(db, a->account_id, today, minute, &f, err))
		return false;
	a->data_through = f.data_through;
	a->stale = f.stale;
	out->due_through = f.due_through;
	out->settle_hour = f.settle_hour;
	a->to = freshness_window_end(&f);
	if (a->to > today)
		a->to = today;
	a->from = a->to - 6;
	views_prev_window(a->from, a->to, &a->vs_from, &vs_to);
	if (f.data_through != DAY_NONE && (out->latest == DAY_NONE ||
	    f.data_through > out->latest))
		out->latest = f.data_through;
	return account_weeks(db, a, err) && account_last_import(db, a, err);
}

bool
views_accounts_load_at(struct db *db, day_t today, int minute,
    struct views_accounts *out, struct pt_err *err)
{
	void *rows;

	memset(out, 0, sizeof *out);
	out->to = today;
	out->from = today - 6;
	views_prev_window(out->from, out->to, &out->vs_from, &out->vs_to);
	out->latest = DAY_NONE;
	if (!accounts_take(db, sizeof *out->rows, take_account, &out->strings,
	    &rows, &out->n, err)) {
		views_accounts_free(out);
		return false;
	}
	out->rows = rows;
	for (size_t i = 0; i < out->n; i++)
		if (!account_row(db, out, &out->rows[i], today, minute, err)) {
			views_accounts_free(out);
			return false;
		}
	/* The title's week: that of the freshest account. */
	if (out->latest != DAY_NONE && out->latest < today) {
		out->to = out->latest;
		out->from = out->to - 6;
		views_prev_window(out->from, out->to, &out->vs_from, &out->vs_to);
	}
	return true;
}

void
views_accounts_free(struct views_accounts *a)
{
	free(a->rows);
	grow_strings_free(&a->strings);
	a->rows = NULL;
	a->n = 0;
}

/* ---- one work, day by day ---- */

static const char SQL_DETAIL_DAYS[] =
    "SELECT d.day, d.likes, d.favorites, d.revenue_fen,"
    " s.work_id IS NOT NULL, s.eligible, s.reasons, s.profitable_plays,"
    " s.plays_estimated, s.user_value, s.quality, "
    ENG_SCORE("base_fen", "s", "k") ", "
    ENG_SCORE("f_interaction", "s", "k") ", "
    ENG_SCORE("f_user", "s", "k") ", "
    ENG_SCORE("f_quality", "s", "k") ", s.f_bonus, "
    ENG_SCORE("model_fen", "s", "k") ", "
    ENG_ESTIMATED_FEN("s", "k") ", d.profitable_plays,"
    " b.appeal_id, b.fen"
    " FROM daily d LEFT JOIN work_score s"
    "  ON s.work_id = d.work_id AND s.day = d.day"
    ENG_CALIB_OF("k", "(SELECT account_id FROM work WHERE work_id = ?1)")
    /* a day an approved appeal paid back (appeal_backpay) */
    " LEFT JOIN (SELECT b.work_id, b.day, min(b.appeal_id) AS appeal_id,"
    "   sum(b.fen) AS fen FROM appeal_backpay b JOIN appeal a"
    "   ON a.id = b.appeal_id AND a.status IN ('approved', 'paid')"
    "   WHERE b.work_id = ?1 GROUP BY b.work_id, b.day) b"
    "  ON b.work_id = d.work_id AND b.day = d.day"
    " WHERE d.work_id = ?1 AND d.day BETWEEN ?2 AND ?3 ORDER BY d.day";

static const char *const part_keys[VP_COUNT] = {
	[VP_PLAYS] = "plays",
	[VP_INTERACTION] = "interaction",
	[VP_USER_VALUE] = "user_value",
	[VP_QUALITY] = "quality",
	[VP_BONUS] = "bonus",
	[VP_NOT_ELIGIBLE] = "not_eligible",
	[VP_SETTLEMENT] = "settlement",
};

const char *
views_part_key(enum views_part p)
{
	return p < VP_COUNT ? part_keys[p] : "";
}

/* Rounds the running model amounts once, so the parts (differences of
 * rounded cumulative sums) add up to the revenue exactly. */
static void
detail_split(struct views_detail *d)
{
	double r[5] = { 0 };
	fen_t est = 0, rev = 0, c[5];

	for (size_t i = 0; i < d->n; i++) {
		const struct views_work_day *x = &d->days[i];
		if (x->scored && x->has_pp) {
			double v = (double)x->pp / 1000.0 * x->base_fen;
			r[0] += v;
			v *= x->f_interaction;
			r[1] += v;
			v *= x->f_user;
			r[2] += v;
			v *= x->f_quality;
			r[3] += v;
			r[4] += x->model_fen;
		}
		if (x->scored)
			est += x->estimated_fen;
		if (x->has_revenue)
			rev += x->revenue_fen;
	}
	for (int k = 0; k < 5; k++)
		c[k] = money_round(r[k]);
	d->part_fen[VP_PLAYS] = c[0];
	d->part_fen[VP_INTERACTION] = c[1] - c[0];
	d->part_fen[VP_USER_VALUE] = c[2] - c[1];
	d->part_fen[VP_QUALITY] = c[3] - c[2];
	d->part_fen[VP_BONUS] = c[4] - c[3];
	d->part_fen[VP_NOT_ELIGIBLE] = est - c[4];
	d->part_fen[VP_SETTLEMENT] = rev - est;
	d->revenue_fen = rev;
}

/* The work's own row; false (exit 3) when there is no such work. */
static bool
detail_work(struct db *db, const char *work_id, struct views_detail *out,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	if ((st = db_bound(db, SQL_DETAIL_WORK, DB_ARGS(DB_TEXT(work_id)),
	    err)) == NULL)
		return false;
	rc = sqlite3_step(st);
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		if (rc == SQLITE_DONE)
			err_set(err, PT_EXIT_DATA, "no work '%s'", work_id);
		else
			db_error(db, err, "reading a work");
		return false;
	}
	out->work_id = strdup(work_id);
	out->title = db_col_strdup(st, 0);
	out->account_id = db_col_strdup(st, 1);
	out->published = col_day(st, 2);
	db_col_copy(st, 3, out->visibility, sizeof out->visibility);
	db_col_copy(st, 4, out->review, sizeof out->review);
	db_col_copy(st, 5, out->commercial, sizeof out->commercial);
	out->selected = sqlite3_column_int(st, 6) != 0;
	out->original = sqlite3_column_int(st, 7) != 0;
	out->infringing = sqlite3_column_int(st, 8) != 0;
	sqlite3_reset(st);
	return (out->work_id != NULL && out->title != NULL &&
	    out->account_id != NULL) || oom(err);
}

/* Fills one day from a row of SQL_DETAIL_DAYS. */
static void
detail_day(struct views_work_day *x, sqlite3_stmt *st)
{
	x->has_data = true;
	x->has_likes = db_col_int64(st, 1, &x->likes);
	x->has_favorites = db_col_int64(st, 2, &x->favorites);
	x->has_settled = db_col_int64(st, 3, &x->settled_fen);
	x->scored = sqlite3_column_int(st, 4) != 0;
	if (x->scored) {
		x->eligible = sqlite3_column_int(st, 5) != 0;
		x->nreasons = views_split_reasons(
		    (const char *)sqlite3_column_text(st, 6),
		    x->reasons, VIEWS_REASONS_MAX);
		x->has_pp = db_col_int64(st, 7, &x->pp);
		x->pp_estimated = sqlite3_column_int(st, 8) != 0;
		x->has_user_value = db_col_double(st, 9, &x->user_value);
		x->has_quality = db_col_double(st, 10, &x->quality);
		x->base_fen = sqlite3_column_double(st, 11);
		x->f_interaction = sqlite3_column_double(st, 12);
		x->f_user = sqlite3_column_double(st, 13);
		x->f_quality = sqlite3_column_double(st, 14);
		x->f_bonus = sqlite3_column_double(st, 15);
		x->model_fen = sqlite3_column_double(st, 16);
		x->estimated_fen = sqlite3_column_int64(st, 17);
	} else {
		x->has_pp = db_col_int64(st, 18, &x->pp);
	}
	x->compensated_by = sqlite3_column_int64(st, 19);
	x->backpay_fen = sqlite3_column_int64(st, 20);
	x->has_revenue = x->scored;	/* as engine_attribute() */
	x->revenue_fen = x->has_settled ? x->settled_fen : x->estimated_fen;
}

/* Every day of the window, with the work's figures where it has them. */
static bool
detail_days(struct db *db, const char *work_id, struct views_detail *out,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	out->n = out->to >= out->from ? (size_t)(out->to - out->from + 1) : 0;
	if ((out->days = calloc(out->n ? out->n : 1, sizeof *out->days)) == NULL)
		return oom(err);
	for (size_t i = 0; i < out->n; i++)
		out->days[i].day = out->from + (day_t)i;
	if ((st = db_bound(db, SQL_DETAIL_DAYS, DB_ARGS(DB_TEXT(work_id),
	    DB_DAY(out->from), DB_DAY(out->to)), err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t day = col_day(st, 0);
		if (day != DAY_NONE && day >= out->from && day <= out->to)
			detail_day(&out->days[day - out->from], st);
	}
	return db_rows_end(db, st, rc, "reading a work's days", err);
}

/* The last violation of the work on or before the window's end, and its
 * attribute changes (not the first values, nor its account). */
static bool
detail_history(struct db *db, const char *work_id, struct views_detail *out,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	day_t since;
	size_t k = 0;

	if ((st = db_bound(db, SQL_DETAIL_VIOLATION, DB_ARGS(DB_TEXT(work_id),
	    DB_DAY(out->to)), err)) == NULL)
		return false;
	if (sqlite3_step(st) == SQLITE_ROW) {
		out->last_violation = col_day(st, 0);
		db_col_copy(st, 1, out->last_violation_kind,
		    sizeof out->last_violation_kind);
	}
	sqlite3_reset(st);
	day_parse_iso(HISTORY_SINCE_ALWAYS, &since);
	if (!history_list(db, HISTORY_WORK, work_id, &out->changes,
	    &out->nchanges, err))
		return false;
	for (size_t i = 0; i < out->nchanges; i++)
		if (out->changes[i].effective_on != since &&
		    strcmp(out->changes[i].attr, "account_id") != 0)
			out->changes[k++] = out->changes[i];
	out->nchanges = k;
	return true;
}

bool
views_detail_load(struct db *db, const char *work_id, day_t from, day_t to,
    struct views_detail *out, struct pt_err *err)
{
	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->last_violation = DAY_NONE;
	if (detail_work(db, work_id, out, err) &&
	    detail_days(db, work_id, out, err) &&
	    detail_history(db, work_id, out, err)) {
		detail_split(out);
		return true;
	}
	views_detail_free(out);
	return false;
}

void
views_detail_free(struct views_detail *d)
{
	free(d->work_id);
	free(d->title);
	free(d->account_id);
	free(d->days);
	free(d->changes);
	memset(d, 0, sizeof *d);
}

int64_t
views_account_count(struct db *db, struct pt_err *err)
{
	return db_scalar(db, SQL_ACCOUNT_COUNT, err);
}
