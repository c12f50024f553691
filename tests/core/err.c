/* src/core/err.c: error values. */
#include "config.h"

#include <check.h>

#include "core/err.h"
#include "testutil.h"

/* Issue 16, 11: err_reset may quote the message it replaces. */
START_TEST(err_reset_quotes_itself)
{
	struct pt_err err = { 0 };

	err_set(&err, 3, "no space left on the device; free some space and "
	    "try again");
	err_reset(&err, 4, "the demo data did not import (%s): %s", "x.csv",
	    err.msg);
	ck_assert_int_eq(err.code, 4);
	ck_assert_str_eq(err.msg, "the demo data did not import (x.csv): no "
	    "space left on the device; free some space and try again");
}
END_TEST

static Suite *
err_suite(void)
{
	Suite *s = suite_create("err");
	TCase *tc;

	tc = tcase_create("err");
	tcase_add_test(tc, err_reset_quotes_itself);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(err_suite());
}
