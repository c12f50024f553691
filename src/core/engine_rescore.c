/* The derived tables work_score / account_score: the full rescore
 * (calibration from every account's settled days, then one streamed
 * pass over `daily`) and the incremental one (the dirty account-days:
 * their calibration sums, each touched account's fit, the dirty days,
 * and for an account whose fit moved the totals of its other days,
 * summed again from work_score's fit-free figures). Memory does not
 * grow with the number of work-days; one transaction each. */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/engine.h"
#include "core/exitcode.h"
#include "core/engine_internal.h"
#include "core/grow.h"

static const char SQL_DAILY_ALL[] =
    "SELECT " ENG_DAILY_COLS " FROM daily d ORDER BY d.work_id, d.day";
/* CROSS JOIN: from the account's works to their days by primary key,
 * never a scan of a whole day of every account. */
static const char SQL_DAILY_ACCOUNT_DAY[] =
    "SELECT " ENG_DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id AND d.day = ?2 WHERE w.account_id = ?1";
static const char SQL_DAILY_ACCOUNT[] =
    "SELECT " ENG_DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id WHERE w.account_id = ?1";

/* ---- full rescore ---- */

struct rows {
	struct eng_row *r;
	size_t n, cap;
};

static bool
rows_push(struct rows *rs, const struct eng_row *r)
{
	if (!grow_reserve(&rs->r, &rs->cap, rs->n + 1, sizeof *rs->r))
		return false;
	rs->r[rs->n++] = *r;
	return true;
}

/* Reads every row of a statement into rs. */
static bool
read_rows(struct db *db, const struct eng_ctx *c, sqlite3_stmt *st,
    struct rows *rs, struct pt_err *err)
{
	int last_work = -1, rc;
	const char *last_id = NULL;
	struct eng_row r;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!eng_read_row(c, st, &last_work, &last_id, &r))
			continue;
		if (!rows_push(rs, &r)) {
			sqlite3_reset(st);
			return eng_oom(err);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading daily figures");
		return false;
	}
	return true;
}

static const struct eng_row *sort_rows;
static const struct eng_work *sort_works;

static int
cmp_acct_day(const void *a, const void *b)
{
	const struct eng_row *x = &sort_rows[*(const size_t *)a];
	const struct eng_row *y = &sort_rows[*(const size_t *)b];
	int ax = sort_works[x->work].account, ay = sort_works[y->work].account;

	if (ax != ay)
		return ax < ay ? -1 : 1;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	return (*(const size_t *)a > *(const size_t *)b) -
	    (*(const size_t *)a < *(const size_t *)b);
}

/* idx = the rows ordered by (account, day), stably: a counting sort on
 * day, then on account. False (idx untouched) when the key space is too
 * large for that; the caller sorts by comparison instead. */
static bool
order_acct_day(const struct eng_ctx *c, const struct rows *rs, size_t *idx)
{
	day_t lo = rs->r[0].day, hi = rs->r[0].day;
	size_t *count, *tmp, nb;

	for (size_t i = 1; i < rs->n; i++) {
		if (rs->r[i].day < lo)
			lo = rs->r[i].day;
		if (rs->r[i].day > hi)
			hi = rs->r[i].day;
	}
	nb = (size_t)(hi - lo) + 1;
	if (nb < c->nacc)
		nb = c->nacc;
	if (nb > 4 * rs->n + 1024)
		return false;
	count = calloc(nb + 1, sizeof *count);
	tmp = malloc(rs->n * sizeof *tmp);
	if (count == NULL || tmp == NULL) {
		free(count);
		free(tmp);
		return false;
	}
	for (size_t i = 0; i < rs->n; i++)
		count[rs->r[i].day - lo + 1]++;
	for (size_t b = 1; b <= nb; b++)
		count[b] += count[b - 1];
	for (size_t i = 0; i < rs->n; i++)
		tmp[count[rs->r[i].day - lo]++] = i;
	memset(count, 0, (nb + 1) * sizeof *count);
	for (size_t i = 0; i < rs->n; i++)
		count[c->wrk[rs->r[i].work].account + 1]++;
	for (size_t b = 1; b <= nb; b++)
		count[b] += count[b - 1];
	for (size_t k = 0; k < rs->n; k++) {
		size_t i = tmp[k];
		idx[count[c->wrk[rs->r[i].work].account]++] = i;
	}
	free(count);
	free(tmp);
	return true;
}

/* Scores rows (whole account-days of any accounts) and writes them:
 * account_score per (account, day), work_score in the rows' own order. */
static bool
score_and_write(struct db *db, struct eng_ctx *c, struct rows *rs,
    enum eng_ws_mode mode, struct pt_err *err)
{
	struct eng_res *res = NULL;
	size_t *idx = NULL;
	bool ok = false;

	if (rs->n == 0)
		return true;
	idx = malloc(rs->n * sizeof *idx);
	res = calloc(rs->n, sizeof *res);
	if (idx == NULL || res == NULL) {
		eng_oom(err);
		goto out;
	}
	if (!order_acct_day(c, rs, idx)) {
		for (size_t i = 0; i < rs->n; i++)
			idx[i] = i;
		sort_rows = rs->r;
		sort_works = c->wrk;
		qsort(idx, rs->n, sizeof *idx, cmp_acct_day);
	}
	for (size_t i = 0; i < rs->n; ) {
		const struct eng_row *r0 = &rs->r[idx[i]];
		int acc = c->wrk[r0->work].account;
		size_t j = i;
		struct eng_acct_day ad;
		while (j < rs->n && rs->r[idx[j]].day == r0->day &&
		    c->wrk[rs->r[idx[j]].work].account == acc)
			j++;
		eng_score_group(c, acc, r0->day, rs->r, idx + i, j - i, res, &ad);
		if (!eng_write_account_score(db, c, &ad, err))
			goto out;
		i = j;
	}
	/* in the rows' order */
	ok = eng_write_work_scores(db, c, rs->r, res, rs->n, mode, err);
out:
	free(res);
	free(idx);
	return ok;
}

#include "core/sql/engine_rescore.sql.h"

static int64_t
count_rows(struct db *db, const char *sql)
{
	sqlite3_stmt *st = db_stmt(db, sql, NULL);
	int64_t n = -1;

	if (st != NULL && sqlite3_step(st) == SQLITE_ROW)
		n = sqlite3_column_int64(st, 0);
	if (st != NULL)
		sqlite3_reset(st);
	return n;
}

/* ---- incremental rescore ---- */

static const char SQL_DAILY_ACCOUNT_SPAN[] =
    "SELECT " ENG_DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id AND d.day BETWEEN ?2 AND ?3 "
    "WHERE w.account_id = ?1";

/* Runs a statement binding the account (and the day when given). */
static bool
run_bound(struct db *db, const char *sql, const char *account, day_t d,
    struct pt_err *err)
{
	const struct db_arg a[] = { DB_TEXT(account), DB_DAY(d) };

	return db_run(db, sql, a, d != DAY_NONE ? 2 : 1, "clearing old scores",
	    err);
}

/* Reads the rows of an account (one day, or all with DAY_NONE). */
static bool
read_account(struct db *db, const struct eng_ctx *c, const char *account,
    day_t d, struct rows *rs, struct pt_err *err)
{
	const struct db_arg a[] = { DB_TEXT(account), DB_DAY(d) };
	sqlite3_stmt *st = d != DAY_NONE ?
	    db_bound(db, SQL_DAILY_ACCOUNT_DAY, a, 2, err) :
	    db_bound(db, SQL_DAILY_ACCOUNT, a, 1, err);

	return st != NULL && read_rows(db, c, st, rs, err);
}


/* Rows held at once while rescoring: whole days of one account are read
 * until about this many, scored, written and dropped, so memory does not
 * grow with the number of work-days (an account-day is never split). */
#define RESCORE_CHUNK_ROWS 16384

/* Scores and writes what rs holds, then empties it (keeping its buffer). */
static bool
flush_rows(struct db *db, struct eng_ctx *c, struct rows *rs,
    struct pt_err *err)
{
	bool ok = score_and_write(db, c, rs, ENG_WS_REPLACE, err);

	rs->n = 0;
	return ok;
}

/* The first and last day of an account's rows, by a seek per work;
 * false in *any when it has none. */
static bool
account_day_range(struct db *db, const char *account, day_t *lo, day_t *hi,
    bool *any, struct pt_err *err)
{
	sqlite3_stmt *st;

	*any = false;
	/* min and max: always one row */
	if (db_lookup(db, SQL_ACCOUNT_DAY_RANGE, account, &st,
	    "reading daily figures", err) != DB_ROW)
		return false;
	*lo = eng_col_day(st, 0);
	*hi = eng_col_day(st, 1);
	*any = *lo != DAY_NONE && *hi != DAY_NONE;
	sqlite3_reset(st);
	return true;
}

/* Every day of an account, a bounded span of days at a time. */
static bool
rescore_account_chunked(struct db *db, struct eng_ctx *c, int acc,
    struct rows *rs, struct pt_err *err)
{
	const char *account = c->acc[acc].id;
	size_t works = 0;
	day_t lo, hi, span;
	bool any;

	for (size_t i = 0; i < c->nwrk; i++)
		works += c->wrk[i].account == acc;
	span = (day_t)(RESCORE_CHUNK_ROWS / (works ? works : 1));
	if (span < 1)
		span = 1;
	if (!account_day_range(db, account, &lo, &hi, &any, err))
		return false;
	for (day_t d = lo; any && d <= hi; d += span) {
		day_t last = hi - d < span ? hi : d + span - 1;
		sqlite3_stmt *st = db_bound(db, SQL_DAILY_ACCOUNT_SPAN,
		    DB_ARGS(DB_TEXT(account), DB_DAY(d), DB_DAY(last)), err);
		if (st == NULL || !read_rows(db, c, st, rs, err) ||
		    !flush_rows(db, c, rs, err))
			return false;
	}
	return true;
}

/* The dirty days of one account, grouped. */
struct dirty_account {
	char *account;
	int acc;		/* -1: the account is gone */
	day_t *days;
	size_t ndays;
	/* its fit moved: every account-day is summed again; or its days
	 * were summed under another model: every work-day is rescored */
	enum eng_fit_move move;
};

struct dirty_list {
	struct dirty_account *a;
	size_t n, cap;
	struct grow_strings strings;	/* the accounts' ids */
};

static void
dirty_free(struct dirty_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->a[i].days);
	free(l->a);
	grow_strings_free(&l->strings);
	memset(l, 0, sizeof *l);
}

/* Appends (account, day) to the list read in (account, day) order. */
static bool
dirty_add(struct dirty_list *l, const struct eng_ctx *c, const char *account,
    day_t d, size_t *dcap)
{
	struct dirty_account *a = l->n ? &l->a[l->n - 1] : NULL;

	if (a == NULL || strcmp(a->account, account) != 0) {
		if (!grow_reserve(&l->a, &l->cap, l->n + 1, sizeof *l->a))
			return false;
		a = &l->a[l->n];
		memset(a, 0, sizeof *a);
		if ((a->account = grow_strdup(&l->strings, account)) == NULL)
			return false;
		a->acc = eng_find_account(c, account);
		l->n++;
		*dcap = 0;
	}
	if (!grow_reserve(&a->days, dcap, a->ndays + 1, sizeof *a->days))
		return false;
	a->days[a->ndays++] = d;
	return true;
}

/* Reads the dirty list whole (rescoring uses other statements). */
static bool
dirty_read(struct db *db, const struct eng_ctx *c, struct dirty_list *l,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DIRTY, err);
	size_t dcap = 0;
	int rc;

	if (st == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d = eng_col_day(st, 1);
		if (d != DAY_NONE && !dirty_add(l, c,
		    (const char *)sqlite3_column_text(st, 0), d, &dcap))
			break;
	}
	sqlite3_reset(st);
	if (rc == SQLITE_ROW)
		return eng_oom(err);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading what to rescore");
		return false;
	}
	return true;
}

/* Refits every dirty account from its days' sums (summing the dirty
 * days again). */
static bool
dirty_calibrate(struct db *db, struct eng_ctx *c, struct dirty_list *l,
    struct pt_err *err)
{
	for (size_t i = 0; i < l->n; i++) {
		struct dirty_account *a = &l->a[i];
		if (a->acc < 0) {
			if (!eng_calib_forget(db, a->account, err))
				return false;
			continue;
		}
		if (!eng_calib_account(db, c, a->acc, a->days, a->ndays,
		    &a->move, err))
			return false;
	}
	return true;
}

/* ---- a fit that moved: the account-days again from work_score ---- */

/* An account-day while its totals are summed again under a new fit. */
struct refit_day {
	bool skip;		/* dirty: rescored from daily */
	bool rows;		/* work_score rows seen */
	bool kept;		/* its account_score row, with the sums */
	bool settled_known, was_below, shown_known;
	fen_t settled, revenue;	/* settled sum; each held in range */
	fen_t gross, unsettled;	/* estimates before the minimum; those
				 * of the work-days not settled */
	int64_t earning;
	fen_t old_est, old_gross, old_shown;
	int64_t old_earning;
};

/* The account's kept account-days, with the dirty ones to skip. */
static bool
refit_read_days(struct db *db, const struct dirty_account *a,
    struct eng_days *days, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_REFIT_DAYS, err);
	struct refit_day *rd;
	int rc;

	if (st == NULL)
		return false;
	for (size_t i = 0; i < a->ndays; i++) {
		if ((rd = eng_day_at(days, a->days[i], sizeof *rd)) == NULL)
			return eng_oom(err);
		rd->skip = true;
	}
	db_bind_text(st, 1, a->account);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d = eng_col_day(st, 0);
		if (d == DAY_NONE)
			continue;
		if ((rd = eng_day_at(days, d, sizeof *rd)) == NULL) {
			sqlite3_reset(st);
			return eng_oom(err);
		}
		rd->kept = sqlite3_column_int(st, 1) != 0;
		rd->settled_known = eng_col_int(st, 2, &rd->settled);
		eng_col_int(st, 3, &rd->revenue);
		rd->was_below = eng_held_by_minimum(
		    (const char *)sqlite3_column_text(st, 4));
		rd->old_est = sqlite3_column_int64(st, 5);
		rd->old_gross = sqlite3_column_int64(st, 6);
		rd->old_earning = sqlite3_column_int64(st, 7);
		rd->shown_known = eng_col_int(st, 8, &rd->old_shown);
	}
	return db_rows_end(db, st, rc, "reading account scores", err);
}

/* Sums the rows of SQL_REFIT_WORK for work w into days (its account's)
 * under the account's fit; *capped counts values held in range. Returns
 * the last sqlite3_step() code (SQLITE_DONE when all went well;
 * SQLITE_NOMEM when days could not grow). */
static int
refit_work_rows(sqlite3_stmt *st, const struct eng_ctx *c, size_t w,
    struct eng_days *days, int64_t *capped)
{
	int acc = c->wrk[w].account, rc;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d = eng_col_day(st, 0);
		sqlite3_value *v[ENG_STORED_COLS];
		struct refit_day *rd;
		struct eng_stored s;
		bool eligible;
		fen_t est;
		if (d == DAY_NONE)
			continue;
		if ((rd = eng_day_at(days, d, sizeof *rd)) == NULL)
			return SQLITE_NOMEM;
		if (rd->skip)
			continue;
		/* eligible before the daily minimum */
		eligible = sqlite3_column_int(st, 1) != 0 || eng_held_by_minimum(
		    (const char *)sqlite3_column_text(st, 2));
		for (int k = 0; k < ENG_STORED_COLS; k++)
			v[k] = sqlite3_column_value(st, 3 + k);
		eng_stored_read(v, &s);
		est = eng_rescore_stored(c, acc, &s, eligible, capped);
		rd->rows = true;
		rd->gross += est;
		rd->earning += est > 0;
		if (sqlite3_column_int(st, 9) == 0)
			rd->unsettled += est;
	}
	return rc;
}

/* Sums works[0..n) into days[] of their accounts, on db's connection. */
static bool
refit_works(struct db *db, const struct eng_ctx *c, const size_t *works,
    size_t n, struct eng_days *days, struct pt_err *err)
{
	int64_t capped = 0;
	bool ok = true;

	for (size_t i = 0; ok && i < n; i++) {
		sqlite3_stmt *st;
		int rc;
		if ((st = db_bound(db, SQL_REFIT_WORK,
		    DB_ARGS(DB_TEXT(c->wrk[works[i]].id)), err)) == NULL)
			return false;
		rc = refit_work_rows(st, c, works[i],
		    &days[c->wrk[works[i]].account], &capped);
		if (rc == SQLITE_NOMEM) {
			sqlite3_reset(st);
			ok = eng_oom(err);
		} else
			ok = db_rows_end(db, st, rc, "reading work scores", err);
	}
	eng_add_capped(capped);
	return ok;
}

/* The second reader of a refit: half of the works, on its own read-only
 * connection to the same file, into its own copy of the days. The
 * rescore's transaction has written nothing work_score holds yet (the
 * dirty days it skips come after), so the last commit it reads is what
 * the rescore sees. */
struct refit_helper {
	const struct eng_ctx *c;
	sqlite3_stmt *st;	/* SQL_REFIT_WORK on the helper's connection */
	const size_t *works;
	size_t n;
	struct eng_days *days;	/* by account, a copy */
	int64_t capped;
	bool ok;
};

static void *
refit_helper_main(void *arg)
{
	struct refit_helper *h = arg;
	int rc = SQLITE_DONE;

	for (size_t i = 0; rc == SQLITE_DONE && i < h->n; i++) {
		const struct eng_work *w = &h->c->wrk[h->works[i]];
		sqlite3_bind_text(h->st, 1, w->id, -1, SQLITE_STATIC);
		rc = refit_work_rows(h->st, h->c, h->works[i],
		    &h->days[w->account], &h->capped);
		sqlite3_reset(h->st);
	}
	h->ok = rc == SQLITE_DONE;
	return NULL;
}

/* Adds the helper's sums of account acc's days into days. */
static bool
refit_merge(struct eng_days *days, const struct eng_days *part)
{
	for (size_t k = 0; k < part->n; k++) {
		const struct refit_day *p = (const struct refit_day *)part->d + k;
		struct refit_day *rd;
		if (!p->rows)
			continue;
		if ((rd = eng_day_at(days, part->lo + (day_t)k, sizeof *rd)) ==
		    NULL)
			return false;
		rd->rows = true;
		rd->gross += p->gross;
		rd->unsettled += p->unsettled;
		rd->earning += p->earning;
	}
	return true;
}

/* Below this many works a refit reads them alone: a second connection
 * and thread cost more than they save. */
#define REFIT_SPLIT_WORKS 64

/* A copy of every account's days (the days to skip), for the helper. */
static bool
days_copy(struct eng_days *to, const struct eng_days *from, size_t nacc)
{
	for (size_t i = 0; i < nacc; i++) {
		to[i] = from[i];
		to[i].d = NULL;
		if (from[i].n == 0)
			continue;
		if ((to[i].d = malloc(from[i].n * sizeof(struct refit_day))) ==
		    NULL)
			return false;
		memcpy(to[i].d, from[i].d, from[i].n * sizeof(struct refit_day));
	}
	return true;
}

static void
days_free(struct eng_days *days, size_t nacc)
{
	for (size_t i = 0; days != NULL && i < nacc; i++)
		free(days[i].d);
	free(days);
}

/* Sums works[0..n) into days[]: the second half on a helper thread when
 * there are enough of them and the database is a file another
 * connection can open; the helper's half is read here again should it
 * fail. */
static bool
refit_sum(struct db *db, const struct eng_ctx *c, const size_t *works,
    size_t n, struct eng_days *days, struct pt_err *err)
{
	struct refit_helper h = { .c = c };
	size_t half = n / 2;
	sqlite3 *reader = NULL;
	pthread_t tid;
	bool ok;

	if (n < REFIT_SPLIT_WORKS ||
	    (reader = eng_reader_open(db, SQL_REFIT_WORK, &h.st)) == NULL ||
	    (h.days = calloc(c->nacc, sizeof *h.days)) == NULL ||
	    !days_copy(h.days, days, c->nacc) ||
	    (h.works = works + half, h.n = n - half,
	    pthread_create(&tid, NULL, refit_helper_main, &h) != 0)) {
		days_free(h.days, c->nacc);
		eng_reader_close(reader, h.st);
		return refit_works(db, c, works, n, days, err);
	}
	ok = refit_works(db, c, works, half, days, err);
	pthread_join(tid, NULL);
	eng_reader_close(reader, h.st);
	if (ok && h.ok) {
		eng_add_capped(h.capped);
		for (size_t i = 0; ok && i < c->nacc; i++)
			ok = refit_merge(&days[i], &h.days[i]) || eng_oom(err);
	} else if (ok)
		ok = refit_works(db, c, h.works, h.n, days, err);
	days_free(h.days, c->nacc);
	return ok;
}

static bool
refit_update(struct db *db, const char *account, day_t d,
    const fen_t v[4], struct pt_err *err)
{
	return db_run(db, SQL_REFIT_UPDATE, DB_ARGS(DB_TEXT(account), DB_DAY(d),
	    DB_INT(v[0]), DB_INT(v[1]), DB_INT(v[2]), DB_INT(v[3])),
	    "writing account scores", err);
}

/* Writes account a's account-days summed in days under its new fit. */
static bool
refit_finish(struct db *db, struct eng_ctx *c, const struct dirty_account *a,
    const struct eng_days *days, struct rows *rs, struct pt_err *err)
{
	bool ok = true;

	for (size_t k = 0; ok && k < days->n; k++) {
		const struct refit_day *rd = (const struct refit_day *)days->d + k;
		day_t d = days->lo + (day_t)k;
		bool below;
		fen_t v[4];
		if (rd->skip || !rd->rows)
			continue;
		below = engine_daily_minimum(c->model, true, rd->settled_known,
		    rd->settled, rd->gross) == DM_BELOW;
		if (!rd->kept || below != rd->was_below) {
			ok = read_account(db, c, a->account, d, rs, err) &&
			    flush_rows(db, c, rs, err);
			continue;
		}
		/* estimated, gross, works earning, shown */
		v[0] = below ? 0 : rd->gross;
		v[1] = rd->gross;
		v[2] = below ? 0 : rd->earning;
		v[3] = rd->revenue + (below ? 0 : rd->unsettled);
		if (v[0] != rd->old_est || v[1] != rd->old_gross ||
		    v[2] != rd->old_earning || !rd->shown_known ||
		    v[3] != rd->old_shown)
			ok = refit_update(db, a->account, d, v, err);
	}
	return ok;
}

/*
 * The accounts whose fits moved, but for their dirty days: each
 * account-day's totals summed again from its work-days' stored figures
 * under the new fit (a read of work_score, no work-day written). A day
 * whose daily minimum changes with the fit (rare: its works' reasons
 * change), or that lacks its kept sums, is scored again from daily
 * instead.
 */
static bool
refit_moved(struct db *db, struct eng_ctx *c, const struct dirty_list *l,
    struct rows *rs, struct pt_err *err)
{
	struct eng_days *days = calloc(c->nacc ? c->nacc : 1, sizeof *days);
	size_t *works = NULL, n = 0;
	bool ok = days != NULL || eng_oom(err);

	/* days[acc].n > 0: the account's fit moved (it has a dirty day) */
	for (size_t i = 0; ok && i < l->n; i++)
		if (l->a[i].move == ENG_FIT_MOVED && l->a[i].acc >= 0)
			ok = refit_read_days(db, &l->a[i], &days[l->a[i].acc],
			    err);
	if (ok && c->nwrk > 0 &&
	    (works = malloc(c->nwrk * sizeof *works)) == NULL)
		ok = eng_oom(err);
	for (size_t w = 0; ok && w < c->nwrk; w++)
		if (c->wrk[w].account >= 0 && days[c->wrk[w].account].n > 0)
			works[n++] = w;
	if (ok && n > 0)
		ok = refit_sum(db, c, works, n, days, err);
	for (size_t i = 0; ok && i < l->n; i++)
		if (l->a[i].move == ENG_FIT_MOVED && l->a[i].acc >= 0)
			ok = refit_finish(db, c, &l->a[i], &days[l->a[i].acc],
			    rs, err);
	free(works);
	days_free(days, c->nacc);
	return ok;
}

/* One account's dirty days, or all of its days when its fit moved (or
 * none when it is gone). Rows are streamed: a bounded chunk is in
 * memory at once. */
static bool
rescore_account(struct db *db, struct eng_ctx *c,
    const struct dirty_account *a, struct rows *rs, struct pt_err *err)
{
	if (a->acc < 0 || a->move == ENG_FIT_MODEL) {
		if (!run_bound(db, SQL_DELETE_WORK_SCORES_ACCOUNT, a->account,
		    DAY_NONE, err) || !run_bound(db, SQL_DELETE_ACCOUNT_SCORES,
		    a->account, DAY_NONE, err))
			return false;
		return a->acc < 0 ||
		    rescore_account_chunked(db, c, a->acc, rs, err);
	}
	for (size_t i = 0; i < a->ndays; i++) {
		if (!run_bound(db, SQL_DELETE_WORK_SCORES_DAY, a->account,
		    a->days[i], err) || !run_bound(db,
		    SQL_DELETE_ACCOUNT_SCORE_DAY, a->account, a->days[i], err) ||
		    !read_account(db, c, a->account, a->days[i], rs, err))
			return false;
		if (rs->n >= RESCORE_CHUNK_ROWS && !flush_rows(db, c, rs, err))
			return false;
	}
	return flush_rows(db, c, rs, err);
}


static void bulk_pragmas(struct db *db, int64_t saved[2]);
static void restore_pragmas(struct db *db, const int64_t saved[2]);

/* The incremental rescore inside its transaction. */
static bool
rescore_dirty(struct db *db, struct eng_ctx *c, struct pt_err *err)
{
	struct dirty_list l = { 0 };
	struct rows rs = { 0 };
	bool ok = false;

	if (!dirty_read(db, c, &l, err) || !dirty_calibrate(db, c, &l, err) ||
	    !refit_moved(db, c, &l, &rs, err))
		goto out;
	for (size_t i = 0; i < l.n; i++)
		if (!rescore_account(db, c, &l.a[i], &rs, err))
			goto out;
	ok = db_exec(db, SQL_CLEAR_DIRTY, err);
out:
	free(rs.r);
	dirty_free(&l);
	return ok;
}

bool
engine_rescore_dirty(struct db *db, struct pt_err *err)
{
	struct eng_ctx c;
	sqlite3_stmt *st;
	bool ok = false;
	int64_t saved[2];
	int rc;

	/* Cheap when nothing is pending: readers call this before reading. */
	if ((rc = db_row(db, SQL_ANY_DIRTY, NULL, 0, &st,
	    "reading what to rescore", err)) != DB_ROW)
		return rc == DB_NO_ROW;
	sqlite3_reset(st);
	if (count_rows(db, SQL_MOSTLY_DIRTY) == 1)
		return engine_rescore_all(db, err);
	memset(&c, 0, sizeof c);
	/* as the full rescore: a crash loses the rescore and its dirty
	 * marks with it, so the next reader does it again */
	bulk_pragmas(db, saved);
	if (!db_begin(db, err))
		goto out;
	if (eng_ctx_load(&c, db, err) && rescore_dirty(db, &c, err))
		ok = db_commit(db, err);
	if (!ok)
		db_rollback(db);
out:
	restore_pragmas(db, saved);
	eng_ctx_free(&c);
	return ok;
}

/* ---- full rescore ---- */

/* An account-day's totals while the full rescore streams `daily`. */
struct ad_sum {
	fen_t gross, settled, shown;
	int32_t works_earning;
	bool any, settled_known;
	struct eng_metrics m;
};

/* Adds a scored row to its account-day's totals. */
static void
ad_add(struct ad_sum *ad, const struct eng_row *r, const struct eng_res *s)
{
	ad->any = true;
	ad->gross += s->estimated;
	ad->works_earning += s->estimated > 0;
	ad->shown += eng_shown_fen(r, s->estimated);
	eng_metrics_add(&ad->m, r, &s->o);
	if (r->settled_known) {
		ad->settled_known = true;
		ad->settled += r->settled;
	}
}

/* Rows score_stream() scores before handing them to the writer. */
#define STREAM_ROWS 4096

/* Writes the scored rows of score_stream() into work_score on the
 * rescore's connection while the next ones are read and scored: on a
 * thread of its own when the rows are read through a second connection
 * (the rescore's transaction writes nothing `daily` holds, and holds the
 * write lock since it began, so the last commit that connection reads
 * is what the rescore sees). */
struct stream_writer {
	struct db *db;
	const struct eng_ctx *c;
	enum eng_ws_mode mode;
	struct eng_row *r;
	struct eng_res *s;
	size_t n;
	pthread_t tid;
	bool running, ok;
	struct pt_err err;
};

static void *
stream_writer_main(void *arg)
{
	struct stream_writer *w = arg;

	w->ok = eng_write_work_scores(w->db, w->c, w->r, w->s, w->n, w->mode,
	    &w->err);
	return NULL;
}

/* Waits for the rows being written, if any; false (err set) when writing
 * them failed. */
static bool
stream_wait(struct stream_writer *w, struct pt_err *err)
{
	if (!w->running)
		return true;
	pthread_join(w->tid, NULL);
	w->running = false;
	if (!w->ok)
		err_copy(err, &w->err);
	return w->ok;
}

/* Writes rows r[0..n) (then owned by w until stream_wait): on the
 * writer's thread when threaded, else here. */
static bool
stream_write(struct stream_writer *w, bool threaded, struct eng_row *r,
    struct eng_res *s, size_t n, struct pt_err *err)
{
	if (!stream_wait(w, err))
		return false;
	w->r = r;
	w->s = s;
	w->n = n;
	memset(&w->err, 0, sizeof w->err);
	if (threaded && pthread_create(&w->tid, NULL, stream_writer_main, w) ==
	    0) {
		w->running = true;
		return true;
	}
	return eng_write_work_scores(w->db, w->c, r, s, n, w->mode, err);
}

/* Streams `daily` in primary-key order: scores each row with its
 * account's fit, summing per account-day into days[], and writes the
 * scores STREAM_ROWS at a time (appending to work_score's b-tree), the
 * writing of one lot beside the reading of the next. */
static bool
score_stream(struct db *db, struct eng_ctx *c, struct eng_days *days,
    enum eng_ws_mode mode, int64_t *count, struct pt_err *err)
{
	sqlite3_stmt *st;
	sqlite3 *reader = eng_reader_open(db, SQL_DAILY_ALL, &st);
	struct stream_writer w = { .db = db, .c = c, .mode = mode };
	int last_work = -1, rc = SQLITE_DONE;
	const char *last_id = NULL;
	/* two lots: one scored into, one being written */
	struct eng_row *rows = malloc(2 * STREAM_ROWS * sizeof *rows);
	struct eng_res *res = malloc(2 * STREAM_ROWS * sizeof *res);
	struct eng_row *r = rows;
	struct eng_res *s = res;
	size_t n = 0;
	bool ok = false;

	if (rows == NULL || res == NULL) {
		eng_oom(err);
		goto out;
	}
	if (reader == NULL && (st = db_stmt(db, SQL_DAILY_ALL, err)) == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!eng_read_row(c, st, &last_work, &last_id, &r[n]))
			continue;
		int acc = c->wrk[r[n].work].account;
		struct ad_sum *ad = eng_day_at(&days[acc], r[n].day, sizeof *ad);
		if (ad == NULL) {
			eng_oom(err);
			goto out;
		}
		eng_score_row(c, acc, &r[n], &s[n], eng_account_reasons(c,
		    &c->acc[acc], r[n].day));
		ad_add(ad, &r[n], &s[n]);
		(*count)++;
		if (++n == STREAM_ROWS) {
			if (!stream_write(&w, reader != NULL, r, s, n, err))
				goto out;
			r = r == rows ? rows + STREAM_ROWS : rows;
			s = s == res ? res + STREAM_ROWS : res;
			n = 0;
		}
	}
	if (rc != SQLITE_DONE) {
		if (reader != NULL)
			err_set(err, PT_EXIT_DB, "reading daily figures: %s",
			    sqlite3_errmsg(reader));
		else
			db_error(db, err, "reading daily figures");
		goto out;
	}
	ok = stream_wait(&w, err) &&
	    eng_write_work_scores(db, c, r, s, n, mode, err);
out:
	if (!stream_wait(&w, ok ? err : &(struct pt_err){ 0 }))
		ok = false;
	if (reader != NULL)
		eng_reader_close(reader, st);
	else if (st != NULL)
		sqlite3_reset(st);
	free(rows);
	free(res);
	return ok;
}

/* Writes account i's account-days from their totals. A day under the
 * daily minimum (rare) is read again whole and rewritten with the
 * minimum applied. */
static bool
write_account_days(struct db *db, struct eng_ctx *c, size_t i,
    const struct eng_days *days, struct rows *rs, struct pt_err *err)
{
	for (size_t k = 0; k < days->n; k++) {
		const struct ad_sum *sum = (const struct ad_sum *)days->d + k;
		day_t d = days->lo + (day_t)k;
		struct eng_acct_day ad;
		if (!sum->any)
			continue;
		if (engine_daily_minimum(c->model, true, sum->settled_known,
		    sum->settled, sum->gross) == DM_BELOW) {
			if (!read_account(db, c, c->acc[i].id, d, rs, err) ||
			    !flush_rows(db, c, rs, err))
				return false;
			continue;
		}
		memset(&ad, 0, sizeof ad);
		ad.acc = (int32_t)i;
		ad.day = d;
		ad.reasons = eng_account_reasons(c, &c->acc[i], d);
		ad.eligible = ad.reasons == 0;
		ad.gross = ad.estimated = sum->gross;
		ad.settled_known = sum->settled_known;
		ad.settled = sum->settled;
		ad.works_earning = sum->works_earning;
		ad.shown = sum->shown;
		ad.m = sum->m;
		if (!eng_write_account_score(db, c, &ad, err))
			return false;
	}
	return true;
}

/* Scores every row with the fits in c and writes work_score and
 * account_score. */
static bool
score_all(struct db *db, struct eng_ctx *c, enum eng_ws_mode mode,
    int64_t *count,
    struct pt_err *err)
{
	struct eng_days *days = calloc(c->nacc ? c->nacc : 1, sizeof *days);
	struct rows rs = { 0 };
	bool ok;

	*count = 0;
	if (days == NULL)
		return eng_oom(err);
	ok = score_stream(db, c, days, mode, count, err);
	for (size_t i = 0; ok && i < c->nacc; i++)
		ok = write_account_days(db, c, i, &days[i], &rs, err);
	for (size_t i = 0; i < c->nacc; i++)
		free(days[i].d);
	free(days);
	free(rs.r);
	return ok;
}

/* Every work-day and account-day again, with the fits in c; *n gets the
 * work-days scored. work_score is not emptied first: freeing a million
 * rows costs as much as writing them. Rows are rewritten only when one
 * of their (fit-free) figures changed, and rows of work-days that are
 * gone are removed only when the count says there are some. */
static bool
score_everything(struct db *db, struct eng_ctx *c, int64_t *n,
    struct pt_err *err)
{
	int64_t before;

	if (!db_exec(db, SQL_CLEAR_ALL, err))
		return false;
	before = count_rows(db, SQL_COUNT_WORK_SCORES);
	if (!score_all(db, c, before == 0 ? ENG_WS_NEW : ENG_WS_CHANGED, n,
	    err))
		return false;
	/* Written into an empty table, there is nothing stale to count. */
	return before == 0 || count_rows(db, SQL_COUNT_WORK_SCORES) == *n ||
	    db_exec(db, SQL_DELETE_STALE, err);
}

/* Sets the pragmas for a bulk write (saved[] keeps the values before). */
static void
bulk_pragmas(struct db *db, int64_t saved[2])
{
	saved[0] = count_rows(db, SQL_CACHE_SIZE);
	saved[1] = count_rows(db, SQL_SYNC);
	db_exec(db, SQL_CACHE_BIG, NULL);
	if (saved[1] > 1)
		db_exec(db, SQL_SYNC_NORMAL, NULL);
}

static void
restore_pragmas(struct db *db, const int64_t saved[2])
{
	char pragma[64];

	if (saved[0] != -1) {
		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %lld",
		    (long long)saved[0]);
		db_exec(db, pragma, NULL);
	}
	if (saved[1] > 1) {
		snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %lld",
		    (long long)saved[1]);
		db_exec(db, pragma, NULL);
	}
}

bool
engine_rescore_all_count(struct db *db, int64_t *count, struct pt_err *err)
{
	struct eng_ctx c;
	bool ok = false;
	int64_t saved[2], n = 0;

	bulk_pragmas(db, saved);
	memset(&c, 0, sizeof c);
	/* The picture of accounts and works is taken inside the write
	 * transaction, so it matches the rows read. */
	if (db_begin(db, err)) {
		ok = eng_ctx_load(&c, db, err) && eng_calib_all(db, &c, err) &&
		    score_everything(db, &c, &n, err) && db_commit(db, err);
		if (!ok)
			db_rollback(db);
	}
	if (ok && count != NULL)
		*count = n;
	restore_pragmas(db, saved);
	eng_ctx_free(&c);
	return ok;
}

bool
engine_rescore_all(struct db *db, struct pt_err *err)
{
	return engine_rescore_all_count(db, NULL, err);
}
