/* src/core/engine_rescore.c: the derived tables work_score and
 * account_score, the full rescore and the incremental one (dirty
 * account-days, moved works, moved fits), streamed in spans and written
 * many rows to a statement. */
#include "config.h"

#include <check.h>

#include "core/engine.h"
#include "core/store.h"
#include "engine_fixture.h"
#include "testutil.h"

START_TEST(rescore_all_writes_scores)
{
	struct db *db = fx_open(test_tmp, "e.db");
	struct pt_err err = { 0 };
	int64_t n = 0;

	fx_two_works(db);
	ck_assert_msg(engine_rescore_all_count(db, &n, &err), "%s", err.msg);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
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
	struct db *db = fx_open(test_tmp, "m.db");
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
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE day = '2026-11-01'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT reasons = 'daily_min_1_yuan' FROM "
	    "work_score WHERE day = '2026-11-01'"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT gross_fen FROM account_score "
	    "WHERE day = '2026-11-01'"), 98);
	ck_assert_int_eq(fx_int(db, "SELECT eligible FROM account_score "
	    "WHERE day = '2026-11-01'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE day = '2026-11-02'"), 100);
	ck_assert_int_eq(fx_int(db, "SELECT eligible FROM account_score "
	    "WHERE day = '2026-11-02'"), 1);
	db_close(db);
}
END_TEST

START_TEST(rescore_dirty_only_touches_dirty)
{
	struct db *db = fx_open(test_tmp, "d.db");
	struct pt_err err = { 0 };

	fx_two_works(db);
	fx_daily(db, "w1", "2026-11-02", 20000, 10000, 300, 100, 60, 1, FX_NULL);
	ck_assert(engine_rescore_all(db, &err));
	/* change both days, mark only the 2nd dirty */
	fx_daily(db, "w1", "2026-11-01", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	fx_daily(db, "w1", "2026-11-02", 20000, 5000, 150, 50, 60, 1, FX_NULL);
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
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
	struct db *db = fx_open(test_tmp, "m.db");
	struct pt_err err = { 0 };

	fx_two_works(db);
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
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'"), 1000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-02'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 1102);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score"), 1101);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	db_close(db);
}
END_TEST

/* A full rescore of more work-days than it scores at a time reads them
 * on a second connection and writes each lot while the next one is
 * scored: every work-day and account-day is what the day-by-day path
 * makes of it, lot boundaries included. */
START_TEST(rescore_all_in_lots_as_day_by_day)
{
	struct db *db = fx_open(test_tmp, "l.db");
	struct pt_err err = { 0 };
	int64_t n = 0;

	fx_two_works(db);
	fx_sql(db, "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1"
	    " FROM c WHERE n < 6000) INSERT INTO daily(work_id, day, plays,"
	    " profitable_plays, likes, favorites, comments, shares,"
	    " completion_rate, completion_rate_5s, bounce_rate_2s,"
	    " avg_play_duration, user_value, quality, revenue_fen)"
	    " SELECT d.work_id, date(d.day, '+' || n || ' days'), d.plays + n,"
	    " d.profitable_plays + n %% 97, d.likes + n %% 13, d.favorites,"
	    " d.comments, d.shares, d.completion_rate, d.completion_rate_5s,"
	    " d.bounce_rate_2s, d.avg_play_duration, d.user_value, d.quality,"
	    " CASE WHEN n %% 3 = 0 THEN 150 + n END FROM daily d, c");
	ck_assert_msg(engine_rescore_all_count(db, &n, &err), "%s", err.msg);
	ck_assert_int_eq(n, 12002);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 12002);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score s JOIN"
	    " daily d USING (work_id, day) WHERE s.profitable_plays ="
	    " d.profitable_plays"), 12002);
	fx_sql(db, "CREATE TABLE ws AS SELECT * FROM work_score;"
	    " CREATE TABLE acs AS SELECT * FROM account_score;"
	    " INSERT INTO dirty SELECT DISTINCT 'a1', day FROM daily"
	    " WHERE substr(day, 9, 2) = '15'");
	ck_assert_int_ge(fx_int(db, "SELECT count(*) FROM dirty"), 90);
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM ws"
	    " EXCEPT SELECT * FROM work_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM"
	    " work_score EXCEPT SELECT * FROM ws)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM acs"
	    " EXCEPT SELECT * FROM account_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score"),
	    6001);
	db_close(db);
}
END_TEST

/* Settled revenue of a day moves an account's fit: every other day of
 * the account is summed again under the new fit from its work-days'
 * stored figures, and no work-day but the dirty day's is written (the
 * amounts are computed from the figures when read). Every work-day's
 * figures and every account-day then equal a full rescore's. A fit
 * that does not move leaves the other days alone
 * (rescore_dirty_only_touches_dirty). */
START_TEST(rescore_dirty_moved_fits_resum_days)
{
	struct db *db = fx_open(test_tmp, "n.db");
	struct pt_err err = { 0 };
	int64_t before, inc;
	double base0, base1;

	fx_two_works(db);
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
	    " CASE WHEN n %% 10 = 0 THEN NULL ELSE 1800 + n %% 7 * 30 END"
	    " FROM daily, c WHERE work_id = 'w1' AND day = '2026-11-01'");
	ck_assert(engine_rescore_all(db, &err));
	base0 = fx_double(db, "SELECT base FROM calibration WHERE account_id = 'a1'");
	before = fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'");
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen * 3 "
	    "WHERE work_id = 'w1' AND day = '2026-11-02'");
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-02')");
	/* every write of a work-day, counted */
	fx_sql(db, "CREATE TEMP TABLE ws_writes(n INTEGER);"
	    " CREATE TEMP TRIGGER ws_ins AFTER INSERT ON main.work_score"
	    " BEGIN INSERT INTO ws_writes VALUES (1); END;"
	    " CREATE TEMP TRIGGER ws_upd AFTER UPDATE ON main.work_score"
	    " BEGIN INSERT INTO ws_writes VALUES (1); END;");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM ws_writes"),
	    fx_int(db, "SELECT count(*) FROM daily WHERE day = '2026-11-02'"
	    " AND work_id IN ('w1', 'w2')"));
	base1 = fx_double(db, "SELECT base FROM calibration WHERE account_id = 'a1'");
	ck_assert_msg(base1 > base0, "base %g -> %g", base0, base1);
	/* an unmarked day's estimate follows the new fit */
	inc = fx_int(db, "SELECT estimated_fen FROM work_estimate "
	    "WHERE work_id = 'w1' AND day = '2026-11-01'");
	ck_assert_int_gt(inc, before);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM work_estimate");
	fx_sql(db, "CREATE TABLE inc_acc AS SELECT * FROM account_score");
	ck_assert(engine_rescore_all(db, &err));
	ck_assert_double_eq(fx_double(db, "SELECT base FROM calibration "
	    "WHERE account_id = 'a1'"), base1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc i JOIN "
	    "work_estimate s USING (work_id, day) WHERE i.estimated_fen = "
	    "s.estimated_fen AND i.model_fen = s.model_fen AND i.eligible = "
	    "s.eligible AND i.reasons = s.reasons"), 1102);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM inc_acc"
	    " EXCEPT SELECT * FROM account_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc_acc"), 1101);
	db_close(db);
}
END_TEST

/* A work moved to another account (the import marks the work's days and
 * every day of the account it left): the account it left loses the days
 * only that work had, their scores and their calibration sums, and both
 * accounts end as a full rescore leaves them. */
START_TEST(rescore_dirty_work_moved)
{
	struct db *db = fx_open(test_tmp, "mv.db");
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
	struct db *db = fx_open(test_tmp, "s.db");
	struct pt_err err = { 0 };
	const char *same = "SELECT count(*) FROM account_score a WHERE shown_fen"
	    " IS NOT (SELECT sum(min(max(ifnull(d.revenue_fen, s.estimated_fen),"
	    " 0), 1000000000000)) FROM work w JOIN daily d ON d.work_id ="
	    " w.work_id AND d.day = a.day JOIN work_estimate s ON s.work_id ="
	    " d.work_id AND s.day = d.day WHERE w.account_id = a.account_id)";

	fx_two_works(db);
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

/* More rows than the rescore holds at once (16,384) and more settled
 * ones than calibration keeps (32,768): the incremental rescore of a
 * whole account reads it in spans of days and fits from two passes, and
 * must give every day, once, with the full rescore's figures. */
START_TEST(rescore_streams_many_days)
{
	struct db *db = fx_open(test_tmp, "m.db");
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
	fx_sql(db, "CREATE TABLE ws_full AS SELECT * FROM work_estimate");
	fx_sql(db, "CREATE TABLE cal_full AS SELECT * FROM calibration");
	/* forget everything but one dirty day, the calibration sums too:
	 * the account's days are summed again, so every one of them is
	 * scored again from daily (a fit that merely moves sums the
	 * account-days again from work_score:
	 * rescore_dirty_moved_fits_resum_days) */
	fx_sql(db, "DELETE FROM work_score; DELETE FROM account_score; "
	    "DELETE FROM calibration; DELETE FROM calib_account; "
	    "INSERT INTO dirty VALUES ('a1', '2024-06-01')");
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
	    "f.model_fen) / f.model_fen) FROM work_estimate s JOIN ws_full f "
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
	struct db *db = fx_open(test_tmp, "rows.db");
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
engine_rescore_suite(void)
{
	Suite *s = suite_create("engine_rescore");
	TCase *tc = tcase_create("rescore");

	tcase_add_checked_fixture(tc, fx_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, rescore_all_writes_scores);
	tcase_add_test(tc, rescore_all_in_lots_as_day_by_day);
	tcase_add_test(tc, rescore_daily_minimum);
	tcase_add_test(tc, rescore_dirty_only_touches_dirty);
	tcase_add_test(tc, rescore_dirty_mostly_dirty_goes_whole);
	tcase_add_test(tc, rescore_dirty_moved_fits_resum_days);
	tcase_add_test(tc, rescore_dirty_work_moved);
	tcase_add_test(tc, account_score_keeps_shown_revenue);
	tcase_add_test(tc, rescore_streams_many_days);
	tcase_add_test(tc, rescore_rows_carry_their_own_figures);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(engine_rescore_suite());
}
