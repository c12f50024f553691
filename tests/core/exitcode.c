/* src/core/exitcode.c: the exit codes and their names. */
#include "config.h"

#include <check.h>

#include "core/exitcode.h"
#include "testutil.h"

START_TEST(exit_code_table)
{
	ck_assert_int_eq(PT_EXIT_OK, 0);
	ck_assert_int_eq(PT_EXIT_CHECK_FAILED, 1);
	ck_assert_int_eq(PT_EXIT_USAGE, 2);
	ck_assert_int_eq(PT_EXIT_DATA, 3);
	ck_assert_int_eq(PT_EXIT_DB, 4);
	ck_assert_int_eq(PT_EXIT_CONFLICT, 5);
	for (int c = 0; c < PT_EXIT_COUNT; c++) {
		ck_assert_str_ne(exitcode_name(c), "unknown");
		ck_assert_str_ne(exitcode_meaning(c), "unknown exit code");
	}
	ck_assert_str_eq(exitcode_name(99), "unknown");
	ck_assert_str_eq(exitcode_meaning(2), "usage error");
}
END_TEST

static Suite *
exitcode_suite(void)
{
	Suite *s = suite_create("exitcode");
	TCase *tc;

	tc = tcase_create("exitcode");
	tcase_add_test(tc, exit_code_table);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(exitcode_suite());
}
