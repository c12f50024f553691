/* src/core/wallet.c: the wallet's entries and balance in a window, its
 * reconciliation with settled revenue, and compensation overdue. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "appeal_fixture.h"
#include "core/appeal.h"
#include "core/db_internal.h"
#include "core/wallet.h"
#include "testutil.h"

/* The wallet's balance, its reconciliation against settled revenue and
 * the overdue compensations, in the core. */
START_TEST(wallet_balance_reconciliation_overdue)
{
	struct pt_err err = { 0 };
	struct db *db = ap_open_db();
	struct wallet_filter f = { .account_id = "a1", .from = DAY_NONE,
	    .to = DAY_NONE };
	struct wallet_entry *v;
	struct wallet_diff *d;
	struct wallet_overdue *o;
	size_t n;
	fen_t bal;

	/* w1 settled 0 on 11-04 and ¥1.20 on 11-05 (setup) */
	ck_assert(db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen) VALUES ('a1', '2026-11-04', 'settlement', 0),"
	    " ('a1', '2026-11-05', 'settlement', 100),"
	    " ('a1', '2026-11-06', 'withdrawal', 50),"
	    " ('a1', '2026-11-06', 'adjustment', -10),"
	    " ('a1', '2026-11-07', 'settlement', 0)", &err));
	ck_assert((v = wallet_entries(db, &f, &n, &bal, &err)) != NULL);
	ck_assert_int_eq(n, 5);
	ck_assert_int_eq(bal, 100 - 50 - 10);
	ck_assert_int_eq(wallet_signed(v[2].kind, v[2].amount_fen), -50);
	free(v);
	f.to = test_day("2026-11-05");
	ck_assert((v = wallet_entries(db, &f, &n, &bal, &err)) != NULL);
	ck_assert_int_eq(n, 2);
	ck_assert_int_eq(bal, 100);
	free(v);
	f.to = DAY_NONE;
	/* 11-05: ¥1.00 in the wallet, ¥1.20 settled */
	ck_assert((d = wallet_reconcile(db, &f, &n, &err)) != NULL);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(d[0].day, test_day("2026-11-05"));
	ck_assert_int_eq(d[0].settlement_fen, 100);
	ck_assert_int_eq(d[0].revenue_fen, 120);
	free(d);
	/* approved, due 11-20: overdue from 11-21 until an entry is tied */
	ck_assert(db_exec(db, "INSERT INTO appeal(account_id, work_id,"
	    " first_day, last_day, status, compensation_fen, expected_pay_on,"
	    " created_at, created_by, updated_at, updated_by) VALUES"
	    " ('a1', 'w1', '2026-11-02', '2026-11-03', 'approved', 700,"
	    "  '2026-11-20', 'x', 'x', 'x', 'x')", &err));
	ck_assert((o = wallet_overdue(db, "a1", test_day("2026-11-20"), &n, &err)));
	ck_assert_int_eq(n, 0);
	free(o);
	ck_assert((o = wallet_overdue(db, NULL, test_day("2026-11-26"), &n, &err)));
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(o[0].appeal_id, 1);
	ck_assert_int_eq(o[0].days_late, 6);
	free(o);
	ck_assert((o = wallet_overdue(db, "a2", test_day("2026-11-26"), &n, &err)));
	ck_assert_int_eq(n, 0);
	free(o);
	ck_assert(appeal_transition(db, 1, -1, APPEAL_PAID, NULL, NULL, NULL,
	    &err));
	ck_assert((o = wallet_overdue(db, "a1", test_day("2026-11-26"), &n, &err)));
	ck_assert_int_eq(n, 0);
	free(o);
	db_close(db);
}
END_TEST

static Suite *
wallet_suite(void)
{
	Suite *s = suite_create("wallet");
	TCase *tc = tcase_create("wallet");

	tcase_add_checked_fixture(tc, ap_setup, ap_teardown);
	tcase_add_test(tc, wallet_balance_reconciliation_overdue);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(wallet_suite());
}
