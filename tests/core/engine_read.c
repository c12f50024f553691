/* src/core/engine.c, the read side: work_score keeps a work-day's
 * fit-free figures and readers compute its amounts under the account's
 * calibration (pt_estimated_fen and its kin, the view work_estimate).
 * A work-day's figures at read time must be the rescore's to the bit,
 * whichever way the account-days were summed (full rescore, dirty days,
 * a fit that moved), the daily minimum included; and a v8 database
 * upgrades to it. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/schema.h"
#include "engine_fixture.h"
#include "testutil.h"

/* Three one-work accounts (an account-day's total is then its work-day's
 * estimate as the rescore made it): a1 certified with a selected work
 * and every figure; a2 without profitable plays (estimated from plays
 * and 5 s completion) and with quality derived from the rates; a3 with
 * interactions but no user value or quality. Twenty days each, settled
 * on most of them, so a1 and a2 are calibrated. */
static void
three_accounts(struct db *db)
{
	fx_account(db, "a1", "personal", false, "农技师", "joined");
	fx_account(db, "a2", "personal", false, NULL, "joined");
	fx_account(db, "a3", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-09-01");
	fx_work(db, "w2", "a2", "2026-09-01");
	fx_work(db, "w3", "a3", "2026-09-01");
	fx_sql(db, "UPDATE work SET selected = 1 WHERE work_id = 'w1'");
	fx_sql(db, "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1"
	    " FROM d WHERE k < 19) INSERT INTO daily(work_id, day, plays,"
	    " profitable_plays, likes, favorites, comments, shares,"
	    " completion_rate, completion_rate_5s, bounce_rate_2s, user_value,"
	    " quality, revenue_fen) SELECT w.work_id,"
	    " date('2026-10-01', '+' || k || ' days'), 9000 + k * 311,"
	    " CASE w.work_id WHEN 'w2' THEN NULL ELSE 4000 + k * 173 END,"
	    " 120 + k * 7 %% 50, 40 + k %% 9, k %% 4, k %% 3,"
	    " 0.21 + k %% 5 / 100.0, 0.43 + k %% 7 / 100.0, 0.31 - k %% 3 / 100.0,"
	    " CASE w.work_id WHEN 'w3' THEN NULL ELSE 0.8 + k %% 6 / 10.0 END,"
	    " CASE w.work_id WHEN 'w1' THEN 55 + k %% 11 END,"
	    " CASE WHEN k %% 5 = 4 THEN NULL ELSE 700 + k * 37 %% 400 END"
	    " FROM work w, d");
}

/* The parameters the engine scores account's work-days with: the
 * model's, with its calibration when it has one. */
static struct model_params
params_of(struct db *db, const char *account)
{
	struct model_params p = fx_model;

	if (fx_int(db, "SELECT count(*) FROM calibration WHERE account_id = %Q",
	    account) == 1) {
		p.base = fx_double(db, "SELECT base FROM calibration WHERE "
		    "account_id = %Q", account);
		p.a_e = fx_double(db, "SELECT a_e FROM calibration WHERE "
		    "account_id = %Q", account);
		p.a_u = fx_double(db, "SELECT a_u FROM calibration WHERE "
		    "account_id = %Q", account);
		p.a_q = fx_double(db, "SELECT a_q FROM calibration WHERE "
		    "account_id = %Q", account);
	}
	return p;
}

static bool
col_i(sqlite3_stmt *st, int i, int64_t *v)
{
	*v = sqlite3_column_int64(st, i);
	return sqlite3_column_type(st, i) != SQLITE_NULL;
}

static bool
col_d(sqlite3_stmt *st, int i, double *v)
{
	*v = sqlite3_column_double(st, i);
	return sqlite3_column_type(st, i) != SQLITE_NULL;
}

/* Every work-day: engine_score() on its daily row under its account's
 * fit (what the rescore computes) against the figures read back through
 * work_estimate, bit for bit; and its estimate against its account-day's
 * total. Returns the work-days compared. */
static int
compare_every_day(struct db *db)
{
	sqlite3_stmt *st;
	int n = 0;

	ck_assert_int_eq(sqlite3_prepare_v2(db->sql,
	    "SELECT w.account_id, w.selected, d.plays, d.profitable_plays,"
	    " d.likes, d.favorites, d.comments, d.shares, d.completion_rate,"
	    " d.completion_rate_5s, d.bounce_rate_2s, d.user_value, d.quality,"
	    " e.model_fen, e.f_interaction, e.f_user, e.f_quality, e.f_bonus,"
	    " e.base_fen, e.estimated_fen, e.eligible, a.estimated_fen,"
	    " a.gross_fen, a.account_id IS NOT NULL"
	    " FROM daily d JOIN work w USING (work_id)"
	    " JOIN work_estimate e USING (work_id, day)"
	    " LEFT JOIN account_score a ON a.account_id = w.account_id"
	    " AND a.day = d.day ORDER BY d.work_id, d.day", -1, &st, NULL),
	    SQLITE_OK);
	while (sqlite3_step(st) == SQLITE_ROW) {
		const char *acc = (const char *)sqlite3_column_text(st, 0);
		struct model_params p = params_of(db, acc);
		struct score_input in = { 0 };
		struct score_output o;
		in.selected = sqlite3_column_int(st, 1) != 0;
		in.certified = strcmp(acc, "a1") == 0;
		in.plays_known = col_i(st, 2, &in.plays);
		in.pp_known = col_i(st, 3, &in.profitable_plays);
		in.likes_known = col_i(st, 4, &in.likes);
		in.favorites_known = col_i(st, 5, &in.favorites);
		in.comments_known = col_i(st, 6, &in.comments);
		in.shares_known = col_i(st, 7, &in.shares);
		in.cr_known = col_d(st, 8, &in.completion_rate);
		in.cr5_known = col_d(st, 9, &in.completion_rate_5s);
		in.bounce_known = col_d(st, 10, &in.bounce_rate_2s);
		in.uv_known = col_d(st, 11, &in.user_value);
		in.quality_known = col_d(st, 12, &in.quality);
		in.base = p.base;
		engine_score(&p, &in, &o);
		/* the same formula, the same order: equal, not near */
		ck_assert(o.model_fen == sqlite3_column_double(st, 13));
		ck_assert(o.f_interaction == sqlite3_column_double(st, 14));
		ck_assert(o.f_user == sqlite3_column_double(st, 15));
		ck_assert(o.f_quality == sqlite3_column_double(st, 16));
		ck_assert(o.f_bonus == sqlite3_column_double(st, 17));
		ck_assert(o.base_fen == sqlite3_column_double(st, 18));
		/* one work per account: the account-day is the work-day */
		ck_assert_int_eq(sqlite3_column_int(st, 23), 1);
		ck_assert_int_eq(sqlite3_column_int64(st, 19),
		    sqlite3_column_int64(st, 21));
		if (sqlite3_column_int(st, 20))
			ck_assert_int_eq(money_round(o.model_fen),
			    sqlite3_column_int64(st, 22));
		n++;
	}
	sqlite3_finalize(st);
	return n;
}

/* The incremental rescore of account a1's day (its daily rows changed). */
static void
rescore_a1_day(struct db *db, const char *day)
{
	struct pt_err err = { 0 };

	fx_sql(db, "INSERT INTO dirty VALUES ('a1', %Q)", day);
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
}

/* An account of many works (enough for a refit to read them on two
 * connections, half each, summed together): after a settled day moves
 * its fit, every account-day equals a full rescore's. */
START_TEST(moved_fit_of_many_works)
{
	struct db *db = fx_open(test_tmp, "w.db");
	struct pt_err err = { 0 };

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_account(db, "a2", "personal", false, NULL, "joined");
	fx_sql(db, "WITH RECURSIVE w(i) AS (SELECT 0 UNION ALL SELECT i + 1"
	    " FROM w WHERE i < 99) INSERT INTO work(work_id, account_id)"
	    " SELECT printf('w%%03d', i), CASE WHEN i < 90 THEN 'a1' ELSE 'a2'"
	    " END FROM w");
	fx_sql(db, "WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1"
	    " FROM d WHERE k < 29) INSERT INTO daily(work_id, day, plays,"
	    " profitable_plays, likes, favorites, user_value, quality,"
	    " revenue_fen) SELECT w.work_id, date('2026-10-01', '+' || k ||"
	    " ' days'), 3000 + k * 17, 1500 + (k * 31 + w.rowid * 7) %% 900,"
	    " 40 + k %% 9, 10 + w.rowid %% 5, 0.7 + (k + w.rowid) %% 8 / 10.0,"
	    " 45 + (k * 3 + w.rowid) %% 40, CASE WHEN k %% 6 = 5 THEN NULL"
	    " ELSE 250 + (k * 13 + w.rowid * 3) %% 200 END FROM work w, d");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen * 2 WHERE"
	    " day = '2026-10-03' AND work_id < 'w090'");
	rescore_a1_day(db, "2026-10-03");
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM account_score");
	fx_sql(db, "CREATE TABLE inc_cal AS SELECT * FROM calibration");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration c JOIN"
	    " inc_cal i USING (account_id) WHERE c.base = i.base"), 2);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM inc"), 60);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM inc"
	    " EXCEPT SELECT * FROM account_score)"), 0);
	db_close(db);
}
END_TEST

START_TEST(read_equals_rescore)
{
	struct db *db = fx_open(test_tmp, "r.db");
	struct pt_err err = { 0 };
	double base0;

	three_accounts(db);
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 3);
	/* estimated plays kept unrounded, so they are exactly the same */
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score WHERE"
	    " plays_estimated AND plays_v <> round(plays_v)"), 19);
	ck_assert_int_eq(compare_every_day(db), 60);
	ck_assert_int_gt(fx_int(db, "SELECT min(estimated_fen) FROM "
	    "work_estimate"), 0);

	/* a settled day more moves a1's fit: its other days are summed
	 * again (no work-day rewritten), and still equal */
	base0 = fx_double(db, "SELECT base FROM calibration WHERE account_id"
	    " = 'a1'");
	fx_daily(db, "w1", "2026-10-21", 9000, 5000, 150, 50, 70, 1.2, 2400);
	rescore_a1_day(db, "2026-10-21");
	ck_assert(fx_double(db, "SELECT base FROM calibration WHERE account_id"
	    " = 'a1'") != base0);
	ck_assert_int_eq(compare_every_day(db), 61);
	/* and a full rescore gives every account-day the same */
	fx_sql(db, "CREATE TABLE inc AS SELECT * FROM account_score");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM inc"
	    " EXCEPT SELECT * FROM account_score)"), 0);
	ck_assert_int_eq(compare_every_day(db), 61);
	db_close(db);
}
END_TEST

/* A day's daily minimum can change with the fit (an unsettled day near
 * ¥1): its work-days' reasons then change too, on the incremental path
 * as on the full one. */
START_TEST(minimum_follows_the_fit)
{
	struct db *db = fx_open(test_tmp, "m.db");
	struct pt_err err = { 0 };
	char day[16];

	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-09-01");
	/* 6 settled days at ¥1 per 1,000 plays (half the model's base):
	 * one short of calibration */
	for (int k = 1; k <= 6; k++) {
		snprintf(day, sizeof day, "2026-10-%02d", k);
		fx_daily(db, "w1", day, 3000, 2000, FX_NULL, FX_NULL, FX_NULLF,
		    FX_NULLF, 200);
	}
	/* unsettled: 600 plays, 120 fen by the model's ¥2.00 */
	fx_daily(db, "w1", "2026-10-20", 900, 600, FX_NULL, FX_NULL, FX_NULLF,
	    FX_NULLF, FX_NULL);
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate"
	    " WHERE day = '2026-10-20'"), 120);
	/* the seventh settled day calibrates a1 at about ¥1.00: the
	 * unsettled day falls to 60 fen, under the minimum */
	fx_daily(db, "w1", "2026-10-07", 3000, 2000, FX_NULL, FX_NULL, FX_NULLF,
	    FX_NULLF, 200);
	rescore_a1_day(db, "2026-10-07");
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate"
	    " WHERE day = '2026-10-20'"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT eligible = 0 AND reasons ="
	    " 'daily_min_1_yuan' FROM work_score WHERE day = '2026-10-20'"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen = 0 AND gross_fen"
	    " BETWEEN 50 AND 70 AND reasons = 'daily_min_1_yuan' FROM"
	    " account_score WHERE day = '2026-10-20'"), 1);
	fx_sql(db, "CREATE TABLE ws AS SELECT * FROM work_score");
	fx_sql(db, "CREATE TABLE acc AS SELECT * FROM account_score");
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM ws"
	    " EXCEPT SELECT * FROM work_score)"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM (SELECT * FROM acc"
	    " EXCEPT SELECT * FROM account_score)"), 0);

	/* and back: the settled day forgotten, the model's base again */
	fx_sql(db, "DELETE FROM daily WHERE day = '2026-10-07'");
	rescore_a1_day(db, "2026-10-07");
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM calibration"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT eligible = 1 AND reasons = '' FROM"
	    " work_score WHERE day = '2026-10-20'"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM account_score"
	    " WHERE day = '2026-10-20'"), 120);
	db_close(db);
}
END_TEST

/* v8 kept each work-day's amounts; v9 drops them (an estimate of plays
 * was kept rounded) and marks every scored account-day for the rescore
 * the next start runs. */
START_TEST(upgrade_from_v8)
{
	const char *path = test_path(test_tmp, "v8.db");
	struct pt_err err = { 0 };
	struct db *db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);

	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 8, &err), "%s", err.msg);
	fx_two_works(db);
	fx_sql(db, "INSERT INTO work_score(work_id, day, eligible, reasons,"
	    " profitable_plays, model_fen, estimated_fen) VALUES"
	    " ('w1', '2026-11-01', 1, '', 10000, 2000.4, 2000)");
	fx_sql(db, "INSERT INTO account_score(account_id, day, eligible,"
	    " estimated_fen) VALUES ('a1', '2026-11-01', 1, 2200)");
	db_close(db);

	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty WHERE"
	    " account_id = 'a1' AND day = '2026-11-01'"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM pragma_table_info("
	    "'work_score') WHERE name IN ('estimated_fen', 'model_fen',"
	    " 'base_fen', 'f_interaction', 'f_user', 'f_quality')"), 0);
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 0);
	/* fx_two_works: w1 earns 2000 fen by the model, w2 200 */
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM work_estimate"
	    " WHERE work_id = 'w1'"), 2000);
	ck_assert_int_eq(fx_int(db, "SELECT estimated_fen FROM account_score"),
	    2200);
	db_close(db);
}
END_TEST

static Suite *
engine_read_suite(void)
{
	Suite *s = suite_create("engine_read");
	TCase *tc = tcase_create("read");

	tcase_add_checked_fixture(tc, fx_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, read_equals_rescore);
	tcase_add_test(tc, minimum_follows_the_fit);
	tcase_add_test(tc, moved_fit_of_many_works);
	tcase_add_test(tc, upgrade_from_v8);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(engine_read_suite());
}
