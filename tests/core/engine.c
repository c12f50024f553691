/* src/core/engine.c: revenue model v1, the formula of a work-day's
 * estimate (its factors, estimated plays, floors). The derived tables:
 * tests/core/engine_rescore.c; calibration: tests/core/calibration.c. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "core/engine.h"
#include "engine_fixture.h"
#include "testutil.h"

START_TEST(score_defaults_known_value)
{
	struct score_input in = { 0 };
	struct score_output out;

	/* V = 10,000, E = 300 + 100 = 400, r = 0.04 = r_ref, U = 1.2,
	 * Q = 90: 10 * 200 fen * 1 * 1.2 * 1.5 * 1.3 * 1.1 */
	in.pp_known = true;
	in.profitable_plays = 10000;
	in.likes_known = in.favorites_known = true;
	in.likes = 300;
	in.favorites = 100;
	in.uv_known = true;
	in.user_value = 1.2;
	in.quality_known = true;
	in.quality = 90;
	in.selected = in.certified = true;
	in.base = fx_model.base;
	engine_score(&fx_model, &in, &out);
	ck_assert(!out.v_estimated);
	ck_assert_double_eq_tol(out.rate, 0.04, 1e-12);
	ck_assert_double_eq_tol(out.model_fen, 10 * 200 * 1.2 * 1.5 * 1.3 * 1.1,
	    1e-9);
	/* interaction at 4x the reference: sqrt(4) = 2 */
	in.likes = 1200;
	in.favorites = 400;
	engine_score(&fx_model, &in, &out);
	ck_assert_double_eq_tol(out.f_interaction, 2, 1e-12);
}
END_TEST

START_TEST(score_estimates_and_floors)
{
	struct score_input in = { 0 };
	struct score_output out;

	/* no profitable plays: plays x 5 s completion, flagged */
	in.plays_known = true;
	in.plays = 2000;
	in.cr5_known = true;
	in.completion_rate_5s = 0.25;
	in.base = 2;
	engine_score(&fx_model, &in, &out);
	ck_assert(out.v_known && out.v_estimated);
	ck_assert_double_eq_tol(out.v, 500, 1e-9);
	/* unknown interaction, user value, quality: neutral factors */
	ck_assert_double_eq_tol(out.f_interaction, 1, 1e-12);
	ck_assert_double_eq_tol(out.f_user, 1, 1e-12);
	ck_assert_double_eq_tol(out.f_quality, 1, 1e-12);
	ck_assert(!out.q_known && !out.e_known);
	ck_assert_double_eq_tol(out.model_fen, 0.5 * 200, 1e-9);
	/* without 5 s completion: the configured share */
	in.cr5_known = false;
	engine_score(&fx_model, &in, &out);
	ck_assert_double_eq_tol(out.v, 2000 * fx_model.est_share, 1e-9);
	/* derived quality: 100 (0.4 * 0.5 + 0.3 * 0.6 + 0.3 * (1 - 0.2)) = 62 */
	in.cr_known = in.cr5_known = in.bounce_known = true;
	in.completion_rate = 0.5;
	in.completion_rate_5s = 0.6;
	in.bounce_rate_2s = 0.2;
	engine_score(&fx_model, &in, &out);
	ck_assert(out.q_known);
	ck_assert_double_eq_tol(out.q, 62, 1e-9);
	/* zero interactions and zero quality are floored, never log(0) */
	in.quality_known = true;
	in.quality = 0;
	in.likes_known = true;
	in.likes = 0;
	engine_score(&fx_model, &in, &out);
	ck_assert_double_eq_tol(out.rate, fx_model.r_floor, 1e-15);
	ck_assert_double_eq_tol(out.q, fx_model.q_floor, 1e-15);
	ck_assert(isfinite(out.model_fen) && out.model_fen > 0);
	/* nothing known: no revenue, no estimate */
	memset(&in, 0, sizeof in);
	in.base = 2;
	engine_score(&fx_model, &in, &out);
	ck_assert(!out.v_known);
	ck_assert_double_eq(out.model_fen, 0);
}
END_TEST

static Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("model");

	tcase_add_checked_fixture(tc, fx_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, score_defaults_known_value);
	tcase_add_test(tc, score_estimates_and_floors);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(engine_suite());
}
