/* Revenue model v1 and the derived tables work_score / account_score /
 * calibration. Memory does not grow with the number of work-days: a full
 * rescore fits calibration per account from running sums over its settled
 * rows, then streams `daily` once in primary-key order, scoring and
 * writing each row as it comes and summing per account-day for the rules
 * that depend on the account's total; an incremental one reads an
 * account a bounded span of days at a time. One transaction each. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/db_internal.h"

/* ---- model in force ---- */

static struct model_params model;
static bool model_loaded;
static char model_error[1024];

const struct model_params *
engine_model(void)
{
	if (!model_loaded) {
		struct pt_err err = { 0 };
		if (!modelconf_load(&model, &err))
			snprintf(model_error, sizeof model_error, "%s", err.msg);
		model_loaded = true;
	}
	return &model;
}

const char *
engine_model_error(void)
{
	engine_model();
	return model_error[0] ? model_error : NULL;
}

void
engine_set_model(const struct model_params *p)
{
	model = *p;
	model_loaded = true;
	model_error[0] = '\0';
}

/* ---- the formula ---- */

/* A factor of the model, kept finite and positive so that its logarithm
 * (attribution) exists and the product cannot overflow; out->capped
 * says one was held. */
static double
factor(double f, struct score_output *out)
{
	if (isnan(f) || f < ENGINE_FACTOR_MIN) {
		out->capped = true;
		return ENGINE_FACTOR_MIN;
	}
	if (f > ENGINE_FACTOR_MAX) {
		out->capped = true;
		return ENGINE_FACTOR_MAX;
	}
	return f;
}

void
engine_score(const struct model_params *p, const struct score_input *in,
    struct score_output *out)
{
	memset(out, 0, sizeof *out);
	if (in->pp_known) {
		out->v_known = true;
		out->v = (double)in->profitable_plays;
	} else if (in->plays_known) {
		out->v_known = out->v_estimated = true;
		out->v = (double)in->plays * (in->cr5_known ?
		    in->completion_rate_5s : p->est_share);
	}
	if (out->v < 0)
		out->v = 0;
	out->e_known = in->likes_known || in->favorites_known ||
	    in->comments_known || in->shares_known;
	if (out->e_known)
		out->e = p->w_like * (in->likes_known ? (double)in->likes : 0) +
		    p->w_favorite * (in->favorites_known ? (double)in->favorites : 0) +
		    p->w_comment * (in->comments_known ? (double)in->comments : 0) +
		    p->w_share * (in->shares_known ? (double)in->shares : 0);
	if (out->e_known && out->v > 0)
		out->rate = fmax(out->e / out->v, p->r_floor);
	else
		out->rate = p->r_ref;
	if (in->quality_known) {
		out->q_known = true;
		out->q = in->quality;
	} else if (in->cr_known && in->cr5_known && in->bounce_known) {
		out->q_known = true;
		out->q = 100 * (p->qw_completion * in->completion_rate +
		    p->qw_completion_5s * in->completion_rate_5s +
		    p->qw_bounce * (1 - in->bounce_rate_2s));
	} else
		out->q = p->q_ref;
	out->q = fmax(out->q, p->q_floor);
	out->u = in->uv_known ? fmax(in->user_value, p->u_floor) : 1;
	out->f_interaction = factor(pow(out->rate / p->r_ref, p->a_e), out);
	out->f_user = factor(pow(out->u, p->a_u), out);
	out->f_quality = factor(pow(out->q / p->q_ref, p->a_q), out);
	out->f_bonus = factor((1 + (in->selected ? p->b_sel : 0)) *
	    (1 + (in->certified ? p->b_cert : 0)), out);
	out->base_fen = factor(in->base * 100, out);
	out->model_fen = out->v_known ? out->v / 1000 * out->base_fen *
	    out->f_interaction * out->f_user * out->f_quality * out->f_bonus : 0;
	/* Extreme data under extreme parameters: capped, never overflowed
	 * into a negative fen count (llround of 1e300 is undefined). */
	if (!isfinite(out->model_fen) || out->model_fen > ENGINE_FEN_CAP) {
		out->model_fen = isnan(out->model_fen) ? 0 : ENGINE_FEN_CAP;
		out->capped = true;
	} else if (out->model_fen < 0) {
		out->model_fen = 0;
		out->capped = true;
	}
}

/* ---- reasons ---- */

enum reason {
	RS_VIOLATION, RS_ENTERPRISE, RS_AFFILIATED, RS_CELEBRITY, RS_PLAN,
	RS_MINIMUM, RS_COMPLIANT, RS_REVIEW, RS_PUBLIC, RS_COMMERCIAL,
	RS_QUALITY, RS_UNPUBLISHED, RS_NO_DATA, RS_NO_PLAYS, RS_REVIEW_UNKNOWN,
	RS_COUNT
};

static const char *const reason_ids[RS_COUNT] = {
	"no_violation_90d", "not_enterprise", "not_enterprise_affiliated",
	"no_celebrity_cert", "plan_joined", "daily_min_1_yuan",
	"compliant_original", "review_approved", "public", "no_commercial",
	"quality", "not_published", "no_data", "no_profitable_plays",
	"review_unknown",
};

#define ACCOUNT_REASONS ((1u << RS_VIOLATION) | (1u << RS_ENTERPRISE) | \
    (1u << RS_AFFILIATED) | (1u << RS_CELEBRITY) | (1u << RS_PLAN))

static void
reasons_text(uint32_t bits, char *buf, size_t size)
{
	size_t len = 0;

	buf[0] = '\0';
	for (int i = 0; i < RS_COUNT; i++) {
		if (!(bits & (1u << i)))
			continue;
		int n = snprintf(buf + len, size - len, "%s%s", len ? "," : "",
		    reason_ids[i]);
		if (n < 0 || (size_t)n >= size - len)
			break;
		len += (size_t)n;
	}
}

/* ---- context: accounts and works in memory ---- */

static uint64_t
hash_str(const char *s)
{
	uint64_t h = 1469598103934665603ULL;

	while (*s)
		h = (h ^ (unsigned char)*s++) * 1099511628211ULL;
	return h;
}

static bool
map_build(int **map, size_t *cap, size_t n, char *(*key)(const void *, size_t),
    const void *items)
{
	size_t c = 16;

	while (c < n * 2 + 1)
		c *= 2;
	*map = calloc(c, sizeof **map);
	if (*map == NULL)
		return false;
	*cap = c;
	for (size_t i = 0; i < n; i++) {
		size_t h = hash_str(key(items, i)) & (c - 1);
		while ((*map)[h] != 0)
			h = (h + 1) & (c - 1);
		(*map)[h] = (int)i + 1;
	}
	return true;
}

static int
map_find(const int *map, size_t cap, const char *id,
    char *(*key)(const void *, size_t), const void *items)
{
	if (map == NULL || id == NULL)
		return -1;
	for (size_t h = hash_str(id) & (cap - 1); map[h] != 0; h = (h + 1) & (cap - 1))
		if (strcmp(key(items, (size_t)map[h] - 1), id) == 0)
			return map[h] - 1;
	return -1;
}

static char *
acc_key(const void *items, size_t i)
{
	return ((const struct eng_account *)items)[i].id;
}

static char *
wrk_key(const void *items, size_t i)
{
	return ((const struct eng_work *)items)[i].id;
}

int
eng_find_account(const struct eng_ctx *c, const char *id)
{
	return map_find(c->acc_map, c->acc_cap, id, acc_key, c->acc);
}

int
eng_find_work(const struct eng_ctx *c, const char *id)
{
	return map_find(c->wrk_map, c->wrk_cap, id, wrk_key, c->wrk);
}

bool
eng_col_int(sqlite3_stmt *st, int i, int64_t *out)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return false;
	*out = sqlite3_column_int64(st, i);
	return true;
}

bool
eng_col_double(sqlite3_stmt *st, int i, double *out)
{
	if (sqlite3_column_type(st, i) == SQLITE_NULL)
		return false;
	*out = sqlite3_column_double(st, i);
	return true;
}

day_t
eng_col_day(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);
	char buf[DAY_BUFSZ];
	day_t d;

	if (s == NULL || strlen(s) < 10)
		return DAY_NONE;
	memcpy(buf, s, 10);
	buf[10] = '\0';
	if (buf[4] == '/')
		buf[4] = buf[7] = '-';
	return day_parse_iso(buf, &d) ? d : DAY_NONE;
}

day_t
eng_blocking_violation(const day_t *days, size_t n, day_t d, int window)
{
	day_t found = DAY_NONE;

	for (size_t i = 0; i < n; i++)
		if (eng_violation_blocks(days[i], d, window))
			found = days[i];
	return found;
}

static bool
push_day(day_t **arr, size_t *n, day_t d)
{
	day_t *p = realloc(*arr, (*n + 1) * sizeof *p);

	if (p == NULL)
		return false;
	p[(*n)++] = d;
	*arr = p;
	return true;
}

static int
cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

static const char SQL_ACCOUNTS[] =
    "SELECT account_id, kind, celebrity, certification, plan_status "
    "FROM account ORDER BY account_id";
static const char SQL_WORKS[] =
    "SELECT work_id, account_id, visibility, review, original, infringing, "
    "commercial, selected, published_at FROM work ORDER BY work_id";
static const char SQL_VIOLATIONS[] =
    "SELECT account_id, work_id, day FROM violation WHERE status = 'active'";
static const char SQL_CALIBRATIONS[] =
    "SELECT account_id, base, a_e, a_u, a_q FROM calibration";

/* ---- attribute history: the values in force by day ---- */

static void
acc_set(struct eng_acc_flags *f, const char *attr, const char *v)
{
	if (strcmp(attr, "kind") == 0)
		f->kind = v && strcmp(v, "enterprise") == 0 ? AK_ENTERPRISE :
		    v && strcmp(v, "enterprise_affiliated") == 0 ?
		    AK_AFFILIATED : AK_PERSONAL;
	else if (strcmp(attr, "celebrity") == 0)
		f->celebrity = v != NULL && strcmp(v, "1") == 0;
	else if (strcmp(attr, "certification") == 0)
		f->certified = v != NULL && v[0] != '\0';
	else if (strcmp(attr, "plan_status") == 0)
		f->joined = v != NULL && strcmp(v, "joined") == 0;
}

static void
wrk_set(struct eng_wrk_flags *f, const char *attr, const char *v)
{
	if (strcmp(attr, "visibility") == 0)
		f->public_ = v != NULL && strcmp(v, "public") == 0;
	else if (strcmp(attr, "review") == 0) {
		f->approved = v != NULL && strcmp(v, "approved") == 0;
		f->review_unknown = v != NULL && strcmp(v, "unknown") == 0;
	}
	else if (strcmp(attr, "original") == 0)
		f->original = v != NULL && strcmp(v, "1") == 0;
	else if (strcmp(attr, "infringing") == 0)
		f->infringing = v != NULL && strcmp(v, "1") == 0;
	else if (strcmp(attr, "commercial") == 0)
		f->commercial = !(v != NULL && strcmp(v, "none") == 0);
	else if (strcmp(attr, "selected") == 0)
		f->selected = v != NULL && strcmp(v, "1") == 0;
}

const struct eng_acc_flags *
eng_acc_flags_on(const struct eng_account *a, day_t d)
{
	size_t lo = 1, hi = a->nseg;

	if (a->nseg == 0)
		return &a->f;
	/* the last segment starting on or before d; the first before all */
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (a->seg[mid].from <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &a->seg[lo - 1].f;
}

const struct eng_wrk_flags *
eng_wrk_flags_on(const struct eng_work *w, day_t d)
{
	size_t lo = 1, hi = w->nseg;

	if (w->nseg == 0)
		return &w->f;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (w->seg[mid].from <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return &w->seg[lo - 1].f;
}

struct hist_row {
	day_t day;
	char attr[16];
	char *value;		/* NULL: none */
};

/* Builds the segments of one account (is_acc) or work from its history
 * rows (sorted by day): the first values hold before the first day; each
 * later day applies its changes. No segments when nothing changed. */
static bool
build_segments(void *ent, bool is_acc, const struct hist_row *h, size_t n)
{
	size_t ndays = 0, k = 0;

	for (size_t i = 0; i < n; i++)
		if (i == 0 || h[i].day != h[i - 1].day)
			ndays++;
	if (ndays < 2)
		return true;
	if (is_acc) {
		struct eng_account *a = ent;
		struct eng_acc_flags f = a->f;
		/* first values of each attribute, for the days before */
		for (size_t i = n; i-- > 0;)
			acc_set(&f, h[i].attr, h[i].value);
		if ((a->seg = calloc(ndays, sizeof *a->seg)) == NULL)
			return false;
		for (size_t i = 0; i < n; k++) {
			day_t d = h[i].day;
			for (; i < n && h[i].day == d; i++)
				acc_set(&f, h[i].attr, h[i].value);
			a->seg[k].from = k == 0 ? DAY_NONE + 1 : d;
			a->seg[k].f = f;
		}
		a->nseg = ndays;
	} else {
		struct eng_work *w = ent;
		struct eng_wrk_flags f = w->f;
		for (size_t i = n; i-- > 0;)
			wrk_set(&f, h[i].attr, h[i].value);
		if ((w->seg = calloc(ndays, sizeof *w->seg)) == NULL)
			return false;
		for (size_t i = 0; i < n; k++) {
			day_t d = h[i].day;
			for (; i < n && h[i].day == d; i++)
				wrk_set(&f, h[i].attr, h[i].value);
			w->seg[k].from = k == 0 ? DAY_NONE + 1 : d;
			w->seg[k].f = f;
		}
		w->nseg = ndays;
	}
	return true;
}

static const char SQL_ACCOUNT_HISTORY[] =
    "SELECT account_id, attr, effective_on, value FROM account_history "
    "ORDER BY account_id, effective_on";
static const char SQL_WORK_HISTORY[] =
    "SELECT work_id, attr, effective_on, value FROM work_history "
    "WHERE attr <> 'account_id' ORDER BY work_id, effective_on";

static void
hist_free(struct hist_row *h, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(h[i].value);
}

/* Reads a history table once, in key order, one entity at a time: the
 * memory is that of the largest single history, not of the table. */
static bool
load_history(struct eng_ctx *c, struct db *db, bool is_acc,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, is_acc ? SQL_ACCOUNT_HISTORY :
	    SQL_WORK_HISTORY, err);
	struct hist_row *h = NULL;
	size_t n = 0, cap = 0;
	char cur[512] = "";
	bool ok = true;
	int rc;

	if (st == NULL)
		return false;
	for (;;) {
		const char *id;
		rc = sqlite3_step(st);
		id = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(st, 0) :
		    NULL;
		if (n > 0 && (id == NULL || strcmp(id, cur) != 0)) {
			int e = is_acc ? eng_find_account(c, cur) :
			    eng_find_work(c, cur);
			if (e >= 0 && !build_segments(is_acc ?
			    (void *)&c->acc[e] : (void *)&c->wrk[e], is_acc, h, n))
				ok = false;
			hist_free(h, n);
			n = 0;
		}
		if (rc != SQLITE_ROW || !ok)
			break;
		if (n == cap) {
			size_t ncap = cap ? cap * 2 : 16;
			void *p = realloc(h, ncap * sizeof *h);
			if (p == NULL) {
				ok = false;
				break;
			}
			h = p;
			cap = ncap;
		}
		snprintf(cur, sizeof cur, "%s", id ? id : "");
		h[n].day = eng_col_day(st, 2);
		snprintf(h[n].attr, sizeof h[n].attr, "%s",
		    (const char *)sqlite3_column_text(st, 1));
		h[n].value = sqlite3_column_type(st, 3) == SQLITE_NULL ? NULL :
		    strdup((const char *)sqlite3_column_text(st, 3));
		if (h[n].day == DAY_NONE) {
			free(h[n].value);
			continue;
		}
		n++;
	}
	sqlite3_reset(st);
	hist_free(h, n);
	free(h);
	if (!ok) {
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading attribute history");
		return false;
	}
	return true;
}

void
eng_ctx_free(struct eng_ctx *c)
{
	for (size_t i = 0; i < c->nacc; i++) {
		free(c->acc[i].id);
		free(c->acc[i].viol);
		free(c->acc[i].seg);
	}
	for (size_t i = 0; i < c->nwrk; i++) {
		free(c->wrk[i].id);
		free(c->wrk[i].viol);
		free(c->wrk[i].seg);
	}
	free(c->acc);
	free(c->wrk);
	free(c->acc_map);
	free(c->wrk_map);
	memset(c, 0, sizeof *c);
}

static bool
oom(struct pt_err *err)
{
	err_set(err, PT_EXIT_DB, "out of memory");
	return false;
}

bool
eng_ctx_load(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	sqlite3_stmt *st;
	size_t cap;
	int rc;

	memset(c, 0, sizeof *c);
	c->model = engine_model();
	if ((st = db_stmt(db, SQL_ACCOUNTS, err)) == NULL)
		return false;
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nacc == cap) {
			cap = cap ? cap * 2 : 64;
			void *p = realloc(c->acc, cap * sizeof *c->acc);
			if (p == NULL)
				goto nomem;
			c->acc = p;
		}
		struct eng_account *a = &c->acc[c->nacc];
		const char *kind = (const char *)sqlite3_column_text(st, 1);
		const char *cert = (const char *)sqlite3_column_text(st, 3);
		const char *plan = (const char *)sqlite3_column_text(st, 4);
		memset(a, 0, sizeof *a);
		a->id = strdup((const char *)sqlite3_column_text(st, 0));
		if (a->id == NULL)
			goto nomem;
		c->nacc++;
		acc_set(&a->f, "kind", kind);
		a->f.celebrity = sqlite3_column_int(st, 2) != 0;
		acc_set(&a->f, "certification", cert);
		acc_set(&a->f, "plan_status", plan);
		a->p = *c->model;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dberr;
	if (!map_build(&c->acc_map, &c->acc_cap, c->nacc, acc_key, c->acc))
		goto nomem;
	if ((st = db_stmt(db, SQL_WORKS, err)) == NULL)
		goto fail;
	cap = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (c->nwrk == cap) {
			cap = cap ? cap * 2 : 256;
			void *p = realloc(c->wrk, cap * sizeof *c->wrk);
			if (p == NULL)
				goto nomem;
			c->wrk = p;
		}
		struct eng_work *w = &c->wrk[c->nwrk];
		const char *vis = (const char *)sqlite3_column_text(st, 2);
		const char *rev = (const char *)sqlite3_column_text(st, 3);
		const char *com = (const char *)sqlite3_column_text(st, 6);
		memset(w, 0, sizeof *w);
		w->id = strdup((const char *)sqlite3_column_text(st, 0));
		if (w->id == NULL)
			goto nomem;
		c->nwrk++;
		w->account = eng_find_account(c,
		    (const char *)sqlite3_column_text(st, 1));
		wrk_set(&w->f, "visibility", vis);
		wrk_set(&w->f, "review", rev);
		w->f.original = sqlite3_column_int(st, 4) != 0;
		w->f.infringing = sqlite3_column_int(st, 5) != 0;
		wrk_set(&w->f, "commercial", com);
		w->f.selected = sqlite3_column_int(st, 7) != 0;
		w->published = eng_col_day(st, 8);
	}
	if (rc != SQLITE_DONE) {
		sqlite3_reset(st);
		goto dberr;
	}
	sqlite3_reset(st);
	if (!map_build(&c->wrk_map, &c->wrk_cap, c->nwrk, wrk_key, c->wrk))
		goto nomem;
	if ((st = db_stmt(db, SQL_VIOLATIONS, err)) == NULL)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int a = eng_find_account(c, (const char *)sqlite3_column_text(st, 0));
		int w = eng_find_work(c, (const char *)sqlite3_column_text(st, 1));
		day_t d = eng_col_day(st, 2);
		if (d == DAY_NONE)
			continue;
		/* A work's violation blocks the work; one without a work
		 * blocks the account. */
		if (w < 0 && sqlite3_column_type(st, 1) == SQLITE_NULL &&
		    a >= 0 && !push_day(&c->acc[a].viol, &c->acc[a].nviol, d))
			goto nomem;
		if (w >= 0 && !push_day(&c->wrk[w].viol, &c->wrk[w].nviol, d))
			goto nomem;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dberr;
	/* qsort on a NULL array is undefined even for zero items. */
	for (size_t i = 0; i < c->nacc; i++)
		if (c->acc[i].nviol > 1)
			qsort(c->acc[i].viol, c->acc[i].nviol, sizeof(day_t), cmp_day);
	for (size_t i = 0; i < c->nwrk; i++)
		if (c->wrk[i].nviol > 1)
			qsort(c->wrk[i].viol, c->wrk[i].nviol, sizeof(day_t), cmp_day);
	if ((st = db_stmt(db, SQL_CALIBRATIONS, err)) == NULL)
		goto fail;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		int a = eng_find_account(c, (const char *)sqlite3_column_text(st, 0));
		if (a < 0)
			continue;
		c->acc[a].p.base = sqlite3_column_double(st, 1);
		c->acc[a].p.a_e = sqlite3_column_double(st, 2);
		c->acc[a].p.a_u = sqlite3_column_double(st, 3);
		c->acc[a].p.a_q = sqlite3_column_double(st, 4);
		c->acc[a].calibrated = true;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE)
		goto dberr;
	if (!load_history(c, db, true, err) || !load_history(c, db, false, err))
		goto fail;
	return true;
nomem:
	sqlite3_reset(st);
	oom(err);
	goto fail;
dberr:
	db_error(db, err, "reading accounts and works");
fail:
	eng_ctx_free(c);
	return false;
}

/* ---- rows ---- */

struct raw_row {
	int32_t work;
	day_t day;
	bool settled_known;
	int64_t settled;
	struct score_input in;
};

struct res_row {
	struct score_output o;
	uint32_t reasons;
	bool eligible;
	fen_t estimated;
};

struct acct_day {
	int32_t acc;
	day_t day;
	bool eligible, settled_known;
	uint32_t reasons;
	fen_t estimated, gross, settled;
	fen_t shown;		/* settled else estimated, work by work */
	int works_earning;
};

#define DAILY_COLS "d.work_id, d.day, d.plays, d.profitable_plays, d.likes, " \
    "d.favorites, d.comments, d.shares, d.completion_rate, " \
    "d.completion_rate_5s, d.bounce_rate_2s, d.user_value, d.quality, " \
    "d.revenue_fen"

static const char SQL_DAILY_ALL[] =
    "SELECT " DAILY_COLS " FROM daily d ORDER BY d.work_id, d.day";
/* CROSS JOIN: from the account's works to their days by primary key,
 * never a scan of a whole day of every account. */
static const char SQL_DAILY_ACCOUNT_DAY[] =
    "SELECT " DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id AND d.day = ?2 WHERE w.account_id = ?1";
static const char SQL_DAILY_ACCOUNT[] =
    "SELECT " DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id WHERE w.account_id = ?1";
/* In the order a full rescore has always summed them: by day, then
 * work (calibration's floating-point sums depend on it). */
static const char SQL_DAILY_ACCOUNT_SETTLED_BY_DAY[] =
    "SELECT " DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id WHERE w.account_id = ?1 AND d.revenue_fen > 0 "
    "ORDER BY d.day, d.work_id";
static const char SQL_DAILY_ACCOUNT_SETTLED[] =
    "SELECT " DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id WHERE w.account_id = ?1 AND d.revenue_fen > 0";

/* Fills r from a row of one of the SQL_DAILY_* statements; false when
 * the work or day is unknown (such rows are skipped). */
static bool
read_row(const struct eng_ctx *c, sqlite3_stmt *st, int *last_work,
    const char **last_id, struct raw_row *r)
{
	const char *id = (const char *)sqlite3_column_text(st, 0);
	struct score_input *in = &r->in;
	int w;

	if (*last_id != NULL && id != NULL && strcmp(*last_id, id) == 0)
		w = *last_work;
	else {
		w = eng_find_work(c, id);
		*last_work = w;
		*last_id = w >= 0 ? c->wrk[w].id : NULL;
	}
	if (w < 0 || c->wrk[w].account < 0)
		return false;
	memset(r, 0, sizeof *r);
	r->work = w;
	r->day = eng_col_day(st, 1);
	if (r->day == DAY_NONE)
		return false;
	in->plays_known = eng_col_int(st, 2, &in->plays);
	in->pp_known = eng_col_int(st, 3, &in->profitable_plays);
	in->likes_known = eng_col_int(st, 4, &in->likes);
	in->favorites_known = eng_col_int(st, 5, &in->favorites);
	in->comments_known = eng_col_int(st, 6, &in->comments);
	in->shares_known = eng_col_int(st, 7, &in->shares);
	in->cr_known = eng_col_double(st, 8, &in->completion_rate);
	in->cr5_known = eng_col_double(st, 9, &in->completion_rate_5s);
	in->bounce_known = eng_col_double(st, 10, &in->bounce_rate_2s);
	in->uv_known = eng_col_double(st, 11, &in->user_value);
	in->quality_known = eng_col_double(st, 12, &in->quality);
	r->settled_known = eng_col_int(st, 13, &r->settled);
	/* the bonuses in force that day: 精选 and certification start and
	 * end (attribute history) */
	in->selected = eng_wrk_flags_on(&c->wrk[w], r->day)->selected;
	in->certified = eng_acc_flags_on(&c->acc[c->wrk[w].account],
	    r->day)->certified;
	return true;
}

static uint32_t
account_reasons(const struct eng_ctx *c, const struct eng_account *a, day_t d)
{
	uint32_t bits = 0;

	if (eng_blocking_violation(a->viol, a->nviol, d,
	    c->model->violation_days) != DAY_NONE)
		bits |= 1u << RS_VIOLATION;
	const struct eng_acc_flags *f = eng_acc_flags_on(a, d);

	if (f->kind == AK_ENTERPRISE)
		bits |= 1u << RS_ENTERPRISE;
	if (f->kind == AK_AFFILIATED)
		bits |= 1u << RS_AFFILIATED;
	if (f->celebrity)
		bits |= 1u << RS_CELEBRITY;
	if (!f->joined)
		bits |= 1u << RS_PLAN;
	return bits;
}

static uint32_t
work_reasons(const struct eng_ctx *c, const struct eng_work *w,
    const struct score_output *o, const struct model_params *p, day_t d)
{
	uint32_t bits = 0;

	const struct eng_wrk_flags *f = eng_wrk_flags_on(w, d);

	if (!f->original || f->infringing || eng_blocking_violation(w->viol,
	    w->nviol, d, c->model->violation_days) != DAY_NONE)
		bits |= 1u << RS_COMPLIANT;
	/* An unknown review is not counted: an estimate that may never be
	 * paid misleads more than a work left out with its reason. */
	if (f->review_unknown)
		bits |= 1u << RS_REVIEW_UNKNOWN;
	else if (!f->approved)
		bits |= 1u << RS_REVIEW;
	if (!f->public_)
		bits |= 1u << RS_PUBLIC;
	if (f->commercial)
		bits |= 1u << RS_COMMERCIAL;
	if (o->q_known && o->q < p->quality_min)
		bits |= 1u << RS_QUALITY;
	if (w->published != DAY_NONE && w->published > d)
		bits |= 1u << RS_UNPUBLISHED;
	if (!o->v_known)
		bits |= 1u << RS_NO_DATA;
	else if (o->v <= 0)
		bits |= 1u << RS_NO_PLAYS;
	return bits;
}

/* Scores one row of account acc before the account-day's minimum;
 * abits = account_reasons() of the day. */
/* Work-days whose estimate or a factor was held in range, since start. */
static int64_t capped_rows;

int64_t
engine_capped_rows(void)
{
	return capped_rows;
}

static void
score_row(const struct eng_ctx *c, int acc, struct raw_row *r,
    struct res_row *s, uint32_t abits)
{
	const struct model_params *p = &c->acc[acc].p;

	r->in.base = p->base;
	engine_score(p, &r->in, &s->o);
	if (s->o.capped)
		capped_rows++;
	s->reasons = abits | work_reasons(c, &c->wrk[r->work], &s->o, p, r->day);
	s->eligible = (s->reasons & ~((1u << RS_NO_DATA) |
	    (1u << RS_NO_PLAYS))) == 0;
	s->estimated = s->eligible ? money_round(s->o.model_fen) : 0;
}

/* What the accounts overview counts of a work-day: its settled revenue,
 * else its estimate, within 0 .. 10^12 fen. */
static fen_t
shown_fen(const struct raw_row *r, fen_t estimated)
{
	fen_t v = r->settled_known ? r->settled : estimated;

	return v < 0 ? 0 : v > 1000000000000LL ? 1000000000000LL : v;
}

/* Scores one account-day: rows[idx[0..n)] all of account acc on day d. */
static void
score_group(const struct eng_ctx *c, int acc, day_t d, struct raw_row *rows,
    const size_t *idx, size_t n, struct res_row *res, struct acct_day *ad)
{
	const struct eng_account *a = &c->acc[acc];
	uint32_t abits = account_reasons(c, a, d);

	memset(ad, 0, sizeof *ad);
	ad->acc = acc;
	ad->day = d;
	for (size_t k = 0; k < n; k++) {
		struct raw_row *r = &rows[idx[k]];
		struct res_row *s = &res[idx[k]];
		score_row(c, acc, r, s, abits);
		ad->gross += s->estimated;
		if (r->settled_known) {
			ad->settled_known = true;
			ad->settled += r->settled;
		}
	}
	ad->reasons = abits;
	if (engine_daily_minimum(c->model, true, ad->settled_known, ad->settled,
	    ad->gross) == DM_BELOW) {
		ad->reasons |= 1u << RS_MINIMUM;
		for (size_t k = 0; k < n; k++) {
			struct res_row *s = &res[idx[k]];
			if (s->eligible) {
				s->eligible = false;
				s->estimated = 0;
				s->reasons |= 1u << RS_MINIMUM;
			}
		}
	}
	for (size_t k = 0; k < n; k++) {
		ad->estimated += res[idx[k]].estimated;
		ad->works_earning += res[idx[k]].estimated > 0;
		ad->shown += shown_fen(&rows[idx[k]], res[idx[k]].estimated);
	}
	ad->eligible = ad->reasons == 0;
}

enum daily_minimum
engine_daily_minimum(const struct model_params *p, bool has_data,
    bool settled_known, fen_t settled, fen_t gross)
{
	fen_t amount = settled_known ? settled : gross;

	if (!has_data)
		return DM_NOT_ASSESSED;
	return amount > 0 && amount < p->daily_min_fen ? DM_BELOW : DM_PASS;
}

/* ---- writing ---- */

#define WORK_SCORE_INSERT " INTO work_score(work_id, day, eligible, " \
    "reasons, profitable_plays, plays_estimated, interaction, user_value, " \
    "quality, f_interaction, f_user, f_quality, f_bonus, base_fen, " \
    "model_fen, estimated_fen) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, " \
    "?10, ?11, ?12, ?13, ?14, ?15, ?16)"
static const char SQL_INSERT_WORK_SCORE[] = "INSERT OR REPLACE" WORK_SCORE_INSERT;
/* Into an empty table: no conflict to look for, a fifth faster. */
static const char SQL_INSERT_WORK_SCORE_NEW[] = "INSERT" WORK_SCORE_INSERT;
static const char SQL_INSERT_ACCOUNT_SCORE[] =
    "INSERT OR REPLACE INTO account_score(account_id, day, eligible, reasons, "
    "estimated_fen, settled_fen, works_earning, gross_fen, shown_fen) "
    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

static bool
write_work_score(struct db *db, const struct eng_ctx *c,
    const struct raw_row *r, const struct res_row *s, bool fresh,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, fresh ? SQL_INSERT_WORK_SCORE_NEW :
	    SQL_INSERT_WORK_SCORE, err);
	char day[DAY_BUFSZ], reasons[512];
	const struct score_output *o = &s->o;

	if (st == NULL)
		return false;
	reasons_text(s->reasons, reasons, sizeof reasons);
	sqlite3_bind_text(st, 1, c->wrk[r->work].id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day_format(r->day, day), 10, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, s->eligible);
	sqlite3_bind_text(st, 4, reasons, -1, SQLITE_STATIC);
	db_bind_int64_or_null(st, 5, o->v_known, (int64_t)llround(o->v));
	sqlite3_bind_int(st, 6, o->v_estimated);
	db_bind_double_or_null(st, 7, o->e_known, o->e);
	db_bind_double_or_null(st, 8, r->in.uv_known, o->u);
	db_bind_double_or_null(st, 9, o->q_known, o->q);
	sqlite3_bind_double(st, 10, o->f_interaction);
	sqlite3_bind_double(st, 11, o->f_user);
	sqlite3_bind_double(st, 12, o->f_quality);
	sqlite3_bind_double(st, 13, o->f_bonus);
	sqlite3_bind_double(st, 14, o->base_fen);
	sqlite3_bind_double(st, 15, o->model_fen);
	sqlite3_bind_int64(st, 16, s->estimated);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_error(db, err, "writing work scores");
		sqlite3_reset(st);
		return false;
	}
	sqlite3_reset(st);
	return true;
}

static bool
write_account_score(struct db *db, const struct eng_ctx *c,
    const struct acct_day *ad, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_INSERT_ACCOUNT_SCORE, err);
	char day[DAY_BUFSZ], reasons[512];

	if (st == NULL)
		return false;
	reasons_text(ad->reasons, reasons, sizeof reasons);
	sqlite3_bind_text(st, 1, c->acc[ad->acc].id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, 2, day_format(ad->day, day), 10, SQLITE_STATIC);
	sqlite3_bind_int(st, 3, ad->eligible);
	sqlite3_bind_text(st, 4, reasons, -1, SQLITE_STATIC);
	sqlite3_bind_int64(st, 5, ad->estimated);
	db_bind_int64_or_null(st, 6, ad->settled_known, ad->settled);
	sqlite3_bind_int(st, 7, ad->works_earning);
	sqlite3_bind_int64(st, 8, ad->gross);
	sqlite3_bind_int64(st, 9, ad->shown);
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_error(db, err, "writing account scores");
		sqlite3_reset(st);
		return false;
	}
	sqlite3_reset(st);
	return true;
}

/* ---- calibration ---- */

static const char SQL_DELETE_CALIBRATION[] =
    "DELETE FROM calibration WHERE account_id = ?1";
static const char SQL_INSERT_CALIBRATION[] =
    "INSERT OR REPLACE INTO calibration(account_id, base, a_e, a_u, a_q, "
    "days, r2, fitted_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)";

/* An observation for calibration from a row with settled revenue. */
static bool
make_obs(const struct model_params *p, const struct raw_row *r,
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
		if ((st = db_stmt(db, SQL_DELETE_CALIBRATION, err)) == NULL)
			return false;
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
	} else {
		if ((st = db_stmt(db, SQL_INSERT_CALIBRATION, err)) == NULL)
			return false;
		sqlite3_bind_text(st, 1, a->id, -1, SQLITE_STATIC);
		sqlite3_bind_double(st, 2, fit->base);
		sqlite3_bind_double(st, 3, fit->a_e);
		sqlite3_bind_double(st, 4, fit->a_u);
		sqlite3_bind_double(st, 5, fit->a_q);
		sqlite3_bind_int(st, 6, fit->days);
		db_bind_double_or_null(st, 7, fit->has_r2, fit->r2);
		sqlite3_bind_text(st, 8, clock_now_iso(now), -1, SQLITE_TRANSIENT);
	}
	if (sqlite3_step(st) != SQLITE_DONE) {
		db_error(db, err, "saving calibration");
		sqlite3_reset(st);
		return false;
	}
	sqlite3_reset(st);
	return true;
}

/* Observations kept from pass 1 so that pass 2 need not read them again
 * (56 bytes each, 7 MiB at most, pages touched only as they fill): an
 * account of 100,000 work-days a year is the normal case, and is read
 * once; an account with more is read twice. */
#define CALIB_KEEP 131072

struct kept_obs {
	struct calib_obs o;
	int32_t work;		/* index in work_id order */
};

struct calib_keep {
	struct kept_obs *k;
	size_t n;
	bool overflow;
};

/* One pass of a streamed fit over the rows of a statement bound to the
 * account: pass 1 sums (keeping what fits in k; with `sum` false it only
 * keeps), pass 2 the fit quality. Same rows, same order. */
static bool
calib_pass(struct db *db, const struct eng_ctx *c, const char *sql,
    const char *account, int pass, bool sum, struct calib_sums *s,
    struct calib_keep *k, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	int last_work = -1, rc;
	const char *last_id = NULL;
	struct raw_row r;
	struct calib_obs o;

	if (st == NULL)
		return false;
	db_bind_text(st, 1, account);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!read_row(c, st, &last_work, &last_id, &r) ||
		    !make_obs(c->model, &r, &o))
			continue;
		if (pass == 2) {
			calib_sums_add_r2(s, &o);
			continue;
		}
		if (sum && !calib_sums_add(s, &o)) {
			sqlite3_reset(st);
			return oom(err);
		}
		if (k->k != NULL && k->n < CALIB_KEEP) {
			k->k[k->n].o = o;
			k->k[k->n++].work = r.work;
		} else {
			k->overflow = true;
			if (!sum)
				break;
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		db_error(db, err, "reading daily figures");
		return false;
	}
	return true;
}

static int
cmp_kept(const void *a, const void *b)
{
	const struct kept_obs *x = a, *y = b;

	if (x->o.day != y->o.day)
		return x->o.day < y->o.day ? -1 : 1;
	return (x->work > y->work) - (x->work < y->work);
}

/* Fits one account streaming its settled rows (twice when there are
 * more than CALIB_KEEP): memory does not grow with the number of rows.
 * With by_day (SQL giving them by day, then work), the sums run in that
 * order: a small account's rows are read unordered and sorted here. */
static bool
calibrate_account_stream(struct db *db, struct eng_ctx *c, int acc,
    const char *sql, const char *by_day, bool *changed, struct pt_err *err)
{
	struct calib_sums s;
	struct calib_fit fit;
	struct calib_keep k = { 0 };
	bool fitted, ok = false, sorted = false;
	const char *account = c->acc[acc].id;

	calib_sums_init(&s, c->model);
	k.k = malloc(CALIB_KEEP * sizeof *k.k);
	if (by_day != NULL && k.k != NULL) {
		if (!calib_pass(db, c, sql, account, 1, false, &s, &k, err))
			goto out;
		if (!k.overflow) {
			qsort(k.k, k.n, sizeof *k.k, cmp_kept);
			for (size_t i = 0; i < k.n; i++)
				if (!calib_sums_add(&s, &k.k[i].o)) {
					oom(err);
					goto out;
				}
			sorted = true;
		} else {
			k.n = 0;
			k.overflow = false;
		}
	}
	if (by_day != NULL)
		sql = by_day;
	if (!sorted && !calib_pass(db, c, sql, account, 1, true, &s, &k, err))
		goto out;
	fitted = calib_sums_solve(&s, &fit);
	if (fitted) {
		if (!k.overflow && k.k != NULL)
			for (size_t i = 0; i < k.n; i++)
				calib_sums_add_r2(&s, &k.k[i].o);
		else if (!calib_pass(db, c, sql, account, 2, true, &s, &k, err))
			goto out;
		calib_sums_finish(&s, &fit);
	}
	ok = store_calibration(db, c, acc, fitted, &fit, changed, err);
out:
	free(k.k);
	calib_sums_free(&s);
	return ok;
}

/* ---- full rescore ---- */

struct rows {
	struct raw_row *r;
	size_t n, cap;
};

static bool
rows_push(struct rows *rs, const struct raw_row *r)
{
	if (rs->n == rs->cap) {
		size_t cap = rs->cap ? rs->cap * 2 : 1024;
		void *p = realloc(rs->r, cap * sizeof *rs->r);
		if (p == NULL)
			return false;
		rs->r = p;
		rs->cap = cap;
	}
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
	struct raw_row r;

	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!read_row(c, st, &last_work, &last_id, &r))
			continue;
		if (!rows_push(rs, &r)) {
			sqlite3_reset(st);
			return oom(err);
		}
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading daily figures");
		return false;
	}
	return true;
}

static const struct raw_row *sort_rows;
static const struct eng_work *sort_works;

static int
cmp_acct_day(const void *a, const void *b)
{
	const struct raw_row *x = &sort_rows[*(const size_t *)a];
	const struct raw_row *y = &sort_rows[*(const size_t *)b];
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
    bool fresh, struct pt_err *err)
{
	struct res_row *res = NULL;
	size_t *idx = NULL;
	bool ok = false;

	if (rs->n == 0)
		return true;
	idx = malloc(rs->n * sizeof *idx);
	res = calloc(rs->n, sizeof *res);
	if (idx == NULL || res == NULL) {
		oom(err);
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
		const struct raw_row *r0 = &rs->r[idx[i]];
		int acc = c->wrk[r0->work].account;
		size_t j = i;
		struct acct_day ad;
		while (j < rs->n && rs->r[idx[j]].day == r0->day &&
		    c->wrk[rs->r[idx[j]].work].account == acc)
			j++;
		score_group(c, acc, r0->day, rs->r, idx + i, j - i, res, &ad);
		if (!write_account_score(db, c, &ad, err))
			goto out;
		i = j;
	}
	/* in the rows' order */
	for (size_t i = 0; i < rs->n; i++)
		if (!write_work_score(db, c, &rs->r[i], &res[i], fresh, err))
			goto out;
	ok = true;
out:
	free(res);
	free(idx);
	return ok;
}

/* work_score is not emptied first: freeing a million rows costs as much
 * as writing them. Rows are replaced in place, and rows of work-days that
 * are gone are removed only when the count says there are some. */
static const char SQL_CLEAR_ALL[] =
    "DELETE FROM account_score; DELETE FROM dirty; DELETE FROM calibration";
static const char SQL_COUNT_WORK_SCORES[] = "SELECT count(*) FROM work_score";
static const char SQL_DELETE_STALE[] =
    "DELETE FROM work_score WHERE NOT EXISTS (SELECT 1 FROM daily d "
    "WHERE d.work_id = work_score.work_id AND d.day = work_score.day)";
static const char SQL_CACHE_SIZE[] = "PRAGMA cache_size";
/* 16 MiB of page cache while a full rescore writes: it reads and
 * writes in primary-key order, so more buys little and costs memory. */
static const char SQL_CACHE_BIG[] = "PRAGMA cache_size = -16384";
/* One transaction: its commit need not wait for the log to reach the
 * disk (the checkpoint does); a crash then loses the whole rescore. */
static const char SQL_SYNC_NORMAL[] = "PRAGMA synchronous = NORMAL";
static const char SQL_SYNC[] = "PRAGMA synchronous";

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

static const char SQL_DIRTY[] =
    "SELECT account_id, day FROM dirty ORDER BY account_id, day";
static const char SQL_CLEAR_DIRTY[] = "DELETE FROM dirty";
static const char SQL_DELETE_WORK_SCORES_DAY[] =
    "DELETE FROM work_score WHERE day = ?2 AND work_id IN "
    "(SELECT work_id FROM work WHERE account_id = ?1)";
static const char SQL_DELETE_ACCOUNT_SCORE_DAY[] =
    "DELETE FROM account_score WHERE account_id = ?1 AND day = ?2";
static const char SQL_DELETE_WORK_SCORES_ACCOUNT[] =
    "DELETE FROM work_score WHERE work_id IN "
    "(SELECT work_id FROM work WHERE account_id = ?1)";
static const char SQL_DELETE_ACCOUNT_SCORES[] =
    "DELETE FROM account_score WHERE account_id = ?1";
static const char SQL_ANY_DIRTY[] = "SELECT 1 FROM dirty LIMIT 1";
/* Dirty account-days against those already scored: when the change
 * covers at least half of what is there (a first import, a year's file
 * re-imported), one full pass costs less than day-by-day deletes and
 * reads, and gives the same scores. So it does when it touches at least
 * half of the accounts (a day of every work): new settled figures move
 * each touched account's fit, and an account whose fit moved is rescored
 * whole anyway. Below 1024 dirty (or, for the accounts' share, scored)
 * account-days the day-by-day path is quick whatever the proportion. */
static const char SQL_MOSTLY_DIRTY[] =
    "SELECT (n >= 1024 AND n * 2 >= total) OR (total >= 1024 AND "
    "(SELECT count(DISTINCT account_id) FROM dirty) * 2 >= "
    "(SELECT count(*) FROM account)) "
    "FROM (SELECT count(*) AS n FROM dirty), "
    "(SELECT count(*) AS total FROM account_score)";
/* min/max per work are seeks on daily's primary key */
static const char SQL_ACCOUNT_DAY_RANGE[] =
    "SELECT min(lo), max(hi) FROM (SELECT "
    "(SELECT min(day) FROM daily WHERE work_id = w.work_id) AS lo, "
    "(SELECT max(day) FROM daily WHERE work_id = w.work_id) AS hi "
    "FROM work w WHERE w.account_id = ?1)";
static const char SQL_DAILY_ACCOUNT_SPAN[] =
    "SELECT " DAILY_COLS " FROM work w CROSS JOIN daily d "
    "ON d.work_id = w.work_id AND d.day BETWEEN ?2 AND ?3 "
    "WHERE w.account_id = ?1";

/* Runs a statement binding the account (and the day when given). */
static bool
run_bound(struct db *db, const char *sql, const char *account, day_t d,
    struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, sql, err);
	char day[DAY_BUFSZ];
	int rc;

	if (st == NULL)
		return false;
	db_bind_text(st, 1, account);
	if (d != DAY_NONE)
		db_bind_text(st, 2, day_format(d, day));
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "clearing old scores");
		return false;
	}
	return true;
}

/* Reads the rows of an account (one day, or all with DAY_NONE). */
static bool
read_account(struct db *db, const struct eng_ctx *c, const char *account,
    day_t d, struct rows *rs, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, d != DAY_NONE ? SQL_DAILY_ACCOUNT_DAY :
	    SQL_DAILY_ACCOUNT, err);
	char day[DAY_BUFSZ];

	if (st == NULL)
		return false;
	db_bind_text(st, 1, account);
	if (d != DAY_NONE)
		db_bind_text(st, 2, day_format(d, day));
	return read_rows(db, c, st, rs, err);
}

static bool
same_fit(const struct model_params *a, const struct model_params *b)
{
	return fabs(a->base - b->base) <= 1e-9 * fabs(b->base) &&
	    fabs(a->a_e - b->a_e) <= 1e-9 && fabs(a->a_u - b->a_u) <= 1e-9 &&
	    fabs(a->a_q - b->a_q) <= 1e-9;
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
	bool ok = score_and_write(db, c, rs, false, err);

	rs->n = 0;
	return ok;
}

/* The first and last day of an account's rows, by a seek per work;
 * false in *any when it has none. */
static bool
account_day_range(struct db *db, const char *account, day_t *lo, day_t *hi,
    bool *any, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ACCOUNT_DAY_RANGE, err);
	int rc;

	*any = false;
	if (st == NULL)
		return false;
	db_bind_text(st, 1, account);
	rc = sqlite3_step(st);
	if (rc == SQLITE_ROW) {
		*lo = eng_col_day(st, 0);
		*hi = eng_col_day(st, 1);
		*any = *lo != DAY_NONE && *hi != DAY_NONE;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_ROW) {
		db_error(db, err, "reading daily figures");
		return false;
	}
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
		sqlite3_stmt *st = db_stmt(db, SQL_DAILY_ACCOUNT_SPAN, err);
		char from[DAY_BUFSZ], to[DAY_BUFSZ];
		day_t last = hi - d < span ? hi : d + span - 1;
		if (st == NULL)
			return false;
		db_bind_text(st, 1, account);
		db_bind_text(st, 2, day_format(d, from));
		db_bind_text(st, 3, day_format(last, to));
		if (!read_rows(db, c, st, rs, err) || !flush_rows(db, c, rs, err))
			return false;
	}
	return true;
}

/* One account's dirty days. Calibration is refitted from all its days;
 * when it moved, every day of the account is rescored, else only the
 * dirty ones. Rows are streamed: a bounded chunk is in memory at once. */
static bool
rescore_account(struct db *db, struct eng_ctx *c, const char *account,
    const day_t *days, size_t ndays, struct pt_err *err)
{
	int acc = eng_find_account(c, account);
	struct rows rs = { 0 };
	bool ok = false, whole = false;

	if (acc >= 0) {
		struct model_params before = c->acc[acc].p;
		bool was = c->acc[acc].calibrated, changed;
		if (!calibrate_account_stream(db, c, acc,
		    SQL_DAILY_ACCOUNT_SETTLED, NULL, &changed, err))
			goto out;
		whole = was != c->acc[acc].calibrated ||
		    !same_fit(&before, &c->acc[acc].p);
	}
	if (acc < 0 || whole) {
		/* the account is gone, or every day changes */
		if (!run_bound(db, SQL_DELETE_WORK_SCORES_ACCOUNT, account,
		    DAY_NONE, err) || !run_bound(db, SQL_DELETE_ACCOUNT_SCORES,
		    account, DAY_NONE, err))
			goto out;
		ok = acc < 0 || rescore_account_chunked(db, c, acc, &rs, err);
		goto out;
	}
	for (size_t i = 0; i < ndays; i++) {
		if (!run_bound(db, SQL_DELETE_WORK_SCORES_DAY, account, days[i],
		    err) || !run_bound(db, SQL_DELETE_ACCOUNT_SCORE_DAY, account,
		    days[i], err) || !read_account(db, c, account, days[i], &rs,
		    err))
			goto out;
		if (rs.n >= RESCORE_CHUNK_ROWS && !flush_rows(db, c, &rs, err))
			goto out;
	}
	ok = flush_rows(db, c, &rs, err);
out:
	free(rs.r);
	return ok;
}

bool
engine_rescore_dirty(struct db *db, struct pt_err *err)
{
	struct eng_ctx c;
	sqlite3_stmt *st;
	char *account = NULL;
	day_t *days = NULL;
	size_t ndays = 0, cap = 0;
	bool ok = false;
	int rc;

	/* Cheap when nothing is pending: readers call this before reading. */
	if ((st = db_stmt(db, SQL_ANY_DIRTY, err)) == NULL)
		return false;
	rc = sqlite3_step(st);
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return true;
	if (rc != SQLITE_ROW) {
		db_error(db, err, "reading what to rescore");
		return false;
	}
	if (count_rows(db, SQL_MOSTLY_DIRTY) == 1)
		return engine_rescore_all(db, err);
	memset(&c, 0, sizeof c);
	if (!db_begin(db, err))
		goto out;
	if (!eng_ctx_load(&c, db, err))
		goto rollback;
	/* The dirty list, grouped by account (it comes ordered). Read it
	 * whole first: rescoring uses other statements. */
	struct pairs {
		char *account;
		day_t day;
	} *pairs = NULL;
	size_t npairs = 0, pcap = 0;
	if ((st = db_stmt(db, SQL_DIRTY, err)) == NULL)
		goto rollback;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		day_t d = eng_col_day(st, 1);
		if (d == DAY_NONE)
			continue;
		if (npairs == pcap) {
			pcap = pcap ? pcap * 2 : 64;
			void *p = realloc(pairs, pcap * sizeof *pairs);
			if (p == NULL)
				break;
			pairs = p;
		}
		pairs[npairs].account = strdup((const char *)sqlite3_column_text(st, 0));
		pairs[npairs].day = d;
		if (pairs[npairs++].account == NULL)
			break;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		if (rc == SQLITE_ROW)
			oom(err);
		else
			db_error(db, err, "reading what to rescore");
		goto free_pairs;
	}
	for (size_t i = 0; i < npairs; ) {
		size_t j = i;
		ndays = 0;
		while (j < npairs && strcmp(pairs[j].account, pairs[i].account) == 0) {
			if (ndays == cap) {
				cap = cap ? cap * 2 : 64;
				void *p = realloc(days, cap * sizeof *days);
				if (p == NULL) {
					oom(err);
					goto free_pairs;
				}
				days = p;
			}
			days[ndays++] = pairs[j++].day;
		}
		account = pairs[i].account;
		if (!rescore_account(db, &c, account, days, ndays, err))
			goto free_pairs;
		i = j;
	}
	if (!db_exec(db, SQL_CLEAR_DIRTY, err))
		goto free_pairs;
	ok = db_commit(db, err);
free_pairs:
	for (size_t i = 0; i < npairs; i++)
		free(pairs[i].account);
	free(pairs);
	if (ok)
		goto out;
rollback:
	db_rollback(db);
out:
	free(days);
	eng_ctx_free(&c);
	return ok;
}

/* ---- full rescore ---- */

/* An account-day's totals while the full rescore streams `daily`. */
struct ad_sum {
	fen_t gross, settled, shown;
	int32_t works_earning;
	bool any, settled_known;
};

/* An account's totals by day from `lo`; grown as days come. */
struct ad_days {
	day_t lo;
	size_t n;
	struct ad_sum *d;
};

static struct ad_sum *
ad_at(struct ad_days *a, day_t d)
{
	if (a->d == NULL || d < a->lo || (size_t)(d - a->lo) >= a->n) {
		day_t lo = a->d == NULL || d < a->lo ? d : a->lo;
		day_t hi = a->d == NULL ? d : a->lo + (day_t)a->n - 1;
		if (d > hi)
			hi = d;
		/* room for the days to come: works run in day order */
		size_t n = (size_t)(hi - lo) + 1, want = n < 64 ? 64 : n + n / 2;
		struct ad_sum *p = calloc(want, sizeof *p);
		if (p == NULL)
			return NULL;
		if (a->d != NULL)
			memcpy(p + (a->lo - lo), a->d, a->n * sizeof *p);
		free(a->d);
		a->d = p;
		a->lo = lo;
		a->n = want;
	}
	return &a->d[d - a->lo];
}

/* Streams `daily` in primary-key order: scores each row with its
 * account's fit and writes it at once (appending to work_score's b-tree),
 * summing per account-day. An account-day under the daily minimum (rare)
 * is then read again whole and rewritten with the minimum applied. */
static bool
score_all(struct db *db, struct eng_ctx *c, bool fresh, int64_t *count,
    struct pt_err *err)
{
	struct ad_days *days = calloc(c->nacc ? c->nacc : 1, sizeof *days);
	sqlite3_stmt *st;
	int last_work = -1, rc = SQLITE_DONE;
	const char *last_id = NULL;
	struct raw_row r;
	struct res_row s;
	struct rows rs = { 0 };
	bool ok = false;

	*count = 0;
	if (days == NULL)
		return oom(err);
	if ((st = db_stmt(db, SQL_DAILY_ALL, err)) == NULL)
		goto out;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		if (!read_row(c, st, &last_work, &last_id, &r))
			continue;
		int acc = c->wrk[r.work].account;
		struct ad_sum *ad = ad_at(&days[acc], r.day);
		if (ad == NULL) {
			sqlite3_reset(st);
			oom(err);
			goto out;
		}
		score_row(c, acc, &r, &s, account_reasons(c, &c->acc[acc], r.day));
		if (!write_work_score(db, c, &r, &s, fresh, err)) {
			sqlite3_reset(st);
			goto out;
		}
		ad->any = true;
		ad->gross += s.estimated;
		ad->works_earning += s.estimated > 0;
		ad->shown += shown_fen(&r, s.estimated);
		if (r.settled_known) {
			ad->settled_known = true;
			ad->settled += r.settled;
		}
		(*count)++;
	}
	sqlite3_reset(st);
	if (rc != SQLITE_DONE) {
		db_error(db, err, "reading daily figures");
		goto out;
	}
	for (size_t i = 0; i < c->nacc; i++) {
		for (size_t k = 0; k < days[i].n; k++) {
			const struct ad_sum *sum = &days[i].d[k];
			day_t d = days[i].lo + (day_t)k;
			struct acct_day ad;
			if (!sum->any)
				continue;
			if (engine_daily_minimum(c->model, true,
			    sum->settled_known, sum->settled, sum->gross) ==
			    DM_BELOW) {
				if (!read_account(db, c, c->acc[i].id, d, &rs, err) ||
				    !flush_rows(db, c, &rs, err))
					goto out;
				continue;
			}
			memset(&ad, 0, sizeof ad);
			ad.acc = (int32_t)i;
			ad.day = d;
			ad.reasons = account_reasons(c, &c->acc[i], d);
			ad.eligible = ad.reasons == 0;
			ad.gross = ad.estimated = sum->gross;
			ad.settled_known = sum->settled_known;
			ad.settled = sum->settled;
			ad.works_earning = sum->works_earning;
			ad.shown = sum->shown;
			if (!write_account_score(db, c, &ad, err))
				goto out;
		}
	}
	ok = true;
out:
	for (size_t i = 0; i < c->nacc; i++)
		free(days[i].d);
	free(days);
	free(rs.r);
	return ok;
}

bool
engine_rescore_all_count(struct db *db, int64_t *count, struct pt_err *err)
{
	struct eng_ctx c;
	bool ok = false, changed;
	int64_t cache = count_rows(db, SQL_CACHE_SIZE), before, n = 0;
	int64_t sync = count_rows(db, SQL_SYNC);
	char pragma[64];

	/* The picture of accounts and works is taken inside the write
	 * transaction, so it matches the rows read. */
	db_exec(db, SQL_CACHE_BIG, NULL);
	if (sync > 1)
		db_exec(db, SQL_SYNC_NORMAL, NULL);
	memset(&c, 0, sizeof c);
	if (!db_begin(db, err))
		goto out;
	if (!eng_ctx_load(&c, db, err) || !db_exec(db, SQL_CLEAR_ALL, err))
		goto rollback;
	for (size_t i = 0; i < c.nacc; i++) {
		c.acc[i].calibrated = false;
		c.acc[i].p = *c.model;
	}
	for (size_t i = 0; i < c.nacc; i++)
		if (!calibrate_account_stream(db, &c, (int)i,
		    SQL_DAILY_ACCOUNT_SETTLED, SQL_DAILY_ACCOUNT_SETTLED_BY_DAY,
		    &changed, err))
			goto rollback;
	before = count_rows(db, SQL_COUNT_WORK_SCORES);
	if (!score_all(db, &c, before == 0, &n, err))
		goto rollback;
	/* Written into an empty table, there is nothing stale to count. */
	if (before != 0 && count_rows(db, SQL_COUNT_WORK_SCORES) != n &&
	    !db_exec(db, SQL_DELETE_STALE, err))
		goto rollback;
	if (!db_commit(db, err))
		goto out;
	if (count != NULL)
		*count = n;
	ok = true;
	goto out;
rollback:
	db_rollback(db);
out:
	if (cache != -1) {
		snprintf(pragma, sizeof pragma, "PRAGMA cache_size = %lld",
		    (long long)cache);
		db_exec(db, pragma, NULL);
	}
	if (sync > 1) {
		snprintf(pragma, sizeof pragma, "PRAGMA synchronous = %lld",
		    (long long)sync);
		db_exec(db, pragma, NULL);
	}
	eng_ctx_free(&c);
	return ok;
}

bool
engine_rescore_all(struct db *db, struct pt_err *err)
{
	return engine_rescore_all_count(db, NULL, err);
}
