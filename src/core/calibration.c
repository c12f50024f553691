#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"

/* Solves the k x k system a x = b in place (Gaussian elimination with
 * partial pivoting); false when singular. */
static bool
solve(int k, double a[4][4], double b[4])
{
	for (int c = 0; c < k; c++) {
		int piv = c;
		for (int r = c + 1; r < k; r++)
			if (fabs(a[r][c]) > fabs(a[piv][c]))
				piv = r;
		if (fabs(a[piv][c]) < 1e-12)
			return false;
		if (piv != c) {
			for (int j = 0; j < k; j++) {
				double t = a[c][j];
				a[c][j] = a[piv][j];
				a[piv][j] = t;
			}
			double t = b[c];
			b[c] = b[piv];
			b[piv] = t;
		}
		for (int r = c + 1; r < k; r++) {
			double f = a[r][c] / a[c][c];
			for (int j = c; j < k; j++)
				a[r][j] -= f * a[c][j];
			b[r] -= f * b[c];
		}
	}
	for (int c = k - 1; c >= 0; c--) {
		for (int j = c + 1; j < k; j++)
			b[c] -= a[c][j] * b[j];
		b[c] /= a[c][c];
	}
	return true;
}

void
calib_sums_init(struct calib_sums *s, const struct model_params *p)
{
	memset(s, 0, sizeof *s);
	s->p = p;
}

void
calib_sums_free(struct calib_sums *s)
{
	free(s->seen);
	s->seen = NULL;
	s->seen_bytes = 0;
}

/* Marks day d seen; counts it when new. */
static bool
see_day(struct calib_sums *s, day_t d)
{
	if (s->seen == NULL || d < s->lo ||
	    (size_t)(d - s->lo) >= s->seen_bytes * 8) {
		day_t lo = s->seen == NULL ? d - 256 : d < s->lo ? d - 256 : s->lo;
		day_t hi = s->seen == NULL ? d + 256 :
		    s->lo + (day_t)(s->seen_bytes * 8) - 1;
		if (d > hi)
			hi = d + 256;
		size_t bytes = (size_t)(hi - lo) / 8 + 1;
		unsigned char *n = calloc(bytes, 1);
		if (n == NULL)
			return false;
		if (s->seen != NULL)
			memcpy(n + (s->lo - lo) / 8, s->seen, s->seen_bytes);
		free(s->seen);
		s->seen = n;
		s->seen_bytes = bytes;
		s->lo = lo;
	}
	size_t i = (size_t)(d - s->lo);
	if (!(s->seen[i / 8] & (1u << (i % 8)))) {
		s->seen[i / 8] |= (unsigned char)(1u << (i % 8));
		s->days++;
	}
	return true;
}

bool
calib_sums_add(struct calib_sums *s, const struct calib_obs *o)
{
	const struct model_params *p = s->p;
	double row[4] = { 1, o->x[0], o->x[1], o->x[2] };
	double y = o->y - o->offset;
	double y1 = y - (p->a_e * o->x[0] + p->a_u * o->x[1] +
	    p->a_q * o->x[2]);

	if (!see_day(s, o->day))
		return false;
	s->n++;
	for (int r = 0; r < 4; r++) {
		for (int c = 0; c < 4; c++)
			s->a[r][c] += row[r] * row[c];
		s->b_full[r] += row[r] * y;
	}
	s->b_one += row[0] * y1;
	s->ysum += o->y;
	return true;
}

bool
calib_sums_solve(struct calib_sums *s, struct calib_fit *out)
{
	const struct model_params *p = s->p;
	double prior[4] = { log(p->base), p->a_e, p->a_u, p->a_q };
	double lambda = p->calib_lambda;
	double a[4][4] = { { 0 } }, b[4] = { 0 };
	int k;

	memset(out, 0, sizeof *out);
	s->solved = false;
	out->n = (int)s->n;
	out->days = s->days;
	if (s->n == 0 || out->days < p->calib_min_days || out->days < 1)
		return false;
	out->full = out->days >= p->calib_full_days;
	k = out->full ? 4 : 1;
	/* Normal equations of the residual after the fixed parts, with the
	 * ridge term lambda * (beta - prior). */
	for (int r = 0; r < k; r++) {
		for (int c = 0; c < k; c++)
			a[r][c] = s->a[r][c];
		b[r] = out->full ? s->b_full[r] : s->b_one;
	}
	for (int r = 0; r < k; r++) {
		a[r][r] += lambda;
		b[r] += lambda * prior[r];
	}
	if (!solve(k, a, b)) {
		out->full = false;
		return false;
	}
	memcpy(s->beta, prior, sizeof s->beta);
	for (int r = 0; r < k; r++)
		s->beta[r] = b[r];
	out->base = exp(s->beta[0]);
	out->a_e = s->beta[1];
	out->a_u = s->beta[2];
	out->a_q = s->beta[3];
	s->mean = s->ysum / (double)s->n;
	s->sse = s->sst = 0;
	s->solved = true;
	return true;
}

void
calib_sums_add_r2(struct calib_sums *s, const struct calib_obs *o)
{
	const double *beta = s->beta;
	double pred = o->offset + beta[0] + beta[1] * o->x[0] +
	    beta[2] * o->x[1] + beta[3] * o->x[2];

	s->sse += (o->y - pred) * (o->y - pred);
	s->sst += (o->y - s->mean) * (o->y - s->mean);
}

void
calib_sums_finish(struct calib_sums *s, struct calib_fit *out)
{
	/* Fit quality on ln S itself. */
	out->has_r2 = s->solved && s->sst > 0;
	out->r2 = out->has_r2 ? 1 - s->sse / s->sst : 0;
}

bool
calibration_fit(const struct model_params *p, const struct calib_obs *o,
    size_t n, struct calib_fit *out)
{
	struct calib_sums s;
	bool ok = true;

	calib_sums_init(&s, p);
	for (size_t i = 0; ok && i < n; i++)
		ok = calib_sums_add(&s, &o[i]);
	if (!ok || !calib_sums_solve(&s, out)) {
		if (!ok)
			memset(out, 0, sizeof *out);
		calib_sums_free(&s);
		return false;
	}
	for (size_t i = 0; i < n; i++)
		calib_sums_add_r2(&s, &o[i]);
	calib_sums_finish(&s, out);
	calib_sums_free(&s);
	return true;
}

void
calib_part_add(struct calib_part *d, const struct model_params *p,
    const struct calib_obs *o)
{
	double row[4] = { 1, o->x[0], o->x[1], o->x[2] };
	double y = o->y - o->offset;
	double y1 = y - (p->a_e * o->x[0] + p->a_u * o->x[1] +
	    p->a_q * o->x[2]);

	d->n++;
	for (int r = 0; r < 4; r++) {
		for (int c = r; c < 4; c++)
			d->a[r][c] += row[r] * row[c];
		d->b_full[r] += row[r] * y;
	}
	d->b_one += row[0] * y1;
	d->ysum += o->y;
	d->yy += o->y * o->y;
	d->zz += y * y;
}

void
calib_sums_add_part(struct calib_sums *s, const struct calib_part *d)
{
	if (d->n <= 0)
		return;
	s->n += (size_t)d->n;
	s->days++;
	for (int r = 0; r < 4; r++) {
		for (int c = r; c < 4; c++) {
			s->a[r][c] += d->a[r][c];
			if (c != r)
				s->a[c][r] = s->a[r][c];
		}
		s->b_full[r] += d->b_full[r];
	}
	s->b_one += d->b_one;
	s->ysum += d->ysum;
	s->yy += d->yy;
	s->zz += d->zz;
}

void
calib_sums_finish_parts(struct calib_sums *s, struct calib_fit *out)
{
	const double *b = s->beta;
	double sse = s->zz, sst;

	/* sum (z - b.row)^2 = zz - 2 b.(sum row z) + b' A b */
	for (int r = 0; r < 4; r++) {
		sse -= 2 * b[r] * s->b_full[r];
		for (int c = 0; c < 4; c++)
			sse += b[r] * b[c] * s->a[r][c];
	}
	sst = s->yy - s->ysum * s->mean;
	/* rounding of a near-perfect fit: never below 0 */
	s->sse = sse > 0 ? sse : 0;
	s->sst = sst > 0 ? sst : 0;
	calib_sums_finish(s, out);
}
