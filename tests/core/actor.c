/* src/core/actor.c: who changed a row and from where, as the audit
 * records them (the login, never $USER; the SSH client's address). */
#include "config.h"

#include <check.h>

#include "appeal_fixture.h"
#include "core/actor.h"
#include "core/db_internal.h"
#include "testutil.h"

START_TEST(audit_records_login_and_client)
{
	struct pt_err err = { 0 };
	struct db *db;
	sqlite3_stmt *st;

	db = ap_open_db();
	ap_new_appeal(db);
	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT a.who, a.client, "
	    "p.created_by, p.updated_from FROM audit a JOIN appeal p ON "
	    "a.row_key = p.id WHERE a.tbl='appeal'", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), actor_login());
	ck_assert_str_ne((const char *)sqlite3_column_text(st, 0), "not-the-login");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), "192.0.2.7");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 2), actor_login());
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 3), "192.0.2.7");
	sqlite3_finalize(st);
	db_close(db);
	(void)err;
}
END_TEST

static Suite *
actor_suite(void)
{
	Suite *s = suite_create("actor");
	TCase *tc = tcase_create("actor");

	tcase_add_checked_fixture(tc, ap_setup, ap_teardown);
	tcase_add_test(tc, audit_records_login_and_client);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(actor_suite());
}
