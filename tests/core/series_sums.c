/* src/core/series.c with the sums the engine keeps per account-day
 * (schema v8): an account's scores read from account_score, one row a
 * day, are the series summed from its work-days' scores, on a real
 * database the engine scored (full and incremental rescore); rows
 * written before v8, and days waiting for a rescore, are read from the
 * work-days. */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/schema.h"
#include "core/series.h"
#include "engine_fixture.h"
#include "testutil.h"

#define ACCOUNTS 3
#define WORKS 6
#define DAYS 24

static uint32_t rnd_state;

static uint32_t
rnd(uint32_t n)
{
	rnd_state = rnd_state * 1103515245u + 12345u;
	return (rnd_state >> 8) % n;
}

/* A value, or missing one time in `one_in`. */
static int64_t
maybe(int64_t v, uint32_t one_in)
{
	return rnd(one_in) == 0 ? FX_NULL : v;
}

static double
maybe_f(double v, uint32_t one_in)
{
	return rnd(one_in) == 0 ? FX_NULLF : v;
}

/* Three accounts (one with a violation, one selected work each), works
 * published on different days, and daily rows with every figure missing
 * now and then: profitable plays missing but 5 s completion known (the
 * engine estimates them), revenue on some days only, a day under the
 * daily minimum. */
static struct db *
make_db(void)
{
	struct db *db = fx_open(test_tmp, "sums.db");

	rnd_state = 17;
	for (int a = 0; a < ACCOUNTS; a++) {
		char acc[16];
		snprintf(acc, sizeof acc, "a%d", a);
		fx_account(db, acc, "personal", false, a == 2 ? "农技师" : NULL,
		    "joined");
		for (int w = 0; w < WORKS; w++) {
			char work[16], pub[16];
			snprintf(work, sizeof work, "a%d-w%d", a, w);
			snprintf(pub, sizeof pub, "2026-10-%02d", 1 + (w * 5) % 20);
			fx_work(db, work, acc, pub);
			if (w == 1)
				fx_sql(db, "UPDATE work SET selected = 1 WHERE"
				    " work_id = %Q", work);
			for (int d = 0; d < DAYS; d++) {
				char day[16];
				int64_t pp = 500 + rnd(20000);
				snprintf(day, sizeof day, "2026-10-%02d", d + 1);
				fx_daily(db, work, day, maybe(pp * 3 / 2, 9),
				    maybe(pp, 6), maybe(pp / (20 + rnd(30)), 5),
				    maybe(pp / (50 + rnd(50)), 5),
				    maybe_f(30 + rnd(600) / 10.0, 4),
				    maybe_f(0.5 + rnd(1000) / 1000.0, 4),
				    d % 3 == 0 ? FX_NULL : maybe(pp / 400, 5));
			}
		}
	}
	fx_sql(db, "UPDATE daily SET completion_rate_5s = 0.4 + (length(work_id)"
	    " + CAST(substr(day, 9) AS INTEGER)) %% 5 / 10.0");
	/* a day of a1 under the ¥1 minimum */
	fx_sql(db, "UPDATE daily SET revenue_fen = CASE work_id WHEN 'a1-w0'"
	    " THEN 40 ELSE NULL END WHERE day = '2026-10-05' AND work_id LIKE"
	    " 'a1-%%'");
	fx_violation(db, "a0", "a0-w2", "2026-10-10", "active");
	return db;
}

static void
load(struct db *db, const char *account, struct series *s)
{
	struct series_scope scope = { account, NULL };
	struct pt_err err = { 0 };

	ck_assert_msg(series_load(db, &scope, fx_day("2026-09-30"),
	    fx_day("2026-10-25"), s, &err), "%s", err.msg);
}

/* Every day and metric of a and b: the same figures (sums of whole
 * numbers exactly; means and ratios up to the order of the sums). */
static int
compare(const struct series *a, const struct series *b, const char *account)
{
	int known = 0;

	ck_assert_int_eq(a->n, b->n);
	for (size_t i = 0; i < a->n; i++)
		for (int m = 0; m < SERIES_METRIC_COUNT; m++) {
			const struct series_day *x = &a->days[i], *y = &b->days[i];
			ck_assert_msg(x->has[m] == y->has[m], "%s day %zu %s: %d"
			    " vs %d", account, i, series_metric_key(m),
			    x->has[m], y->has[m]);
			if (!x->has[m])
				continue;
			known++;
			ck_assert_msg(fabs(x->v[m] - y->v[m]) <= 1e-12 *
			    fmax(1, fabs(y->v[m])), "%s day %zu %s: %.17g vs"
			    " %.17g", account, i, series_metric_key(m), x->v[m],
			    y->v[m]);
		}
	return known;
}

/* Each account's series read from the kept sums, then (the rows marked
 * as written before v8) from its work-days: the same. */
static void
check_both_ways(struct db *db)
{
	for (int a = 0; a < ACCOUNTS; a++) {
		char acc[16];
		struct series kept = { 0 }, rows = { 0 };
		snprintf(acc, sizeof acc, "a%d", a);
		ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score"
		    " WHERE account_id = %Q AND sums_kept = 2", acc), DAYS);
		load(db, acc, &kept);
		fx_sql(db, "UPDATE account_score SET sums_kept = 1 WHERE"
		    " account_id = %Q", acc);
		load(db, acc, &rows);
		fx_sql(db, "UPDATE account_score SET sums_kept = 2 WHERE"
		    " account_id = %Q", acc);
		/* most of 8 metrics of 24 days are known */
		ck_assert_int_gt(compare(&kept, &rows, acc), DAYS * 5);
		series_free(&kept);
		series_free(&rows);
	}
}

START_TEST(series_sums_equal_work_days)
{
	struct db *db = make_db();
	struct pt_err err = { 0 };

	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	check_both_ways(db);
	/* the estimated plays, the minimum and the means are all there */
	ck_assert_int_gt(fx_int(db, "SELECT count(*) FROM work_score WHERE"
	    " plays_estimated"), 0);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score WHERE"
	    " account_id = 'a1' AND day = '2026-10-05' AND reasons LIKE"
	    " '%%daily_min%%'"), 1);

	/* Some days change and are rescored day by day (the engine's other
	 * way of summing): still the same both ways. */
	fx_sql(db, "UPDATE daily SET profitable_plays = NULL, user_value ="
	    " 2.5 WHERE work_id IN ('a0-w3', 'a2-w4') AND day BETWEEN"
	    " '2026-10-07' AND '2026-10-09'");
	fx_sql(db, "UPDATE daily SET likes = likes + 7, quality = NULL WHERE"
	    " work_id = 'a2-w0' AND day = '2026-10-20'");
	fx_sql(db, "INSERT INTO dirty(account_id, day) VALUES"
	    " ('a0', '2026-10-07'), ('a0', '2026-10-08'), ('a0', '2026-10-09'),"
	    " ('a2', '2026-10-07'), ('a2', '2026-10-08'), ('a2', '2026-10-09'),"
	    " ('a2', '2026-10-20')");
	ck_assert_msg(engine_rescore_dirty(db, &err), "%s", err.msg);
	check_both_ways(db);
	db_close(db);
}
END_TEST

/* The kept sums are what an account's scores are read from: work_score
 * changed behind the engine's back does not show, until a day waits for
 * a rescore (then its range is read from the work-days); the imported
 * figures are always the rows' (another process may change them). */
START_TEST(series_sums_read_per_day)
{
	struct db *db = make_db();
	struct series before = { 0 }, after = { 0 };
	struct series_scope w = { "a0", "a0-w0" };
	struct pt_err err = { 0 };
	day_t d = fx_day("2026-10-12");
	const struct series_day *x, *y;

	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	load(db, "a0", &before);
	fx_sql(db, "UPDATE work_score SET interaction = interaction + 1000"
	    " WHERE work_id = 'a0-w0'");
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen + 5 WHERE"
	    " work_id = 'a0-w0' AND day = '2026-10-12'");
	load(db, "a0", &after);
	ck_assert_double_eq(series_at(&after, d)->v[SERIES_SETTLED],
	    series_at(&before, d)->v[SERIES_SETTLED] + 5);
	fx_sql(db, "UPDATE daily SET revenue_fen = revenue_fen - 5 WHERE"
	    " work_id = 'a0-w0' AND day = '2026-10-12'");
	load(db, "a0", &after);
	compare(&before, &after, "a0");
	/* one work still reads its work-days */
	ck_assert(series_load(db, &w, d, d, &after, &err));
	ck_assert_double_eq(after.days[0].v[SERIES_ESTIMATE], (double)fx_int(db,
	    "SELECT estimated_fen FROM work_estimate WHERE work_id = 'a0-w0' AND"
	    " day = '2026-10-12'"));

	fx_sql(db, "INSERT INTO dirty(account_id, day) VALUES ('a0',"
	    " '2026-10-12')");
	load(db, "a0", &after);
	x = series_at(&before, d);
	y = series_at(&after, d);
	/* (more interactions: a larger estimate, computed from them) */
	ck_assert_double_eq(y->v[SERIES_ESTIMATE], (double)fx_int(db,
	    "SELECT sum(e.estimated_fen) FROM work_estimate e JOIN work w"
	    " USING (work_id) WHERE w.account_id = 'a0' AND e.day ="
	    " '2026-10-12'"));
	ck_assert(y->v[SERIES_ESTIMATE] > x->v[SERIES_ESTIMATE]);
	ck_assert_double_eq_tol(y->v[SERIES_INTERACTIONS],
	    x->v[SERIES_INTERACTIONS] + 1000, 1e-6);
	series_free(&before);
	series_free(&after);
	db_close(db);
}
END_TEST

/* A v7 database: its scores are forgotten on the upgrade (v9 keeps
 * work-days without amounts) and its account-days marked for the rescore
 * the next start runs, which keeps the sums with each day; and a day
 * kept without them (sums_kept 1) is read from its work-days. */
START_TEST(series_sums_from_v7)
{
	const char *path = test_path(test_tmp, "v7.db");
	struct pt_err err = { 0 };
	struct series s = { 0 };
	struct series_scope acc = { "a1", NULL };
	day_t d = fx_day("2026-11-02");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 7, &err), "%s", err.msg);
	fx_sql(db, "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1'),"
	    " ('w2', 'a1');"
	    "INSERT INTO daily(work_id, day, profitable_plays, likes,"
	    " revenue_fen) VALUES ('w1', '2026-11-02', 1000, 10, 300),"
	    " ('w2', '2026-11-02', 3000, 20, 500);"
	    "INSERT INTO work_score(work_id, day, eligible, profitable_plays,"
	    " interaction, user_value, estimated_fen) VALUES"
	    " ('w1', '2026-11-02', 1, 1000, 11, 1.5, 250),"
	    " ('w2', '2026-11-02', 1, 3000, 22, 0.5, 450);"
	    "INSERT INTO account_score(account_id, day, eligible,"
	    " estimated_fen, settled_fen, profitable_plays, likes, revenue_fen,"
	    " sums_kept) VALUES ('a1', '2026-11-02', 1, 700, 800, 4000, 30,"
	    " 800, 1)");
	db_close(db);

	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM account_score WHERE"
	    " sums_kept = 1 AND estimated_fen = 700 AND interaction IS NULL AND"
	    " user_value IS NULL AND quality IS NULL"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM dirty"), 1);
	ck_assert_int_eq(fx_int(db, "SELECT count(*) FROM work_score"), 0);

	/* a day without the sums, its work-days there: read from them */
	fx_sql(db, "DELETE FROM dirty;"
	    "INSERT INTO work_score(work_id, day, eligible, profitable_plays,"
	    " interaction, user_value) VALUES"
	    " ('w1', '2026-11-02', 1, 1000, 11, 1.5),"
	    " ('w2', '2026-11-02', 1, 3000, 22, 0.5)");
	ck_assert(series_load(db, &acc, d, d, &s, &err));
	ck_assert_double_eq(s.days[0].v[SERIES_ESTIMATE], (double)fx_int(db,
	    "SELECT sum(estimated_fen) FROM work_estimate"));
	ck_assert_double_eq(s.days[0].v[SERIES_INTERACTIONS], 33);
	ck_assert_double_eq_tol(s.days[0].v[SERIES_USER_VALUE], 0.75, 1e-12);
	ck_assert_double_eq_tol(s.days[0].v[SERIES_RPM], 200, 1e-12);

	/* rescored: the engine's own figures, kept with the day */
	ck_assert_msg(engine_rescore_all(db, &err), "%s", err.msg);
	ck_assert_int_eq(fx_int(db, "SELECT sums_kept FROM account_score"), 2);
	ck_assert_double_eq(fx_double(db, "SELECT interaction FROM"
	    " account_score"), 30);
	ck_assert(series_load(db, &acc, d, d, &s, &err));
	ck_assert_double_eq(s.days[0].v[SERIES_INTERACTIONS], 30);
	ck_assert_double_eq_tol(s.days[0].v[SERIES_RPM], 200, 1e-12);
	series_free(&s);
	db_close(db);
}
END_TEST

static Suite *
suite(void)
{
	Suite *s = suite_create("series_sums");
	TCase *tc = tcase_create("core");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_set_timeout(tc, 60);
	tcase_add_test(tc, series_sums_equal_work_days);
	tcase_add_test(tc, series_sums_read_per_day);
	tcase_add_test(tc, series_sums_from_v7);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(suite());
}
