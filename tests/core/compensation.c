/* src/core/compensation.c: the compensation owed for days lost to a
 * violation overturned on appeal, from the work's (or the account's)
 * last earning days, worked examples, and the days before back pay
 * began. */
#include "config.h"

#include <check.h>

#include "core/engine.h"
#include "engine_fixture.h"
#include "testutil.h"

static void
history_and_violation(void)
{
	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	fx_work(fx_db, "w2", "a1", NULL);
	fx_sql(fx_db, "BEGIN");
	/* older days at another rate: only the last 15 earning days count */
	for (day_t d = fx_day("2026-09-01"); d < fx_day("2026-10-17"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(fx_db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, d < fx_day("2026-10-12") ? 4000 : FX_NULL);
	}
	/* 2026-10-12 .. 10-16 estimated 2000; 10-17 .. 10-26 settled 2000 */
	for (day_t d = fx_day("2026-10-17"); d < fx_day("2026-10-27"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(fx_db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, 2000);
	}
	/* affected days: 5000 plays, 300 interactions */
	for (day_t d = fx_day("2026-11-01"); d <= fx_day("2026-11-03"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(fx_db, "w1", day_format(d, day), 9000, 5000, 300, 0, 60, 1,
		    FX_NULL);
		fx_daily(fx_db, "w2", day, 9000, 1000, 50, 0, 60, 1, FX_NULL);
	}
	fx_sql(fx_db, "COMMIT");
	fx_violation(fx_db, "a1", "w1", "2026-11-01", "active");
	fx_rescore();
}

START_TEST(compensation_worked_example)
{
	struct compensation c;
	struct pt_err err = { 0 };
	char buf[DAY_BUFSZ];

	history_and_violation();
	ck_assert_msg(engine_compensation(fx_db, "a1", "w1", fx_day("2026-11-01"),
	    fx_day("2026-11-03"), fx_day("2026-11-20"), &c, &err), "%s", err.msg);
	/* 15 earning days of 10,000 plays, 400 interactions, ¥20:
	 * 0.2 fen per play, 5 fen per interaction;
	 * a day: 0.5 * 5000 * 0.2 + 0.5 * 300 * 5 = 1250 fen */
	ck_assert(!c.from_account);
	ck_assert_int_eq(c.history_days, 15);
	ck_assert_double_eq_tol(c.fen_per_play, 0.2, 1e-12);
	ck_assert_double_eq_tol(c.fen_per_interaction, 5, 1e-12);
	ck_assert_int_eq(c.ndays, 3);
	for (size_t i = 0; i < 3; i++) {
		ck_assert(c.days[i].compensated);
		ck_assert_int_eq(c.days[i].fen, 1250);
	}
	ck_assert_int_eq(c.total_fen, 3750);
	ck_assert_str_eq(day_format(c.pay_on, buf), "2026-11-23");
	ck_assert_str_eq(day_format(c.restored_on, buf), "2026-11-21");
	ck_assert_int_eq(c.restored_hour, 22);
	engine_compensation_free(&c);
	/* w2 never earned before: the account's rates (w1's days) */
	ck_assert(engine_compensation(fx_db, "a1", "w2", fx_day("2026-11-01"),
	    fx_day("2026-11-01"), fx_day("2026-11-20"), &c, &err));
	ck_assert(c.from_account);
	ck_assert_int_eq(c.history_days, 15);
	/* 0.5 * 1000 * 0.2 + 0.5 * 50 * 5 = 225 */
	ck_assert_int_eq(c.days[0].fen, 225);
	engine_compensation_free(&c);
}
END_TEST

START_TEST(compensation_before_backpay_start)
{
	struct compensation c;
	struct pt_err err = { 0 };

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	for (day_t d = fx_day("2025-05-20"); d <= fx_day("2025-06-13"); d++) {
		char day[DAY_BUFSZ];
		fx_daily(fx_db, "w1", day_format(d, day), 20000, 10000, 300, 100, 60,
		    1, FX_NULL);
	}
	fx_violation(fx_db, "a1", "w1", "2025-06-10", "active");
	fx_rescore();
	ck_assert(engine_compensation(fx_db, NULL, "w1", fx_day("2025-06-10"),
	    fx_day("2025-06-13"), fx_day("2025-06-20"), &c, &err));
	ck_assert_int_eq(c.ndays, 4);
	ck_assert(!c.days[0].compensated);	/* 06-10 */
	ck_assert(!c.days[1].compensated);	/* 06-11 */
	ck_assert_int_eq(c.days[1].fen, 0);
	ck_assert_int_eq(c.days[0].note, COMP_NOTE_BEFORE_BACKPAY);
	ck_assert_int_eq(c.days[1].note, COMP_NOTE_BEFORE_BACKPAY);
	ck_assert(c.days[2].compensated);	/* 06-12: the first day */
	ck_assert_int_eq(c.days[2].note, COMP_NOTE_NONE);
	ck_assert_int_eq(c.days[2].fen, 2000);
	ck_assert(c.days[3].compensated);
	ck_assert_int_eq(c.total_fen, 4000);
	engine_compensation_free(&c);
	/* a bad range is a usage error */
	ck_assert(!engine_compensation(fx_db, NULL, "w1", fx_day("2025-06-13"),
	    fx_day("2025-06-10"), fx_day("2025-06-20"), &c, &err));
	ck_assert_int_eq(err.code, 2);
}
END_TEST

static Suite *
compensation_suite(void)
{
	Suite *s = suite_create("compensation");
	TCase *tc = tcase_create("compensation");

	tcase_add_checked_fixture(tc, fx_setup_db, fx_teardown_db);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, compensation_worked_example);
	tcase_add_test(tc, compensation_before_backpay_start);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(compensation_suite());
}
