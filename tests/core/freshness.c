/* src/core/freshness.c: the settlement clock, the last day with data and
 * with settled revenue (from the daily rows, or from the engine's
 * account-days and the import's dirty marks), the days without data. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/freshness.h"
#include "core/modelconf.h"
#include "testutil.h"
#include "views_fixture.h"

static struct db *
fresh_db(void)
{
	struct db *db = test_db_create(test_tmp, "f.db");
	static struct model_params p;

	modelconf_defaults(&p);
	engine_set_model(&p);
	test_db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1'), ('a2');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1'),"
	    " ('w2', 'a1'), ('w3', 'a2');"
	    "INSERT INTO daily(work_id, day, plays) VALUES"
	    " ('w1', '2026-11-20', 1), ('w2', '2026-11-22', 1),"
	    " ('w1', '2026-11-24', 1), ('w3', '2026-11-25', 1),"
	    " ('w1', '2026-11-30', 1);");
	return db;
}

START_TEST(freshness_settlement_clock)
{
	day_t d = test_day("2026-11-26");

	/* D settles at 22:00 on D + 1. */
	ck_assert_int_eq(freshness_due_through(d, 22 * 60 - 1, 22), d - 2);
	ck_assert_int_eq(freshness_due_through(d, 22 * 60, 22), d - 1);
	ck_assert_int_eq(freshness_due_through(d, 0, 22), d - 2);
	ck_assert_int_eq(freshness_due_through(d, 1439, 22), d - 1);
	ck_assert_int_eq(freshness_due_through(d, 8 * 60, 8), d - 1);
	ck_assert_int_eq(freshness_visible_on(d), d + 1);
	ck_assert_int_eq(freshness_visible_on(DAY_NONE), DAY_NONE);
}
END_TEST

START_TEST(freshness_from_daily_rows)
{
	struct db *db = fresh_db();
	struct freshness f;
	struct pt_err err = { 0 };
	char msg[128];

	/* 11-26 at 23:00: 11-25 is due; a1's last day is 11-24 (11-30 is
	 * after today); nothing settled. */
	ck_assert_msg(freshness_load_at(db, "a1", test_day("2026-11-26"),
	    23 * 60, &f, &err), "%s", err.msg);
	ck_assert_int_eq(f.due_through, test_day("2026-11-25"));
	ck_assert_int_eq(f.data_through, test_day("2026-11-24"));
	ck_assert_int_eq(f.settled_through, DAY_NONE);
	ck_assert(f.stale);
	ck_assert_int_eq(freshness_window_end(&f), test_day("2026-11-24"));
	ck_assert_str_eq(freshness_message(&f, msg, sizeof msg),
	    "data for 11-25 is due since 22:00 on 11-26: import it");
	/* Before 22:00 only 11-24 is due: not late. */
	ck_assert(freshness_load_at(db, "a1", test_day("2026-11-26"), 60, &f,
	    &err));
	ck_assert(!f.stale);
	ck_assert_str_eq(freshness_message(&f, msg, sizeof msg), "");
	/* The whole database: a2's 11-25 counts. */
	ck_assert(freshness_load_at(db, NULL, test_day("2026-11-26"), 23 * 60,
	    &f, &err));
	ck_assert_int_eq(f.data_through, test_day("2026-11-25"));
	ck_assert(!f.stale);
	/* An account without data: no day, late, window ends today. */
	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a3')");
	ck_assert(freshness_load_at(db, "a3", test_day("2026-11-26"), 0, &f,
	    &err));
	ck_assert_int_eq(f.data_through, DAY_NONE);
	ck_assert(f.stale);
	ck_assert_int_eq(freshness_window_end(&f), test_day("2026-11-26"));
	db_close(db);
}
END_TEST

/* Once the engine keeps account-days (and the import its dirty marks),
 * they answer: the daily rows are not read again. */
START_TEST(freshness_from_scores_and_dirty)
{
	struct db *db = fresh_db();
	struct freshness f;
	struct pt_err err = { 0 };

	test_db_exec(db, "INSERT INTO account_score(account_id, day, eligible,"
	    " settled_fen) VALUES ('a1', '2026-11-20', 1, 100),"
	    " ('a1', '2026-11-22', 1, NULL);"
	    "INSERT INTO dirty(account_id, day) VALUES ('a1', '2026-11-23')");
	ck_assert(freshness_load_at(db, "a1", test_day("2026-11-26"), 0, &f,
	    &err));
	ck_assert_int_eq(f.data_through, test_day("2026-11-23"));
	ck_assert_int_eq(f.settled_through, test_day("2026-11-20"));
	db_close(db);
}
END_TEST

START_TEST(freshness_missing_days_listed)
{
	struct db *db = fresh_db();
	struct pt_err err = { 0 };
	day_t *days = NULL;
	size_t n = 99;

	ck_assert(freshness_missing_days(db, "a1", test_day("2026-11-20"),
	    test_day("2026-11-25"), &days, &n, &err));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(days[0], test_day("2026-11-21"));
	ck_assert_int_eq(days[1], test_day("2026-11-23"));
	ck_assert_int_eq(days[2], test_day("2026-11-25"));
	free(days);
	/* Every account: a2's 11-25 fills that day. */
	ck_assert(freshness_missing_days(db, NULL, test_day("2026-11-20"),
	    test_day("2026-11-25"), &days, &n, &err));
	ck_assert_uint_eq(n, 2);
	free(days);
	ck_assert(freshness_missing_days(db, "a1", test_day("2026-11-24"),
	    test_day("2026-11-24"), &days, &n, &err));
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(days);
	/* An empty or reversed range has no days. */
	ck_assert(freshness_missing_days(db, "a1", test_day("2026-11-25"),
	    test_day("2026-11-20"), &days, &n, &err));
	ck_assert_uint_eq(n, 0);
	db_close(db);
}
END_TEST

/* The views' data (tests/views_fixture.c): a1 scored through 11-04,
 * a2 never scored. */
/* Freshness: the last day with data and with settled revenue per
 * account, the settlement clock's boundary (day D due from 22:00 on
 * D+1), and the days of a window without data. */
START_TEST(freshness_and_settlement_clock)
{
	struct pt_err err = { 0 };
	struct freshness f;
	day_t *miss = NULL;
	size_t n = 0;

	ck_assert_int_eq(freshness_due_through(test_day("2026-11-05"), 22 * 60 - 1, 22),
	    test_day("2026-11-03"));
	ck_assert_int_eq(freshness_due_through(test_day("2026-11-05"), 22 * 60, 22),
	    test_day("2026-11-04"));
	ck_assert_int_eq(freshness_visible_on(test_day("2026-11-30")), test_day("2026-12-01"));
	ck_assert_msg(freshness_load_at(vw_db, "a1", test_day("2026-11-05"), 21 * 60 + 59,
	    &f, &err), "%s", err.msg);
	ck_assert_int_eq(f.data_through, test_day("2026-11-04"));
	/* account_score: 11-03 settled 500, 11-04 nothing settled */
	ck_assert_int_eq(f.settled_through, test_day("2026-11-03"));
	ck_assert_int_eq(f.due_through, test_day("2026-11-03"));
	ck_assert(!f.stale);
	ck_assert_int_eq(freshness_window_end(&f), test_day("2026-11-04"));
	/* one minute later 11-04 is due, and there: still fresh */
	ck_assert(freshness_load_at(vw_db, "a1", test_day("2026-11-05"), 22 * 60, &f, &err));
	ck_assert(!f.stale);
	/* the next evening 11-05 is due and missing */
	ck_assert(freshness_load_at(vw_db, "a1", test_day("2026-11-06"), 22 * 60, &f, &err));
	ck_assert(f.stale);
	ck_assert_int_eq(f.due_through, test_day("2026-11-05"));
	/* with today before the data's end, the data is cut at today */
	ck_assert(freshness_load_at(vw_db, "a1", test_day("2026-11-02"), 0, &f, &err));
	ck_assert_int_eq(f.data_through, test_day("2026-11-02"));
	/* a2 (w4) has 11-03 only; the whole database ends 11-04 */
	ck_assert(freshness_load_at(vw_db, "a2", test_day("2026-11-30"), 0, &f, &err));
	ck_assert_int_eq(f.data_through, test_day("2026-11-03"));
	ck_assert(freshness_load_at(vw_db, NULL, test_day("2026-11-30"), 0, &f, &err));
	ck_assert_int_eq(f.data_through, test_day("2026-11-04"));
	/* days of 10-31..11-06 without a daily row of a1 */
	ck_assert(freshness_missing_days(vw_db, "a1", test_day("2026-10-31"),
	    test_day("2026-11-06"), &miss, &n, &err));
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(miss[0], test_day("2026-10-31"));
	ck_assert_int_eq(miss[1], test_day("2026-11-05"));
	ck_assert_int_eq(miss[2], test_day("2026-11-06"));
	free(miss);
	ck_assert(freshness_missing_days(vw_db, "a2", test_day("2026-11-03"),
	    test_day("2026-11-03"), &miss, &n, &err));
	ck_assert_uint_eq(n, 0);
	ck_assert_ptr_null(miss);
}
END_TEST

static Suite *
freshness_suite(void)
{
	Suite *s = suite_create("freshness");
	TCase *tc = tcase_create("freshness");
	TCase *views = tcase_create("views data");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, freshness_settlement_clock);
	tcase_add_test(tc, freshness_from_daily_rows);
	tcase_add_test(tc, freshness_from_scores_and_dirty);
	tcase_add_test(tc, freshness_missing_days_listed);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(views, vw_setup, vw_teardown);
	tcase_add_test(views, freshness_and_settlement_clock);
	suite_add_tcase(s, views);
	return s;
}

int
main(void)
{
	return test_run_suite(freshness_suite());
}
