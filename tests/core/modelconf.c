/* src/core/modelconf.c: the model file's numbers, decimal only, as
 * partner-tui.conf(5) documents them. (The keys, ranges and the shipped
 * file: check_engine.) */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/engine.h"
#include "core/modelconf.h"
#include "testutil.h"

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
		char want[64];
		ck_assert_msg(!read_a_u(bad[i], &v, &err), "'%s' was taken",
		    bad[i]);
		snprintf(want, sizeof want, "a_u = '%s': not a number", bad[i]);
		ck_assert_msg(strstr(err.msg, want) != NULL, "'%s' does not say"
		    " '%s'", err.msg, want);
	}
}
END_TEST

static Suite *
modelconf_suite(void)
{
	Suite *s = suite_create("modelconf");
	TCase *tc = tcase_create("modelconf");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, modelconf_decimal_syntax);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(modelconf_suite());
}
