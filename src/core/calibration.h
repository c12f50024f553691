/* Calibration of the model to settled revenue, per account, in log
 * space: ln S = offset + ln base + a_e x1 + a_u x2 + a_q x3, least
 * squares with a ridge pull toward the configured values. */
#ifndef PT_CALIBRATION_H
#define PT_CALIBRATION_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/modelconf.h"

struct calib_obs {
	double y;	/* ln settled fen */
	double offset;	/* ln(V/1000) + ln(100) + ln(bonus factor) */
	double x[3];	/* ln(r/r_ref), ln U, ln(Q/Q_ref) */
	day_t day;
};

struct calib_fit {
	double base, a_e, a_u, a_q;
	int days;		/* distinct days behind the fit */
	int n;			/* work-days behind the fit */
	bool full;		/* exponents fitted too */
	bool has_r2;
	double r2;		/* of ln S */
};

/* False (nothing fitted) with fewer than calib_min_days distinct days. */
bool calibration_fit(const struct model_params *p, const struct calib_obs *o,
    size_t n, struct calib_fit *out);

/* The same fit from a stream of observations, in memory bounded by the
 * span of days rather than the number of rows: pass 1 adds every
 * observation with calib_sums_add(), calib_sums_solve() fits, pass 2
 * adds the same observations in the same order with calib_sums_add_r2()
 * and calib_sums_finish() gives the fit quality. The arithmetic is done
 * in the same order as calibration_fit(), so the results are the same
 * to the bit. */
struct calib_sums {
	const struct model_params *p;
	double a[4][4], b_full[4], b_one;	/* normal equations */
	double ysum, yy, zz;	/* yy, zz: from parts only */
	size_t n;
	unsigned char *seen;	/* one bit per day from `lo` */
	day_t lo;
	size_t seen_bytes;
	int days;
	double beta[4], mean, sse, sst;
	bool solved;
};

void calib_sums_init(struct calib_sums *s, const struct model_params *p);
/* False when out of memory. */
bool calib_sums_add(struct calib_sums *s, const struct calib_obs *o);
/* Like calibration_fit() without r2; false when nothing is fitted. */
bool calib_sums_solve(struct calib_sums *s, struct calib_fit *out);
void calib_sums_add_r2(struct calib_sums *s, const struct calib_obs *o);
void calib_sums_finish(struct calib_sums *s, struct calib_fit *out);
void calib_sums_free(struct calib_sums *s);

/*
 * The same sums kept per account-day, so that new or replaced days
 * update an account's fit without reading its other days: a day's part
 * holds the sums of its observations (added in work order), an
 * account's fit adds its days' parts in day order, and the fit quality
 * comes from the sums too (sum of squares), with no second pass. Every
 * path that fits an account (full or incremental rescore) adds the same
 * parts in the same order: the same fit to the bit.
 */
struct calib_part {
	int64_t n;
	double a[4][4];		/* symmetric: [r][c] with r <= c is kept */
	double b_full[4], b_one, ysum;
	double yy;		/* sum of y^2 (for the total variance) */
	double zz;		/* sum of (y - offset)^2 (for the residuals) */
};

/* Adds an observation to a day's part. */
void calib_part_add(struct calib_part *d, const struct model_params *p,
    const struct calib_obs *o);
/* Adds a day's part to an account's sums (s from calib_sums_init). */
void calib_sums_add_part(struct calib_sums *s, const struct calib_part *d);
/* After calib_sums_solve() on parts: the fit quality from the sums. */
void calib_sums_finish_parts(struct calib_sums *s, struct calib_fit *out);

#endif
