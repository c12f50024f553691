/* The parameters of revenue model v1 (DESIGN §5) and of the rules around
 * it: read from $(pkgdatadir)/model.conf, then from the user's
 * $XDG_CONFIG_HOME/partner-tui/model.conf. Documented, with every
 * default, in partner-tui.conf(5). */
#ifndef PT_MODELCONF_H
#define PT_MODELCONF_H

#include <stdbool.h>

#include "core/day.h"
#include "core/err.h"
#include "core/money.h"

struct model_params {
	/* revenue model */
	double base;		/* yuan per 1,000 profitable plays */
	double w_like, w_favorite, w_comment, w_share;
	double r_ref, q_ref;
	double a_e, a_u, a_q;
	double b_sel, b_cert;
	double qw_completion, qw_completion_5s, qw_bounce;
	double r_floor, q_floor, u_floor;
	double est_share;	/* profitable / plays when 5 s completion is missing */
	double quality_min;	/* the `quality` work rule */
	fen_t daily_min_fen;	/* the ¥1 daily minimum */
	/* periods */
	int violation_days;	/* 90 */
	int reapply_days;	/* 30 */
	int comp_history_days;	/* 15 */
	int review_workdays;	/* 5 */
	int comp_pay_days;	/* 3 */
	day_t backpay_start;	/* 2025-06-12 */
	int settle_hour;	/* 22 */
	double comp_play_weight;	/* share of back-pay from plays vs interactions */
	/* calibration */
	int calib_min_days;
	int calib_full_days;	/* days from which the exponents are fitted too */
	double calib_lambda;	/* ridge weight toward the defaults */
	/* the digest: a week's revenue this many percent below the week
	 * before needs attention */
	int digest_drop_percent;
};

/* The built-in defaults (the same as the shipped model.conf). */
void modelconf_defaults(struct model_params *p);
/* Reads one file over *p. The file is taken whole or not at all: on any
 * malformed line *p is left as it was and err names file:line. A missing
 * file is not an error when missing_ok. */
bool modelconf_read(const char *path, bool missing_ok, struct model_params *p,
    struct pt_err *err);
/* Defaults, then the shipped file, then the user's. On error *p holds
 * what was valid before the bad file and err says why. */
bool modelconf_load(struct model_params *p, struct pt_err *err);

#endif
