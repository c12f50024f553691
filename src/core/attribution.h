/* The arithmetic of attribution, apart from the database so that it can
 * be tested on random data: per-work aggregates of a period, LMDI
 * between two periods, and rounding that keeps the integer parts'
 * sum equal to the integer total. */
#ifndef PT_ATTRIBUTION_H
#define PT_ATTRIBUTION_H

#include <stdbool.h>

#include "core/engine.h"

/* One work-day as the attribution sees it. */
struct attr_day {
	double pot;		/* model_fen: revenue if eligible (>= 0) */
	double f_interaction, f_user, f_quality, f_bonus, base_fen;
	fen_t actual;		/* counted revenue: settled, else estimated */
};

/* A work over a period. */
struct attr_period {
	bool present;		/* had any day in the period */
	fen_t revenue;		/* sum of actual */
	double pot_all, pot_earn, explained, unexplained;
	/* pot-weighted sums of the log factors */
	double wl_int, wl_user, wl_qual, wl_bonus, wl_base;
};

void attribution_add_day(struct attr_period *p, const struct attr_day *d);
/* Adds the real-valued parts of one work's change from vs to cur. */
void attribution_work(const struct attr_period *cur,
    const struct attr_period *vs, double part[EF_COUNT]);
/* Rounds parts so that they sum exactly to total (largest remainder). */
void attribution_round(const double part[EF_COUNT], fen_t total,
    fen_t out[EF_COUNT]);

#endif
