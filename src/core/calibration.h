/* Calibration of the model to settled revenue, per account, in log
 * space: ln S = offset + ln base + a_e x1 + a_u x2 + a_q x3, least
 * squares with a ridge pull toward the configured values. */
#ifndef PT_CALIBRATION_H
#define PT_CALIBRATION_H

#include <stdbool.h>
#include <stddef.h>

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

#endif
