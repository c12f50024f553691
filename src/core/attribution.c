/* Attribution by the logarithmic-mean Divisia index (LMDI-I).
 *
 * A work's counted revenue in a period splits as
 *   R = Pot_all * (Pot_earn / Pot_all) * (R_expl / Pot_earn) + R_unexpl
 * where Pot is the model's revenue had the work been eligible, summed
 * over the period's days (Pot_earn: over the days it earned), and
 *   Pot_all = V * I * U * Q * B * base
 * with I, U, Q, B, base the Pot-weighted geometric means of the daily
 * factors; V takes what remains (volume and how it fell across days), so
 * the identity is exact. The change of a work's R_expl between periods is
 * L(R1, R0) * sum_k ln(f_k1 / f_k0), exactly R1 - R0; a work that earns in
 * one period only puts its whole change on the factor that is zero in
 * the other (no rows: new works; no plays: profitable plays; not
 * earning: eligibility). Revenue the model cannot explain (paid on a day
 * without play figures) is calibration. */
#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/attribution.h"
#include "core/engine_internal.h"
#include "core/grow.h"
#include "core/store.h"
#include "core/exitcode.h"
#include "core/db_internal.h"

void
attribution_add_day(struct attr_period *p, const struct attr_day *d)
{
	p->present = true;
	p->revenue += d->actual;
	if (d->pot > 0) {
		p->pot_all += d->pot;
		p->wl_int += d->pot * log(d->f_interaction);
		p->wl_user += d->pot * log(d->f_user);
		p->wl_qual += d->pot * log(d->f_quality);
		p->wl_bonus += d->pot * log(d->f_bonus);
		p->wl_base += d->pot * log(d->base_fen);
		if (d->actual > 0) {
			p->pot_earn += d->pot;
			p->explained += (double)d->actual;
		}
	} else if (d->actual > 0)
		p->unexplained += (double)d->actual;
}

/* ln of each factor; false when the period explains no revenue. */
static bool
logs(const struct attr_period *p, double l[EF_COUNT])
{
	double li, lu, lq, lb, lbase;

	memset(l, 0, EF_COUNT * sizeof *l);
	if (p->explained <= 0 || p->pot_earn <= 0 || p->pot_all <= 0)
		return false;
	li = p->wl_int / p->pot_all;
	lu = p->wl_user / p->pot_all;
	lq = p->wl_qual / p->pot_all;
	lb = p->wl_bonus / p->pot_all;
	lbase = p->wl_base / p->pot_all;
	l[EF_PROFITABLE_PLAYS] = log(p->pot_all) - li - lu - lq - lb - lbase;
	l[EF_INTERACTION] = li;
	l[EF_USER_VALUE] = lu;
	l[EF_QUALITY] = lq;
	l[EF_BONUS] = lb;
	l[EF_ELIGIBILITY] = log(p->pot_earn / p->pot_all);
	l[EF_CALIBRATION] = lbase + log(p->explained / p->pot_earn);
	return true;
}

/* Which factor takes a work's whole revenue when the other period has
 * none of it. */
static enum engine_factor
zero_factor(const struct attr_period *none)
{
	if (!none->present)
		return EF_NEW_WORKS;
	if (none->pot_all <= 0)
		return EF_PROFITABLE_PLAYS;
	return EF_ELIGIBILITY;
}

void
attribution_work(const struct attr_period *cur, const struct attr_period *vs,
    double part[EF_COUNT])
{
	double l1[EF_COUNT], l0[EF_COUNT];
	bool has1 = logs(cur, l1), has0 = logs(vs, l0);

	part[EF_CALIBRATION] += cur->unexplained - vs->unexplained;
	if (has1 && has0) {
		double x1 = cur->explained, x0 = vs->explained;
		double lx = log(x1) - log(x0);
		double w = fabs(lx) > 1e-15 ? (x1 - x0) / lx : x0;
		for (int k = 0; k < EF_COUNT; k++)
			if (k != EF_NEW_WORKS)
				part[k] += w * (l1[k] - l0[k]);
	} else if (has1)
		part[zero_factor(vs)] += cur->explained;
	else if (has0)
		part[zero_factor(cur)] -= vs->explained;
}

void
attribution_round(const double part[EF_COUNT], fen_t total,
    fen_t out[EF_COUNT])
{
	double frac[EF_COUNT];
	fen_t sum = 0;

	for (int k = 0; k < EF_COUNT; k++) {
		double f = floor(part[k]);
		out[k] = (fen_t)f;
		frac[k] = part[k] - f;
		sum += out[k];
	}
	/* Largest remainders first; the real parts sum to total up to
	 * rounding error, so this moves at most a few fen. */
	while (sum != total) {
		int best = -1;
		if (sum < total) {
			for (int k = 0; k < EF_COUNT; k++)
				if (best < 0 || frac[k] > frac[best])
					best = k;
			out[best]++;
			frac[best] -= 1;
			sum++;
		} else {
			for (int k = 0; k < EF_COUNT; k++)
				if (best < 0 || frac[k] < frac[best])
					best = k;
			out[best]--;
			frac[best] += 1;
			sum--;
		}
	}
}

/* ---- from the database ---- */

static const char *const factor_ids[EF_COUNT] = {
	"profitable_plays", "interaction", "user_value", "quality", "bonus",
	"eligibility", "new_works", "calibration",
};
static const char *const factor_labels[EF_COUNT] = {
	"profitable plays", "interaction", "user value", "quality",
	"bonuses", "eligibility", "new works", "calibration",
};

const char *
engine_factor_id(enum engine_factor f)
{
	return f >= 0 && f < EF_COUNT ? factor_ids[f] : "";
}

const char *
engine_factor_label(enum engine_factor f)
{
	return f >= 0 && f < EF_COUNT ? factor_labels[f] : "";
}

#define ATTR_COLS "s.work_id, " ENG_SCORE("model_fen", "s", "k") ", " \
    ENG_SCORE("f_interaction", "s", "k") ", " \
    ENG_SCORE("f_user", "s", "k") ", " ENG_SCORE("f_quality", "s", "k") \
    ", s.f_bonus, " ENG_SCORE("base_fen", "s", "k") ", " \
    "coalesce(d.revenue_fen, " ENG_ESTIMATED_FEN("s", "k") ") " \
    "FROM work_score s JOIN daily d ON d.work_id = s.work_id " \
    "AND d.day = s.day "
static const char SQL_ATTR_WORK[] = "SELECT " ATTR_COLS
    ENG_CALIB_OF("k", "(SELECT account_id FROM work WHERE work_id = ?1)")
    "WHERE s.work_id = ?1 AND s.day BETWEEN ?2 AND ?3";
static const char SQL_ATTR_ACCOUNT[] = "SELECT " ATTR_COLS
    "JOIN work w ON w.work_id = s.work_id "
    ENG_CALIB_OF("k", "w.account_id")
    "WHERE w.account_id = ?1 AND s.day BETWEEN ?2 AND ?3 ORDER BY s.work_id";

struct attr_entry {
	char *work_id;
	struct attr_period per[2];	/* [0] vs, [1] current */
};

struct attr_set {
	struct attr_entry *e;
	size_t n, cap;
	size_t nsorted;		/* e[0..nsorted) are in work_id order */
};

static struct attr_entry *
entry_for(struct attr_set *s, const char *id, bool first_period)
{
	/* Rows come ordered by work: the last entry is the usual hit. */
	if (s->n > 0 && strcmp(s->e[s->n - 1].work_id, id) == 0)
		return &s->e[s->n - 1];
	size_t lo = 0, hi = first_period ? 0 : s->nsorted;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(s->e[mid].work_id, id);
		if (c == 0)
			return &s->e[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t i = s->nsorted; !first_period && i < s->n; i++)
		if (strcmp(s->e[i].work_id, id) == 0)
			return &s->e[i];
	if (!grow_reserve(&s->e, &s->cap, s->n + 1, sizeof *s->e))
		return NULL;
	memset(&s->e[s->n], 0, sizeof s->e[0]);
	if ((s->e[s->n].work_id = strdup(id)) == NULL)
		return NULL;
	return &s->e[s->n++];
}

static bool
load_period(struct db *db, const char *account_id, const char *work_id,
    day_t from, day_t to, int which, struct attr_set *set, struct pt_err *err)
{
	sqlite3_stmt *st;
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	int rc;

	if ((st = db_bound(db, work_id ? SQL_ATTR_WORK : SQL_ATTR_ACCOUNT,
	    DB_ARGS(DB_TEXT(work_id ? work_id : account_id),
	    DB_TEXT(day_format(from, a)), DB_TEXT(day_format(to, b))),
	    err)) == NULL)
		return false;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct attr_entry *e = entry_for(set,
		    (const char *)sqlite3_column_text(st, 0), which == 0);
		struct attr_day d;
		if (e == NULL) {
			sqlite3_reset(st);
			err_set(err, PT_EXIT_DB, "out of memory");
			return false;
		}
		d.pot = sqlite3_column_double(st, 1);
		d.f_interaction = sqlite3_column_double(st, 2);
		d.f_user = sqlite3_column_double(st, 3);
		d.f_quality = sqlite3_column_double(st, 4);
		d.f_bonus = sqlite3_column_double(st, 5);
		d.base_fen = sqlite3_column_double(st, 6);
		d.actual = sqlite3_column_int64(st, 7);
		if (!(d.f_interaction > 0 && d.f_user > 0 && d.f_quality > 0 &&
		    d.f_bonus > 0 && d.base_fen > 0))
			d.pot = 0;	/* cannot be factored: unexplained */
		attribution_add_day(&e->per[which], &d);
	}
	return db_rows_end(db, st, rc, "reading scores for attribution", err);
}

/* The work, else the account, asked about is in the database. */
static bool
subject_exists(struct db *db, const char *account_id, const char *work_id,
    struct pt_err *err)
{
	char owner[256];
	bool found;

	if (work_id != NULL) {
		if (!store_work_account(db, work_id, owner, &found, err))
			return false;
		if (!found)
			err_set(err, PT_EXIT_DATA, "no work '%s' in the database",
			    work_id);
		return found;
	}
	if (!store_account_exists(db, account_id, &found, err))
		return false;
	if (!found)
		err_set(err, PT_EXIT_DATA, "no account '%s' in the database",
		    account_id);
	return found;
}

bool
engine_attribute(struct db *db, const char *account_id, const char *work_id,
    day_t from, day_t to, day_t vs_from, day_t vs_to,
    struct attribution *out, struct pt_err *err)
{
	struct attr_set set = { 0 };
	double part[EF_COUNT] = { 0 };
	bool ok = false;

	memset(out, 0, sizeof *out);
	out->from = from;
	out->to = to;
	out->vs_from = vs_from;
	out->vs_to = vs_to;
	if (work_id == NULL && account_id == NULL) {
		err_set(err, PT_EXIT_USAGE, "attribution needs an account or a work");
		return false;
	}
	if (from > to || vs_from > vs_to) {
		err_set(err, PT_EXIT_USAGE, "a period ends before it starts");
		return false;
	}
	if (!subject_exists(db, account_id, work_id, err))
		return false;
	if (!load_period(db, account_id, work_id, vs_from, vs_to, 0, &set, err))
		goto out;
	set.nsorted = set.n;
	if (!load_period(db, account_id, work_id, from, to, 1, &set, err))
		goto out;
	for (size_t i = 0; i < set.n; i++) {
		out->vs_revenue_fen += set.e[i].per[0].revenue;
		out->revenue_fen += set.e[i].per[1].revenue;
		attribution_work(&set.e[i].per[1], &set.e[i].per[0], part);
	}
	out->total_change_fen = out->revenue_fen - out->vs_revenue_fen;
	attribution_round(part, out->total_change_fen, out->part_fen);
	ok = true;
out:
	for (size_t i = 0; i < set.n; i++)
		free(set.e[i].work_id);
	free(set.e);
	return ok;
}
