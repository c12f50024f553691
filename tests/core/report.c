/* src/core/report.c and report_csv.c: the rows of `partner-tui report
 * accounts|works|daily` in a window (missing figures absent, never 0;
 * stored amounts out of range clamped), the daily rows from the sums the
 * engine kept, and their CSV. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/report.h"
#include "core/report_csv.h"
#include "engine_fixture.h"
#include "testutil.h"

/* Two accounts; a1 has w1 and w2, a2 has w3. The window is 11-01..11-02;
 * 10-31 and 11-03 lie outside it. */
static struct db *
report_db(void)
{
	struct db *db = test_db_create(test_tmp, "r.db");

	test_db_exec(db,
	    "INSERT INTO account(account_id, name, kind, plan_status) VALUES"
	    " ('a1', '甲', 'personal', 'joined'),"
	    " ('a2', 'B', 'enterprise', 'not_joined');"
	    "INSERT INTO work(work_id, account_id, title) VALUES"
	    " ('w1', 'a1', 't1'), ('w2', 'a1', 'a,\"b\"'), ('w3', 'a2', 't3');"
	    "INSERT INTO daily(work_id, day, plays, profitable_plays, likes,"
	    " favorites, comments, shares, revenue_fen) VALUES"
	    " ('w1', '2026-10-31', 9, 77, 1, 1, 1, 1, 99),"
	    " ('w1', '2026-11-01', 100, 1000, 30, 10, NULL, NULL, 200),"
	    " ('w2', '2026-11-01', 300, 3000, 60, NULL, NULL, 2, 600),"
	    " ('w1', '2026-11-02', 50, NULL, NULL, NULL, NULL, NULL, NULL),"
	    " ('w3', '2026-11-02', 7, 5, 0, 0, 0, 0, 1);"
	    /* estimates computed at read time from the plays and each
	     * account's fit: a1's base 2.5 makes w1's 1,000 plays 250 fen;
	     * w3's absurd plays (a2: the model's 2.00) are held at 10^12 */
	    "INSERT INTO work_score(work_id, day, eligible, reasons,"
	    " profitable_plays) VALUES"
	    " ('w1', '2026-11-01', 1, '', 1000),"
	    " ('w1', '2026-11-02', 0, 'work_not_public', 0),"
	    " ('w2', '2026-11-01', 1, '', 0),"
	    " ('w3', '2026-11-02', 1, '', 10000000000000);"
	    "INSERT INTO account_score(account_id, day, eligible, reasons,"
	    " estimated_fen, settled_fen) VALUES"
	    " ('a1', '2026-11-01', 1, '', 800, 800),"
	    " ('a1', '2026-11-02', 0, 'no_violation_90d', 0, NULL),"
	    " ('a1', '2026-11-03', 1, '', 5, 5);"
	    "INSERT INTO calibration(account_id, base, a_e, a_u, a_q, days, r2,"
	    " fitted_at) VALUES ('a1', 2.5, 0.5, 1, 1, 20, 0.9, 'x');");
	return db;
}

static struct report_filter
window(const char *account, const char *work)
{
	struct report_filter f = { account, work, test_day("2026-11-01"),
	    test_day("2026-11-02"), NULL };

	return f;
}

/* The cell of row `row` under the column `key` (the CSV/JSON key). */
static const struct report_cell *
cell(const struct report_table *t, size_t row, const char *key)
{
	ck_assert_uint_lt(row, t->nrows);
	for (int c = 0; c < t->layout->ncols; c++)
		if (strcmp(t->layout->cols[c].key, key) == 0)
			return report_cell(t, row, c);
	ck_abort_msg("no column %s", key);
	return NULL;
}

#define TXT(key) cell(&r, row, key)->s
#define KNOWN(key) cell(&r, row, key)->known
#define ck_num(key, want) do { \
	const struct report_cell *c_ = cell(&r, row, key); \
	ck_assert_msg(c_->known, "%s unknown", key); \
	ck_assert_int_eq(c_->i, (want)); \
} while (0)

START_TEST(report_accounts_window_and_latest_verdict)
{
	struct db *db = report_db();
	struct report_filter f = window(NULL, NULL);
	struct report_table r;
	size_t row;
	struct pt_err err = { 0 };

	ck_assert_msg(report_accounts(db, &f, &r, &err), "%s", err.msg);
	ck_assert_uint_eq(r.nrows, 2);
	row = 0;
	ck_assert_str_eq(TXT("account_id"), "a1");
	ck_assert_str_eq(TXT("name"), "甲");
	ck_assert_str_eq(TXT("plan_status"), "joined");
	ck_num("revenue", 800);	/* 11-03's 5 is outside */
	ck_num("estimated", 800);
	ck_num("works", 2);
	ck_assert(KNOWN("calibration_base"));
	ck_assert_double_eq_tol(cell(&r, row, "calibration_base")->d, 2.5, 1e-12);
	ck_num("calibration_days", 20);
	ck_assert(KNOWN("calibration_r2"));
	ck_assert_double_eq_tol(cell(&r, row, "calibration_r2")->d, 0.9, 1e-12);
	/* The verdict of the last scored day on or before the window's end. */
	ck_assert(KNOWN("eligible"));
	ck_assert(!cell(&r, row, "eligible")->i);
	ck_assert_str_eq(TXT("reasons"), "no_violation_90d");
	row = 1;
	ck_assert_str_eq(TXT("account_id"), "a2");
	ck_assert_str_eq(TXT("kind"), "enterprise");
	/* Nothing scored or settled: absent, not zero. */
	ck_assert(!KNOWN("revenue"));
	ck_assert(!KNOWN("estimated"));
	ck_num("works", 1);
	ck_assert(!KNOWN("calibration_base"));
	ck_assert(!KNOWN("calibration_days"));
	ck_assert(!KNOWN("eligible"));
	ck_assert_str_eq(TXT("reasons"), "");
	report_table_free(&r);
	ck_assert_uint_eq(r.nrows, 0);

	f = window("a2", NULL);
	ck_assert(report_accounts(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 1);
	row = 0;
	ck_assert_str_eq(TXT("account_id"), "a2");
	report_table_free(&r);
	f = window("nobody", NULL);
	ck_assert(report_accounts(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 0);
	report_table_free(&r);
	db_close(db);
}
END_TEST

START_TEST(report_works_sums_clamps_and_filters)
{
	struct db *db = report_db();
	struct report_filter f = window(NULL, NULL);
	struct report_table r;
	size_t row;
	struct pt_err err = { 0 };

	ck_assert_msg(report_works(db, &f, &r, &err), "%s", err.msg);
	ck_assert_uint_eq(r.nrows, 3);
	row = 0;
	ck_assert_str_eq(TXT("work_id"), "w1");
	ck_assert_str_eq(TXT("account_id"), "a1");
	ck_num("revenue", 200);	/* 10-31 outside, 11-02 unknown */
	ck_num("estimated", 250);
	ck_num("profitable_plays", 1000);
	ck_assert(KNOWN("eligible") && !cell(&r, row, "eligible")->i);	/* 11-02's verdict */
	ck_assert_str_eq(TXT("reasons"), "work_not_public");
	row = 1;
	ck_assert_str_eq(TXT("title"), "a,\"b\"");
	/* A negative stored estimate counts as 0, a huge one as 1e12 fen. */
	ck_num("estimated", 0);
	ck_assert(KNOWN("eligible") && cell(&r, row, "eligible")->i);
	row = 2;
	ck_assert_str_eq(TXT("work_id"), "w3");
	ck_num("estimated", 1000000000000LL);
	report_table_free(&r);

	f = window(NULL, "w2");
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 1);
	row = 0;
	ck_num("revenue", 600);
	report_table_free(&r);
	f = window("a2", NULL);
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 1);
	row = 0;
	ck_assert_str_eq(TXT("work_id"), "w3");
	report_table_free(&r);
	/* search: the id or the title contains it, ASCII case ignored */
	f = window(NULL, NULL);
	f.search = "T3";
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 1);
	row = 0;
	ck_assert_str_eq(TXT("work_id"), "w3");
	report_table_free(&r);
	f.search = "w";
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 3);
	report_table_free(&r);
	f.search = ",\"B";
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 1);
	row = 0;
	ck_assert_str_eq(TXT("work_id"), "w2");
	ck_num("revenue", 600);
	report_table_free(&r);
	f.search = "nothing";
	ck_assert(report_works(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 0);
	report_table_free(&r);
	db_close(db);
}
END_TEST

START_TEST(report_daily_per_work_account_and_all)
{
	struct db *db = report_db();
	struct report_filter f = window(NULL, "w1");
	struct report_table r;
	size_t row;
	struct pt_err err = { 0 };

	ck_assert_msg(report_daily(db, &f, &r, &err), "%s", err.msg);
	ck_assert_uint_eq(r.nrows, 2);
	row = 0;
	ck_num("date", test_day("2026-11-01"));
	ck_num("plays", 100);
	ck_num("profitable_plays", 1000);
	ck_num("favorites", 10);
	ck_assert(!KNOWN("comments"));
	ck_num("revenue", 200);
	ck_num("estimated", 250);
	row = 1;
	ck_assert(!KNOWN("profitable_plays") && !KNOWN("revenue"));
	ck_num("estimated", 0);	/* scored 0 is known */
	report_table_free(&r);

	/* An account's days: its works summed; unknown parts left out. */
	f = window("a1", NULL);
	ck_assert(report_daily(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 2);
	row = 0;
	ck_num("plays", 400);
	ck_num("profitable_plays", 4000);
	ck_num("likes", 90);
	ck_num("favorites", 10);
	ck_assert(!KNOWN("comments"));
	ck_num("shares", 2);
	ck_num("revenue", 800);
	ck_num("estimated", 250);
	row = 1;
	ck_num("plays", 50);
	ck_assert(!KNOWN("revenue"));
	report_table_free(&r);

	/* Every account: a2's w3 joins 11-02. */
	f = window(NULL, NULL);
	ck_assert(report_daily(db, &f, &r, &err));
	ck_assert_uint_eq(r.nrows, 2);
	row = 0;
	ck_num("plays", 400);
	row = 1;
	ck_num("plays", 57);
	ck_num("revenue", 1);
	ck_num("estimated", 1000000000000LL);
	report_table_free(&r);
	db_close(db);
}
END_TEST

/* Runs a CSV writer into memory; returns the text (free it). */
static char *
csv_of(report_query *query, struct db *db, const struct report_filter *f,
    long want_rows)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);
	struct pt_err err = { 0 };

	ck_assert_ptr_nonnull(mem);
	ck_assert_int_eq(report_csv_query(db, query, f, mem, &err), want_rows);
	fclose(mem);
	return text;
}

START_TEST(report_csv_quotes_and_leaves_unknown_empty)
{
	struct db *db = report_db();
	struct report_filter f = window("a1", NULL);
	char *s;

	s = csv_of(report_works, db, &f, 2);
	ck_assert_str_eq(s,
	    "work_id,account_id,title,revenue_fen,revenue,estimated_fen,"
	    "estimated,profitable_plays,eligible,reasons\r\n"
	    "w1,a1,t1,200,2.00,250,2.50,1000,no,work_not_public\r\n"
	    "w2,a1,\"a,\"\"b\"\"\",600,6.00,0,0.00,3000,yes,\r\n");
	free(s);
	f = window(NULL, "w1");
	s = csv_of(report_daily, db, &f, 2);
	ck_assert_str_eq(s,
	    "date,plays,profitable_plays,likes,favorites,comments,shares,"
	    "revenue_fen,revenue,estimated_fen,estimated\r\n"
	    "2026-11-01,100,1000,30,10,,,200,2.00,250,2.50\r\n"
	    "2026-11-02,50,,,,,,,,0,0.00\r\n");
	free(s);
	f = window("a2", NULL);
	s = csv_of(report_accounts, db, &f, 1);
	ck_assert_str_eq(s,
	    "account_id,name,kind,plan_status,revenue_fen,revenue,"
	    "estimated_fen,estimated,works,eligible,reasons,calibration_base,"
	    "calibration_days,calibration_r2\r\n"
	    "a2,B,enterprise,not_joined,,,,,1,,,,,\r\n");
	free(s);
	db_close(db);
}
END_TEST

START_TEST(report_csv_field_rfc4180)
{
	char *text = NULL;
	size_t len = 0;
	FILE *mem = open_memstream(&text, &len);

	struct report_csv w, tty;

	ck_assert_ptr_nonnull(mem);
	w = report_csv_to(mem);
	ck_assert(!w.tty);
	report_csv_field(&w, "plain", false);
	report_csv_field(&w, NULL, false);
	report_csv_field(&w, "two\nlines", false);
	report_csv_field(&w, "cr\r", false);
	report_csv_field(&w, "say \"hi\"", false);
	/* Not a terminal: controls are data, kept as they are. */
	report_csv_field(&w, "\x1b]0;x\x07", true);
	/* To a terminal, shown as escapes (the same stream, told so). */
	tty = (struct report_csv){ mem, true };
	report_csv_field(&tty, "\x1b]0;x\x07", true);
	fclose(mem);
	ck_assert_str_eq(text, "plain,,\"two\nlines\",\"cr\r\",\"say \"\"hi\"\"\","
	    "\x1b]0;x\x07\r\n^[]0;x^G\r\n");
	free(text);
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
	    fx_day("2026-11-05"), NULL };
	struct pt_err err = { 0 };

	ck_assert_msg(report_daily(db, &f, t, &err), "%s", err.msg);
}

/* Column c of row r: its value, or INT64_MIN when not known. */
static int64_t
kept_cell(const struct report_table *t, size_t r, int c)
{
	const struct report_cell *x = report_cell(t, r, c);

	return x->known ? x->i : INT64_MIN;
}

enum { C_DAY, C_PLAYS, C_PP, C_LIKES, C_FAV, C_COMMENTS, C_SHARES,
    C_REVENUE, C_ESTIMATED, C_N };

START_TEST(report_daily_from_kept_sums)
{
	struct db *db = fx_open(test_tmp, "k.db");
	struct pt_err err = { 0 };
	struct report_table kept, works;

	fx_two_works(db);
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
			ck_assert_msg(kept_cell(&kept, r, c) == kept_cell(&works, r, c),
			    "row %zu column %d: %lld against %lld", r, c,
			    (long long)kept_cell(&kept, r, c),
			    (long long)kept_cell(&works, r, c));
	/* 11-02: the huge amount held, the negative one 0; 11-03: nothing */
	ck_assert_int_eq(kept_cell(&kept, 1, C_REVENUE), 1000000000000LL);
	ck_assert_int_eq(kept_cell(&kept, 2, C_PLAYS), INT64_MIN);
	ck_assert_int_eq(kept_cell(&kept, 2, C_REVENUE), INT64_MIN);
	ck_assert_int_eq(kept_cell(&kept, 0, C_COMMENTS), 4);
	report_table_free(&kept);
	report_table_free(&works);
	/* the kept sums are what is read (not the works' rows) */
	fx_sql(db, "UPDATE account_score SET sums_kept = 1");
	fx_sql(db, "UPDATE account_score SET plays = plays + 7 "
	    "WHERE day = '2026-11-01'");
	daily_rows(db, &kept);
	ck_assert_int_eq(kept_cell(&kept, 0, C_PLAYS), 20000 + 2000 + 7);
	report_table_free(&kept);
	/* a day waiting for a rescore: the works' rows again */
	fx_sql(db, "INSERT INTO dirty VALUES ('a1', '2026-11-03')");
	daily_rows(db, &kept);
	ck_assert_int_eq(kept_cell(&kept, 0, C_PLAYS), 20000 + 2000);
	report_table_free(&kept);
	db_close(db);
}
END_TEST

static Suite *
report_suite(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	TCase *kept = tcase_create("kept sums");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, report_accounts_window_and_latest_verdict);
	tcase_add_test(tc, report_works_sums_clamps_and_filters);
	tcase_add_test(tc, report_daily_per_work_account_and_all);
	tcase_add_test(tc, report_csv_quotes_and_leaves_unknown_empty);
	tcase_add_test(tc, report_csv_field_rfc4180);
	suite_add_tcase(s, tc);
	tcase_add_checked_fixture(kept, fx_setup, test_tmp_teardown);
	tcase_set_timeout(kept, 60);
	tcase_add_test(kept, report_daily_from_kept_sums);
	suite_add_tcase(s, kept);
	return s;
}

int
main(void)
{
	return test_run_suite(report_suite());
}
