/* src/core/calibration.c and engine_calib.c: the fit of base and
 * exponents from settled revenue (planted parameters recovered), the
 * sums kept per account-day (from a v6 database too), and the
 * incremental rescore following a fit that moved. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/calibration.h"
#include "core/engine.h"
#include "core/schema.h"
#include "engine_fixture.h"
#include "testutil.h"

static double
nrand(unsigned *seed)
{
	return sqrt(-2 * log(fx_urand(seed))) * cos(2 * M_PI * fx_urand(seed));
}

/* Synthetic settled revenue from planted parameters and log-normal
 * noise: calibration must find base within 2%. */
static void
plant(struct db *db, unsigned seed, double base, int ndays, int nworks,
    double sigma)
{
	struct model_params p = fx_model;

	p.base = base;
	fx_account(db, "acc", "personal", false, NULL, "joined");
	for (int w = 0; w < nworks; w++) {
		char id[16];
		snprintf(id, sizeof id, "w%d", w);
		fx_work(db, id, "acc", NULL);
	}
	fx_sql(db, "BEGIN");
	for (int d = 0; d < ndays; d++) {
		char day[DAY_BUFSZ];
		day_format(fx_day("2026-06-01") + d, day);
		for (int w = 0; w < nworks; w++) {
			struct score_input in = { 0 };
			struct score_output out;
			char id[16];
			snprintf(id, sizeof id, "w%d", w);
			in.pp_known = in.likes_known = in.favorites_known = true;
			in.uv_known = in.quality_known = true;
			in.profitable_plays = 2000 + (int64_t)(fx_urand(&seed) * 50000);
			in.likes = (int64_t)(in.profitable_plays * 0.06 * fx_urand(&seed));
			in.favorites = (int64_t)(in.profitable_plays * 0.02 * fx_urand(&seed));
			in.user_value = 0.5 + fx_urand(&seed);
			in.quality = 30 + 60 * fx_urand(&seed);
			in.base = base;
			engine_score(&p, &in, &out);
			fx_daily(db, id, day, in.profitable_plays * 2,
			    in.profitable_plays, in.likes, in.favorites, in.quality,
			    in.user_value, llround(out.model_fen *
			    exp(sigma * nrand(&seed))));
		}
	}
	fx_sql(db, "COMMIT");
}

START_TEST(calibration_recovers_base)
{
	static const double bases[] = { 1.2, 2.0, 3.7, 6.5 };
	struct pt_err err = { 0 };

	for (int i = 0; i < 4; i++) {
		char name[32];
		snprintf(name, sizeof name, "c%d.db", i);
		struct db *db = fx_open(test_tmp, name);
		plant(db, 1000u + (unsigned)i, bases[i], 90, 8, 0.15);
		ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
		double got = fx_double(db, "SELECT base FROM calibration");
		ck_assert_msg(fabs(got / bases[i] - 1) < 0.02,
		    "planted %g, fitted %g", bases[i], got);
		ck_assert_int_eq(fx_int(db, "SELECT days FROM calibration"), 90);
		ck_assert(fx_double(db, "SELECT r2 FROM calibration") > 0.5);
		/* the fitted exponents come back near the planted ones */
		ck_assert(fabs(fx_double(db, "SELECT a_e FROM calibration") -
		    fx_model.a_e) < 0.1);
		/* estimates now follow the calibrated base */
		double ratio = fx_double(db, "SELECT sum(estimated_fen) * 1.0 / "
		    "sum(d.revenue_fen) FROM work_estimate s JOIN daily d USING "
		    "(work_id, day)");
		ck_assert_msg(fabs(ratio - 1) < 0.05, "ratio %g", ratio);
		db_close(db);
	}
}
END_TEST

/* A v6 database, scored before calibration kept its sums per
 * account-day: v7 adds the tables empty, and the first incremental
 * rescore of an account sums all of its days once, then fits exactly as
 * a full rescore does. */
START_TEST(calibration_sums_after_v6)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "v6.db");
	struct db *db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	double base;

	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 6, &err), "%s", err.msg);
	plant(db, 21, 2.5, 40, 5, 0.1);
	/* what a v6 rescore left: a fit from older figures */
	fx_sql(db, "INSERT INTO calibration(account_id, base, a_e, a_u, a_q,"
	    " days, r2, fitted_at) VALUES ('acc', 1.5, 0.5, 1, 1, 30, 0.4, 'x')");
	db_close(db);
	db = fx_open(test_tmp, "v6.db");
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_day"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_account"), 0);
	fx_sql(db, "INSERT INTO dirty VALUES ('acc', '2026-06-10')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_day"), 40);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_account"), 1);
	base = fx_double(db, "SELECT base FROM calibration");
	ck_assert_msg(fabs(base / 2.5 - 1) < 0.03, "fitted %g", base);
	/* the older fit moved: every day was rescored with the new one */
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 200);
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_estimate");
	fx_sql(db, "CREATE TABLE inc_cal AS SELECT * FROM calibration");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration c, inc_cal i"
	    " WHERE c.base = i.base AND c.a_e = i.a_e AND c.days = i.days"
	    " AND c.r2 = i.r2"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN work_estimate s"
	    " USING (work_id, day) WHERE i.estimated_fen = s.estimated_fen AND"
	    " i.model_fen = s.model_fen"), 200);
	db_close(db);
}
END_TEST

/* With many works and two accounts a full rescore sums the accounts'
 * settled days on two threads, each account's works in order: the same
 * sums and fits, to the bit, as summing one account at a time. */
START_TEST(calibration_split_sums_as_one_pass)
{
	struct db *db = fx_open(test_tmp, "split.db");
	struct pt_err err = { 0 };

	plant(db, 7, 2.5, 30, 70, 0.1);
	fx_account(db, "acc2", "personal", false, NULL, "joined");
	fx_sql(db, "UPDATE work SET account_id = 'acc2' WHERE work_id > 'w4'");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 2);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_day"), 60);
	fx_sql(db, "CREATE TABLE full_day AS SELECT * FROM calib_day;"
	    " CREATE TABLE full_cal AS SELECT account_id, base, a_e, a_u, a_q,"
	    " days, r2 FROM calibration;"
	    /* no sums kept: each account's days summed again alone */
	    " DELETE FROM calib_account; DELETE FROM calib_day;"
	    " INSERT INTO dirty VALUES ('acc', '2026-06-10'),"
	    " ('acc2', '2026-06-10')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_day"), 60);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM"
	    " full_day EXCEPT SELECT * FROM calib_day)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM"
	    " full_cal EXCEPT SELECT account_id, base, a_e, a_u, a_q, days, r2"
	    " FROM calibration)"), 0);
	db_close(db);
}
END_TEST

START_TEST(calibration_base_only_with_few_days)
{
	struct db *db = fx_open(test_tmp, "few.db");
	struct pt_err err = { 0 };

	plant(db, 7, 3.0, 20, 10, 0.05);	/* fewer than calibration_full_days */
	ck_assert(engine_rescore_all(db, &err));
	double got = fx_double(db, "SELECT base FROM calibration");
	ck_assert_msg(fabs(got / 3.0 - 1) < 0.02, "fitted %g", got);
	ck_assert_double_eq(fx_double(db, "SELECT a_e FROM calibration"),
	    fx_model.a_e);
	db_close(db);
	/* too few days: no calibration at all */
	db = fx_open(test_tmp, "none.db");
	plant(db, 8, 3.0, fx_model.calib_min_days - 1, 3, 0.1);
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 0);
	db_close(db);
}
END_TEST

START_TEST(calibration_pure_fit_exact)
{
	struct calib_obs o[40];
	struct calib_fit fit;
	struct model_params p = fx_model;

	p.calib_lambda = 0;
	for (int i = 0; i < 40; i++) {
		o[i].day = i;
		o[i].x[0] = (i % 7) * 0.1 - 0.3;
		o[i].x[1] = (i % 5) * 0.1 - 0.2;
		o[i].x[2] = (i % 3) * 0.1 - 0.1;
		o[i].offset = log(1000.0 + i);
		o[i].y = o[i].offset + log(4.0) + p.a_e * o[i].x[0] +
		    p.a_u * o[i].x[1] + p.a_q * o[i].x[2];
	}
	ck_assert(calibration_fit(&p, o, 40, &fit));
	ck_assert(!fit.full);
	ck_assert_double_eq_tol(fit.base, 4.0, 1e-9);
	ck_assert_double_eq_tol(fit.r2, 1.0, 1e-9);
	ck_assert(!calibration_fit(&p, o, 3, &fit));
}
END_TEST

/* New settled revenue moves the calibration: the incremental rescore
 * then rescores every day of the account and agrees with a full one. */
START_TEST(rescore_dirty_follows_calibration)
{
	struct db *db = fx_open(test_tmp, "cal.db");
	struct pt_err err = { 0 };
	double base0, base1;
	int64_t est0, est1;

	plant(db, 11, 3.0, 20, 4, 0.05);
	ck_assert(engine_rescore_all(db, &err));
	base0 = fx_double(db, "SELECT base FROM calibration");
	est0 = fx_int(db, "SELECT sum(estimated_fen) FROM work_estimate "
	    "WHERE day = '2026-06-01'");
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen * 3 "
	    "WHERE day = '2026-06-20'");
	fx_sql(db, "INSERT INTO dirty VALUES ('acc', '2026-06-20')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	base1 = fx_double(db, "SELECT base FROM calibration");
	est1 = fx_int(db, "SELECT sum(estimated_fen) FROM work_estimate "
	    "WHERE day = '2026-06-01'");
	ck_assert_msg(base1 > base0 * 1.02, "base %g -> %g", base0, base1);
	ck_assert_msg(est1 > est0, "a day not marked dirty was not rescored");
	/* the same as a full rescore, row for row */
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_estimate");
	fx_sql(db, "CREATE TABLE inc_acc AS SELECT * FROM account_score");
	ck_assert(engine_rescore_all(db, &err));
	/* (the fit sums in another order: reals agree to rounding) */
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN work_estimate s "
	    "USING (work_id, day) WHERE i.estimated_fen = s.estimated_fen AND "
	    "i.eligible = s.eligible AND i.reasons = s.reasons AND "
	    "abs(i.model_fen - s.model_fen) <= 1e-9 * s.model_fen"), 80);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT account_id, day, "
	    "eligible, reasons, estimated_fen, settled_fen, works_earning, gross_fen "
	    "FROM inc_acc EXCEPT SELECT account_id, day, eligible, reasons, "
	    "estimated_fen, settled_fen, works_earning, gross_fen FROM "
	    "account_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc"),
	    fx_int(db, "SELECT count(*) FROM work_score"));
	db_close(db);
}
END_TEST

static Suite *
calibration_suite(void)
{
	Suite *s = suite_create("calibration");
	TCase *tc = tcase_create("calibration");

	tcase_add_checked_fixture(tc, fx_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, calibration_recovers_base);
	tcase_add_test(tc, calibration_base_only_with_few_days);
	tcase_add_test(tc, calibration_sums_after_v6);
	tcase_add_test(tc, calibration_split_sums_as_one_pass);
	tcase_add_test(tc, calibration_pure_fit_exact);
	tcase_add_test(tc, rescore_dirty_follows_calibration);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(calibration_suite());
}
