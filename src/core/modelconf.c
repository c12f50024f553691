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
	p->comp_play_weight = 0.5;
	p->calib_min_days = 7;
	p->calib_full_days = 60;
	p->calib_lambda = 1.0;
}

enum kind { K_REAL, K_POS, K_INT, K_DAY, K_YUAN, K_HOUR, K_SHARE };

static const struct key {
	const char *name;
	enum kind kind;
	size_t off;
} keys[] = {
#define R(n, k, f) { n, k, offsetof(struct model_params, f) }
	R("base", K_POS, base),
	R("weight_like", K_REAL, w_like),
	R("weight_favorite", K_REAL, w_favorite),
	R("weight_comment", K_REAL, w_comment),
	R("weight_share", K_REAL, w_share),
	R("r_ref", K_POS, r_ref),
	R("q_ref", K_POS, q_ref),
	R("a_e", K_REAL, a_e),
	R("a_u", K_REAL, a_u),
	R("a_q", K_REAL, a_q),
	R("b_sel", K_REAL, b_sel),
	R("b_cert", K_REAL, b_cert),
	R("quality_weight_completion", K_REAL, qw_completion),
	R("quality_weight_completion_5s", K_REAL, qw_completion_5s),
	R("quality_weight_bounce", K_REAL, qw_bounce),
	R("r_floor", K_POS, r_floor),
	R("q_floor", K_POS, q_floor),
	R("u_floor", K_POS, u_floor),
	R("estimated_profitable_share", K_SHARE, est_share),
	R("quality_min", K_REAL, quality_min),
	R("daily_minimum", K_YUAN, daily_min_fen),
	R("violation_days", K_INT, violation_days),
	R("reapply_days", K_INT, reapply_days),
	R("compensation_history_days", K_INT, comp_history_days),
	R("review_workdays", K_INT, review_workdays),
	R("compensation_pay_days", K_INT, comp_pay_days),
	R("backpay_start", K_DAY, backpay_start),
	R("settlement_hour", K_HOUR, settle_hour),
	R("compensation_play_weight", K_SHARE, comp_play_weight),
	R("calibration_min_days", K_INT, calib_min_days),
	R("calibration_full_days", K_INT, calib_full_days),
	R("calibration_lambda", K_REAL, calib_lambda),
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

static bool
parse_double(const char *s, double *out)
{
	char *end;

	errno = 0;
	*out = strtod(s, &end);
	return *s != '\0' && *end == '\0' && errno == 0 && isfinite(*out);
}

/* Sets one parameter; false with *why when the value does not fit. */
static bool
set_value(struct model_params *p, const struct key *k, const char *v,
    const char **why)
{
	char *at = (char *)p + k->off;
	double d;
	long l;
	char *end;

	switch (k->kind) {
	case K_REAL:
	case K_POS:
	case K_SHARE:
		if (!parse_double(v, &d)) {
			*why = "not a number";
			return false;
		}
		if (k->kind == K_POS && d <= 0) {
			*why = "must be greater than 0";
			return false;
		}
		if (k->kind == K_SHARE && (d < 0 || d > 1)) {
			*why = "must be between 0 and 1";
			return false;
		}
		*(double *)at = d;
		return true;
	case K_YUAN:
		if (!parse_double(v, &d) || d < 0 || d > 1e9) {
			*why = "not an amount in yuan (e.g. 1.00)";
			return false;
		}
		*(fen_t *)at = (fen_t)llround(d * 100);
		return true;
	case K_INT:
	case K_HOUR:
		errno = 0;
		l = strtol(v, &end, 10);
		if (*v == '\0' || *end != '\0' || errno != 0) {
			*why = "not a whole number";
			return false;
		}
		if (k->kind == K_INT && (l < 0 || l > 3650)) {
			*why = "must be between 0 and 3650";
			return false;
		}
		if (k->kind == K_HOUR && (l < 0 || l > 23)) {
			*why = "must be an hour from 0 to 23";
			return false;
		}
		*(int *)at = (int)l;
		return true;
	case K_DAY:
		if (!day_parse_iso(v, (day_t *)at)) {
			*why = "not a day (YYYY-MM-DD)";
			return false;
		}
		return true;
	}
	*why = "unknown type";
	return false;
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
		const char *why = NULL;

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
		} else if (!set_value(&next, k, value, &why)) {
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
