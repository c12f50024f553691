/* src/core/calendar.c: Chinese working days (statutory holidays and
 * make-up workdays) from the shipped table, a user's table over it, and
 * the weekday rule outside the table. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/calendar.h"
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

/* The 2025-2026 arrangements of the State Council, written out here
 * independently of the shipped table. */
static const char *const off_ranges[][2] = {
	{ "2025-01-01", "2025-01-01" }, { "2025-01-28", "2025-02-04" },
	{ "2025-04-04", "2025-04-06" }, { "2025-05-01", "2025-05-05" },
	{ "2025-05-31", "2025-06-02" }, { "2025-10-01", "2025-10-08" },
	{ "2026-01-01", "2026-01-03" }, { "2026-02-15", "2026-02-23" },
	{ "2026-04-04", "2026-04-06" }, { "2026-05-01", "2026-05-05" },
	{ "2026-06-19", "2026-06-21" }, { "2026-09-25", "2026-09-27" },
	{ "2026-10-01", "2026-10-07" },
};
static const char *const makeup[] = {
	"2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11",
	"2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20",
	"2026-10-10",
};

static bool
expected_workday(day_t d)
{
	for (size_t i = 0; i < sizeof makeup / sizeof makeup[0]; i++)
		if (d == test_day(makeup[i]))
			return true;
	for (size_t i = 0; i < sizeof off_ranges / sizeof off_ranges[0]; i++)
		if (d >= test_day(off_ranges[i][0]) && d <= test_day(off_ranges[i][1]))
			return false;
	return day_weekday(d) < 5;
}

START_TEST(calendar_every_day_2025_2026)
{
	struct pt_err err = { 0 };
	const struct calendar *cal = calendar_default(&err);
	int workdays[2] = { 0, 0 };

	ck_assert_msg(cal != NULL, "%s", err.msg);
	for (day_t d = test_day("2025-01-01"); d <= test_day("2026-12-31"); d++) {
		bool fb = false;
		char buf[DAY_BUFSZ];
		ck_assert_msg(calendar_is_workday(cal, d, &fb) == expected_workday(d),
		    "%s", day_format(d, buf));
		ck_assert(!fb);
		workdays[d >= test_day("2026-01-01")] += expected_workday(d);
	}
	/* 248 working days in each year, as announced */
	ck_assert_int_eq(workdays[0], 248);
	ck_assert_int_eq(workdays[1], 248);
	ck_assert_str_eq(calendar_day_name(cal, test_day("2026-10-10")), "国庆节");
	ck_assert_ptr_null(calendar_day_name(cal, test_day("2026-11-26")));
}
END_TEST

START_TEST(calendar_add_workdays_across_holidays)
{
	struct pt_err err = { 0 };
	const struct calendar *cal = calendar_default(&err);
	static const char *const cases[][3] = {
		/* submitted, n, expected */
		{ "2026-09-30", "5", "2026-10-13" },	/* over National Day + make-up Sat */
		{ "2026-09-18", "5", "2026-09-24" },	/* make-up Sunday 09-20 counts */
		{ "2026-02-13", "5", "2026-02-27" },	/* Spring Festival, make-up 02-14 */
		{ "2026-02-26", "2", "2026-02-28" },	/* make-up Saturday 02-28 */
		{ "2025-01-24", "1", "2025-01-26" },	/* make-up Sunday */
		{ "2025-09-30", "1", "2025-10-09" },
		{ "2026-11-23", "5", "2026-11-30" },	/* a plain week */
		{ "2026-11-26", "0", "2026-11-26" },
	};

	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bool fb = false;
		char buf[DAY_BUFSZ];
		day_t got = calendar_add_workdays(cal, test_day(cases[i][0]),
		    atoi(cases[i][1]), &fb);
		ck_assert_msg(got == test_day(cases[i][2]), "%s + %s = %s, not %s",
		    cases[i][0], cases[i][1], day_format(got, buf), cases[i][2]);
		ck_assert(!fb);
	}
}
END_TEST

START_TEST(calendar_fallback_outside_table)
{
	struct pt_err err = { 0 };
	const struct calendar *cal = calendar_default(&err);
	bool fb = false;

	ck_assert(!calendar_covers(cal, test_day("2027-01-01")));
	/* 2027-01-01 is a Friday: Mon-Fri says working day, flagged */
	ck_assert(calendar_is_workday(cal, test_day("2027-01-01"), &fb));
	ck_assert(fb);
	fb = false;
	ck_assert(!calendar_is_workday(cal, test_day("2024-12-29"), &fb));
	ck_assert(fb);
	fb = false;
	ck_assert(calendar_add_workdays(cal, test_day("2026-12-28"), 5, &fb) ==
	    test_day("2027-01-04"));
	ck_assert(fb);
}
END_TEST

START_TEST(calendar_malformed_table)
{
	const char *path = test_path(test_tmp, "h.csv");
	struct pt_err err = { 0 };

	test_write_file(path, "date,kind,name\n2026-01-01,off,x\n2026-13-01,off,y\n",
	    48);
	ck_assert_ptr_null(calendar_load(path, &err));
	test_err_is(&err, PT_EXIT_DATA, "%s:%d: expected 'YYYY-MM-DD,off|makeup_workday,name'");
	ck_assert_str_eq(test_err_str(&err, 0), path);
	ck_assert_int_eq(err.arg[1].i, 3);
	err_clear(&err);
	test_write_file(path, "2026-01-01,holiday,x\n", 21);
	ck_assert_ptr_null(calendar_load(path, &err));
	test_err_is(&err, PT_EXIT_DATA, "%s:%d: expected 'YYYY-MM-DD,off|makeup_workday,name'");
	ck_assert_int_eq(err.arg[1].i, 1);
}
END_TEST

/* A user table extends the shipped one (its years count as covered) and
 * overrides it (a day in both takes the user's line). */
START_TEST(calendar_user_table_extends_and_overrides)
{
	const char *path = test_path(test_tmp, "user.csv");
	struct pt_err err = { 0 };
	struct calendar *cal, *user;
	char *shipped = paths_data_file("holidays.csv");
	bool fb = false;

	ck_assert_ptr_nonnull(shipped);
	cal = calendar_load(shipped, &err);
	free(shipped);
	ck_assert_msg(cal != NULL, "%s", err.msg);
	test_write_file(path, "date,kind,name\n2027-01-01,off,元旦\n"
	    "2026-10-10,off,moved\n", 58);
	user = calendar_load(path, &err);
	ck_assert_msg(user != NULL, "%s", err.msg);
	/* before: 10-10 (Sat) is a make-up workday; 2027 is not covered */
	ck_assert(calendar_is_workday(cal, test_day("2026-10-10"), NULL));
	ck_assert(calendar_merge(cal, user, &err));
	ck_assert(!calendar_is_workday(cal, test_day("2026-10-10"), NULL));
	ck_assert_str_eq(calendar_day_name(cal, test_day("2026-10-10")), "moved");
	ck_assert(calendar_covers(cal, test_day("2027-06-01")));
	/* 12-28 + 5 working days: 12-29, 12-30, 12-31, (01-01 off), 01-04,
	 * 01-05 — and no fallback any more */
	ck_assert(calendar_add_workdays(cal, test_day("2026-12-28"), 5, &fb) ==
	    test_day("2027-01-05"));
	ck_assert(!fb);
	/* the shipped days the user did not touch stay */
	ck_assert(!calendar_is_workday(cal, test_day("2026-10-06"), NULL));
	calendar_free(user);
	calendar_free(cal);
}
END_TEST

static Suite *
calendar_suite(void)
{
	Suite *s = suite_create("calendar");
	TCase *tc = tcase_create("calendar");

	tcase_add_checked_fixture(tc, setup, test_tmp_teardown);
	tcase_add_test(tc, calendar_every_day_2025_2026);
	tcase_add_test(tc, calendar_add_workdays_across_holidays);
	tcase_add_test(tc, calendar_fallback_outside_table);
	tcase_add_test(tc, calendar_malformed_table);
	tcase_add_test(tc, calendar_user_table_extends_and_overrides);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(calendar_suite());
}
