/* src/core/clock.c: China-time days and the injectable clock. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/clock.h"
#include "core/day.h"
#include "core/exitcode.h"
#include "testutil.h"

START_TEST(clock_china_day_boundaries)
{
	/* 2026-11-26 15:59:59 UTC is 23:59:59 in China; a second later is
	 * the 27th there while still the 26th in UTC. */
	time_t t = (time_t)test_day("2026-11-26") * 86400 + 15 * 3600 + 59 * 60 + 59;

	ck_assert_int_eq(clock_day_of(t), test_day("2026-11-26"));
	ck_assert_int_eq(clock_day_of(t + 1), test_day("2026-11-27"));
	/* 2026-11-26 00:00 UTC is 08:00 in China, same day. */
	ck_assert_int_eq(clock_day_of((time_t)test_day("2026-11-26") * 86400),
	    test_day("2026-11-26"));
	/* Before the epoch too. */
	ck_assert_int_eq(clock_day_of(-9 * 3600), test_day("1969-12-31"));
}
END_TEST

START_TEST(clock_injection)
{
	struct pt_err err = { 0 };
	char now[CLOCK_ISO_BUFSZ];

	clock_set_today(DAY_NONE);
	ck_assert(!clock_today_is_injected());
	ck_assert_int_eq(clock_today(), clock_day_of(time(NULL)));

	ck_assert(clock_set_today_text("2026-11-30", &err));
	ck_assert_int_eq(clock_today(), test_day("2026-11-30"));
	clock_now_iso(now);
	ck_assert_msg(strncmp(now, "2026-11-30T", 11) == 0, "now=%s", now);
	ck_assert_str_eq(now + strlen(now) - 6, "+08:00");

	ck_assert(!clock_set_today_text("2026-02-30", &err));
	test_err_is(&err, PT_EXIT_USAGE, "today '%s' is not a day: give it as "
	    "YYYY-MM-DD");
	ck_assert_str_eq(test_err_str(&err, 0), "2026-02-30");

	setenv("PARTNER_TUI_TODAY", "2025-06-12", 1);
	err_clear(&err);
	ck_assert(clock_init_from_env(&err));
	ck_assert_int_eq(clock_today(), test_day("2025-06-12"));
	setenv("PARTNER_TUI_TODAY", "tomorrow", 1);
	ck_assert(!clock_init_from_env(&err));
	test_err_is(&err, PT_EXIT_USAGE, "PARTNER_TUI_TODAY='%s' is not a day: "
	    "give it as YYYY-MM-DD");
	ck_assert_str_eq(test_err_str(&err, 0), "tomorrow");
	unsetenv("PARTNER_TUI_TODAY");
	clock_set_today(DAY_NONE);
}
END_TEST

static Suite *
clock_suite(void)
{
	Suite *s = suite_create("clock");
	TCase *tc;

	tc = tcase_create("clock");
	tcase_add_test(tc, clock_china_day_boundaries);
	tcase_add_test(tc, clock_injection);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(clock_suite());
}
