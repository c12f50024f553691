/* src/core/store.c: the typed upserts on natural keys (inserted, updated,
 * unchanged; a field not present keeps what is stored), the wallet's
 * identities, the look-ups and the dirty marks. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "core/exitcode.h"
#include "core/db_internal.h"
#include "core/store.h"
#include "testutil.h"

static struct db *
store_db(void)
{
	return test_db_create(test_tmp, "s.db");
}

START_TEST(store_account_upsert_keeps_absent_fields)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };
	struct store_account a = { .account_id = "a1", .name = "甲",
	    .kind = "enterprise", .celebrity = STORE_YES,
	    .certification_set = true, .certification = "农技师",
	    .plan_status = "joined", .bank_card = STORE_ABSENT };
	struct store_when at = { 0, true, 0 };

	ck_assert(day_parse_iso("2026-11-10", &at.effective));
	ck_assert_int_eq(store_save_account(db, &a, &at, &err), STORE_INSERTED);
	ck_assert_int_eq(store_save_account(db, &a, &at, &err),
	    STORE_UNCHANGED);
	/* Only a name: every other column stays as stored. */
	struct store_account b = { .account_id = "a1", .name = "乙",
	    .celebrity = STORE_ABSENT, .bank_card = STORE_ABSENT };
	ck_assert_int_eq(store_save_account(db, &b, &at, &err), STORE_UPDATED);
	ck_assert_int_eq(test_query_int(db, "SELECT name = '乙' AND kind ="
	    " 'enterprise' AND celebrity = 1 AND certification = '农技师' AND"
	    " plan_status = 'joined' AND bank_card = 0 FROM account"), 1);
	ck_assert_int_eq(store_save_account(db, &b, &at, &err),
	    STORE_UNCHANGED);
	/* A certification column that is empty clears it. */
	b.certification_set = true;
	b.certification = NULL;
	ck_assert_int_eq(store_save_account(db, &b, &at, &err), STORE_UPDATED);
	ck_assert_int_eq(test_query_int(db, "SELECT certification IS NULL"
	    " FROM account"), 1);
	db_close(db);
}
END_TEST

/* The upsert and its history in one call: a back-dated value that the
 * row already holds changes only the history, and counts as an update. */
START_TEST(store_save_records_history)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };
	struct store_account a = { .account_id = "a1", .kind = "personal",
	    .celebrity = STORE_ABSENT, .bank_card = STORE_ABSENT };
	struct store_when at = { 0, true, 0 };

	ck_assert(day_parse_iso("2026-11-10", &at.effective));
	ck_assert_int_eq(store_save_account(db, &a, &at, &err), STORE_INSERTED);
	ck_assert(day_parse_iso("2026-11-01", &at.effective));
	a.kind = "enterprise";
	ck_assert_int_eq(store_save_account(db, &a, &at, &err), STORE_UPDATED);
	/* the row keeps the latest value */
	ck_assert_int_eq(test_query_int(db, "SELECT kind = 'personal' FROM"
	    " account"), 1);
	a.kind = "personal";
	ck_assert_int_eq(store_save_account(db, &a, &at, &err), STORE_UPDATED);
	ck_assert_int_eq(store_save_account(db, &a, &at, &err),
	    STORE_UNCHANGED);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM"
	    " account_history WHERE attr = 'kind' AND value = 'personal'"), 2);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM"
	    " account_history WHERE attr <> 'kind'"), 0);
	db_close(db);
}
END_TEST

START_TEST(store_daily_upsert_merges_metrics)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };
	struct store_metrics m = { 0 };

	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1')");
	m.have = 1u << SM_PLAYS | 1u << SM_REVENUE;
	m.count[SM_PLAYS] = 100;
	m.revenue_fen = 250;
	ck_assert_int_eq(store_upsert_daily(db, "w1", "2026-11-01", &m, 0, NULL,
	    &err), STORE_INSERTED);
	ck_assert_int_eq(store_upsert_daily(db, "w1", "2026-11-01", &m, 0, NULL,
	    &err), STORE_UNCHANGED);
	/* Another file brings likes only: plays and revenue stay. */
	memset(&m, 0, sizeof m);
	m.have = 1u << SM_LIKES | 1u << SM_QUALITY;
	m.count[SM_LIKES] = 7;
	m.real[SM_QUALITY - SM_NCOUNTS] = 61.5;
	ck_assert_int_eq(store_upsert_daily(db, "w1", "2026-11-01", &m, 0, NULL,
	    &err), STORE_UPDATED);
	ck_assert_int_eq(test_query_int(db, "SELECT plays = 100 AND likes = 7"
	    " AND revenue_fen = 250 AND quality = 61.5 AND favorites IS NULL"
	    " FROM daily"), 1);
	ck_assert_int_eq(store_upsert_daily(db, "w1", "2026-11-02", &m, 0, NULL,
	    &err), STORE_INSERTED);
	ck_assert_int_eq(store_count(db, "daily"), 2);
	ck_assert_int_eq(store_count(db, "nonsense"), -1);
	db_close(db);
}
END_TEST

/* STORE_DAILY_MANY rows in key order: written by one statement only
 * when none of them is there yet and no key is twice among them. */
START_TEST(store_daily_new_rows_at_once)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };
	struct store_metrics m = { 0 };
	struct store_daily rows[STORE_DAILY_MANY];
	char days[STORE_DAILY_MANY][DAY_BUFSZ];
	day_t d0;

	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1'),"
	    " ('w2', 'a1'), ('w3', 'a1')");
	m.have = 1u << SM_PLAYS | 1u << SM_REVENUE | 1u << SM_QUALITY;
	m.count[SM_PLAYS] = 100;
	m.revenue_fen = 250;
	m.real[SM_QUALITY - SM_NCOUNTS] = 61.5;
	ck_assert(day_parse_iso("2026-01-01", &d0));
	for (int i = 0; i < STORE_DAILY_MANY; i++)
		rows[i] = (struct store_daily){ "w2",
		    day_format(d0 + i, days[i]), &m };
	/* a row of w2 inside the range: nothing written */
	ck_assert_int_eq(store_upsert_daily(db, "w2", days[5], &m, 0, NULL, &err),
	    STORE_INSERTED);
	ck_assert_int_eq(store_insert_daily_new(db, rows, 0, &err),
	    STORE_UNCHANGED);
	ck_assert_int_eq(store_count(db, "daily"), 1);
	test_db_exec(db, "DELETE FROM daily");
	/* rows of the works around it do not count; a key twice does */
	ck_assert_int_eq(store_upsert_daily(db, "w1", "2026-06-01", &m, 0, NULL,
	    &err), STORE_INSERTED);
	ck_assert_int_eq(store_upsert_daily(db, "w3", "2025-06-01", &m, 0, NULL,
	    &err), STORE_INSERTED);
	rows[9].day = rows[8].day;
	ck_assert_int_eq(store_insert_daily_new(db, rows, 0, &err),
	    STORE_UNCHANGED);
	ck_assert_int_eq(store_count(db, "daily"), 2);
	rows[9].day = days[9];
	ck_assert_int_eq(store_insert_daily_new(db, rows, 0, &err),
	    STORE_INSERTED);
	ck_assert_int_eq(store_count(db, "daily"), 2 + STORE_DAILY_MANY);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM daily WHERE"
	    " work_id = 'w2' AND plays = 100 AND revenue_fen = 250 AND"
	    " quality = 61.5 AND likes IS NULL AND import_id IS NULL AND"
	    " day BETWEEN '2026-01-01' AND '2026-02-01'"), STORE_DAILY_MANY);
	/* again: all there, nothing written */
	ck_assert_int_eq(store_insert_daily_new(db, rows, 0, &err),
	    STORE_UNCHANGED);
	db_close(db);
}
END_TEST

START_TEST(store_violation_and_application)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };

	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a1')");
	ck_assert_int_eq(store_upsert_violation(db, "a1", NULL, "2026-11-01",
	    "spam", NULL, &err), STORE_INSERTED);
	ck_assert_int_eq(store_upsert_violation(db, "a1", NULL, "2026-11-01",
	    "spam", NULL, &err), STORE_UNCHANGED);
	ck_assert_int_eq(store_upsert_violation(db, "a1", NULL, "2026-11-01",
	    "spam", "active", &err), STORE_UNCHANGED);
	ck_assert_int_eq(store_upsert_violation(db, "a1", NULL, "2026-11-01",
	    "spam", "overturned", &err), STORE_UPDATED);
	ck_assert_int_eq(store_count(db, "violation"), 1);
	ck_assert_int_eq(store_upsert_application(db, "a1", "2026-10-01", NULL,
	    NULL, NULL, &err), STORE_INSERTED);
	ck_assert_int_eq(store_upsert_application(db, "a1", "2026-10-01",
	    "2026-10-08", "rejected", "low", &err), STORE_UPDATED);
	ck_assert_int_eq(store_upsert_application(db, "a1", "2026-10-01", NULL,
	    NULL, NULL, &err), STORE_UNCHANGED);
	ck_assert_int_eq(test_query_int(db, "SELECT result = 'rejected' AND"
	    " reason = 'low' FROM application"), 1);
	/* A reference to a missing account is the data's fault. */
	ck_assert_int_eq(store_upsert_violation(db, "nobody", NULL,
	    "2026-11-01", "spam", NULL, &err), STORE_FAILED);
	test_err_is(&err, PT_EXIT_DATA, "%s: %s");
	ck_assert_str_eq(test_err_str(&err, 0), "saving a violation");
	db_close(db);
}
END_TEST

/* Entries keep their identity: the nth identical row of a file is the
 * nth entry of those values; a platform id names one entry. */
START_TEST(store_wallet_identities)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };

	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a1')");
	for (long nth = 1; nth <= 2; nth++)
		ck_assert_int_eq(store_wallet_entry(db, "a1", "2026-11-01",
		    "settlement", 100, NULL, nth, &err), STORE_INSERTED);
	ck_assert_int_eq(store_wallet_entry(db, "a1", "2026-11-01",
	    "settlement", 100, NULL, 2, &err), STORE_UNCHANGED);
	/* An id given later names one of them; again, nothing changes. */
	ck_assert_int_eq(store_wallet_entry(db, "a1", "2026-11-01",
	    "settlement", 100, "E1", 1, &err), STORE_UPDATED);
	ck_assert_int_eq(store_wallet_entry(db, "a1", "2026-11-01",
	    "settlement", 100, "E1", 1, &err), STORE_UNCHANGED);
	/* The platform corrected its entry. */
	ck_assert_int_eq(store_wallet_entry(db, "a1", "2026-11-01",
	    "settlement", 120, "E1", 1, &err), STORE_UPDATED);
	ck_assert_int_eq(store_count(db, "wallet"), 2);
	ck_assert_int_eq(test_query_int(db, "SELECT sum(amount_fen) FROM"
	    " wallet"), 220);
	db_close(db);
}
END_TEST

START_TEST(store_lookups_and_dirty_marks)
{
	struct db *db = store_db();
	struct pt_err err = { 0 };
	char account[256] = "x";
	bool yes = true;

	test_db_exec(db, "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1');"
	    "INSERT INTO daily(work_id, day) VALUES ('w1', '2026-11-01'),"
	    " ('w1', '2026-11-02')");
	ck_assert(store_account_exists(db, "a1", &yes, &err) && yes);
	ck_assert(store_account_exists(db, "a2", &yes, &err) && !yes);
	ck_assert(store_work_account(db, "w1", account, &yes, &err) && yes);
	ck_assert_str_eq(account, "a1");
	ck_assert(store_work_account(db, "w9", account, &yes, &err) && !yes);
	ck_assert(store_mark_dirty(db, "a1", "2026-11-05", &err));
	ck_assert(store_mark_dirty(db, "a1", "2026-11-05", &err));
	ck_assert_int_eq(store_count(db, "dirty"), 1);
	ck_assert(store_mark_dirty_work(db, "w1", &err));
	ck_assert_int_eq(store_count(db, "dirty"), 3);
	test_db_exec(db, "DELETE FROM dirty");
	ck_assert(store_mark_dirty_account(db, "a1", &err));
	ck_assert_int_eq(store_count(db, "dirty"), 2);
	db_close(db);
}
END_TEST

static Suite *
store_suite(void)
{
	Suite *s = suite_create("store");
	TCase *tc = tcase_create("store");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, store_account_upsert_keeps_absent_fields);
	tcase_add_test(tc, store_save_records_history);
	tcase_add_test(tc, store_daily_upsert_merges_metrics);
	tcase_add_test(tc, store_violation_and_application);
	tcase_add_test(tc, store_daily_new_rows_at_once);
	tcase_add_test(tc, store_wallet_identities);
	tcase_add_test(tc, store_lookups_and_dirty_marks);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(store_suite());
}
