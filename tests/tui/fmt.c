/* src/tui/fmt.c: values, axis labels (万, 亿) and changes as the
 * panes print them. */
#include "config.h"

#include <check.h>

#include "testutil.h"
#include "tui/fmt.h"

START_TEST(fmt_values)
{
	char b[FMT_BUFSZ];
	int dir;

	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_FEN, 123456), "¥1,234.56");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_FEN, -5), "-¥0.05");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_COUNT, 1234567), "1,234,567");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_RATIO, 0.0412), "4.12%");
	ck_assert_str_eq(fmt_value(b, sizeof b, SERIES_UNIT_INDEX, 0.975), "0.97");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 25000, true), "2.5万");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 320000000, true), "3.2亿");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 25000, false), "25k");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_FEN, 1500000, true), "¥1.5万");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_FEN, 5000, false), "¥50");
	ck_assert_str_eq(fmt_axis(b, sizeof b, SERIES_UNIT_COUNT, 0, true), "0");
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_FEN, true, 110, true,
	    100, &dir), "+10.0%");
	ck_assert_int_eq(dir, 1);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_FEN, true, 120, true,
	    0, &dir), "+¥1.20");
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 50, true,
	    100, &dir), "-50.0%");
	ck_assert_int_eq(dir, -1);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 5, false,
	    0, &dir), "");
	ck_assert_int_eq(dir, 0);
	ck_assert_str_eq(fmt_change(b, sizeof b, SERIES_UNIT_COUNT, true, 5, true,
	    5, &dir), "=");
}
END_TEST

static Suite *
fmt_suite(void)
{
	Suite *s = suite_create("fmt");
	TCase *tc = tcase_create("fmt");

	tcase_add_test(tc, fmt_values);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(fmt_suite());
}
