/* src/core/value.c: the value notations of imported files (counts with
 * 万 and 亿, rates, money exact to the fen, durations, days, yes/no,
 * enums, missing). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/value.h"
#include "testutil.h"

START_TEST(value_counts)
{
	int64_t v;

	ck_assert_ptr_null(value_parse_count("1234", &v));
	ck_assert_int_eq(v, 1234);
	ck_assert_ptr_null(value_parse_count("1,234", &v));
	ck_assert_int_eq(v, 1234);
	ck_assert_ptr_null(value_parse_count("1,234,567", &v));
	ck_assert_int_eq(v, 1234567);
	ck_assert_ptr_null(value_parse_count("1.2万", &v));
	ck_assert_int_eq(v, 12000);
	ck_assert_ptr_null(value_parse_count("3亿", &v));
	ck_assert_int_eq(v, 300000000);
	ck_assert_ptr_null(value_parse_count(" 12.0 ", &v));
	ck_assert_int_eq(v, 12);
	ck_assert_ptr_null(value_parse_count("1.2345万", &v));
	ck_assert_int_eq(v, 12345);
	ck_assert_str_eq(value_parse_count("-5", &v), "negative count");
	ck_assert_str_eq(value_parse_count("1.5", &v), "not a whole number");
	ck_assert_str_eq(value_parse_count("abc", &v), "not a number");
	ck_assert_str_eq(value_parse_count("12,34", &v),
	    "misplaced thousands separator");
	ck_assert_str_eq(value_parse_count("99999999999999999999", &v),
	    "number too large");
	ck_assert_str_eq(value_parse_count("100000000亿", &v), "number too large");
	ck_assert_str_eq(value_parse_count("1e5", &v), "not a number");
}
END_TEST

START_TEST(value_rates_and_reals)
{
	double d;

	ck_assert_ptr_null(value_parse_rate("16.42%", &d));
	ck_assert(fabs(d - 0.1642) < 1e-12);
	ck_assert_ptr_null(value_parse_rate("0.1642", &d));
	ck_assert(fabs(d - 0.1642) < 1e-12);
	ck_assert_ptr_null(value_parse_rate("100%", &d));
	ck_assert(d == 1.0);
	ck_assert_ptr_null(value_parse_rate("0", &d));
	ck_assert_str_eq(value_parse_rate("100.5%", &d), "rate above 100%");
	ck_assert_ptr_nonnull(value_parse_rate("16.42", &d));
	ck_assert_str_eq(value_parse_rate("-1%", &d), "negative rate");
	ck_assert_ptr_null(value_parse_real("-1.5", &d));
	ck_assert(d == -1.5);
	ck_assert_ptr_null(value_parse_real("1.2万", &d));
	ck_assert(d == 12000.0);
}
END_TEST

START_TEST(value_money_exact)
{
	fen_t f;

	ck_assert_ptr_null(value_parse_money("12.34", &f));
	ck_assert_int_eq(f, 1234);
	ck_assert_ptr_null(value_parse_money("¥12.34", &f));
	ck_assert_int_eq(f, 1234);
	ck_assert_ptr_null(value_parse_money("￥1,234.5", &f));
	ck_assert_int_eq(f, 123450);
	ck_assert_ptr_null(value_parse_money("12.34元", &f));
	ck_assert_int_eq(f, 1234);
	ck_assert_ptr_null(value_parse_money("1.2万元", &f));
	ck_assert_int_eq(f, 1200000);
	ck_assert_ptr_null(value_parse_money("-¥0.50", &f));
	ck_assert_int_eq(f, -50);
	ck_assert_ptr_null(value_parse_money("¥-0.50", &f));
	ck_assert_int_eq(f, -50);
	/* 0.29 * 100 is 28.999... in binary: decimal text must not care. */
	ck_assert_ptr_null(value_parse_money("0.29", &f));
	ck_assert_int_eq(f, 29);
	ck_assert_ptr_null(value_parse_money("1.10", &f));
	ck_assert_int_eq(f, 110);
	ck_assert_ptr_null(value_parse_money("1.100", &f));
	ck_assert_int_eq(f, 110);
	ck_assert_ptr_null(value_parse_money("12345678901234.56", &f));
	ck_assert_int_eq(f, INT64_C(1234567890123456));
	ck_assert_str_eq(value_parse_money("1.234", &f),
	    "more precise than a fen (0.01)");
	ck_assert_str_eq(value_parse_money("¥", &f), "not a number");
	ck_assert_str_eq(value_parse_money("--5", &f), "not a number");
}
END_TEST

START_TEST(value_seconds)
{
	double d;

	ck_assert_ptr_null(value_parse_seconds("00:01:23", &d));
	ck_assert(d == 83);
	ck_assert_ptr_null(value_parse_seconds("83", &d));
	ck_assert(d == 83);
	ck_assert_ptr_null(value_parse_seconds("01:23", &d));
	ck_assert(d == 83);
	ck_assert_ptr_null(value_parse_seconds("12.5s", &d));
	ck_assert(d == 12.5);
	ck_assert_ptr_null(value_parse_seconds("1分23秒", &d));
	ck_assert(d == 83);
	ck_assert_ptr_nonnull(value_parse_seconds("00:61:00", &d));
	ck_assert_ptr_nonnull(value_parse_seconds("1:2:3:4", &d));
	ck_assert_ptr_nonnull(value_parse_seconds("-3", &d));
}
END_TEST

START_TEST(value_days)
{
	day_t d;
	int sec;
	bool t;

	ck_assert_ptr_null(value_parse_day("2026-11-03", &d, &sec, &t));
	ck_assert_int_eq(d, test_day("2026-11-03"));
	ck_assert(!t);
	ck_assert_ptr_null(value_parse_day("2026/11/3", &d, &sec, &t));
	ck_assert_int_eq(d, test_day("2026-11-03"));
	ck_assert_ptr_null(value_parse_day("2026年11月3日", &d, &sec, &t));
	ck_assert_int_eq(d, test_day("2026-11-03"));
	ck_assert_ptr_null(value_parse_day("2026年11月3日 08:05", &d, &sec, &t));
	ck_assert(t);
	ck_assert_int_eq(sec, 8 * 3600 + 5 * 60);
	ck_assert_ptr_null(value_parse_day("2026-11-03T23:59:59", &d, &sec, &t));
	ck_assert_int_eq(sec, 86399);
	ck_assert_ptr_null(value_parse_day("2026/11/3 12:00:00", &d, &sec, &t));
	ck_assert_str_eq(value_parse_day("2026-02-29", &d, &sec, &t),
	    "no such date");
	ck_assert_str_eq(value_parse_day("2026-11-03 24:00", &d, &sec, &t),
	    "no such time");
	ck_assert_ptr_nonnull(value_parse_day("11/03/2026", &d, &sec, &t));
	ck_assert_ptr_nonnull(value_parse_day("2026-11", &d, &sec, &t));
	ck_assert_ptr_nonnull(value_parse_day("2026-11-03x", &d, &sec, &t));
}
END_TEST

START_TEST(value_bools_enums_missing)
{
	static const struct value_enum e[] = { { "public", "公开" },
	    { "self_only", "仅自己可见" }, { NULL, NULL } };
	bool b;
	int i;

	const char *yes[] = { "yes", "YES", "true", "1", "是" };
	const char *no[] = { "no", "False", "0", "否" };
	for (size_t k = 0; k < 5; k++) {
		ck_assert_ptr_null(value_parse_bool(yes[k], &b));
		ck_assert(b);
	}
	for (size_t k = 0; k < 4; k++) {
		ck_assert_ptr_null(value_parse_bool(no[k], &b));
		ck_assert(!b);
	}
	ck_assert_ptr_nonnull(value_parse_bool("maybe", &b));
	ck_assert_ptr_null(value_parse_enum("仅自己可见", e, &i));
	ck_assert_int_eq(i, 1);
	ck_assert_ptr_null(value_parse_enum("PUBLIC", e, &i));
	ck_assert_int_eq(i, 0);
	ck_assert_ptr_nonnull(value_parse_enum("private", e, &i));
	ck_assert(value_is_missing(""));
	ck_assert(value_is_missing(" - "));
	ck_assert(value_is_missing("--"));
	ck_assert(!value_is_missing("0"));
}
END_TEST

static Suite *
value_suite(void)
{
	Suite *s = suite_create("value");
	TCase *tc = tcase_create("values");

	tcase_add_test(tc, value_counts);
	tcase_add_test(tc, value_rates_and_reals);
	tcase_add_test(tc, value_money_exact);
	tcase_add_test(tc, value_seconds);
	tcase_add_test(tc, value_days);
	tcase_add_test(tc, value_bools_enums_missing);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(value_suite());
}
