/* src/core/money.c: fen, formatted and rounded. */
#include "config.h"

#include <check.h>
#include <stdint.h>

#include "core/money.h"
#include "testutil.h"

START_TEST(money_formats)
{
	char b[MONEY_BUFSZ];

	ck_assert_str_eq(money_format(0, b), "¥0.00");
	ck_assert_str_eq(money_format(5, b), "¥0.05");
	ck_assert_str_eq(money_format(-50, b), "-¥0.50");
	ck_assert_str_eq(money_format(123456, b), "¥1,234.56");
	ck_assert_str_eq(money_format(100000000, b), "¥1,000,000.00");
	ck_assert_str_eq(money_format(INT64_MIN, b),
	    "-¥92,233,720,368,547,758.08");
	ck_assert_str_eq(money_format_plain(123456, b), "1234.56");
	ck_assert_str_eq(money_format_plain(-7, b), "-0.07");
	ck_assert_int_eq(money_round(2.5), 3);
	ck_assert_int_eq(money_round(-2.5), -3);
	ck_assert_int_eq(money_round(2.4999), 2);
}
END_TEST

static Suite *
money_suite(void)
{
	Suite *s = suite_create("money");
	TCase *tc;

	tc = tcase_create("money");
	tcase_add_test(tc, money_formats);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(money_suite());
}
