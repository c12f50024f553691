/* src/core/attribution.c: a change of revenue between two periods split
 * among its factors (LMDI), summing exactly to the total on random data,
 * and the known splits of one factor at a time, of eligibility and of
 * new works. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "core/attribution.h"
#include "core/engine.h"
#include "engine_fixture.h"
#include "testutil.h"

static void
random_period(unsigned *seed, struct attr_period *p, int ndays)
{
	int kind = rand_r(seed) % 8;

	memset(p, 0, sizeof *p);
	if (kind == 0)
		return;		/* no rows at all */
	for (int i = 0; i < ndays; i++) {
		struct attr_day d;
		int what = rand_r(seed) % 10;
		d.f_interaction = 0.05 + 3 * fx_urand(seed);
		d.f_user = 0.01 + 2 * fx_urand(seed);
		d.f_quality = 0.02 + 1.6 * fx_urand(seed);
		d.f_bonus = (rand_r(seed) % 2 ? 1.3 : 1) * (rand_r(seed) % 2 ? 1.1 : 1);
		d.base_fen = 100 + 400 * fx_urand(seed);
		d.pot = kind == 1 || what == 0 ? 0 : fx_urand(seed) * 1e5 *
		    (rand_r(seed) % 3 == 0 ? 1e-3 : 1);
		if (kind == 2 || what == 1)
			d.actual = 0;	/* not earning */
		else if (d.pot == 0)
			d.actual = rand_r(seed) % 4 == 0 ? rand_r(seed) % 500 : 0;
		else
			d.actual = llround(d.pot * (0.5 + fx_urand(seed)));
		attribution_add_day(p, &d);
	}
}

START_TEST(attribution_sums_exactly_on_random_data)
{
	for (unsigned seed = 1; seed <= 3000; seed++) {
		unsigned s = seed;
		int nworks = rand_r(&s) % 12;
		double part[EF_COUNT] = { 0 };
		fen_t out[EF_COUNT], r0 = 0, r1 = 0, sum = 0;
		double real = 0;

		for (int w = 0; w < nworks; w++) {
			struct attr_period cur, vs;
			random_period(&s, &cur, 1 + rand_r(&s) % 31);
			random_period(&s, &vs, 1 + rand_r(&s) % 31);
			r1 += cur.revenue;
			r0 += vs.revenue;
			attribution_work(&cur, &vs, part);
		}
		for (int k = 0; k < EF_COUNT; k++) {
			ck_assert_msg(isfinite(part[k]), "seed %u: part %d", seed, k);
			real += part[k];
		}
		/* the real parts already sum to the change: no residual */
		ck_assert_msg(fabs(real - (double)(r1 - r0)) <
		    1e-6 * (1 + fabs((double)r0) + fabs((double)r1)),
		    "seed %u: parts %.6f, change %lld", seed, real,
		    (long long)(r1 - r0));
		attribution_round(part, r1 - r0, out);
		for (int k = 0; k < EF_COUNT; k++) {
			sum += out[k];
			ck_assert_msg(llabs(out[k] - llround(part[k])) <= EF_COUNT,
			    "seed %u: rounding moved part %d too far", seed, k);
		}
		ck_assert_int_eq(sum, r1 - r0);
	}
}
END_TEST

START_TEST(attribution_round_keeps_sum)
{
	double parts[EF_COUNT] = { 0.5, 0.5, 0.5, -0.5, 0, 0, 0, 0 };
	double zeros[EF_COUNT] = { 0 };
	fen_t out[EF_COUNT];
	fen_t sum = 0;

	attribution_round(parts, 1, out);
	for (int k = 0; k < EF_COUNT; k++)
		sum += out[k];
	ck_assert_int_eq(sum, 1);
	attribution_round(zeros, 0, out);
	for (int k = 0; k < EF_COUNT; k++)
		ck_assert_int_eq(out[k], 0);
}
END_TEST

static struct attribution
attribute(const char *account, const char *work)
{
	struct attribution a;
	struct pt_err err = { 0 };

	ck_assert_msg(engine_attribute(fx_db, account, work, fx_day("2026-11-08"),
	    fx_day("2026-11-14"), fx_day("2026-11-01"), fx_day("2026-11-07"), &a,
	    &err), "%s", err.msg);
	fen_t sum = 0;
	for (int k = 0; k < EF_COUNT; k++)
		sum += a.part_fen[k];
	ck_assert_int_eq(sum, a.total_change_fen);
	ck_assert_int_eq(a.total_change_fen, a.revenue_fen - a.vs_revenue_fen);
	return a;
}

/* Two weeks of one work: the second week differs from the first only in
 * what the test changes. */
static void
two_weeks(const char *work, int64_t pp1, int64_t likes1, double uv1,
    double q1, int64_t settled1)
{
	for (int i = 0; i < 14; i++) {
		char day[DAY_BUFSZ];
		bool second = i >= 7;
		day_format(fx_day("2026-11-01") + i, day);
		fx_daily(fx_db, work, day, 50000, second ? pp1 : 10000,
		    second ? likes1 : 400, 0, second ? q1 : 60, second ? uv1 : 1,
		    second ? settled1 : FX_NULL);
	}
}

START_TEST(attribution_single_factors)
{
	struct attribution a;

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	/* plays double (interactions keep their rate) */
	two_weeks("w1", 20000, 800, 1, 60, FX_NULL);
	fx_rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.vs_revenue_fen, 7 * 2000);
	ck_assert_int_eq(a.revenue_fen, 7 * 4000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 7 * 2000);
	/* interaction rate x4: factor x2, all of it interaction */
	two_weeks("w1", 10000, 1600, 1, 60, FX_NULL);
	fx_rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.part_fen[EF_INTERACTION], 7 * 2000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
	/* user value and quality both up: split by LMDI, each its own log */
	two_weeks("w1", 10000, 400, 2, 120, FX_NULL);
	fx_rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.revenue_fen, 7 * 8000);
	ck_assert_int_eq(a.part_fen[EF_USER_VALUE], a.part_fen[EF_QUALITY]);
	ck_assert_int_eq(a.part_fen[EF_USER_VALUE] + a.part_fen[EF_QUALITY],
	    7 * 6000);
	/* settled revenue above the estimate: calibration */
	two_weeks("w1", 10000, 400, 1, 60, 3000);
	fx_rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.part_fen[EF_CALIBRATION], 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
}
END_TEST

START_TEST(attribution_eligibility_and_new_works)
{
	struct attribution a;

	fx_account(fx_db, "a1", "personal", false, NULL, "joined");
	fx_work(fx_db, "w1", "a1", NULL);
	fx_work(fx_db, "w2", "a1", NULL);
	fx_work(fx_db, "w3", "a1", NULL);
	two_weeks("w1", 10000, 400, 1, 60, FX_NULL);
	two_weeks("w2", 10000, 400, 1, 60, FX_NULL);
	/* w3 only in the second week: a new work */
	for (int i = 7; i < 14; i++) {
		char day[DAY_BUFSZ];
		day_format(fx_day("2026-11-01") + i, day);
		fx_daily(fx_db, "w3", day, 5000, 5000, 200, 0, 60, 1, FX_NULL);
	}
	/* w2 goes self-only: stops earning in both weeks? no - a violation
	 * on w2 in the second week stops it there */
	fx_violation(fx_db, "a1", "w2", "2026-11-08", "active");
	fx_rescore();
	a = attribute("a1", NULL);
	ck_assert_int_eq(a.vs_revenue_fen, 2 * 7 * 2000);
	ck_assert_int_eq(a.revenue_fen, 7 * 2000 + 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_NEW_WORKS], 7 * 1000);
	ck_assert_int_eq(a.part_fen[EF_ELIGIBILITY], -7 * 2000);
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], 0);
	/* half the days ineligible: half the revenue, on eligibility */
	fx_sql(fx_db, "DELETE FROM violation");
	fx_violation(fx_db, "a1", "w1", "2026-11-11", "active");
	fx_rescore();
	a = attribute(NULL, "w1");
	ck_assert_int_eq(a.revenue_fen, 3 * 2000);
	ck_assert_int_eq(a.part_fen[EF_ELIGIBILITY], -4 * 2000);
	/* a work with no plays in the second week */
	fx_sql(fx_db, "UPDATE daily SET profitable_plays = 0, plays = 0 "
	    "WHERE work_id = 'w2' AND day >= '2026-11-08'");
	fx_rescore();
	a = attribute(NULL, "w2");
	ck_assert_int_eq(a.part_fen[EF_PROFITABLE_PLAYS], -7 * 2000);
	/* nothing in either period: all zero, no error */
	ck_assert(engine_attribute(fx_db, "a1", NULL, fx_day("2025-01-01"),
	    fx_day("2025-01-02"), fx_day("2024-01-01"), fx_day("2024-01-02"), &a,
	    NULL));
	ck_assert_int_eq(a.total_change_fen, 0);
}
END_TEST

static Suite *
attribution_suite(void)
{
	Suite *s = suite_create("attribution");
	TCase *tc = tcase_create("attribution");

	tcase_add_checked_fixture(tc, fx_setup_db, fx_teardown_db);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, attribution_sums_exactly_on_random_data);
	tcase_add_test(tc, attribution_round_keeps_sum);
	tcase_add_test(tc, attribution_single_factors);
	tcase_add_test(tc, attribution_eligibility_and_new_works);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(attribution_suite());
}
