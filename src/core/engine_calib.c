/* Calibration kept as sums per account-day (schema v7): the normal
 * equations of each account-day's settled work-days (calib_day), so an
 * import of some days refits an account from its days' sums, a row per
 * day, instead of reading every settled row it has. A full rescore sums
 * every day in one pass over `daily`; an incremental one sums again only
 * the days it was told changed (or, when an account's sums are missing
 * or were made under other model parameters, all of its days). The fit
 * adds the days' sums in day order whichever path made them: the same
 * fit to the bit. */
#include "config.h"

#include <math.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"
#include "core/clock.h"
#include "core/engine_internal.h"

/* ---- calibration ---- */

#include "core/sql/engine_calib.sql.h"

/* An observation for calibration from a row with settled revenue. */
static bool
make_obs(const struct model_params *p, const struct eng_row *r,
    struct calib_obs *o)
{
	struct score_input in = r->in;
	struct score_output s;

	if (!r->settled_known || r->settled <= 0)
		return false;
	in.base = 1;
	engine_score(p, &in, &s);
	if (!s.v_known || s.v <= 0)
		return false;
	o->y = log((double)r->settled);
	o->offset = log(s.v / 1000) + log(100.0) + log(s.f_bonus);
	o->x[0] = log(s.rate / p->r_ref);
	o->x[1] = log(s.u);
	o->x[2] = log(s.q / p->q_ref);
	o->day = r->day;
	return true;
}

/* Stores (or clears) an account's fit in the table and in the context.
 * *changed tells whether it moved. */
static bool
store_calibration(struct db *db, struct eng_ctx *c, int acc, bool fitted,
    const struct calib_fit *fit, bool *changed, struct pt_err *err)
{
	struct eng_account *a = &c->acc[acc];
	struct model_params before = a->p;
	bool was = a->calibrated;
	sqlite3_stmt *st;
	char now[CLOCK_ISO_BUFSZ];

	a->p = *c->model;
	a->calibrated = fitted;
	if (a->calibrated) {
		a->p.base = fit->base;
		a->p.a_e = fit->a_e;
		a->p.a_u = fit->a_u;
		a->p.a_q = fit->a_q;
	}
	*changed = was != a->calibrated || before.base != a->p.base ||
	    before.a_e != a->p.a_e || before.a_u != a->p.a_u ||
	    before.a_q != a->p.a_q;
	if (!a->calibrated) {
		if ((st = db_bound(db, SQL_DELETE_CALIBRATION,
		    DB_ARGS(DB_TEXT(a->id)), err)) == NULL)
			return false;
	} else {
		if ((st = db_bound(db, SQL_INSERT_CALIBRATION,
		    DB_ARGS(DB_TEXT(a->id), DB_REAL(fit->base),
		    DB_REAL(fit->a_e), DB_REAL(fit->a_u), DB_REAL(fit->a_q),
		    DB_INT(fit->days), DB_REAL_IF(fit->has_r2, fit->r2),
		    DB_TEXT(clock_now_iso(now))), err)) == NULL)
			return false;
	}
	return db_step_done(db, st, "saving calibration", err);
}

/* ---- which model the sums were made under ---- */

static uint64_t
mix(uint64_t h, double v)
{
	uint64_t bits;

	memcpy(&bits, &v, sizeof bits);
	for (int i = 0; i < 8; i++)
		h = (h ^ ((bits >> (i * 8)) & 0xff)) * 1099511628211ULL;
	return h;
}

/* A hash of the parameters an observation and its sums depend on. */
static int64_t
model_key(const struct model_params *p)
{
	const double v[] = { p->w_like, p->w_favorite, p->w_comment,
	    p->w_share, p->r_ref, p->q_ref, p->a_e, p->a_u, p->a_q, p->b_sel,
	    p->b_cert, p->qw_completion, p->qw_completion_5s, p->qw_bounce,
	    p->r_floor, p->q_floor, p->u_floor, p->est_share };
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < sizeof v / sizeof v[0]; i++)
		h = mix(h, v[i]);
	return (int64_t)(h >> 1);
}

/* ---- calib_day rows ---- */

/* The upper triangle of a (a00 is n), in the columns' order. */
static const int tri[9][2] = { { 0, 1 }, { 0, 2 }, { 0, 3 }, { 1, 1 },
    { 1, 2 }, { 1, 3 }, { 2, 2 }, { 2, 3 }, { 3, 3 } };

/* Writes one day's sums (an empty day: no row). */
static bool
put_day(struct db *db, const char *account, day_t d,
    const struct calib_part *p, struct pt_err *err)
{
	sqlite3_stmt *st;
	int col = 4;

	if ((st = db_bound(db, p->n > 0 ? SQL_PUT_DAY : SQL_DROP_DAY,
	    DB_ARGS(DB_TEXT(account), DB_DAY(d)), err)) == NULL)
		return false;
	if (p->n > 0) {
		sqlite3_bind_int64(st, 3, p->n);
		for (int i = 0; i < 9; i++)
			sqlite3_bind_double(st, col++, p->a[tri[i][0]][tri[i][1]]);
		for (int i = 0; i < 4; i++)
			sqlite3_bind_double(st, col++, p->b_full[i]);
		sqlite3_bind_double(st, col++, p->b_one);
		sqlite3_bind_double(st, col++, p->ysum);
		sqlite3_bind_double(st, col++, p->yy);
		sqlite3_bind_double(st, col, p->zz);
	}
	return db_step_done(db, st, "saving calibration sums", err);
}

static void
get_day(sqlite3_stmt *st, struct calib_part *p)
{
	int col = 1;

	memset(p, 0, sizeof *p);
	p->n = sqlite3_column_int64(st, 0);
	p->a[0][0] = (double)p->n;
	for (int i = 0; i < 9; i++)
		p->a[tri[i][0]][tri[i][1]] = sqlite3_column_double(st, col++);
	for (int i = 0; i < 4; i++)
		p->b_full[i] = sqlite3_column_double(st, col++);
	p->b_one = sqlite3_column_double(st, col++);
	p->ysum = sqlite3_column_double(st, col++);
	p->yy = sqlite3_column_double(st, col++);
	p->zz = sqlite3_column_double(st, col);
}

static bool
run_account(struct db *db, const char *sql, const char *account,
    int64_t key, struct pt_err *err)
{
	const struct db_arg a[] = { DB_TEXT(account), DB_INT(key) };

	/* a key < 0: the statement has only the account */
	return db_run(db, sql, a, key >= 0 ? 2 : 1, "saving calibration sums",
	    err);
}

/* ---- fitting from the days' sums ---- */

static bool
fit_sums(struct db *db, struct eng_ctx *c, int acc, struct calib_sums *s,
    bool *changed, struct pt_err *err)
{
	struct calib_fit fit;
	bool fitted = calib_sums_solve(s, &fit);

	if (fitted)
		calib_sums_finish_parts(s, &fit);
	return store_calibration(db, c, acc, fitted, &fit, changed, err);
}

/* Refits an account from its calib_day rows. */
static bool
refit(struct db *db, struct eng_ctx *c, int acc, bool *changed,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_bound(db, SQL_DAYS_OF,
	    DB_ARGS(DB_TEXT(c->acc[acc].id)), err);
	struct calib_sums s;
	struct calib_part p;
	int rc;

	if (st == NULL)
		return false;
	calib_sums_init(&s, c->model);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		get_day(st, &p);
		calib_sums_add_part(&s, &p);
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading calibration sums");
		return false;
	}
	return fit_sums(db, c, acc, &s, changed, err);
}

/* ---- summing days ---- */

/* Adds the settled rows of a statement to parts[account] by day (or
 * parts[0]: one_account), in the statement's order (work, then day: each
 * day's sums in work order). SQLite's last result, SQLITE_DONE at the
 * end; SQLITE_ROW when a day could not be added (out of memory). */
static int
add_rows(const struct eng_ctx *c, sqlite3_stmt *st, struct eng_days *parts,
    bool one_account)
{
	int last_work = -1, rc;
	const char *last_id = NULL;
	struct eng_row r;
	struct calib_obs o;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct calib_part *p;
		if (!eng_read_row(c, st, &last_work, &last_id, &r) ||
		    !make_obs(c->model, &r, &o))
			continue;
		p = eng_day_at(&parts[one_account ? 0 :
		    c->wrk[r.work].account], r.day, sizeof *p);
		if (p == NULL)
			break;
		calib_part_add(p, c->model, &o);
	}
	sqlite3_reset(st);
	return rc;
}

static bool
sum_rows(struct db *db, const struct eng_ctx *c, sqlite3_stmt *st,
    struct eng_days *parts, bool one_account, struct pt_err *err)
{
	return db_rows_end(db, st, add_rows(c, st, parts, one_account),
	    "reading settled revenue", err);
}

/* Keeps an account's summed days and fits it from them. */
static bool
keep_and_fit(struct db *db, struct eng_ctx *c, int acc,
    const struct eng_days *pd, bool *changed, struct pt_err *err)
{
	const char *account = c->acc[acc].id;
	const struct calib_part *part = pd->d;
	struct calib_sums s;

	calib_sums_init(&s, c->model);
	for (size_t k = 0; k < pd->n; k++) {
		if (part[k].n == 0)
			continue;
		if (!put_day(db, account, pd->lo + (day_t)k, &part[k], err))
			return false;
		calib_sums_add_part(&s, &part[k]);
	}
	return run_account(db, SQL_PUT_ACCOUNT, account, model_key(c->model),
	    err) && fit_sums(db, c, acc, &s, changed, err);
}

static const char SQL_SETTLED_ALL[] =
    "SELECT " ENG_DAILY_COLS " FROM daily d WHERE d.revenue_fen > 0 "
    "ORDER BY d.work_id, d.day";
static const char SQL_SETTLED_ACCOUNT[] =
    "SELECT " ENG_DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id WHERE w.account_id = ?1 AND d.revenue_fen > 0 "
    "ORDER BY d.work_id, d.day";
static const char SQL_SETTLED_ACCOUNT_DAY[] =
    "SELECT " ENG_DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id AND d.day = ?2 WHERE w.account_id = ?1 "
    "AND d.revenue_fen > 0 ORDER BY d.work_id";

static const char SQL_SETTLED_WORK[] =
    "SELECT " ENG_DAILY_COLS " FROM daily d WHERE d.work_id = ?1 "
    "AND d.revenue_fen > 0 ORDER BY d.day";

/* The full calibration's sums on two threads: the accounts in two
 * halves of about as many works, each half's works read one by one in
 * work order (an account's days summed in the order the single pass
 * sums them: the same sums to the bit), the second half on a read-only
 * connection of its own. The calibration's transaction has written
 * nothing `daily` holds and holds the write lock since it began, so the
 * last commit that connection reads is what the transaction sees. */
struct calib_half {
	const struct eng_ctx *c;
	const unsigned char *half;	/* by account: 0 or 1 */
	struct eng_days *pd;
	sqlite3_stmt *st;	/* SQL_SETTLED_WORK on the helper's connection */
	int rc;
};

/* Adds the settled rows of the works of half h's accounts, through st
 * (SQL_SETTLED_WORK), to pd. As add_rows. */
static int
add_half(const struct eng_ctx *c, const unsigned char *half, int h,
    sqlite3_stmt *st, struct eng_days *pd)
{
	int rc = SQLITE_DONE;

	for (size_t w = 0; rc == SQLITE_DONE && w < c->nwrk; w++) {
		if (c->wrk[w].account < 0 || half[c->wrk[w].account] != h)
			continue;
		sqlite3_bind_text(st, 1, c->wrk[w].id, -1, SQLITE_STATIC);
		rc = add_rows(c, st, pd, false);
	}
	return rc;
}

static void *
calib_half_main(void *arg)
{
	struct calib_half *h = arg;

	h->rc = add_half(h->c, h->half, 1, h->st, h->pd);
	return NULL;
}

/* Below this many works the sums are read in one pass. */
#define CALIB_SPLIT_WORKS 64

/* Every account's settled days summed into pd: on two threads when there
 * are enough works and the database is a file, else in one pass. */
static bool
sum_all(struct db *db, const struct eng_ctx *c, struct eng_days *pd,
    struct pt_err *err)
{
	struct calib_half h = { .c = c, .pd = pd };
	unsigned char *half = NULL;
	size_t *works = NULL, n[2] = { 0, 0 };
	sqlite3 *reader = NULL;
	sqlite3_stmt *st;
	pthread_t tid;
	int rc;

	if (c->nwrk < CALIB_SPLIT_WORKS || c->nacc < 2 ||
	    (half = calloc(c->nacc, 1)) == NULL ||
	    (works = calloc(c->nacc, sizeof *works)) == NULL ||
	    (reader = eng_reader_open(db, SQL_SETTLED_WORK, &h.st)) == NULL) {
		free(half);
		free(works);
		return (st = db_stmt(db, SQL_SETTLED_ALL, err)) != NULL &&
		    sum_rows(db, c, st, pd, false, err);
	}
	if ((st = db_stmt(db, SQL_SETTLED_WORK, err)) == NULL) {
		eng_reader_close(reader, h.st);
		free(half);
		free(works);
		return false;
	}
	for (size_t w = 0; w < c->nwrk; w++)
		if (c->wrk[w].account >= 0)
			works[c->wrk[w].account]++;
	for (size_t a = 0; a < c->nacc; a++) {
		half[a] = n[1] < n[0];
		n[half[a]] += works[a];
	}
	free(works);
	h.half = half;
	h.rc = SQLITE_ERROR;
	if (pthread_create(&tid, NULL, calib_half_main, &h) != 0)
		rc = add_half(c, half, 0, st, pd);
	else {
		rc = add_half(c, half, 0, st, pd);
		pthread_join(tid, NULL);
	}
	eng_reader_close(reader, h.st);
	if (rc == SQLITE_DONE && h.rc != SQLITE_DONE) {
		/* the helper could not read its half: read it here again */
		for (size_t a = 0; a < c->nacc; a++)
			if (half[a] == 1) {
				free(pd[a].d);
				memset(&pd[a], 0, sizeof pd[a]);
			}
		rc = add_half(c, half, 1, st, pd);
	}
	free(half);
	return db_rows_end(db, st, rc, "reading settled revenue", err);
}

bool
eng_calib_all(struct db *db, struct eng_ctx *c, struct pt_err *err)
{
	struct eng_days *pd = calloc(c->nacc ? c->nacc : 1, sizeof *pd);
	bool ok = false, changed;

	if (pd == NULL)
		return eng_oom(err);
	for (size_t i = 0; i < c->nacc; i++) {
		c->acc[i].calibrated = false;
		c->acc[i].p = *c->model;
	}
	if (!db_exec(db, SQL_DROP_ALL, err) || !sum_all(db, c, pd, err))
		goto out;
	ok = true;
	for (size_t i = 0; ok && i < c->nacc; i++)
		ok = keep_and_fit(db, c, (int)i, &pd[i], &changed, err);
out:
	for (size_t i = 0; i < c->nacc; i++)
		free(pd[i].d);
	free(pd);
	return ok;
}

/* Sums every settled day of one account again. */
static bool
resum_account(struct db *db, struct eng_ctx *c, int acc, bool *changed,
    struct pt_err *err)
{
	struct eng_days pd = { 0 };
	sqlite3_stmt *st;
	bool ok = false;

	if (run_account(db, SQL_DROP_ACCOUNT_DAYS, c->acc[acc].id, -1, err) &&
	    (st = db_bound(db, SQL_SETTLED_ACCOUNT,
	    DB_ARGS(DB_TEXT(c->acc[acc].id)), err)) != NULL) {
		ok = sum_rows(db, c, st, &pd, true, err) &&
		    keep_and_fit(db, c, acc, &pd, changed, err);
	}
	free(pd.d);
	return ok;
}

/* Sums one day of an account again. */
static bool
resum_day(struct db *db, struct eng_ctx *c, int acc, day_t d,
    struct pt_err *err)
{
	struct eng_days pd = { 0 };
	sqlite3_stmt *st;
	struct calib_part none = { 0 };
	bool ok;

	if ((st = db_bound(db, SQL_SETTLED_ACCOUNT_DAY,
	    DB_ARGS(DB_TEXT(c->acc[acc].id), DB_DAY(d)), err)) == NULL)
		return false;
	ok = sum_rows(db, c, st, &pd, true, err) && put_day(db, c->acc[acc].id,
	    d, pd.d != NULL ? (struct calib_part *)pd.d + (d - pd.lo) : &none,
	    err);
	free(pd.d);
	return ok;
}

/* True when the account's days were all summed under this model. */
static bool
sums_current(struct db *db, const struct eng_ctx *c, int acc, bool *yes,
    struct pt_err *err)
{
	sqlite3_stmt *st;
	int rc;

	*yes = false;
	if ((st = db_bound(db, SQL_KEY_OF, DB_ARGS(DB_TEXT(c->acc[acc].id)),
	    err)) == NULL)
		return false;
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW)
		*yes = sqlite3_column_int64(st, 0) == model_key(c->model);
	sqlite3_reset(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		db_error(db, err, "reading calibration sums");
		return false;
	}
	return true;
}

/* Exactly the same fit: readers compute the work-days' amounts from the
 * calibration row, so the account-days must be summed under that very
 * fit (the same sums give the same fit, bit for bit). */
static bool
same_fit(const struct model_params *a, const struct model_params *b)
{
	return a->base == b->base && a->a_e == b->a_e && a->a_u == b->a_u &&
	    a->a_q == b->a_q;
}

bool
eng_calib_account(struct db *db, struct eng_ctx *c, int acc,
    const day_t *days, size_t n, enum eng_fit_move *move,
    struct pt_err *err)
{
	struct model_params before = c->acc[acc].p;
	bool was = c->acc[acc].calibrated, current, ok, changed;

	if (!sums_current(db, c, acc, &current, err))
		return false;
	for (size_t i = 0; current && i < n; i++)
		if (!resum_day(db, c, acc, days[i], err))
			return false;
	ok = current ? refit(db, c, acc, &changed, err) :
	    resum_account(db, c, acc, &changed, err);
	*move = !current ? ENG_FIT_MODEL : was != c->acc[acc].calibrated ||
	    !same_fit(&before, &c->acc[acc].p) ? ENG_FIT_MOVED : ENG_FIT_SAME;
	return ok;
}

bool
eng_calib_forget(struct db *db, const char *account, struct pt_err *err)
{
	return run_account(db, SQL_DROP_ACCOUNT_DAYS, account, -1, err) &&
	    run_account(db, SQL_DROP_ACCOUNT, account, -1, err);
}
