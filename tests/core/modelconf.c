/* src/core/modelconf.c: the model file's numbers, decimal only, as
 * partner-tui.conf(5) documents them; the shipped file equals the
 * defaults; overrides, ranges and errors; a refused user file leaves the
 * defaults whole. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/engine.h"
#include "core/modelconf.h"
#include "core/paths.h"
#include "testutil.h"

static struct model_params defaults;

static void
setup(void)
{
	test_tmp_setup();
	modelconf_defaults(&defaults);
	engine_set_model(&defaults);
}

START_TEST(config_shipped_file_matches_defaults)
{
	struct model_params p;
	struct pt_err err = { 0 };
	char *path = paths_data_file("model.conf");

	modelconf_defaults(&p);
	ck_assert_msg(modelconf_read(path, false, &p, &err), "%s", err.msg);
	ck_assert(memcmp(&p, &defaults, sizeof p) == 0);
	free(path);
}
END_TEST

START_TEST(config_overrides_and_errors)
{
	const char *path = test_path(test_tmp, "model.conf");
	struct model_params p = defaults;
	struct pt_err err = { 0 };
	static const char good[] =
	    "# comment\n\nbase = 3.5   # trailing comment\n"
	    "daily_minimum = 2.50\nviolation_days=60\n"
	    "backpay_start = 2025-07-01\nsettlement_hour = 21\n";
	static const struct {
		const char *text, *want;
	} bad[] = {
		{ "base = 3\nbase 4\n", "model.conf:2: expected 'name = value'" },
		{ "nonsense = 1\n", "model.conf:1: unknown parameter 'nonsense'" },
		{ "\n\nbase = abc\n", "model.conf:3: base = 'abc': not a number" },
		{ "base = 0\n", "model.conf:1: base = '0': must be greater than 0" },
		{ "settlement_hour = 24\n", "model.conf:1: settlement_hour = '24'" },
		{ "backpay_start = 2025-6-12\n", "not a day" },
		{ "violation_days = 9.5\n", "not a whole number" },
		{ "daily_minimum = -1\n", "not an amount" },
		{ "estimated_profitable_share = 1.5\n", "between 0 and 1" },
		/* Issue 16, 9: documented ranges, decimal only. */
		{ "a_u = 1e5\n", "a_u = '1e5': must be between -5 and 5" },
		{ "a_u = 100000\n", "a_u = '100000': must be between -5 and 5" },
		{ "a_e = 1e300\n", "a_e = '1e300': must be between -5 and 5" },
		{ "a_q = -1e10\n", "a_q = '-1e10': must be between -5 and 5" },
		{ "a_q = 1e\n", "a_q = '1e': not a number" },
		{ "b_sel = -2\n", "b_sel = '-2': must be between 0 and 10" },
		{ "base = 0x10\n", "base = '0x10': not a number" },
		{ "base = inf\n", "not a number" },
		{ "r_ref = 2\n", "r_ref = '2': must be greater than 0 and at most 1" },
		{ "settlement_hour = 0x10\n", "not a whole number" },
	};

	test_write_file(path, good, sizeof good - 1);
	ck_assert_msg(modelconf_read(path, false, &p, &err), "%s", err.msg);
	ck_assert_double_eq(p.base, 3.5);
	ck_assert_int_eq(p.daily_min_fen, 250);
	ck_assert_int_eq(p.violation_days, 60);
	ck_assert_int_eq(p.backpay_start, test_day("2025-07-01"));
	ck_assert_int_eq(p.settle_hour, 21);
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		struct model_params q = defaults;
		err_clear(&err);
		test_write_file(path, bad[i].text, (long)strlen(bad[i].text));
		ck_assert(!modelconf_read(path, false, &q, &err));
		ck_assert_msg(strstr(err.msg, bad[i].want) != NULL,
		    "'%s' does not say '%s'", err.msg, bad[i].want);
		/* refused whole: nothing from the bad file was taken */
		ck_assert(memcmp(&q, &defaults, sizeof q) == 0);
	}
	/* The extremes of every range together cannot overflow the model:
	 * a work-day's estimate is capped, and says so. */
	{
		static const char extreme[] = "base = 1000\na_e = 5\na_u = 5\n"
		    "a_q = -5\nr_ref = 0.0001\nb_sel = 10\nb_cert = 10\n"
		    "r_floor = 0.0001\nq_floor = 0.0001\nweight_like = 100\n";
		struct model_params x = defaults;
		struct score_input in = { 0 };
		struct score_output out;

		test_write_file(path, extreme, sizeof extreme - 1);
		ck_assert_msg(modelconf_read(path, false, &x, &err), "%s",
		    err.msg);
		in.base = x.base;
		in.pp_known = in.likes_known = in.uv_known = true;
		in.profitable_plays = 1;
		in.likes = 9000000000000000;
		in.user_value = 1e12;
		in.quality_known = true;
		in.quality = 0;
		in.selected = in.certified = true;
		engine_score(&x, &in, &out);
		ck_assert(out.capped);
		ck_assert(isfinite(out.model_fen));
		ck_assert(out.model_fen >= 0 && out.model_fen <= ENGINE_FEN_CAP);
		ck_assert_int_ge(money_round(out.model_fen), 0);
		/* Ordinary figures are never capped. */
		in.likes = 40;
		in.profitable_plays = 1000;
		in.user_value = 1;
		in.quality = 60;
		engine_score(&defaults, &in, &out);
		ck_assert(!out.capped);
	}
	/* missing is fine when allowed, an error when not */
	ck_assert(modelconf_read(test_path(test_tmp, "none.conf"), true, &p, &err));
	ck_assert(!modelconf_read(test_path(test_tmp, "none.conf"), false, &p, &err));
}
END_TEST

START_TEST(config_user_file_refused_keeps_defaults)
{
	char *dir = (char *)test_path(test_tmp, "cfg");
	struct model_params p;
	struct pt_err err = { 0 };
	char conf[4096];

	setenv("XDG_CONFIG_HOME", dir, 1);
	snprintf(conf, sizeof conf, "%s/partner-tui", dir);
	ck_assert(paths_mkdir_p(conf, 0700, &err));
	strcat(conf, "/model.conf");
	test_write_file(conf, "base = 5\n", 9);
	ck_assert_msg(modelconf_load(&p, &err), "%s", err.msg);
	ck_assert_double_eq(p.base, 5);
	test_write_file(conf, "base = 5\nb_sel = lots\n", 22);
	ck_assert(!modelconf_load(&p, &err));
	test_err_is(&err, PT_EXIT_DATA, "%s:%d: %s = '%.80s': %s");
	ck_assert_ptr_nonnull(strstr(test_err_str(&err, 0), "model.conf"));
	ck_assert_int_eq(err.arg[1].i, 2);
	ck_assert_str_eq(test_err_str(&err, 2), "b_sel");
	ck_assert_str_eq(test_err_str(&err, 3), "lots");
	ck_assert(memcmp(&p, &defaults, sizeof p) == 0);
	unsetenv("XDG_CONFIG_HOME");
}
END_TEST

/* Reads "a_u = <text>"; true when taken, with the value in *v. */
static bool
read_a_u(const char *text, double *v, struct pt_err *err)
{
	char line[128];
	struct model_params p = *engine_model();
	const char *path = test_path(test_tmp, "model.conf");

	snprintf(line, sizeof line, "a_u = %s\n", text);
	test_write_file(path, line, (long)strlen(line));
	memset(err, 0, sizeof *err);
	if (!modelconf_read(path, false, &p, err))
		return false;
	*v = p.a_u;
	return true;
}

START_TEST(modelconf_decimal_syntax)
{
	static const struct {
		const char *text;
		double want;
	} good[] = {
		{ "1", 1 }, { "-1.5", -1.5 }, { "+2", 2 }, { "1.25e-1", 0.125 },
		{ "2E0", 2 }, { "-0.5e+1", -5 }, { "0.000", 0 }, { "4.99", 4.99 },
	};
	static const char *const bad[] = {
		"1.", ".5", "1.-5", "1.+5", "1e", "1e+", "e5", "--1", "+-1",
		"1.5.2", "1,5", "0x1", "nan", "inf", "1 2", "1e1.5", "-",
	};
	struct pt_err err;
	double v;

	for (size_t i = 0; i < sizeof good / sizeof good[0]; i++) {
		ck_assert_msg(read_a_u(good[i].text, &v, &err), "'%s': %s",
		    good[i].text, err.msg);
		ck_assert_double_eq_tol(v, good[i].want, 1e-12);
	}
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(!read_a_u(bad[i], &v, &err), "'%s' was taken",
		    bad[i]);
		test_err_is(&err, PT_EXIT_DATA, "%s:%d: %s = '%.80s': %s");
		ck_assert_str_eq(test_err_str(&err, 2), "a_u");
		ck_assert_str_eq(test_err_str(&err, 3), bad[i]);
		ck_assert_msg(strncmp(test_err_str(&err, 4), "not a number",
		    12) == 0, "'%s' does not say 'not a number'", err.msg);
	}
}
END_TEST

static Suite *
modelconf_suite(void)
{
	Suite *s = suite_create("modelconf");
	TCase *tc = tcase_create("modelconf");

	tcase_add_checked_fixture(tc, setup, test_tmp_teardown);
	tcase_add_test(tc, modelconf_decimal_syntax);
	tcase_add_test(tc, config_shipped_file_matches_defaults);
	tcase_add_test(tc, config_overrides_and_errors);
	tcase_add_test(tc, config_user_file_refused_keeps_defaults);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(modelconf_suite());
}
