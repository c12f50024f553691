#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/modelconf.h"
#include "core/paths.h"

void
modelconf_defaults(struct model_params *p)
{
	memset(p, 0, sizeof *p);
	p->base = 2.00;
	p->w_like = 1;
	p->w_favorite = 1;
	p->w_comment = 0;
	p->w_share = 0;
	p->r_ref = 0.04;
	p->q_ref = 60;
	p->a_e = 0.5;
	p->a_u = 1.0;
	p->a_q = 1.0;
	p->b_sel = 0.30;
	p->b_cert = 0.10;
	p->qw_completion = 0.4;
	p->qw_completion_5s = 0.3;
	p->qw_bounce = 0.3;
	p->r_floor = 0.001;
	p->q_floor = 1;
	p->u_floor = 0.01;
	p->est_share = 0.5;
	p->quality_min = 30;
	p->daily_min_fen = 100;
	p->violation_days = 90;
	p->reapply_days = 30;
	p->comp_history_days = 15;
	p->review_workdays = 5;
	p->comp_pay_days = 3;
	day_from_ymd(2025, 6, 12, &p->backpay_start);
	p->settle_hour = 22;
	p->digest_drop_percent = 30;
	p->comp_play_weight = 0.5;
	p->calib_min_days = 7;
	p->calib_full_days = 60;
	p->calib_lambda = 1.0;
}

enum kind { K_REAL, K_INT, K_DAY, K_YUAN };

/* Every number has a range (partner-tui.conf(5)): inside it, the model's
 * products stay far from overflow; outside it, the file is refused.
 * lo_open: the lower bound itself is excluded (a reference or a floor
 * of 0 would divide by zero). */
static const struct key {
	const char *name;
	enum kind kind;
	size_t off;
	double lo, hi;
	bool lo_open;
} keys[] = {
#define R(n, k, f, lo, hi, open) \
	{ n, k, offsetof(struct model_params, f), lo, hi, open }
	R("base", K_REAL, base, 0, 1000, true),
	R("weight_like", K_REAL, w_like, 0, 100, false),
	R("weight_favorite", K_REAL, w_favorite, 0, 100, false),
	R("weight_comment", K_REAL, w_comment, 0, 100, false),
	R("weight_share", K_REAL, w_share, 0, 100, false),
	R("r_ref", K_REAL, r_ref, 0, 1, true),
	R("q_ref", K_REAL, q_ref, 0, 100, true),
	R("a_e", K_REAL, a_e, -5, 5, false),
	R("a_u", K_REAL, a_u, -5, 5, false),
	R("a_q", K_REAL, a_q, -5, 5, false),
	R("b_sel", K_REAL, b_sel, 0, 10, false),
	R("b_cert", K_REAL, b_cert, 0, 10, false),
	R("quality_weight_completion", K_REAL, qw_completion, 0, 1, false),
	R("quality_weight_completion_5s", K_REAL, qw_completion_5s, 0, 1, false),
	R("quality_weight_bounce", K_REAL, qw_bounce, 0, 1, false),
	R("r_floor", K_REAL, r_floor, 0, 1, true),
	R("q_floor", K_REAL, q_floor, 0, 100, true),
	R("u_floor", K_REAL, u_floor, 0, 10, true),
	R("estimated_profitable_share", K_REAL, est_share, 0, 1, false),
	R("quality_min", K_REAL, quality_min, 0, 100, false),
	R("daily_minimum", K_YUAN, daily_min_fen, 0, 1000000, false),
	R("violation_days", K_INT, violation_days, 0, 3650, false),
	R("reapply_days", K_INT, reapply_days, 0, 3650, false),
	R("compensation_history_days", K_INT, comp_history_days, 1, 3650, false),
	R("review_workdays", K_INT, review_workdays, 0, 3650, false),
	R("compensation_pay_days", K_INT, comp_pay_days, 0, 3650, false),
	R("backpay_start", K_DAY, backpay_start, 0, 0, false),
	R("settlement_hour", K_INT, settle_hour, 0, 23, false),
	R("compensation_play_weight", K_REAL, comp_play_weight, 0, 1, false),
	R("calibration_min_days", K_INT, calib_min_days, 1, 3650, false),
	R("calibration_full_days", K_INT, calib_full_days, 1, 3650, false),
	R("calibration_lambda", K_REAL, calib_lambda, 0, 1000000, false),
	R("digest_drop_percent", K_INT, digest_drop_percent, 1, 100, false),
#undef R
};

static char *
trim(char *s)
{
	char *e;

	while (isspace((unsigned char)*s))
		s++;
	e = s + strlen(s);
	while (e > s && isspace((unsigned char)e[-1]))
		*--e = '\0';
	return s;
}

/* Past an optional sign and one or more digits; NULL without a digit. */
static const char *
signed_digits(const char *p)
{
	if (*p == '-' || *p == '+')
		p++;
	if (*p < '0' || *p > '9')
		return NULL;
	while (*p >= '0' && *p <= '9')
		p++;
	return p;
}

/* A decimal as the page documents it: [-]digits[.digits][e[-]digits];
 * no hexadecimal, inf or nan (strtod takes them all). */
static bool
parse_decimal(const char *s, double *out)
{
	const char *p = signed_digits(s);
	char *end;

	/* the fraction's digits have no sign */
	if (p != NULL && *p == '.')
		p = p[1] == '-' || p[1] == '+' ? NULL : signed_digits(p + 1);
	if (p != NULL && (*p == 'e' || *p == 'E'))
		p = signed_digits(p + 1);
	if (p == NULL || *p != '\0' || p - s > 40)
		return false;
	errno = 0;
	*out = strtod(s, &end);
	return errno == 0 && *end == '\0' && isfinite(*out);
}

/* Sets one parameter; false with why (a message) when it does not fit. */
static bool
set_value(struct model_params *p, const struct key *k, const char *v,
    char *why, size_t whysz)
{
	char *at = (char *)p + k->off;
	double d;

	if (k->kind == K_DAY) {
		if (!day_parse_iso(v, (day_t *)at)) {
			snprintf(why, whysz, "not a day (YYYY-MM-DD)");
			return false;
		}
		return true;
	}
	if (!parse_decimal(v, &d)) {
		snprintf(why, whysz, k->kind == K_INT ? "not a whole number" :
		    k->kind == K_YUAN ? "not an amount in yuan (e.g. 1.00)" :
		    "not a number (write a decimal such as 0.5)");
		return false;
	}
	if (k->kind == K_INT && d != floor(d)) {
		snprintf(why, whysz, "not a whole number");
		return false;
	}
	if (d > k->hi || d < k->lo || (k->lo_open && d == k->lo)) {
		if (k->kind == K_YUAN)
			snprintf(why, whysz, "not an amount in yuan from %.15g "
			    "to %.15g", k->lo, k->hi);
		else if (k->lo_open)
			snprintf(why, whysz, "must be greater than %.15g and at "
			    "most %.15g", k->lo, k->hi);
		else
			snprintf(why, whysz, "must be between %.15g and %.15g",
			    k->lo, k->hi);
		return false;
	}
	switch (k->kind) {
	case K_REAL:
		*(double *)at = d;
		break;
	case K_YUAN:
		if (fabs(d * 100 - round(d * 100)) > 1e-6) {
			snprintf(why, whysz, "more precise than a fen (0.01)");
			return false;
		}
		*(fen_t *)at = (fen_t)llround(d * 100);
		break;
	case K_INT:
		*(int *)at = (int)d;
		break;
	case K_DAY:
		break;
	}
	return true;
}

bool
modelconf_read(const char *path, bool missing_ok, struct model_params *p,
    struct pt_err *err)
{
	struct model_params next = *p;
	FILE *f = fopen(path, "r");
	char line[1024];
	int lineno = 0;
	bool ok = true;

	if (f == NULL) {
		if (errno == ENOENT && missing_ok)
			return true;
		err_set(err, PT_EXIT_DATA, "%s: cannot read: %s", path,
		    strerror(errno));
		return false;
	}
	while (ok && fgets(line, sizeof line, f) != NULL) {
		char *s, *eq, *name, *value, *hash;
		const struct key *k = NULL;
		char why[120];

		lineno++;
		if (strchr(line, '\n') == NULL && !feof(f)) {
			err_set(err, PT_EXIT_DATA, "%s:%d: line too long", path,
			    lineno);
			ok = false;
			break;
		}
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		s = trim(line);
		if (*s == '\0')
			continue;
		if ((eq = strchr(s, '=')) == NULL) {
			err_set(err, PT_EXIT_DATA, "%s:%d: expected 'name = value', "
			    "got '%.80s'", path, lineno, s);
			ok = false;
			break;
		}
		*eq = '\0';
		name = trim(s);
		value = trim(eq + 1);
		for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
			if (strcmp(keys[i].name, name) == 0)
				k = &keys[i];
		if (k == NULL) {
			err_set(err, PT_EXIT_DATA, "%s:%d: unknown parameter '%.80s' "
			    "(see partner-tui.conf(5))", path, lineno, name);
			ok = false;
		} else if (!set_value(&next, k, value, why, sizeof why)) {
			err_set(err, PT_EXIT_DATA, "%s:%d: %s = '%.80s': %s", path,
			    lineno, name, value, why);
			ok = false;
		}
	}
	if (ok && ferror(f)) {
		err_set(err, PT_EXIT_DATA, "%s: read error", path);
		ok = false;
	}
	fclose(f);
	if (ok)
		*p = next;
	return ok;
}

bool
modelconf_load(struct model_params *p, struct pt_err *err)
{
	char *shipped = paths_data_file("model.conf");
	char *dir = paths_config_dir();
	char *user = dir != NULL ? paths_join(dir, "model.conf") : NULL;
	bool ok;

	modelconf_defaults(p);
	ok = shipped != NULL && modelconf_read(shipped, true, p, err);
	if (!ok && shipped == NULL)
		err_set(err, PT_EXIT_DB, "out of memory");
	if (ok && user != NULL)
		ok = modelconf_read(user, true, p, err);
	if (!ok)
		modelconf_defaults(p);
	free(shipped);
	free(dir);
	free(user);
	return ok;
}
