/* Revenue model v1: the formula, the reasons a work-day does not earn,
 * the in-memory picture of accounts and works the rescores work from
 * (engine_rescore.c, engine_calib.c), and scoring and writing rows. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/accounts.h"
#include "core/calibration.h"
#include "core/clock.h"
#include "core/engine.h"
#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/db_internal.h"

/* ---- model in force ---- */

static struct model_params model;
static bool model_loaded;
static struct pt_err model_error;

const struct model_params *
engine_model(void)
{
	if (!model_loaded) {
		err_clear(&model_error);
		modelconf_load(&model, &model_error);
		model_loaded = true;
	}
	return &model;
}

const struct pt_err *
engine_model_error(void)
{
	engine_model();
	return model_error.code ? &model_error : NULL;
}

void
engine_set_model(const struct model_params *p)
{
	model = *p;
	model_loaded = true;
	err_clear(&model_error);
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

/* The rate of interactions per profitable play, floored (r_ref when it
 * cannot be known). */
static void
score_rate(const struct model_params *p, struct score_output *out)
{
	if (out->e_known && out->v > 0)
		out->rate = fmax(out->e / out->v, p->r_floor);
	else
		out->rate = p->r_ref;
}

/* The figures of a work-day that no calibrated parameter moves: profitable
 * plays, interactions, user value, quality and the bonus factor. */
static void
score_figures(const struct model_params *p, const struct score_input *in,
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
	score_rate(p, out);
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
	out->f_bonus = factor((1 + (in->selected ? p->b_sel : 0)) *
	    (1 + (in->certified ? p->b_cert : 0)), out);
}

/* The part a calibration moves (base and the exponents): the factors and
 * the amount, from the figures in out. The one definition of the
 * formula, whether a rescore scores a row or a reader a stored one. */
static void
score_model(const struct model_params *p, double base,
    struct score_output *out)
{
	out->f_interaction = factor(pow(out->rate / p->r_ref, p->a_e), out);
	out->f_user = factor(pow(out->u, p->a_u), out);
	out->f_quality = factor(pow(out->q / p->q_ref, p->a_q), out);
	out->base_fen = factor(base * 100, out);
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

void
engine_score(const struct model_params *p, const struct score_input *in,
    struct score_output *out)
{
	score_figures(p, in, out);
	score_model(p, in->base, out);
}

void
eng_score_stored(const struct model_params *p, const struct eng_stored *s,
    struct score_output *out)
{
	memset(out, 0, sizeof *out);
	out->v_known = s->v_known;
	out->v_estimated = s->v_estimated;
	out->v = s->v;
	out->e_known = s->e_known;
	out->e = s->e;
	score_rate(p, out);
	out->q_known = s->q_known;
	out->q = s->q_known ? s->q : fmax(p->q_ref, p->q_floor);
	out->u = s->u_known ? s->u : 1;
	out->f_bonus = s->f_bonus;
	/* a bonus factor held in range when the row was scored */
	out->capped = s->f_bonus <= ENGINE_FACTOR_MIN ||
	    s->f_bonus >= ENGINE_FACTOR_MAX;
	score_model(p, p->base, out);
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
	/* NULL reads as 0: only a 0 needs the type asked (a call per
	 * column of a million rows saved) */
	*out = sqlite3_column_int64(st, i);
	return *out != 0 || sqlite3_column_type(st, i) != SQLITE_NULL;
}

bool
eng_col_double(sqlite3_stmt *st, int i, double *out)
{
	*out = sqlite3_column_double(st, i);
	return *out != 0 || sqlite3_column_type(st, i) != SQLITE_NULL;
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

#include "core/sql/engine.sql.h"

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

/* How an account's or a work's flags are kept by day: the size of its
 * flags, of a segment and where a segment's flags are (its first day
 * comes first), and how a history row sets a flag. */
struct seg_kind {
	size_t flags_size, seg_size, seg_flags;
	void (*set)(void *flags, const char *attr, const char *v);
};

static void
acc_set_any(void *f, const char *attr, const char *v)
{
	acc_set(f, attr, v);
}

static void
wrk_set_any(void *f, const char *attr, const char *v)
{
	wrk_set(f, attr, v);
}

static const struct seg_kind acc_segs = {
	sizeof(struct eng_acc_flags), sizeof(struct eng_acc_seg),
	offsetof(struct eng_acc_seg, f), acc_set_any
};
static const struct seg_kind wrk_segs = {
	sizeof(struct eng_wrk_flags), sizeof(struct eng_wrk_seg),
	offsetof(struct eng_wrk_seg, f), wrk_set_any
};

/* The flags in force on d of an account or a work (its latest flags,
 * its n segments): the segment of the last first day on or before d;
 * the first before all. */
static const void *
flags_on(const struct seg_kind *k, const void *latest, const void *seg,
    size_t n, day_t d)
{
	const char *p = seg;
	size_t lo = 1, hi = n;

	if (n == 0)
		return latest;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (*(const day_t *)(p + mid * k->seg_size) <= d)
			lo = mid + 1;
		else
			hi = mid;
	}
	return p + (lo - 1) * k->seg_size + k->seg_flags;
}

const struct eng_acc_flags *
eng_acc_flags_on(const struct eng_account *a, day_t d)
{
	return flags_on(&acc_segs, &a->f, a->seg, a->nseg, d);
}

const struct eng_wrk_flags *
eng_wrk_flags_on(const struct eng_work *w, day_t d)
{
	return flags_on(&wrk_segs, &w->f, w->seg, w->nseg, d);
}

struct hist_row {
	day_t day;
	char attr[16];
	char *value;		/* NULL: none */
};

/* The segments of one account or work (latest: its flags now) from its
 * history rows (sorted by day): the first values hold before the first
 * day; each later day applies its changes. No segments (*seg NULL,
 * *nseg 0) when nothing changed; false out of memory. */
static bool
build_segments(const struct seg_kind *k, const void *latest,
    const struct hist_row *h, size_t n, void **seg, size_t *nseg)
{
	union {
		struct eng_acc_flags a;
		struct eng_wrk_flags w;
	} f;
	size_t ndays = 0, j = 0;
	char *p;

	*seg = NULL;
	*nseg = 0;
	for (size_t i = 0; i < n; i++)
		if (i == 0 || h[i].day != h[i - 1].day)
			ndays++;
	if (ndays < 2)
		return true;
	memcpy(&f, latest, k->flags_size);
	/* first values of each attribute, for the days before */
	for (size_t i = n; i-- > 0;)
		k->set(&f, h[i].attr, h[i].value);
	if ((p = calloc(ndays, k->seg_size)) == NULL)
		return false;
	for (size_t i = 0; i < n; j++) {
		char *s = p + j * k->seg_size;
		day_t d = h[i].day;
		for (; i < n && h[i].day == d; i++)
			k->set(&f, h[i].attr, h[i].value);
		*(day_t *)s = j == 0 ? DAY_NONE + 1 : d;
		memcpy(s + k->seg_flags, &f, k->flags_size);
	}
	*seg = p;
	*nseg = ndays;
	return true;
}

/* The segments of the account or work id (none when it is unknown). */
static bool
entity_segments(struct eng_ctx *c, bool is_acc, const char *id,
    const struct hist_row *h, size_t n)
{
	int e = is_acc ? eng_find_account(c, id) : eng_find_work(c, id);
	void *seg;
	bool ok;

	if (e < 0)
		return true;
	if (is_acc) {
		ok = build_segments(&acc_segs, &c->acc[e].f, h, n, &seg,
		    &c->acc[e].nseg);
		c->acc[e].seg = seg;
	} else {
		ok = build_segments(&wrk_segs, &c->wrk[e].f, h, n, &seg,
		    &c->wrk[e].nseg);
		c->wrk[e].seg = seg;
	}
	return ok;
}

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
			ok = entity_segments(c, is_acc, cur, h, n);
			hist_free(h, n);
			n = 0;
		}
		if (rc != SQLITE_ROW || !ok)
			break;
		if (!grow_reserve(&h, &cap, n + 1, sizeof *h)) {
			ok = false;
			break;
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
		free(c->acc[i].viol);
		free(c->acc[i].seg);
	}
	for (size_t i = 0; i < c->nwrk; i++) {
		free(c->wrk[i].viol);
		free(c->wrk[i].seg);
	}
	free(c->acc);
	free(c->wrk);
	free(c->acc_map);
	free(c->wrk_map);
	grow_strings_free(&c->strings);
	memset(c, 0, sizeof *c);
}

bool
eng_oom(struct pt_err *err)
{
	err_set(err, PT_EXIT_DB, "out of memory");
	return false;
}

void *
eng_day_at(struct eng_days *a, day_t d, size_t elem)
{
	if (a->d == NULL || d < a->lo || (size_t)(d - a->lo) >= a->n) {
		day_t lo = a->d == NULL || d < a->lo ? d : a->lo;
		day_t hi = a->d == NULL ? d : a->lo + (day_t)a->n - 1;
		if (d > hi)
			hi = d;
		size_t n = (size_t)(hi - lo) + 1, want = n < 64 ? 64 : n + n / 2;
		char *p = calloc(want, elem);
		if (p == NULL)
			return NULL;
		if (a->d != NULL)
			memcpy(p + (size_t)(a->lo - lo) * elem, a->d, a->n * elem);
		free(a->d);
		a->d = p;
		a->lo = lo;
		a->n = want;
	}
	return (char *)a->d + (size_t)(d - a->lo) * elem;
}

#define LOAD_DOING "reading accounts and works"

/* An account of the context from its row. */
static bool
take_account(void *item, const struct account_row *r, void *ctx)
{
	struct eng_account *a = item;
	struct eng_ctx *c = ctx;

	if ((a->id = grow_strdup(&c->strings, r->account_id)) == NULL)
		return false;
	acc_set(&a->f, "kind", r->kind);
	a->f.celebrity = r->celebrity;
	acc_set(&a->f, "certification", r->certification);
	acc_set(&a->f, "plan_status", r->plan_status);
	a->p = *c->model;
	return true;
}

/* The accounts through the one query that lists them (accounts.c). */
static bool
load_accounts(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	void *acc;

	if (!accounts_take(db, sizeof *c->acc, take_account, c, &acc, &c->nacc,
	    err))
		return false;
	c->acc = acc;
	return map_build(&c->acc_map, &c->acc_cap, c->nacc, acc_key, c->acc) ||
	    eng_oom(err);
}

static bool
load_works(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_WORKS, err);
	size_t cap = 0;
	int rc;

	if (st == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct eng_work *w = grow_push(&c->wrk, &c->nwrk, &cap,
		    sizeof *c->wrk);
		if (w == NULL || (w->id = grow_strdup(&c->strings,
		    (const char *)sqlite3_column_text(st, 0))) == NULL)
			break;
		w->account = eng_find_account(c,
		    (const char *)sqlite3_column_text(st, 1));
		wrk_set(&w->f, "visibility", (const char *)sqlite3_column_text(st, 2));
		wrk_set(&w->f, "review", (const char *)sqlite3_column_text(st, 3));
		w->f.original = sqlite3_column_int(st, 4) != 0;
		w->f.infringing = sqlite3_column_int(st, 5) != 0;
		wrk_set(&w->f, "commercial", (const char *)sqlite3_column_text(st, 6));
		w->f.selected = sqlite3_column_int(st, 7) != 0;
		w->published = eng_col_day(st, 8);
	}
	if (!db_rows_end(db, st, rc, LOAD_DOING, err))
		return false;
	return map_build(&c->wrk_map, &c->wrk_cap, c->nwrk, wrk_key, c->wrk) ||
	    eng_oom(err);
}

static bool
load_violations(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_VIOLATIONS, err);
	bool nomem = false;
	int rc = SQLITE_DONE;

	if (st == NULL)
		return false;
	while (!nomem && (rc = sqlite3_step(st)) == SQLITE_ROW) {
		int a = eng_find_account(c, (const char *)sqlite3_column_text(st, 0));
		int w = eng_find_work(c, (const char *)sqlite3_column_text(st, 1));
		day_t d = eng_col_day(st, 2);
		if (d == DAY_NONE)
			continue;
		/* A work's violation blocks the work; one without a work
		 * blocks the account. */
		if (w < 0 && sqlite3_column_type(st, 1) == SQLITE_NULL && a >= 0)
			nomem = !push_day(&c->acc[a].viol, &c->acc[a].nviol, d);
		if (w >= 0)
			nomem = !push_day(&c->wrk[w].viol, &c->wrk[w].nviol, d);
	}
	if (!db_rows_end(db, st, rc, LOAD_DOING, err))
		return false;
	/* qsort on a NULL array is undefined even for zero items. */
	for (size_t i = 0; i < c->nacc; i++)
		if (c->acc[i].nviol > 1)
			qsort(c->acc[i].viol, c->acc[i].nviol, sizeof(day_t), cmp_day);
	for (size_t i = 0; i < c->nwrk; i++)
		if (c->wrk[i].nviol > 1)
			qsort(c->wrk[i].viol, c->wrk[i].nviol, sizeof(day_t), cmp_day);
	return true;
}

static bool
load_calibrations(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_CALIBRATIONS, err);
	int rc;

	if (st == NULL)
		return false;
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
	return db_rows_end(db, st, rc, LOAD_DOING, err);
}

bool
eng_ctx_load(struct eng_ctx *c, struct db *db, struct pt_err *err)
{
	memset(c, 0, sizeof *c);
	c->model = engine_model();
	if (load_accounts(c, db, err) && load_works(c, db, err) &&
	    load_violations(c, db, err) && load_calibrations(c, db, err) &&
	    load_history(c, db, true, err) && load_history(c, db, false, err))
		return true;
	eng_ctx_free(c);
	return false;
}

/* ---- rows ---- */

/* Fills r from a row of one of the SQL_DAILY_* statements; false when
 * the work or day is unknown (such rows are skipped). */
bool
eng_read_row(const struct eng_ctx *c, sqlite3_stmt *st, int *last_work,
    const char **last_id, struct eng_row *r)
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

uint32_t
eng_account_reasons(const struct eng_ctx *c, const struct eng_account *a, day_t d)
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
 * abits = eng_account_reasons() of the day. */
/* Work-days whose estimate or a factor was held in range, since start. */
static int64_t capped_rows;

int64_t
engine_capped_rows(void)
{
	return capped_rows;
}

void
eng_score_row(const struct eng_ctx *c, int acc, struct eng_row *r,
    struct eng_res *s, uint32_t abits)
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
fen_t
eng_shown_fen(const struct eng_row *r, fen_t estimated)
{
	fen_t v = r->settled_known ? r->settled : estimated;

	return v < 0 ? 0 : v > 1000000000000LL ? 1000000000000LL : v;
}

/* Scores one account-day: rows[idx[0..n)] all of account acc on day d. */
void
eng_score_group(const struct eng_ctx *c, int acc, day_t d, struct eng_row *rows,
    const size_t *idx, size_t n, struct eng_res *res, struct eng_acct_day *ad)
{
	const struct eng_account *a = &c->acc[acc];
	uint32_t abits = eng_account_reasons(c, a, d);

	memset(ad, 0, sizeof *ad);
	ad->acc = acc;
	ad->day = d;
	for (size_t k = 0; k < n; k++) {
		struct eng_row *r = &rows[idx[k]];
		struct eng_res *s = &res[idx[k]];
		eng_score_row(c, acc, r, s, abits);
		eng_metrics_add(&ad->m, r, &s->o);
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
			struct eng_res *s = &res[idx[k]];
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
		ad->shown += eng_shown_fen(&rows[idx[k]], res[idx[k]].estimated);
	}
	ad->eligible = ad->reasons == 0;
}

static void
metric_add(struct eng_metrics *m, enum eng_metric i, bool known, int64_t v)
{
	if (!known)
		return;
	m->known[i] = true;
	/* held, as a sum of absurd figures cannot be shown anyway */
	if (__builtin_add_overflow(m->v[i], v, &m->v[i]))
		m->v[i] = v < 0 ? INT64_MIN : INT64_MAX;
}

/* A mean's parts, as series.c sums them from work_score: the value
 * weighted by the profitable plays as kept there (rounded). */
static void
mean_add(struct eng_metrics *m, enum eng_mean i, bool known,
    const struct score_output *o, double value)
{
	if (known && o->v_known) {
		double v = (double)llround(o->v);
		m->sum[i] += value * v;
		m->weight[i] += v;
	}
}

void
eng_metrics_add(struct eng_metrics *m, const struct eng_row *r,
    const struct score_output *o)
{
	const struct score_input *in = &r->in;

	if (o->e_known) {
		m->interaction_known = true;
		m->interaction += o->e;
	}
	mean_add(m, EMN_USER, in->uv_known, o, o->u);
	mean_add(m, EMN_QUALITY, o->q_known, o, o->q);
	metric_add(m, EM_PLAYS, in->plays_known, in->plays);
	metric_add(m, EM_PROFITABLE, in->pp_known, in->profitable_plays);
	metric_add(m, EM_LIKES, in->likes_known, in->likes);
	metric_add(m, EM_FAVORITES, in->favorites_known, in->favorites);
	metric_add(m, EM_COMMENTS, in->comments_known, in->comments);
	metric_add(m, EM_SHARES, in->shares_known, in->shares);
	metric_add(m, EM_REVENUE, r->settled_known, r->settled < 0 ? 0 :
	    r->settled > 1000000000000LL ? 1000000000000LL : r->settled);
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

/* work_score keeps what no calibration moves (the figures, the bonus
 * factor, eligibility and its reasons); readers compute the amounts and
 * the calibrated factors from a row and the account's fit (the SQL
 * functions below), so a fit that moves rewrites no work-day. */
#define WORK_SCORE_INSERT " INTO work_score(work_id, day, eligible, " \
    "reasons, profitable_plays, plays_estimated, plays_v, interaction, " \
    "user_value, quality, f_bonus, settled) VALUES "
#define WS_PARAMS 12
#define WS_ROW "(?,?,?,?,?,?,?,?,?,?,?,?)"
#define WS_ROW4 WS_ROW "," WS_ROW "," WS_ROW "," WS_ROW
#define WS_ROW16 WS_ROW4 "," WS_ROW4 "," WS_ROW4 "," WS_ROW4
/* Rows written by one statement: each execution of a statement costs
 * about what writing a row does (a cursor opened and a seek from the
 * root), so a full rescore writes them WS_BATCH at a time. */
#define WS_BATCH 32
/* ENG_WS_CHANGED: a row already there is rewritten only when a value
 * changed (a rescore after an upgrade or of days already scored leaves
 * most rows as they were: reading one costs much less than writing
 * it); when most rows change, INSERT OR REPLACE costs less. */
#define WS_SET(col) col " = excluded." col
#define WS_DIFF(col) col " IS NOT excluded." col
#define WORK_SCORE_UPSERT " ON CONFLICT(work_id, day) DO UPDATE SET " \
    WS_SET("eligible") "," WS_SET("reasons") "," \
    WS_SET("profitable_plays") "," WS_SET("plays_estimated") "," \
    WS_SET("plays_v") "," WS_SET("interaction") "," \
    WS_SET("user_value") "," WS_SET("quality") "," WS_SET("f_bonus") "," \
    WS_SET("settled") " WHERE " \
    WS_DIFF("eligible") " OR " WS_DIFF("reasons") " OR " \
    WS_DIFF("profitable_plays") " OR " WS_DIFF("plays_estimated") " OR " \
    WS_DIFF("plays_v") " OR " WS_DIFF("interaction") " OR " \
    WS_DIFF("user_value") " OR " WS_DIFF("quality") " OR " \
    WS_DIFF("f_bonus") " OR " WS_DIFF("settled")
/* The statements of each way of writing, one row and WS_BATCH rows. */
static const char *const SQL_WRITE_WORK_SCORES[][2] = {
	/* into an empty table: no conflict to look for, a fifth faster */
	[ENG_WS_NEW] = { "INSERT" WORK_SCORE_INSERT WS_ROW,
	    "INSERT" WORK_SCORE_INSERT WS_ROW16 "," WS_ROW16 },
	[ENG_WS_REPLACE] = { "INSERT OR REPLACE" WORK_SCORE_INSERT WS_ROW,
	    "INSERT OR REPLACE" WORK_SCORE_INSERT WS_ROW16 "," WS_ROW16 },
	[ENG_WS_CHANGED] = { "INSERT" WORK_SCORE_INSERT WS_ROW
	    WORK_SCORE_UPSERT, "INSERT" WORK_SCORE_INSERT WS_ROW16 ","
	    WS_ROW16 WORK_SCORE_UPSERT },
};

/* Binds one row's values from parameter base + 1 on; day is the row's
 * storage for its day's text until the statement has run. */
static void
bind_work_score(sqlite3_stmt *st, int base, const struct eng_ctx *c,
    const struct eng_row *r, const struct eng_res *s, char day[DAY_BUFSZ])
{
	char reasons[512];
	const struct score_output *o = &s->o;

	sqlite3_bind_text(st, base + 1, c->wrk[r->work].id, -1, SQLITE_STATIC);
	sqlite3_bind_text(st, base + 2, day_format(r->day, day), 10,
	    SQLITE_STATIC);
	sqlite3_bind_int(st, base + 3, s->eligible);
	if (s->reasons == 0)
		sqlite3_bind_text(st, base + 4, "", 0, SQLITE_STATIC);
	else if ((s->reasons & (s->reasons - 1)) == 0)	/* one reason */
		sqlite3_bind_text(st, base + 4,
		    reason_ids[__builtin_ctz(s->reasons)], -1, SQLITE_STATIC);
	else {
		reasons_text(s->reasons, reasons, sizeof reasons);
		sqlite3_bind_text(st, base + 4, reasons, -1, SQLITE_TRANSIENT);
	}
	db_bind_int64_or_null(st, base + 5, o->v_known, (int64_t)llround(o->v));
	sqlite3_bind_int(st, base + 6, o->v_estimated);
	/* an estimate of plays is kept exactly: the amount is computed
	 * from it again (eng_score_stored) */
	db_bind_double_or_null(st, base + 7, o->v_estimated, o->v);
	db_bind_double_or_null(st, base + 8, o->e_known, o->e);
	db_bind_double_or_null(st, base + 9, r->in.uv_known, o->u);
	db_bind_double_or_null(st, base + 10, o->q_known, o->q);
	sqlite3_bind_double(st, base + 11, o->f_bonus);
	sqlite3_bind_int(st, base + 12, r->settled_known);
}

bool
eng_write_work_scores(struct db *db, const struct eng_ctx *c,
    const struct eng_row *r, const struct eng_res *s, size_t n,
    enum eng_ws_mode mode, struct pt_err *err)
{
	for (size_t i = 0; i < n; ) {
		size_t k = n - i >= WS_BATCH ? WS_BATCH : 1;
		sqlite3_stmt *st = db_stmt(db, SQL_WRITE_WORK_SCORES[mode][k > 1],
		    err);
		if (st == NULL)
			return false;
		char days[WS_BATCH][DAY_BUFSZ];

		for (size_t j = 0; j < k; j++)
			bind_work_score(st, (int)j * WS_PARAMS, c, &r[i + j],
			    &s[i + j], days[j]);
		if (!db_step_done(db, st, "writing work scores", err))
			return false;
		i += k;
	}
	return true;
}

bool
eng_write_account_score(struct db *db, const struct eng_ctx *c,
    const struct eng_acct_day *ad, struct pt_err *err)
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
	for (int i = 0; i < EM_COUNT; i++)
		db_bind_int64_or_null(st, 10 + i, ad->m.known[i], ad->m.v[i]);
	db_bind_double_or_null(st, 17, ad->m.interaction_known,
	    ad->m.interaction);
	/* a mean where the work-days had weight (series.c's rule) */
	for (int i = 0; i < EMN_COUNT; i++)
		db_bind_double_or_null(st, 18 + i, ad->m.weight[i] > 0,
		    ad->m.weight[i] > 0 ? ad->m.sum[i] / ad->m.weight[i] : 0);
	return db_step_done(db, st, "writing account scores", err);
}


/* ---- a stored work-day with its account's fit (readers) ---- */

/* True when reasons (a work_score row's) say the daily minimum held the
 * work-day back: it earned but for that. */
bool
eng_held_by_minimum(const char *reasons)
{
	return reasons != NULL && strstr(reasons, reason_ids[RS_MINIMUM]) != NULL;
}

void
eng_stored_read(sqlite3_value *const v[ENG_STORED_COLS],
    struct eng_stored *s)
{
	memset(s, 0, sizeof *s);
	s->v_known = sqlite3_value_type(v[0]) != SQLITE_NULL;
	s->v_estimated = sqlite3_value_type(v[1]) != SQLITE_NULL;
	s->v = s->v_estimated ? sqlite3_value_double(v[1]) :
	    (double)sqlite3_value_int64(v[0]);
	s->e_known = sqlite3_value_type(v[2]) != SQLITE_NULL;
	s->e = sqlite3_value_double(v[2]);
	s->u_known = sqlite3_value_type(v[3]) != SQLITE_NULL;
	s->u = sqlite3_value_double(v[3]);
	s->q_known = sqlite3_value_type(v[4]) != SQLITE_NULL;
	s->q = sqlite3_value_double(v[4]);
	s->f_bonus = sqlite3_value_double(v[5]);
}

/* What each of the SQL functions returns. */
enum sql_part { SP_ESTIMATED, SP_MODEL, SP_BASE, SP_F_INTERACTION,
    SP_F_USER, SP_F_QUALITY };

/* pt_<part>(eligible, <ENG_STORED_COLS columns>, base, a_e, a_u, a_q):
 * a work_score row's figure under its account's calibration (NULL
 * columns of a missing calibration row: the model's values). NULL when
 * eligible is (no score row on the left of a join). */
static void
sql_score(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	enum sql_part part = (enum sql_part)(intptr_t)sqlite3_user_data(ctx);
	struct model_params p = *engine_model();
	double *fit[4] = { &p.base, &p.a_e, &p.a_u, &p.a_q };
	struct eng_stored s;
	struct score_output o;
	double v;

	(void)argc;
	if (sqlite3_value_type(argv[0]) == SQLITE_NULL) {
		sqlite3_result_null(ctx);
		return;
	}
	for (int i = 0; i < 4; i++)
		if (sqlite3_value_type(argv[1 + ENG_STORED_COLS + i]) != SQLITE_NULL)
			*fit[i] = sqlite3_value_double(argv[1 + ENG_STORED_COLS + i]);
	eng_stored_read(argv + 1, &s);
	eng_score_stored(&p, &s, &o);
	switch (part) {
	case SP_ESTIMATED:
		sqlite3_result_int64(ctx, sqlite3_value_int(argv[0]) ?
		    money_round(o.model_fen) : 0);
		return;
	case SP_MODEL: v = o.model_fen; break;
	case SP_BASE: v = o.base_fen; break;
	case SP_F_INTERACTION: v = o.f_interaction; break;
	case SP_F_USER: v = o.f_user; break;
	default: v = o.f_quality; break;
	}
	sqlite3_result_double(ctx, v);
}

bool
engine_register_sql(sqlite3 *sql, struct pt_err *err)
{
	static const struct { const char *name; enum sql_part part; } fns[] = {
		{ "pt_estimated_fen", SP_ESTIMATED },
		{ "pt_model_fen", SP_MODEL },
		{ "pt_base_fen", SP_BASE },
		{ "pt_f_interaction", SP_F_INTERACTION },
		{ "pt_f_user", SP_F_USER },
		{ "pt_f_quality", SP_F_QUALITY },
	};

	for (size_t i = 0; i < sizeof fns / sizeof fns[0]; i++)
		if (sqlite3_create_function(sql, fns[i].name,
		    1 + ENG_STORED_COLS + 4, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
		    (void *)(intptr_t)fns[i].part, sql_score, NULL, NULL) !=
		    SQLITE_OK) {
			err_set(err, PT_EXIT_DB, "registering SQL functions: %s",
			    sqlite3_errmsg(sql));
			return false;
		}
	return true;
}

fen_t
eng_rescore_stored(const struct eng_ctx *c, int acc, const struct eng_stored *s,
    bool eligible, int64_t *capped)
{
	struct score_output o;

	eng_score_stored(&c->acc[acc].p, s, &o);
	*capped += o.capped;
	return eligible ? money_round(o.model_fen) : 0;
}

void
eng_add_capped(int64_t n)
{
	capped_rows += n;
}

int64_t
engine_dirty_count(struct db *db, struct pt_err *err)
{
	return db_scalar(db, SQL_DIRTY_COUNT, err);
}

sqlite3 *
eng_reader_open(const struct db *db, const char *sql, sqlite3_stmt **st)
{
	sqlite3 *r = NULL;

	*st = NULL;
	if (db->path == NULL || db->path[0] == '\0' ||
	    strcmp(db->path, ":memory:") == 0)
		return NULL;
	if (sqlite3_open_v2(db->path, &r, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOMUTEX, NULL) == SQLITE_OK &&
	    sqlite3_exec(r, "BEGIN", NULL, NULL, NULL) == SQLITE_OK &&
	    sqlite3_prepare_v2(r, sql, -1, st, NULL) == SQLITE_OK)
		return r;
	eng_reader_close(r, *st);
	*st = NULL;
	return NULL;
}

void
eng_reader_close(sqlite3 *sql, sqlite3_stmt *st)
{
	sqlite3_finalize(st);
	if (sql != NULL && !sqlite3_get_autocommit(sql))
		sqlite3_exec(sql, "COMMIT", NULL, NULL, NULL);
	sqlite3_close(sql);
}
