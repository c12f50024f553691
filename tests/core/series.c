/* src/core/series.c: the Trends pane's queries on a real database: daily
 * series of an account or a work (missing is not zero), the engine's
 * estimates, the accounts list and the events marked on the chart. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/accounts.h"
#include "core/db_internal.h"
#include "core/series.h"
#include "testutil.h"

static struct db *
fill_db(void)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(test_path(test_tmp, "s.db"), DB_OPEN_CREATE, &err);

	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id, name) VALUES ('a1', '甲'), ('a2', 'B');"
	    "INSERT INTO work(work_id, account_id, title, published_at) VALUES"
	    " ('w1', 'a1', 't1', '2026-11-01'), ('w2', 'a1', 't2', '2026-11-02'),"
	    " ('w3', 'a2', 't3', '2026-11-01');"
	    "INSERT INTO daily(work_id, day, profitable_plays, likes, favorites,"
	    " user_value, quality, revenue_fen) VALUES"
	    " ('w1', '2026-11-01', 1000, 30, 10, 1.0, 60, 200),"
	    " ('w2', '2026-11-01', 3000, 60, NULL, 2.0, NULL, 600),"
	    " ('w1', '2026-11-03', 500, NULL, NULL, NULL, NULL, NULL),"
	    " ('w3', '2026-11-02', 999, 1, 1, 1, 1, 1);"
	    "INSERT INTO violation(account_id, work_id, day, kind) VALUES"
	    " ('a1', 'w2', '2026-11-02', 'unoriginal'),"
	    " ('a1', NULL, '2026-11-03', 'spam');"
	    "INSERT INTO application(account_id, submitted_on, reviewed_on, result,"
	    " reason) VALUES ('a1', '2026-10-20', '2026-11-03', 'rejected', 'low');",
	    &err), "%s", err.msg);
	return db;
}

START_TEST(series_account_and_work)
{
	struct db *db = fill_db();
	struct series_scope acc = { "a1", NULL }, w1 = { "a1", "w1" };
	struct series s = { 0 };
	struct pt_err err = { 0 };
	const struct series_day *d;
	day_t first, last;

	ck_assert(series_span(db, &acc, &first, &last, &err));
	ck_assert_int_eq(last - first, 2);
	ck_assert(series_load(db, &acc, first - 1, last, &s, &err));
	ck_assert_int_eq(s.n, 4);
	ck_assert(!s.days[0].has[SERIES_SETTLED]);
	d = series_at(&s, first);
	ck_assert(d->has[SERIES_SETTLED]);
	ck_assert_double_eq(d->v[SERIES_SETTLED], 800);
	ck_assert_double_eq(d->v[SERIES_PLAYS], 4000);
	ck_assert_double_eq(d->v[SERIES_INTERACTIONS], 100);
	ck_assert_double_eq_tol(d->v[SERIES_RATE], 0.025, 1e-12);
	/* weighted by profitable plays: (1*1000 + 2*3000) / 4000 */
	ck_assert_double_eq_tol(d->v[SERIES_USER_VALUE], 1.75, 1e-12);
	/* only w1 knows its quality */
	ck_assert_double_eq_tol(d->v[SERIES_QUALITY], 60, 1e-12);
	ck_assert_double_eq_tol(d->v[SERIES_RPM], 200, 1e-12);
	ck_assert(!d->has[SERIES_ESTIMATE]);
	/* 11-02: no row for the account; missing is not zero */
	d = series_at(&s, first + 1);
	ck_assert(!d->has[SERIES_SETTLED] && !d->has[SERIES_PLAYS]);
	/* 11-03: plays known, revenue and interactions not */
	d = series_at(&s, first + 2);
	ck_assert(d->has[SERIES_PLAYS] && !d->has[SERIES_SETTLED]);
	ck_assert(!d->has[SERIES_INTERACTIONS] && !d->has[SERIES_RATE]);
	ck_assert_ptr_null(series_at(&s, last + 1));

	ck_assert(series_load(db, &w1, first, last, &s, &err));
	ck_assert_double_eq(series_at(&s, first)->v[SERIES_SETTLED], 200);

	/* The estimate is the engine's, summed over the works it scored. */
	/* The estimate is the engine's, computed from the scored figures:
	 * 5,000 plays with 50 weighted interactions (rate 0.01: a factor
	 * of (0.01 / 0.04)^0.5 = 0.5) at the model's ¥2.00 per 1,000. */
	ck_assert(db_exec(db, "INSERT INTO work_score(work_id, day, eligible,"
	    " profitable_plays, interaction) VALUES"
	    " ('w1', '2026-11-01', 1, 5000, 50), ('w2', '2026-11-01', 0, 0,"
	    " NULL)", &err));
	ck_assert(series_load(db, &acc, first, last, &s, &err));
	ck_assert_double_eq(series_at(&s, first)->v[SERIES_ESTIMATE], 500);
	ck_assert(!series_at(&s, first + 2)->has[SERIES_ESTIMATE]);
	/* In two halves: imported rows first, then the engine's scores
	 * (whose interactions replace the imported likes + favourites). */
	ck_assert(series_alloc(&s, first, last, &err));
	ck_assert(series_fill_daily(db, &acc, first, last, &s, &err));
	ck_assert(!series_at(&s, first)->has[SERIES_ESTIMATE]);
	ck_assert_double_eq(series_at(&s, first)->v[SERIES_INTERACTIONS], 100);
	ck_assert(series_fill_scores(db, &acc, first, last, &s, &err));
	ck_assert_double_eq(series_at(&s, first)->v[SERIES_ESTIMATE], 500);
	ck_assert_double_eq(series_at(&s, first)->v[SERIES_INTERACTIONS], 50);
	ck_assert_double_eq_tol(series_at(&s, first)->v[SERIES_RATE], 50.0 / 4000,
	    1e-12);
	ck_assert(series_metric_scored(SERIES_RATE));
	ck_assert(!series_metric_scored(SERIES_SETTLED));
	series_free(&s);
	db_close(db);
}
END_TEST

START_TEST(series_accounts_events)
{
	struct db *db = fill_db();
	struct account_list a = { 0 };
	struct series_events e = { 0 };
	struct series_scope acc = { "a1", NULL }, w1 = { "a1", "w1" };
	struct pt_err err = { 0 };
	day_t from, to;
	char *title, *account;

	ck_assert(accounts_list(db, ACCOUNTS_BY_NAME, &a, &err));
	ck_assert_int_eq(a.n, 2);
	ck_assert_str_eq(a.items[0].account_id, "a2");	/* "B" < "甲" */
	ck_assert_int_eq(a.items[1].works, 2);
	accounts_free(&a);

	day_parse_iso("2026-11-01", &from);
	day_parse_iso("2026-11-30", &to);
	ck_assert(series_events(db, &acc, from, to, &e, &err));
	ck_assert_int_eq(e.n, 3);
	ck_assert_int_eq(e.items[0].kind, SERIES_EVENT_VIOLATION);
	ck_assert_int_eq(e.items[0].day, from + 1);
	ck_assert_int_eq(e.items[2].kind, SERIES_EVENT_APPLICATION);
	ck_assert_str_eq(e.items[2].detail, "rejected: low");
	/* A selected work's publication is marked on the account's chart. */
	ck_assert(db_exec(db, "UPDATE work SET selected = 1 WHERE work_id = 'w2'",
	    &err));
	ck_assert(series_events(db, &acc, from, to, &e, &err));
	ck_assert_int_eq(e.n, 4);
	ck_assert_int_eq(e.items[0].kind, SERIES_EVENT_VIOLATION);
	ck_assert_int_eq(e.items[1].kind, SERIES_EVENT_SELECTED);
	ck_assert_str_eq(e.items[1].detail, "t2");
	ck_assert_int_eq(series_event_letter(SERIES_EVENT_SELECTED), 'S');
	/* With a day of selection in the attribute history, 精选 is marked
	 * on that day, not at publication. */
	ck_assert(db_exec(db, "INSERT INTO work_history(work_id, attr,"
	    " effective_on, value, recorded_at) VALUES ('w2', 'selected',"
	    " '1970-01-01', '0', 'x'), ('w2', 'selected', '2026-11-20', '1',"
	    " 'x')", &err));
	ck_assert(series_events(db, &acc, from, to, &e, &err));
	ck_assert_int_eq(e.n, 4);
	for (size_t i = 0; i < e.n; i++)
		if (e.items[i].kind == SERIES_EVENT_SELECTED) {
			ck_assert_int_eq(e.items[i].day, from + 19);
			ck_assert_str_eq(e.items[i].detail, "t2");
		} else
			ck_assert_int_ne(e.items[i].kind, SERIES_EVENT_PUBLISHED);
	ck_assert_int_eq(e.items[e.n - 1].kind, SERIES_EVENT_SELECTED);
	/* A work sees its own and the account-wide events, not the others'. */
	ck_assert(series_events(db, &w1, from, to, &e, &err));
	ck_assert_int_eq(e.n, 3);
	ck_assert_int_eq(e.items[0].kind, SERIES_EVENT_PUBLISHED);
	ck_assert_int_eq(series_event_letter(e.items[0].kind), 'P');
	ck_assert_int_eq(e.items[1].kind, SERIES_EVENT_VIOLATION);
	ck_assert_str_eq(e.items[1].detail, "spam");
	series_events_free(&e);

	ck_assert(series_work_info(db, "w2", &title, &account, &err));
	ck_assert_str_eq(title, "t2");
	ck_assert_str_eq(account, "a1");
	free(title);
	free(account);
	ck_assert(!series_work_info(db, "nope", &title, &account, &err));
	db_close(db);
}
END_TEST

static Suite *
series_suite(void)
{
	Suite *s = suite_create("series");
	TCase *tc = tcase_create("series");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, series_account_and_work);
	tcase_add_test(tc, series_accounts_events);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(series_suite());
}
