/* src/core/views.c: the read queries behind the Diagnosis and
 * Eligibility panes and the accounts overview, on rows these tests
 * insert (tests/views_fixture.c). */
#include "config.h"

#include <check.h>
#include <math.h>
#include <string.h>

#include "core/day.h"
#include "core/db_internal.h"
#include "core/engine.h"
#include "core/views.h"
#include "testutil.h"
#include "views_fixture.h"

static const struct views_work *
row(const struct views_works *w, const char *id)
{
	for (size_t i = 0; i < w->n; i++)
		if (strcmp(w->rows[i].work_id, id) == 0)
			return &w->rows[i];
	ck_abort_msg("no row %s", id);
	return NULL;
}

START_TEST(prev_window_same_length)
{
	day_t f, t;

	views_prev_window(test_day("2026-11-03"), test_day("2026-11-04"), &f, &t);
	ck_assert_int_eq(f, test_day("2026-11-01"));
	ck_assert_int_eq(t, test_day("2026-11-02"));
	views_prev_window(test_day("2026-11-01"), test_day("2026-11-30"), &f, &t);
	ck_assert_int_eq(f, test_day("2026-10-02"));
	ck_assert_int_eq(t, test_day("2026-10-31"));
}
END_TEST

START_TEST(works_window_figures)
{
	struct pt_err err = { 0 };
	struct views_works w;
	const struct views_work *r;
	fen_t ch;
	double rpm;
	char flags[8];

	ck_assert_msg(views_works_load(vw_db, "a1", test_day("2026-11-03"),
	    test_day("2026-11-04"), test_day("2026-11-01"), test_day("2026-11-02"), &w, &err),
	    "%s", err.msg);
	ck_assert_uint_eq(w.n, 4);	/* a1's works only */
	ck_assert_int_eq(w.ndays, 2);
	r = row(&w, "w1");
	/* settled 500 on 11-03, estimate 120 on 11-04 */
	ck_assert(r->has_rev);
	ck_assert_int_eq(r->rev_fen, 620);
	ck_assert(r->has_settled);
	ck_assert_int_eq(r->settled_fen, 500);
	ck_assert_int_eq(r->estimated_fen, 570);
	/* previous: settled 300 + estimate 250 */
	ck_assert_int_eq(r->prev_fen, 550);
	ck_assert(views_work_change(r, &ch));
	ck_assert_int_eq(ch, 70);
	/* plays: 2000 known + NULL: missing is not 0 */
	ck_assert(r->has_pp);
	ck_assert_int_eq(r->pp, 2000);
	ck_assert(views_work_rpm(r, &rpm));
	ck_assert_double_eq_tol(rpm, 310.0, 1e-9);
	ck_assert_int_eq(r->days_earning, 2);
	ck_assert_float_eq(r->spark[0], 500.0f);
	ck_assert_float_eq(r->spark[1], 120.0f);
	ck_assert_int_eq(r->published, test_day("2026-10-01"));
	ck_assert_str_eq(views_work_flags(r, flags), "PS--");
	/* the overturned violation does not flag w1 */
	ck_assert(!r->violation);

	r = row(&w, "w2");
	ck_assert_str_eq(r->title, "红烧肉做法");
	ck_assert_int_eq(r->rev_fen, 0);	/* settled 0 wins */
	ck_assert_int_eq(r->prev_fen, 90);
	ck_assert(views_work_change(r, &ch));
	ck_assert_int_eq(ch, -90);
	ck_assert(isnan(r->spark[1]));		/* no row on 11-04 */
	ck_assert_int_eq(r->days_zero, 1);
	/* violation of 09-01 is within 90 days of 11-04 */
	ck_assert_str_eq(views_work_flags(r, flags), "P-CV");

	r = row(&w, "w3");
	ck_assert(!r->public_);
	ck_assert(!r->violation);	/* 06-01 is older than 90 days */
	ck_assert(!r->has_prev);

	r = row(&w, "w5");	/* no data at all */
	ck_assert(!r->has_rev && !r->has_prev && !r->has_pp);
	ck_assert(!views_work_change(r, &ch));
	ck_assert(!views_work_rpm(r, &rpm));
	views_works_free(&w);
}
END_TEST

START_TEST(works_sort_and_filter)
{
	struct pt_err err = { 0 };
	struct views_works w;
	size_t idx[8], n;

	ck_assert(views_works_load(vw_db, "a1", test_day("2026-11-03"), test_day("2026-11-04"),
	    test_day("2026-11-01"), test_day("2026-11-02"), &w, &err));
	n = views_works_filter(&w, "", idx);
	ck_assert_uint_eq(n, 4);
	views_works_sort(&w, idx, n, VC_REVENUE, true);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w1");	/* 620 */
	/* w2 and w3 have 0: ties by title ("private cut" < "红烧肉") */
	ck_assert_str_eq(w.rows[idx[1]].work_id, "w3");
	ck_assert_str_eq(w.rows[idx[2]].work_id, "w2");
	ck_assert_str_eq(w.rows[idx[3]].work_id, "w5");	/* missing last */
	views_works_sort(&w, idx, n, VC_REVENUE, false);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w3");
	ck_assert_str_eq(w.rows[idx[2]].work_id, "w1");
	ck_assert_str_eq(w.rows[idx[3]].work_id, "w5");	/* still last */
	views_works_sort(&w, idx, n, VC_CHANGE, false);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w2");	/* -90 */
	views_works_sort(&w, idx, n, VC_PUBLISHED, true);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w5");
	views_works_sort(&w, idx, n, VC_TITLE, false);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w5");	/* "future" */
	views_works_sort(&w, idx, n, VC_STATUS, false);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w2");	/* violation first */

	/* Chinese substring, ASCII without case, work id */
	n = views_works_filter(&w, "烧肉", idx);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w2");
	n = views_works_filter(&w, "NOODLE", idx);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(w.rows[idx[0]].work_id, "w1");
	n = views_works_filter(&w, "w3", idx);
	ck_assert_uint_eq(n, 1);
	n = views_works_filter(&w, "没有", idx);
	ck_assert_uint_eq(n, 0);
	views_works_free(&w);
}
END_TEST

START_TEST(day_view_reasons_and_minimum)
{
	struct pt_err err = { 0 };
	struct views_day d;
	struct views_summary s;

	ck_assert_msg(views_day_load(vw_db, "a1", test_day("2026-11-03"), &d, &err),
	    "%s", err.msg);
	ck_assert(d.account_scored && d.account_eligible);
	ck_assert(d.has_account_settled);
	ck_assert_int_eq(d.account_settled_fen, 500);
	/* w5 is published after the day: not listed */
	ck_assert_uint_eq(d.n, 3);
	ck_assert_str_eq(d.rows[0].work_id, "w1");	/* revenue first */
	ck_assert_int_eq(d.rows[0].revenue_fen, 500);
	ck_assert_int_eq(d.total_fen, 500);
	for (size_t i = 1; i < d.n; i++) {
		if (strcmp(d.rows[i].work_id, "w3") == 0) {
			ck_assert_uint_eq(d.rows[i].nreasons, 2);
			ck_assert_str_eq(d.rows[i].reasons[0], "public");
			ck_assert_str_eq(d.rows[i].reasons[1], "review_approved");
		} else {
			ck_assert_uint_eq(d.rows[i].nreasons, 1);
			ck_assert_str_eq(d.rows[i].reasons[0], "no_commercial");
		}
	}
	views_day_summary(&d, &s);
	ck_assert_uint_eq(s.works, 3);
	ck_assert_uint_eq(s.earning, 1);
	ck_assert_uint_eq(s.excluded, 2);
	ck_assert_str_eq(s.groups[0].id, "earning");
	ck_assert_uint_eq(s.groups[0].n, 1);
	ck_assert_uint_eq(s.ngroups, 4);	/* earning, commercial, public, review */
	ck_assert(views_day_in_group(&d.rows[0], "earning"));
	ck_assert(!views_day_in_group(&d.rows[0], "public"));
	views_day_free(&d);

	/* a day without scores: rows still listed, no account score */
	ck_assert(views_day_load(vw_db, "a1", test_day("2026-11-10"), &d, &err));
	ck_assert(!d.account_scored);
	ck_assert_uint_eq(d.n, 3);
	views_day_summary(&d, &s);
	ck_assert_str_eq(s.groups[1].id, "no_data");
	ck_assert_uint_eq(s.groups[1].n, 3);
	views_day_free(&d);

	ck_assert_int_eq(views_last_scored_day(vw_db, "a1", test_day("2026-11-26"), &err),
	    test_day("2026-11-04"));
	ck_assert_int_eq(views_last_scored_day(vw_db, "a1", test_day("2026-11-03"), &err),
	    test_day("2026-11-03"));
	ck_assert_int_eq(views_last_scored_day(vw_db, "a2", test_day("2026-11-26"), &err),
	    DAY_NONE);
}
END_TEST

START_TEST(split_reasons)
{
	char r[4][32];

	ck_assert_uint_eq(views_split_reasons("", r, 4), 0);
	ck_assert_uint_eq(views_split_reasons(NULL, r, 4), 0);
	ck_assert_uint_eq(views_split_reasons("a, b;c", r, 4), 3);
	ck_assert_str_eq(r[2], "c");
	ck_assert_uint_eq(views_split_reasons("a,b,c,d,e", r, 4), 4);
}
END_TEST

START_TEST(wallet_balance_and_recent)
{
	struct pt_err err = { 0 };
	struct views_wallet w;

	ck_assert_msg(views_wallet_load(vw_db, "a1", &w, &err), "%s", err.msg);
	ck_assert(w.bank_card);
	ck_assert_int_eq(w.settlements, 800);
	ck_assert_int_eq(w.compensations, 120);
	ck_assert_int_eq(w.withdrawals, 600);
	ck_assert_int_eq(w.adjustments, -5);
	ck_assert_int_eq(w.balance, 800 + 120 - 600 - 5);
	ck_assert_uint_eq(w.n, 5);
	ck_assert_str_eq(w.recent[0].kind, "adjustment");
	ck_assert_int_eq(w.recent[1].amount_fen, -600);	/* withdrawal */
	ck_assert_int_eq(w.recent[4].day, test_day("2026-11-01"));

	ck_assert(views_wallet_load(vw_db, "a2", &w, &err));
	ck_assert(!w.bank_card);
	ck_assert_int_eq(w.balance, 1000);
}
END_TEST

START_TEST(accounts_overview)
{
	struct pt_err err = { 0 };
	struct views_accounts a;

	vw_exec("INSERT INTO appeal(account_id, work_id, status, created_at,"
	    " created_by, updated_at, updated_by) VALUES"
	    " ('a1', 'w2', 'submitted', 'x', 'x', 'x', 'x'),"
	    " ('a1', 'w2', 'paid', 'x', 'x', 'x', 'x'),"
	    " ('a1', 'w3', 'draft', 'x', 'x', 'x', 'x')");
	vw_exec("INSERT INTO import_run(id, file, checksum, who, started_at,"
	    " finished_at, outcome) VALUES"
	    " (1, 'a.csv', 'x', 'op', '2026-11-05T10:00:00+08:00',"
	    "  '2026-11-05T10:00:01+08:00', 'ok'),"
	    " (2, 'b.csv', 'x', 'op', '2026-11-06T10:00:00+08:00',"
	    "  '2026-11-06T10:00:02+08:00', 'ok')");
	/* what the import records: the newest import that wrote a daily
	 * row of each account (a1's by run 1, a2's by run 2) */
	vw_exec("INSERT INTO account_import(account_id, import_id) VALUES"
	    " ('a1', 1), ('a2', 2)");
	/* Today is 11-08 but a1's data ends 11-04 and a2's 11-03: each
	 * week ends at the account's last day with data (10-29..11-04 and
	 * 10-28..11-03), never counting 11-05..11-08 as days of zero. */
	ck_assert_msg(views_accounts_load_at(vw_db, test_day("2026-11-08"), 23 * 60, &a,
	    &err), "%s", err.msg);
	ck_assert_uint_eq(a.n, 2);
	ck_assert_int_eq(a.latest, test_day("2026-11-04"));
	ck_assert_int_eq(a.from, test_day("2026-10-29"));
	ck_assert_int_eq(a.to, test_day("2026-11-04"));
	ck_assert_int_eq(a.vs_to, test_day("2026-10-28"));
	ck_assert_str_eq(a.rows[0].account_id, "a1");
	ck_assert_str_eq(a.rows[0].name, "小王的厨房");
	ck_assert_int_eq(a.rows[0].works, 4);
	ck_assert_int_eq(a.rows[0].data_through, test_day("2026-11-04"));
	ck_assert_int_eq(a.rows[0].from, test_day("2026-10-29"));
	/* 11-08 at 23:00: 11-07 is due; the data ends 11-04 */
	ck_assert(a.rows[0].stale);
	ck_assert_int_eq(a.due_through, test_day("2026-11-07"));
	/* 11-01: w1 settled 300; 11-02: w1 est 250 + w2 est 90; 11-03: 500
	 * settled + 0 + 0; 11-04: 120 */
	ck_assert(a.rows[0].has_week);
	ck_assert_int_eq(a.rows[0].week_fen, 300 + 250 + 90 + 500 + 120);
	ck_assert(!a.rows[0].has_prev_week);
	ck_assert_int_eq(a.rows[0].open_appeals, 2);
	ck_assert_str_eq(a.rows[0].last_import, "2026-11-05T10:00:01+08:00");
	ck_assert_str_eq(a.rows[1].kind, "enterprise_affiliated");
	ck_assert_int_eq(a.rows[1].data_through, test_day("2026-11-03"));
	ck_assert_int_eq(a.rows[1].to, test_day("2026-11-03"));
	ck_assert_int_eq(a.rows[1].week_fen, 1000);
	ck_assert(!a.rows[1].has_prev_week);
	ck_assert_int_eq(a.rows[1].open_appeals, 0);
	views_accounts_free(&a);

	/* On 11-03 before 22:00 the week is 10-28..11-03 (11-04 is not
	 * today's yet) and nothing is due after 11-01: not stale. */
	ck_assert(views_accounts_load_at(vw_db, test_day("2026-11-03"), 21 * 60, &a, &err));
	ck_assert_int_eq(a.rows[0].to, test_day("2026-11-03"));
	ck_assert_int_eq(a.rows[0].week_fen, 300 + 250 + 90 + 500);
	ck_assert(!a.rows[0].stale);
	ck_assert_int_eq(a.due_through, test_day("2026-11-01"));
	views_accounts_free(&a);
	ck_assert(views_accounts_load_at(vw_db, test_day("2026-11-08"), 0, &a, &err));
	ck_assert_str_eq(a.rows[1].last_import, "2026-11-06T10:00:02+08:00");
	views_accounts_free(&a);

	/* A day whose sum the engine kept is read from account_score, not
	 * from its work-days (which say 120 for 11-04). */
	vw_exec("UPDATE account_score SET shown_fen = 9000 WHERE account_id = 'a1'"
	    " AND day = '2026-11-04'");
	ck_assert(views_accounts_load_at(vw_db, test_day("2026-11-08"), 23 * 60, &a,
	    &err));
	ck_assert_int_eq(a.rows[0].week_fen, 300 + 250 + 90 + 500 + 9000);
	views_accounts_free(&a);
}
END_TEST

START_TEST(detail_days_and_exact_split)
{
	struct pt_err err = { 0 };
	struct views_detail d;
	fen_t sum = 0;

	/* model factors on w1's days, from the figures under the model's
	 * defaults (r_ref 0.04, a_e 0.5, q_ref 60, a_u = a_q = 1): 11-03
	 * plays 2000 at 200 fen/1k, rate 0.09 (f_i 1.5), user value 0.9,
	 * quality 66 (f_q 1.1), f_b 1.3: 772 fen; 11-04 plays 333 at rate
	 * 0.0196 (f_i 0.7): 47 fen */
	vw_exec("UPDATE work_score SET profitable_plays = 2000, interaction = 180,"
	    " user_value = 0.9, quality = 66, f_bonus = 1.3"
	    " WHERE work_id = 'w1' AND day = '2026-11-03'");
	vw_exec("UPDATE work_score SET profitable_plays = 333,"
	    " interaction = 333 * 0.0196"
	    " WHERE work_id = 'w1' AND day = '2026-11-04'");
	ck_assert_msg(views_detail_load(vw_db, "w1", test_day("2026-11-02"),
	    test_day("2026-11-05"), &d, &err), "%s", err.msg);
	ck_assert_str_eq(d.title, "Noodles at home");
	ck_assert_str_eq(d.account_id, "a1");
	ck_assert(d.selected);
	ck_assert_uint_eq(d.n, 4);
	ck_assert(d.days[0].has_data && d.days[0].scored);
	ck_assert(!d.days[0].has_settled);
	ck_assert(!d.days[3].has_data);		/* 11-05: no row */
	ck_assert(!d.days[3].has_revenue);
	ck_assert(d.days[1].has_settled);
	ck_assert_int_eq(d.days[1].revenue_fen, 500);
	/* revenue: 250 (estimate) + 500 (settled) + 47 (estimate) */
	ck_assert_int_eq(d.revenue_fen, 797);
	for (int k = 0; k < VP_COUNT; k++)
		sum += d.part_fen[k];
	ck_assert_int_eq(sum, 797);
	/* plays at the base rate: 250 (11-02, every factor 1) + 400 + 66.6 */
	ck_assert_int_eq(d.part_fen[VP_PLAYS], 717);
	ck_assert_int_eq(d.part_fen[VP_INTERACTION], 897 - 717);
	ck_assert_int_eq(d.part_fen[VP_SETTLEMENT], 500 - 772);
	ck_assert_int_eq(d.last_violation, DAY_NONE);	/* overturned only */
	views_detail_free(&d);

	ck_assert(views_detail_load(vw_db, "w2", test_day("2026-11-02"), test_day("2026-11-05"),
	    &d, &err));
	ck_assert_int_eq(d.last_violation, test_day("2026-09-01"));
	ck_assert_str_eq(d.last_violation_kind, "misleading");
	ck_assert_str_eq(d.days[1].reasons[0], "no_commercial");
	views_detail_free(&d);

	ck_assert(!views_detail_load(vw_db, "nope", test_day("2026-11-02"),
	    test_day("2026-11-05"), &d, &err));
	ck_assert_int_eq(err.code, 3);
}
END_TEST

/* The table's revenue and change are engine_attribute()'s, work by work,
 * and the overview's week is the account's attribution revenue. */
START_TEST(figures_equal_engine_attribution)
{
	struct pt_err err = { 0 };
	struct views_works w;
	struct views_accounts a;
	struct attribution at;

	ck_assert(views_works_load(vw_db, "a1", test_day("2026-11-03"), test_day("2026-11-04"),
	    test_day("2026-11-01"), test_day("2026-11-02"), &w, &err));
	for (size_t i = 0; i < w.n; i++) {
		fen_t ch;
		ck_assert_msg(engine_attribute(vw_db, NULL, w.rows[i].work_id,
		    w.from, w.to, w.vs_from, w.vs_to, &at, &err), "%s", err.msg);
		ck_assert_int_eq(at.revenue_fen, w.rows[i].rev_fen);
		ck_assert_int_eq(at.vs_revenue_fen, w.rows[i].prev_fen);
		if (views_work_change(&w.rows[i], &ch))
			ck_assert_int_eq(at.total_change_fen, ch);
		else
			ck_assert_int_eq(at.total_change_fen, 0);
	}
	views_works_free(&w);
	ck_assert(views_accounts_load(vw_db, test_day("2026-11-08"), &a, &err));
	ck_assert_msg(engine_attribute(vw_db, "a1", NULL, a.from, a.to, a.vs_from,
	    a.vs_to, &at, &err), "%s", err.msg);
	ck_assert_int_eq(at.revenue_fen, a.rows[0].week_fen);
	ck_assert_int_eq(at.vs_revenue_fen, a.rows[0].prev_week_fen);
	views_accounts_free(&a);
}
END_TEST

static Suite *
views_suite(void)
{
	Suite *s = suite_create("views");
	TCase *tc = tcase_create("views");

	tcase_add_checked_fixture(tc, vw_setup, vw_teardown);
	tcase_add_test(tc, prev_window_same_length);
	tcase_add_test(tc, works_window_figures);
	tcase_add_test(tc, works_sort_and_filter);
	tcase_add_test(tc, day_view_reasons_and_minimum);
	tcase_add_test(tc, split_reasons);
	tcase_add_test(tc, wallet_balance_and_recent);
	tcase_add_test(tc, accounts_overview);
	tcase_add_test(tc, detail_days_and_exact_split);
	tcase_add_test(tc, figures_equal_engine_attribution);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(views_suite());
}
