/* The scoring engine, part 1: the model formula, the derived tables
 * (full and incremental rescore), calibration. (model.conf parsing:
 * tests/core/modelconf.c; the working-day calendar: tests/core/calendar.c.) */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/calibration.h"
#include "core/engine.h"
#include "core/modelconf.h"
#include "core/money.h"
#include "core/paths.h"
#include "core/report.h"
#include "core/schema.h"
#include "core/store.h"
#include "engine_fixture.h"
#include "testutil.h"

static char *tmp;
static struct model_params defaults;

static void
setup(void)
{
	tmp = test_tmpdir();
	modelconf_defaults(&defaults);
	engine_set_model(&defaults);
}

static void
teardown(void)
{
	test_tmpdir_cleanup(tmp);
	tmp = NULL;
}

/* ---- the formula ---- */

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
	in.base = defaults.base;
	engine_score(&defaults, &in, &out);
	ck_assert(!out.v_estimated);
	ck_assert_double_eq_tol(out.rate, 0.04, 1e-12);
	ck_assert_double_eq_tol(out.model_fen, 10 * 200 * 1.2 * 1.5 * 1.3 * 1.1,
	    1e-9);
	/* interaction at 4x the reference: sqrt(4) = 2 */
	in.likes = 1200;
	in.favorites = 400;
	engine_score(&defaults, &in, &out);
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
	engine_score(&defaults, &in, &out);
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
	engine_score(&defaults, &in, &out);
	ck_assert_double_eq_tol(out.v, 2000 * defaults.est_share, 1e-9);
	/* derived quality: 100 (0.4 * 0.5 + 0.3 * 0.6 + 0.3 * (1 - 0.2)) = 62 */
	in.cr_known = in.cr5_known = in.bounce_known = true;
	in.completion_rate = 0.5;
	in.completion_rate_5s = 0.6;
	in.bounce_rate_2s = 0.2;
	engine_score(&defaults, &in, &out);
	ck_assert(out.q_known);
	ck_assert_double_eq_tol(out.q, 62, 1e-9);
	/* zero interactions and zero quality are floored, never log(0) */
	in.quality_known = true;
	in.quality = 0;
	in.likes_known = true;
	in.likes = 0;
	engine_score(&defaults, &in, &out);
	ck_assert_double_eq_tol(out.rate, defaults.r_floor, 1e-15);
	ck_assert_double_eq_tol(out.q, defaults.q_floor, 1e-15);
	ck_assert(isfinite(out.model_fen) && out.model_fen > 0);
	/* nothing known: no revenue, no estimate */
	memset(&in, 0, sizeof in);
	in.base = 2;
	engine_score(&defaults, &in, &out);
	ck_assert(!out.v_known);
	ck_assert_double_eq(out.model_fen, 0);
}
END_TEST

/* ---- derived tables ---- */

static void
two_works(struct db *db)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-10-01 12:00:00");
	fx_work(db, "w2", "a1", "2026-10-01");
	/* w1: 10 * 200 * 1 * 1 * 1 = 2000 fen; w2: 1 * 200 * 1 = 200 fen */
	fx_daily(db, "w1", "2026-11-01", 20000, 10000, 300, 100, 60, 1, FX_NULL);
	fx_daily(db, "w2", "2026-11-01", 2000, 1000, 30, 10, 60, 1, 150);
}

START_TEST(rescore_all_writes_scores)
{
	struct db *db = fx_open(tmp, "e.db");
	struct pt_err err = { 0 };
	int64_t n = 0;

	two_works(db);
	ck_assert_msg(engine_rescore_all_count(db, &n, &err), "%s", err.msg);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w2'"), 200);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM account_score "
	    "WHERE account_id = 'a1' AND day = '2026-11-01'"), 2200);
	ck_assert_int_eq(fx_int(db, "SELECT settled_fen FROM account_score"), 150);
	ck_assert_int_eq(fx_int(db, "SELECT works_earning FROM account_score"), 2);
	ck_assert_int_eq(fx_int(db, "SELECT eligible FROM account_score"), 1);
	/* missing metrics stay NULL in the derived rows */
	fx_daily(db, "w2", "2026-11-02", FX_NULL, FX_NULL, FX_NULL, FX_NULL,
	    FX_NULLF, FX_NULLF, FX_NULL);
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT profitable_plays FROM work_score "
	    "WHERE day = '2026-11-02'"), FX_NULL);
	ck_assert_double_eq(fx_double(db, "SELECT quality FROM work_score "
	    "WHERE day = '2026-11-02'"), FX_NULLF);
	ck_assert_int_eq(fx_int(db, "SELECT reasons = 'no_data' FROM work_score "
	    "WHERE day = '2026-11-02'"), 1);
	db_close(db);
}
END_TEST

START_TEST(rescore_daily_minimum)
{
	struct db *db = fx_open(tmp, "m.db");
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", NULL);
	/* 0.49 * 200 = 98 fen: below the ¥1 minimum, settles 0 */
	fx_daily(db, "w1", "2026-11-01", 1000, 490, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	/* 0.5 * 200 = 100 fen: exactly ¥1 earns */
	fx_daily(db, "w1", "2026-11-02", 1000, 500, FX_NULL, FX_NULL, 60, 1,
	    FX_NULL);
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE day = '2026-11-01'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT reasons = 'daily_min_1_yuan' FROM "
	    "work_score WHERE day = '2026-11-01'"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT gross_fen FROM account_score "
	    "WHERE day = '2026-11-01'"), 98);
	ck_assert_int_eq(fx_int(db, "SELECT eligible FROM account_score "
	    "WHERE day = '2026-11-01'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE day = '2026-11-02'"), 100);
	ck_assert_int_eq(fx_int(db, "SELECT eligible FROM account_score "
	    "WHERE day = '2026-11-02'"), 1);
	db_close(db);
}
END_TEST

START_TEST(rescore_dirty_only_touches_dirty)
{
	struct db *db = fx_open(tmp, "d.db");
	struct pt_err err = { 0 };

	two_works(db);
	fx_daily(db, "w1", "2026-11-02", 20000, 10000, 300, 100, 60, 1, FX_NULL);
	ck_assert(engine_rescore_all(db, &err));
	/* change both days, mark only the 2nd dirty */
	fx_daily(db, "w1", "2026-11-01", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	fx_daily(db, "w1", "2026-11-02", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-02'"), 1000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM account_score "
	    "WHERE day = '2026-11-02'"), 1000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	/* a new violation makes the day ineligible once it is dirty */
	fx_violation(db, "a1", NULL, "2026-11-02", "active");
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	ck_assert(engine_rescore_dirty(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM account_score "
	    "WHERE day = '2026-11-02'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT reasons FROM account_score "
	    "WHERE day = '2026-11-02' AND reasons = 'no_violation_90d'") == FX_NULL,
	    0);
	db_close(db);
}
END_TEST

/* A change that covers at least half of the scored account-days (and
 * 1024 of them or more) is rescored in one full pass: days not marked
 * are scored again too, with the same results the day-by-day path
 * gives for the marked ones. */
START_TEST(rescore_dirty_mostly_dirty_goes_whole)
{
	struct db *db = fx_open(tmp, "m.db");
	struct pt_err err = { 0 };

	two_works(db);
	ck_assert(engine_rescore_all(db, &err));
	fx_sql(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1"
	    " FROM c WHERE n < 1100) INSERT INTO daily(work_id, day, plays,"
	    " profitable_plays, likes, favorites, comments, shares,"
	    " completion_rate, completion_rate_5s, bounce_rate_2s,"
	    " avg_play_duration, user_value, quality, revenue_fen)"
	    " SELECT work_id, date(day, '+' || n || ' days'), plays,"
	    " profitable_plays, likes, favorites, comments, shares,"
	    " completion_rate, completion_rate_5s, bounce_rate_2s,"
	    " avg_play_duration, user_value, quality, NULL FROM daily, c"
	    " WHERE work_id = 'w1' AND day = '2026-11-01'");
	fx_sql(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1"
	    " FROM c WHERE n < 1100) INSERT INTO dirty SELECT 'a1',"
	    " date('2026-11-01', '+' || n || ' days') FROM c");
	/* changed but not marked: only a whole pass sees it */
	fx_daily(db, "w1", "2026-11-01", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 1000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-02'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 1102);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score"), 1101);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	db_close(db);
}
END_TEST

/* Settled revenue of a day moves an account's fit, and the account is
 * rescored whole: when the accounts whose fits moved hold most of what
 * is scored (here a1, with 1,101 of 1,101 scored days), one full pass
 * rescores everything, an unmarked day of a1 too, as a full rescore
 * would. A fit that does not move leaves the other days alone
 * (rescore_dirty_only_touches_dirty). */
START_TEST(rescore_dirty_moved_fits_go_whole)
{
	struct db *db = fx_open(tmp, "n.db");
	struct pt_err err = { 0 };
	int64_t before, inc;
	double base0, base1;

	two_works(db);
	fx_account(db, "a2", "personal", false, NULL, "joined");
	fx_work(db, "w9", "a2", "2026-10-01");
	fx_sql(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1"
	    " FROM c WHERE n < 1100) INSERT INTO daily(work_id, day, plays,"
	    " profitable_plays, likes, favorites, comments, shares,"
	    " completion_rate, completion_rate_5s, bounce_rate_2s,"
	    " avg_play_duration, user_value, quality, revenue_fen)"
	    " SELECT work_id, date(day, '+' || n || ' days'), plays,"
	    " profitable_plays + n %% 13 * 100, likes + n %% 5 * 10, favorites,"
	    " comments, shares, completion_rate, completion_rate_5s,"
	    " bounce_rate_2s, avg_play_duration, user_value, quality,"
	    " 1800 + n %% 7 * 30 FROM daily, c"
	    " WHERE work_id = 'w1' AND day = '2026-11-01'");
	ck_assert(engine_rescore_all(db, &err));
	base0 = fx_double(db, "SELECT base FROM calibration WHERE account_id = 'a1'");
	before = fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'");
	/* changed but not marked: only a whole pass sees it */
	fx_daily(db, "w1", "2026-11-01", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen * 3 "
	    "WHERE work_id = 'w1' AND day = '2026-11-02'");
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	base1 = fx_double(db, "SELECT base FROM calibration WHERE account_id = 'a1'");
	ck_assert_msg(base1 > base0, "base %g -> %g", base0, base1);
	inc = fx_int(db, "SELECT estimated_fen FROM work_score "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'");
	ck_assert_int_ne(inc, before);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_score");
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_double_eq(fx_double(db, "SELECT base FROM calibration "
	    "WHERE account_id = 'a1'"), base1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN "
	    "work_score s USING (work_id, day) WHERE i.estimated_fen = "
	    "s.estimated_fen AND i.model_fen = s.model_fen"), 1102);
	db_close(db);
}
END_TEST

/* A work moved to another account (the import marks the work's days and
 * every day of the account it left): the account it left loses the days
 * only that work had, their scores and their calibration sums, and both
 * accounts end as a full rescore leaves them. */
START_TEST(rescore_dirty_work_moved)
{
	struct db *db = fx_open(tmp, "mv.db");
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_account(db, "a2", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-10-01");
	fx_work(db, "w2", "a1", "2026-10-01");
	fx_work(db, "w9", "a2", "2026-10-01");
	for (int d = 0; d < 12; d++) {
		char day[DAY_BUFSZ];
		day_format(fx_day("2026-11-01") + d, day);
		fx_daily(db, "w1", day, 20000 + d * 100, 10000 + d * 50, 300, 100,
		    60, 1, 2100 + d * 13);
		/* w2 and w9 only on the first 8 days: days 8..11 of a1 are
		 * w1's alone */
		if (d < 8) {
			fx_daily(db, "w2", day, 9000, 4000 + d * 70, 90, 30, 55,
			    1, 800 + d * 11);
			fx_daily(db, "w9", day, 5000, 2500, 60, 20, 70, 1,
			    600 + d * 7);
		}
	}
	ck_assert(engine_rescore_all(db, &err));
	fx_sql(db, "UPDATE work SET account_id = 'a2' WHERE work_id = 'w1'");
	ck_assert(store_mark_dirty_work(db, "w1", &err));
	ck_assert(store_mark_dirty_account(db, "a1", &err));
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score "
	    "WHERE account_id = 'a1'"), 8);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calib_day "
	    "WHERE account_id = 'a1'"), 8);
	fx_sql(db, "CREATE TABLE inc AS SELECT account_id, day, eligible, "
	    "reasons, estimated_fen, settled_fen, works_earning, gross_fen, "
	    "shown_fen, plays FROM account_score");
	fx_sql(db, "CREATE TABLE inc_cal AS SELECT account_id, base, a_e, days "
	    "FROM calibration");
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM inc "
	    "EXCEPT SELECT account_id, day, eligible, reasons, estimated_fen, "
	    "settled_fen, works_earning, gross_fen, shown_fen, plays FROM "
	    "account_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc"),
	    fx_int(db, "SELECT count(*) FROM account_score"));
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM "
	    "inc_cal EXCEPT SELECT account_id, base, a_e, days FROM "
	    "calibration)"), 0);
	db_close(db);
}
END_TEST

/* Each account-day keeps what the accounts overview shows: settled
 * revenue where a work has it, else its estimate, summed work by work;
 * the full and the day-by-day paths agree. */
START_TEST(account_score_keeps_shown_revenue)
{
	struct db *db = fx_open(tmp, "s.db");
	struct pt_err err = { 0 };
	const char *same = "SELECT count(*) FROM account_score a WHERE shown_fen"
	    " IS NOT (SELECT sum(min(max(ifnull(d.revenue_fen, s.estimated_fen),"
	    " 0), 1000000000000)) FROM work w JOIN daily d ON d.work_id ="
	    " w.work_id AND d.day = a.day JOIN work_score s ON s.work_id ="
	    " d.work_id AND s.day = d.day WHERE w.account_id = a.account_id)";

	two_works(db);
	ck_assert(engine_rescore_all(db, &err));
	/* w1: estimate 2000 (no revenue); w2: settled 150 */
	ck_assert_int_eq(fx_int(db, "SELECT shown_fen FROM account_score"
	    " WHERE day = '2026-11-01'"), 2000 + 150);
	ck_assert_int_eq(fx_int(db, same), 0);
	fx_daily(db, "w1", "2026-11-02", 20000, 5000, 150, 50, 60, 1, 700);
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT shown_fen FROM account_score"
	    " WHERE day = '2026-11-02'"), 700);
	ck_assert_int_eq(fx_int(db, same), 0);
	db_close(db);
}
END_TEST

/* `report daily` of an account reads the figures' sums the engine kept
 * with each account-day, equal to the sums of its work-days: NULL where
 * no work-day had the figure, each settled amount held within 0..10^12
 * fen (the same as summing the works, the path for a day not scored
 * with them). */
static void
daily_rows(struct db *db, struct report_table *t)
{
	struct report_filter f = { "a1", NULL, fx_day("2026-10-30"),
	    fx_day("2026-11-05") };
	struct pt_err err = { 0 };

	ck_assert_msg(report_daily(db, &f, t, &err), "%s", err.msg);
}

/* Column c of row r: its value, or INT64_MIN when not known. */
static int64_t
cell(const struct report_table *t, size_t r, int c)
{
	const struct report_cell *x = report_cell(t, r, c);

	return x->known ? x->i : INT64_MIN;
}

enum { C_DAY, C_PLAYS, C_PP, C_LIKES, C_FAV, C_COMMENTS, C_SHARES,
    C_REVENUE, C_ESTIMATED, C_N };

START_TEST(report_daily_from_kept_sums)
{
	struct db *db = fx_open(tmp, "k.db");
	struct pt_err err = { 0 };
	struct report_table kept, works;

	two_works(db);
	fx_daily(db, "w1", "2026-11-02", 5000, FX_NULL, 10, FX_NULL, 60, 1,
	    2000000000000LL);
	fx_daily(db, "w2", "2026-11-02", FX_NULL, 700, 3, FX_NULL, 60, 1, -5);
	fx_daily(db, "w2", "2026-11-03", FX_NULL, FX_NULL, FX_NULL, FX_NULL,
	    60, 1, FX_NULL);
	fx_sql(db, "UPDATE daily SET comments = 4, shares = 2 WHERE work_id = "
	    "'w1' AND day = '2026-11-01'");
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score "
	    "WHERE sums_kept"), 3);
	daily_rows(db, &kept);
	fx_sql(db, "UPDATE account_score SET sums_kept = 0");
	daily_rows(db, &works);
	ck_assert_int_eq(kept.layout->ncols, C_N);
	ck_assert_uint_eq(kept.nrows, 3);
	ck_assert_uint_eq(works.nrows, 3);
	for (size_t r = 0; r < kept.nrows; r++)
		for (int c = 0; c < C_N; c++)
			ck_assert_msg(cell(&kept, r, c) == cell(&works, r, c),
			    "row %zu column %d: %lld against %lld", r, c,
			    (long long)cell(&kept, r, c),
			    (long long)cell(&works, r, c));
	/* 11-02: the huge amount held, the negative one 0; 11-03: nothing */
	ck_assert_int_eq(cell(&kept, 1, C_REVENUE), 1000000000000LL);
	ck_assert_int_eq(cell(&kept, 2, C_PLAYS), INT64_MIN);
	ck_assert_int_eq(cell(&kept, 2, C_REVENUE), INT64_MIN);
	ck_assert_int_eq(cell(&kept, 0, C_COMMENTS), 4);
	report_table_free(&kept);
	report_table_free(&works);
	/* the kept sums are what is read (not the works' rows) */
	fx_sql(db, "UPDATE account_score SET sums_kept = 1");
	fx_sql(db, "UPDATE account_score SET plays = plays + 7 "
	    "WHERE day = '2026-11-01'");
	daily_rows(db, &kept);
	ck_assert_int_eq(cell(&kept, 0, C_PLAYS), 20000 + 2000 + 7);
	report_table_free(&kept);
	/* a day waiting for a rescore: the works' rows again */
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-03')");
	daily_rows(db, &kept);
	ck_assert_int_eq(cell(&kept, 0, C_PLAYS), 20000 + 2000);
	report_table_free(&kept);
	db_close(db);
}
END_TEST

/* ---- calibration ---- */

static double
urand(unsigned *seed)
{
	return (rand_r(seed) + 0.5) / ((double)RAND_MAX + 1);
}

static double
nrand(unsigned *seed)
{
	return sqrt(-2 * log(urand(seed))) * cos(2 * M_PI * urand(seed));
}

/* Synthetic settled revenue from planted parameters and log-normal
 * noise: calibration must find base within 2%. */
static void
plant(struct db *db, unsigned seed, double base, int ndays, int nworks,
    double sigma)
{
	struct model_params p = defaults;

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
			in.profitable_plays = 2000 + (int64_t)(urand(&seed) * 50000);
			in.likes = (int64_t)(in.profitable_plays * 0.06 * urand(&seed));
			in.favorites = (int64_t)(in.profitable_plays * 0.02 * urand(&seed));
			in.user_value = 0.5 + urand(&seed);
			in.quality = 30 + 60 * urand(&seed);
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
		struct db *db = fx_open(tmp, name);
		plant(db, 1000u + (unsigned)i, bases[i], 90, 8, 0.15);
		ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
		double got = fx_double(db, "SELECT base FROM calibration");
		ck_assert_msg(fabs(got / bases[i] - 1) < 0.02,
		    "planted %g, fitted %g", bases[i], got);
		ck_assert_int_eq(fx_int(db, "SELECT days FROM calibration"), 90);
		ck_assert(fx_double(db, "SELECT r2 FROM calibration") > 0.5);
		/* the fitted exponents come back near the planted ones */
		ck_assert(fabs(fx_double(db, "SELECT a_e FROM calibration") -
		    defaults.a_e) < 0.1);
		/* estimates now follow the calibrated base */
		double ratio = fx_double(db, "SELECT sum(estimated_fen) * 1.0 / "
		    "sum(d.revenue_fen) FROM work_score s JOIN daily d USING "
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
	const char *path = test_path(tmp, "v6.db");
	struct db *db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	double base;

	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 6, &err), "%s", err.msg);
	plant(db, 21, 2.5, 40, 5, 0.1);
	/* what a v6 rescore left: a fit from older figures */
	fx_sql(db, "INSERT INTO calibration(account_id, base, a_e, a_u, a_q,"
	    " days, r2, fitted_at) VALUES ('acc', 1.5, 0.5, 1, 1, 30, 0.4, 'x')");
	db_close(db);
	db = fx_open(tmp, "v6.db");
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
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_score");
	fx_sql(db, "CREATE TABLE inc_cal AS SELECT * FROM calibration");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration c, inc_cal i"
	    " WHERE c.base = i.base AND c.a_e = i.a_e AND c.days = i.days"
	    " AND c.r2 = i.r2"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN work_score s"
	    " USING (work_id, day) WHERE i.estimated_fen = s.estimated_fen AND"
	    " i.model_fen = s.model_fen"), 200);
	db_close(db);
}
END_TEST

START_TEST(calibration_base_only_with_few_days)
{
	struct db *db = fx_open(tmp, "few.db");
	struct pt_err err = { 0 };

	plant(db, 7, 3.0, 20, 10, 0.05);	/* fewer than calibration_full_days */
	ck_assert(engine_rescore_all(db, &err));
	double got = fx_double(db, "SELECT base FROM calibration");
	ck_assert_msg(fabs(got / 3.0 - 1) < 0.02, "fitted %g", got);
	ck_assert_double_eq(fx_double(db, "SELECT a_e FROM calibration"),
	    defaults.a_e);
	db_close(db);
	/* too few days: no calibration at all */
	db = fx_open(tmp, "none.db");
	plant(db, 8, 3.0, defaults.calib_min_days - 1, 3, 0.1);
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 0);
	db_close(db);
}
END_TEST

START_TEST(calibration_pure_fit_exact)
{
	struct calib_obs o[40];
	struct calib_fit fit;
	struct model_params p = defaults;

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
	struct db *db = fx_open(tmp, "cal.db");
	struct pt_err err = { 0 };
	double base0, base1;
	int64_t est0, est1;

	plant(db, 11, 3.0, 20, 4, 0.05);
	ck_assert(engine_rescore_all(db, &err));
	base0 = fx_double(db, "SELECT base FROM calibration");
	est0 = fx_int(db, "SELECT sum(estimated_fen) FROM work_score "
	    "WHERE day = '2026-06-01'");
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen * 3 "
	    "WHERE day = '2026-06-20'");
	fx_sql(db, "INSERT INTO dirty VALUES ('acc', '2026-06-20')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	base1 = fx_double(db, "SELECT base FROM calibration");
	est1 = fx_int(db, "SELECT sum(estimated_fen) FROM work_score "
	    "WHERE day = '2026-06-01'");
	ck_assert_msg(base1 > base0 * 1.02, "base %g -> %g", base0, base1);
	ck_assert_msg(est1 > est0, "a day not marked dirty was not rescored");
	/* the same as a full rescore, row for row */
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_score");
	fx_sql(db, "CREATE TABLE inc_acc AS SELECT * FROM account_score");
	ck_assert(engine_rescore_all(db, &err));
	/* (the fit sums in another order: reals agree to rounding) */
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN work_score s "
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

/* More rows than the rescore holds at once (16,384) and more settled
 * ones than calibration keeps (32,768): the incremental rescore of a
 * whole account reads it in spans of days and fits from two passes, and
 * must give every day, once, with the full rescore's figures. */
START_TEST(rescore_streams_many_days)
{
	struct db *db = fx_open(tmp, "m.db");
	struct pt_err err = { 0 };
	int64_t n = 0;

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_sql(db, "WITH RECURSIVE w(i) AS (SELECT 0 UNION ALL SELECT i + 1 "
	    "FROM w WHERE i < 39) INSERT INTO work(work_id, account_id) "
	    "SELECT printf('w%%02d', i), 'a1' FROM w");
	fx_sql(db, "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 "
	    "FROM d WHERE k < 999) INSERT INTO daily(work_id, day, plays, "
	    "profitable_plays, likes, favorites, quality, user_value, "
	    "revenue_fen) SELECT w.work_id, date('2024-01-01', '+' || k || "
	    "' days'), 20000 + (k * 37 + rowid * 11) %% 5000, "
	    "10000 + (k * 13 + rowid * 7) %% 3000, 300 + k %% 50, 100, "
	    "50 + (k + rowid) %% 40, 1 + ((k * 3 + rowid) %% 10) / 10.0, "
	    "2000 + (k * 17 + rowid * 29) %% 900 FROM work w, d");
	ck_assert_msg(engine_rescore_all_count(db, &n, &err), "%s", err.msg);
	ck_assert_int_eq(n, 40000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 1);
	fx_sql(db, "CREATE TABLE ws_full AS SELECT * FROM work_score");
	fx_sql(db, "CREATE TABLE cal_full AS SELECT * FROM calibration");
	/* forget everything but one dirty day: the account's fit is new, so
	 * every one of its days is rescored */
	fx_sql(db, "DELETE FROM work_score; DELETE FROM account_score; "
	    "DELETE FROM calibration; INSERT INTO dirty VALUES ('a1', "
	    "'2024-06-01')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 40000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score"), 1000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score s JOIN "
	    "ws_full f USING (work_id, day)"), 40000);
	ck_assert_int_eq(fx_int(db, "SELECT days FROM calibration"), 1000);
	/* the same sums in another order: equal to rounding */
	ck_assert_double_eq_tol(fx_double(db, "SELECT c.base - f.base FROM "
	    "calibration c, cal_full f"), 0, 1e-9);
	ck_assert_double_eq_tol(fx_double(db, "SELECT c.r2 - f.r2 FROM "
	    "calibration c, cal_full f"), 0, 1e-9);
	ck_assert_double_eq_tol(fx_double(db, "SELECT max(abs(s.model_fen - "
	    "f.model_fen) / f.model_fen) FROM work_score s JOIN ws_full f "
	    "USING (work_id, day)"), 0, 1e-9);
	ck_assert_int_eq(fx_int(db, "SELECT sum(estimated_fen) FROM "
	    "account_score"), fx_int(db, "SELECT sum(estimated_fen) FROM "
	    "ws_full"));
	db_close(db);
}
END_TEST

/* Rows are written many to a statement: every row must carry its own
 * day's figures and reasons, on both paths (full and incremental), with
 * a count of rows that fills no batch exactly. */
START_TEST(rescore_rows_carry_their_own_figures)
{
	struct db *db = fx_open(tmp, "rows.db");
	struct pt_err err = { 0 };
	const char *mismatch = "SELECT count(*) FROM work_score s JOIN daily d "
	    "USING (work_id, day) JOIN work w USING (work_id) WHERE "
	    "s.profitable_plays IS NOT d.profitable_plays OR s.quality IS NOT "
	    "d.quality OR s.user_value IS NOT d.user_value OR s.reasons IS NOT "
	    "(CASE w.account_id WHEN 'a1' THEN '' ELSE 'plan_joined' END)";

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_account(db, "a2", "personal", false, NULL, "not_joined");
	fx_sql(db, "WITH RECURSIVE w(i) AS (SELECT 0 UNION ALL SELECT i + 1 "
	    "FROM w WHERE i < 6) INSERT INTO work(work_id, account_id) "
	    "SELECT printf('w%%d', i), CASE WHEN i %% 3 THEN 'a1' ELSE 'a2' END "
	    "FROM w");
	fx_sql(db, "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 "
	    "FROM d WHERE k < 22) INSERT INTO daily(work_id, day, plays, "
	    "profitable_plays, likes, favorites, quality, user_value) "
	    "SELECT w.work_id, date('2026-03-01', '+' || k || ' days'), "
	    "20000 + k * 101 + w.rowid, 10000 + k * 37 + w.rowid * 1000, 300, "
	    "100, 40 + k, 1 + w.rowid / 100.0 + k / 1000.0 FROM work w, d");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 161);
	ck_assert_int_eq(fx_int(db, mismatch), 0);
	/* again through the day-by-day path */
	fx_sql(db, "DELETE FROM work_score; DELETE FROM account_score; "
	    "INSERT INTO dirty SELECT DISTINCT w.account_id, d.day FROM daily d "
	    "JOIN work w USING (work_id)");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 161);
	ck_assert_int_eq(fx_int(db, mismatch), 0);
	/* a full rescore over rows already there rewrites those that
	 * changed (and only their values change) */
	fx_sql(db, "UPDATE daily SET quality = quality + 7, profitable_plays = "
	    "profitable_plays * 2 WHERE work_id IN ('w1', 'w3') AND day > "
	    "'2026-03-10'");
	fx_sql(db, "UPDATE account SET plan_status = 'joined' WHERE "
	    "account_id = 'a2'");
	fx_sql(db, "UPDATE work SET account_id = 'a1' WHERE work_id = 'w0'");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 161);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score WHERE "
	    "reasons <> ''"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score s JOIN daily "
	    "d USING (work_id, day) WHERE s.profitable_plays IS NOT "
	    "d.profitable_plays OR s.quality IS NOT d.quality"), 0);
	db_close(db);
}
END_TEST

static Suite *
engine_suite(void)
{
	Suite *s = suite_create("engine");
	TCase *tc = tcase_create("model");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, score_defaults_known_value);
	tcase_add_test(tc, score_estimates_and_floors);
	tcase_add_test(tc, rescore_all_writes_scores);
	tcase_add_test(tc, rescore_daily_minimum);
	tcase_add_test(tc, rescore_dirty_only_touches_dirty);
	tcase_add_test(tc, rescore_dirty_mostly_dirty_goes_whole);
	tcase_add_test(tc, rescore_dirty_moved_fits_go_whole);
	tcase_add_test(tc, rescore_dirty_work_moved);
	tcase_add_test(tc, report_daily_from_kept_sums);
	tcase_add_test(tc, account_score_keeps_shown_revenue);
	tcase_add_test(tc, calibration_recovers_base);
	tcase_add_test(tc, calibration_base_only_with_few_days);
	tcase_add_test(tc, calibration_sums_after_v6);
	tcase_add_test(tc, calibration_pure_fit_exact);
	tcase_add_test(tc, rescore_dirty_follows_calibration);
	tcase_add_test(tc, rescore_streams_many_days);
	tcase_add_test(tc, rescore_rows_carry_their_own_figures);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(engine_suite());
}
