/* src/core/accounts.c: the one list of accounts, by id or by name. */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "core/accounts.h"
#include "core/db_internal.h"
#include "testutil.h"

START_TEST(accounts_empty)
{
	struct db *db = test_db_create(test_tmp, "a.db");
	struct account_list l;
	struct pt_err err = { 0 };

	ck_assert(accounts_list(db, ACCOUNTS_BY_NAME, &l, &err));
	ck_assert_uint_eq(l.n, 0);
	accounts_free(&l);
	db_close(db);
}
END_TEST

START_TEST(accounts_fields_and_orders)
{
	struct db *db = test_db_create(test_tmp, "a.db");
	struct account_list l;
	struct pt_err err = { 0 };
	const struct account_row *a;

	test_db_exec(db,
	    "INSERT INTO account(account_id, name, kind, celebrity,"
	    " certification, plan_status, bank_card) VALUES"
	    " ('c3', 'A', 'enterprise', 1, '农技师', 'joined', 1),"
	    " ('a1', '甲', 'personal', 0, NULL, 'not_joined', 0),"
	    " ('d0', 'B', 'personal', 0, NULL, 'not_joined', 0),"
	    " ('b2', 'B', 'enterprise_affiliated', 0, '', 'pending', 0);"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'c3'),"
	    " ('w2', 'c3'), ('w3', 'b2');"
	    "INSERT INTO appeal(account_id, status, created_at, created_by,"
	    " updated_at, updated_by) VALUES ('c3', 'draft', 'x', 'x', 'x', 'x'),"
	    " ('c3', 'submitted', 'x', 'x', 'x', 'x'),"
	    " ('c3', 'approved', 'x', 'x', 'x', 'x'),"
	    " ('c3', 'paid', 'x', 'x', 'x', 'x'),"
	    " ('b2', 'rejected', 'x', 'x', 'x', 'x'),"
	    " ('b2', 'withdrawn', 'x', 'x', 'x', 'x');");
	ck_assert(accounts_list(db, ACCOUNTS_BY_ID, &l, &err));
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(l.items[3].account_id, "d0");
	ck_assert_str_eq(l.items[0].account_id, "a1");
	ck_assert_str_eq(l.items[1].account_id, "b2");
	a = &l.items[2];
	ck_assert_str_eq(a->account_id, "c3");
	ck_assert_str_eq(a->name, "A");
	ck_assert_str_eq(a->kind, "enterprise");
	ck_assert(a->celebrity);
	ck_assert(a->bank_card);
	ck_assert_str_eq(a->certification, "农技师");
	ck_assert_str_eq(a->plan_status, "joined");
	ck_assert_int_eq(a->works, 2);
	/* open: draft, submitted, approved; not paid, rejected, withdrawn */
	ck_assert_int_eq(a->open_appeals, 3);
	ck_assert_int_eq(l.items[1].open_appeals, 0);
	/* No certification is NULL; an empty one stays as stored. */
	ck_assert_ptr_null(l.items[0].certification);
	ck_assert_str_eq(l.items[1].certification, "");
	ck_assert_int_eq(l.items[0].works, 0);
	ck_assert(!l.items[0].celebrity && !l.items[0].bank_card);
	accounts_free(&l);
	ck_assert_uint_eq(l.n, 0);
	ck_assert_ptr_null(l.items);

	/* By name as SQLite sorts text ("A" < "B" < "甲"), then by id. */
	ck_assert(accounts_list(db, ACCOUNTS_BY_NAME, &l, &err));
	ck_assert_uint_eq(l.n, 4);
	ck_assert_str_eq(l.items[0].account_id, "c3");
	ck_assert_str_eq(l.items[1].account_id, "b2");
	ck_assert_str_eq(l.items[2].account_id, "d0");
	ck_assert_str_eq(l.items[3].account_id, "a1");
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM (SELECT"
	    " account_id, row_number() OVER (ORDER BY name, account_id) AS r"
	    " FROM account) WHERE (account_id, r) IN (VALUES ('c3', 1),"
	    " ('b2', 2), ('d0', 3), ('a1', 4))"), 4);
	accounts_free(&l);
	db_close(db);
}
END_TEST

static Suite *
accounts_suite(void)
{
	Suite *s = suite_create("accounts");
	TCase *tc = tcase_create("accounts");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, accounts_empty);
	tcase_add_test(tc, accounts_fields_and_orders);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(accounts_suite());
}
