/* src/core/day.c: days as numbers, parsed and printed, 1900-2100. */
#include "config.h"

#include <check.h>
#include <stdbool.h>
#include <stdio.h>

#include "core/day.h"
#include "testutil.h"

/* 73,000 days: checked in plain C and asserted once, because each Check
 * assertion that passes still reports to the parent process (fork mode),
 * which made this test exceed Check's timeout under make -j8 check. */
START_TEST(day_roundtrip_every_day_1900_2100)
{
	day_t first = test_day("1900-01-01"), last = test_day("2100-12-31");
	int prev_y = 1899, prev_m = 12, prev_d = 31;
	long bad = 0, checked = 0;
	char first_bad[80] = "";

	for (day_t d = first; d <= last; d++) {
		int y, m, dd;
		day_t back = 0;
		bool ok;

		day_to_ymd(d, &y, &m, &dd);
		ok = day_from_ymd(y, m, dd, &back) && back == d;
		/* consecutive: either next day in month or the 1st of next */
		if (dd != 1)
			ok = ok && y == prev_y && m == prev_m && dd == prev_d + 1;
		if (!ok && bad++ == 0)
			snprintf(first_bad, sizeof first_bad,
			    "day %ld -> %04d-%02d-%02d -> %ld (after %04d-%02d-%02d)",
			    (long)d, y, m, dd, (long)back, prev_y, prev_m, prev_d);
		prev_y = y; prev_m = m; prev_d = dd;
		checked++;
	}
	ck_assert_int_eq(checked, (long)(last - first) + 1);
	ck_assert_msg(bad == 0, "%ld of %ld days do not round-trip; first: %s",
	    bad, checked, first_bad);
}
END_TEST

START_TEST(day_known_values)
{
	char buf[DAY_BUFSZ];

	ck_assert_int_eq(test_day("1970-01-01"), 0);
	ck_assert_int_eq(test_day("2026-11-26") - test_day("2026-09-01"), 86);
	ck_assert_str_eq(day_format(test_day("2026-11-30") , buf), "2026-11-30");
	ck_assert_str_eq(day_format(test_day("2026-09-01") + 90, buf), "2026-11-30");
	ck_assert_int_eq(day_weekday(test_day("2026-11-26")), 3);	/* Thursday */
	ck_assert_int_eq(day_weekday(test_day("2025-06-12")), 3);
	ck_assert_int_eq(day_weekday(test_day("2026-11-29")), 6);	/* Sunday */
	ck_assert_int_eq(day_weekday(test_day("1969-12-29")), 0);	/* Monday */
}
END_TEST

START_TEST(day_rejects_impossible)
{
	day_t d;
	static const char *const bad[] = {
		"2026-02-29", "2025-13-01", "2025-00-10", "2025-04-31",
		"2026-2-3", "2026/02/03", "20260203", "2026-02-03x", "",
		"abcd-ef-gh", "2026-02-3 ",
	};

	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
		ck_assert_msg(!day_parse_iso(bad[i], &d), "accepted '%s'", bad[i]);
	ck_assert(day_parse_iso("2024-02-29", &d));
	ck_assert(!day_parse_iso("2100-02-29", &d));
	ck_assert(day_parse_iso("2000-02-29", &d));
}
END_TEST

static Suite *
day_suite(void)
{
	Suite *s = suite_create("day");
	TCase *tc;

	tc = tcase_create("day");
	tcase_add_test(tc, day_roundtrip_every_day_1900_2100);
	tcase_add_test(tc, day_known_values);
	tcase_add_test(tc, day_rejects_impossible);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(day_suite());
}
