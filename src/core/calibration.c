#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/calibration.h"

static int
cmp_day(const void *a, const void *b)
{
	day_t x = *(const day_t *)a, y = *(const day_t *)b;

	return (x > y) - (x < y);
}

static int
distinct_days(const struct calib_obs *o, size_t n)
{
	day_t *d = malloc((n ? n : 1) * sizeof *d);
	int count = 0;

	if (d == NULL)
		return 0;
	for (size_t i = 0; i < n; i++)
		d[i] = o[i].day;
	qsort(d, n, sizeof *d, cmp_day);
	for (size_t i = 0; i < n; i++)
		if (i == 0 || d[i] != d[i - 1])
			count++;
	free(d);
	return count;
}

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

bool
calibration_fit(const struct model_params *p, const struct calib_obs *o,
    size_t n, struct calib_fit *out)
{
	double prior[4] = { log(p->base), p->a_e, p->a_u, p->a_q };
	double beta[4];
	double lambda = p->calib_lambda;
	int k;

	memset(out, 0, sizeof *out);
	out->n = (int)n;
	out->days = distinct_days(o, n);
	if (n == 0 || out->days < p->calib_min_days || out->days < 1)
		return false;
	out->full = out->days >= p->calib_full_days;
	k = out->full ? 4 : 1;
	/* Normal equations of the residual after the fixed parts, with the
	 * ridge term lambda * (beta - prior). */
	double a[4][4] = { { 0 } }, b[4] = { 0 };
	for (size_t i = 0; i < n; i++) {
		double row[4] = { 1, o[i].x[0], o[i].x[1], o[i].x[2] };
		double y = o[i].y - o[i].offset;
		if (!out->full)
			y -= p->a_e * o[i].x[0] + p->a_u * o[i].x[1] +
			    p->a_q * o[i].x[2];
		for (int r = 0; r < k; r++) {
			for (int c = 0; c < k; c++)
				a[r][c] += row[r] * row[c];
			b[r] += row[r] * y;
		}
	}
	for (int r = 0; r < k; r++) {
		a[r][r] += lambda;
		b[r] += lambda * prior[r];
	}
	if (!solve(k, a, b)) {
		out->full = false;
		return false;
	}
	memcpy(beta, prior, sizeof beta);
	for (int r = 0; r < k; r++)
		beta[r] = b[r];
	out->base = exp(beta[0]);
	out->a_e = beta[1];
	out->a_u = beta[2];
	out->a_q = beta[3];
	/* Fit quality on ln S itself. */
	double mean = 0, sst = 0, sse = 0;
	for (size_t i = 0; i < n; i++)
		mean += o[i].y;
	mean /= (double)n;
	for (size_t i = 0; i < n; i++) {
		double pred = o[i].offset + beta[0] + beta[1] * o[i].x[0] +
		    beta[2] * o[i].x[1] + beta[3] * o[i].x[2];
		sse += (o[i].y - pred) * (o[i].y - pred);
		sst += (o[i].y - mean) * (o[i].y - mean);
	}
	out->has_r2 = sst > 0;
	out->r2 = out->has_r2 ? 1 - sse / sst : 0;
	return true;
}
