/* src/core/schema.c: the schema, created and migrated from every
 * older version; newer or impossible versions refused untouched. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/db_internal.h"
#include "core/exitcode.h"
#include "core/schema.h"
#include "testutil.h"

START_TEST(db_creates_schema_with_permissions)
{
	struct pt_err err = { 0 };
	const char *dir = test_path(test_tmp, "sub/dir");
	char path[4096];
	struct stat st;
	struct db *db;

	snprintf(path, sizeof path, "%s/partner.db", dir);
	db = db_open(path, DB_OPEN_CREATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert(db->created);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(test_query_int(db, "PRAGMA application_id"),
	    DB_APPLICATION_ID);
	ck_assert_int_eq(test_query_int(db, "PRAGMA foreign_keys"), 1);
	ck_assert_int_eq(test_query_int(db,
	    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name IN "
	    "('account','work','daily','violation','application','appeal',"
	    "'wallet','import_run','audit','work_score','account_score')"), 11);
	db_close(db);

	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0600);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 0777, 0700);

	/* WAL stays on for the next open. */
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(sqlite3_exec(db->sql, "SELECT 1", NULL, NULL, NULL), SQLITE_OK);
	{
		sqlite3_stmt *s;
		sqlite3_prepare_v2(db->sql, "PRAGMA journal_mode", -1, &s, NULL);
		ck_assert_int_eq(sqlite3_step(s), SQLITE_ROW);
		ck_assert_str_eq((const char *)sqlite3_column_text(s, 0), "wal");
		sqlite3_finalize(s);
	}
	db_close(db);
}
END_TEST

START_TEST(db_migrates_empty_sqlite_file)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "empty.db");
	sqlite3 *raw;
	struct db *db;

	/* A valid SQLite file with no objects (as `sqlite3 x.db 'VACUUM'`). */
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA user_version=0; VACUUM", NULL,
	    NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	db_close(db);
	/* A zero-byte file is a new database too. */
	test_write_file(test_path(test_tmp, "zero.db"), "", 0);
	db = db_open(test_path(test_tmp, "zero.db"), 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
}
END_TEST

/* A v1 database (before issue 14) with a wallet entry, a violation and
 * an approved appeal: v2 keeps every row, adds the violation's overturn,
 * the appeal's violation and the entry ids, and lets two identical
 * entries live side by side. */
START_TEST(db_migrates_v1_wallet_and_appeals)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "v1.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 1, &err), "%s", err.msg);
	ck_assert_int_eq(schema_version(db), 1);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO violation(account_id, day, kind) VALUES"
	    " ('a1', '2026-11-01', 'spam');"
	    "INSERT INTO appeal(account_id, first_day, last_day, status,"
	    " compensation_fen, created_at, created_by, updated_at, updated_by)"
	    " VALUES ('a1', '2026-11-02', '2026-11-03', 'approved', 2000, 'x',"
	    " 'x', 'x', 'x');"
	    "INSERT INTO wallet(account_id, day, kind, amount_fen, appeal_id)"
	    " VALUES ('a1', '2026-11-20', 'compensation', 2000, 1),"
	    " ('a1', '2026-11-20', 'settlement', 150, NULL);", &err),
	    "%s", err.msg);
	/* v1 swallowed the second identical entry */
	ck_assert(!db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen) VALUES ('a1', '2026-11-20', 'settlement', 150)", &err));
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM wallet"), 2);
	ck_assert_int_eq(test_query_int(db, "SELECT appeal_id FROM wallet WHERE"
	    " kind = 'compensation'"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM violation WHERE"
	    " overturned_by IS NULL AND overturned_on IS NULL"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM appeal WHERE"
	    " violation_id IS NULL AND compensation_fen = 2000"), 1);
	ck_assert_msg(db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen, entry_id) VALUES ('a1', '2026-11-20', 'settlement', 150,"
	    " 'T9')", &err), "%s", err.msg);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM wallet WHERE"
	    " amount_fen = 150"), 2);
	/* the wallet is still audited, with the entry id */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'wallet' AND json_extract(new, '$.entry_id') = 'T9'"), 1);
	/* one compensation entry per appeal */
	ck_assert(!db_exec(db, "INSERT INTO wallet(account_id, day, kind,"
	    " amount_fen, appeal_id) VALUES ('a1', '2026-11-21', 'compensation',"
	    " 2000, 1)", &err));
	db_close(db);
}
END_TEST

/* A v2 database (before issue 13's history): v3 carries every account's
 * and work's values over as their first values, in force since always,
 * and the engine judges the days as before. */
START_TEST(db_migrates_v2_attribute_history)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "v2.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 2, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id, kind, celebrity, certification,"
	    " plan_status, bank_card) VALUES ('a1', 'enterprise', 1, '农技师',"
	    " 'joined', 1), ('a2', 'personal', 0, NULL, 'pending', 0);"
	    "INSERT INTO work(work_id, account_id, visibility, selected) VALUES"
	    " ('w1', 'a1', 'self_only', 1);", &err), "%s", err.msg);
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(test_query_int(db,
	    "SELECT count(*) FROM account_history"), 10);
	ck_assert_int_eq(test_query_int(db,
	    "SELECT count(*) FROM work_history"), 7);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE effective_on <> '1970-01-01'"), 0);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE account_id = 'a1' AND attr = 'kind' AND value = 'enterprise'"),
	    1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM account_history"
	    " WHERE account_id = 'a2' AND attr = 'certification' AND value IS"
	    " NULL"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM work_history"
	    " WHERE work_id = 'w1' AND attr = 'selected' AND value = '1'"), 1);
	db_close(db);
}
END_TEST

/* A v3 database (before issue 17) with daily rows: v4 drops the by-day
 * index, keeps every row, and keeps each account's newest import. */
START_TEST(db_migrates_v3_drops_daily_by_day)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "v3.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 3, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id) VALUES ('w1', 'a1');"
	    "INSERT INTO import_run(id, file, checksum, who, started_at,"
	    " finished_at, outcome) VALUES (1, 'a.csv', 'x', 'op', 'x', 'x',"
	    " 'ok'), (2, 'b.csv', 'x', 'op', 'y', 'y', 'ok');"
	    "INSERT INTO daily(work_id, day, plays, import_id) VALUES"
	    " ('w1', '2026-11-01', 10, 1), ('w1', '2026-11-02', 20, 2);", &err),
	    "%s", err.msg);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'daily_by_day'"), 1);
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name = 'daily_by_day'"), 0);
	ck_assert_int_eq(test_query_int(db, "SELECT sum(plays) FROM daily"), 30);
	/* the newest import of each account's daily rows, kept by account */
	ck_assert_int_eq(test_query_int(db, "SELECT import_id FROM account_import"
	    " WHERE account_id = 'a1'"), 2);
	/* v5: the overview's sum per account-day, kept with its scores */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM"
	    " pragma_table_info('account_score') WHERE name = 'shown_fen'"), 1);
	db_close(db);
}
END_TEST

/* A v5 database (before issue 16's unknown review) with works that other
 * tables refer to: v6 rebuilds the work table to allow review 'unknown'
 * and keeps every row, the index, the audit triggers and the references
 * (foreign keys on again, still enforced). */
START_TEST(db_migrates_v5_review_unknown)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "v5.db");
	struct db *db;

	db = db_open(path, DB_OPEN_CREATE | DB_OPEN_NO_MIGRATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(schema_migrate_to(db, 5, &err), "%s", err.msg);
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id) VALUES ('a1');"
	    "INSERT INTO work(work_id, account_id, title, published_at, genre,"
	    " duration_s, visibility, review, original, infringing, commercial,"
	    " selected) VALUES ('w1', 'a1', '油旋', '2026-11-01 18:00', '美食',"
	    " 30, 'self_only', 'pending', 0, 1, 'ad', 1),"
	    " ('w2', 'a1', '把子肉', NULL, NULL, NULL, 'public', 'approved', 1,"
	    " 0, 'none', 0);"
	    "INSERT INTO daily(work_id, day, plays) VALUES ('w1', '2026-11-02',"
	    " 10), ('w2', '2026-11-02', 20);"
	    "INSERT INTO snapshot(work_id, as_of, plays) VALUES ('w1',"
	    " '2026-11-02', 10);"
	    "INSERT INTO violation(account_id, work_id, day, kind) VALUES"
	    " ('a1', 'w1', '2026-11-01', 'spam');"
	    "INSERT INTO work_history(work_id, attr, effective_on, value,"
	    " recorded_at) VALUES ('w1', 'review', '2026-11-01', 'pending', 'x');",
	    &err), "%s", err.msg);
	ck_assert(!db_exec(db, "UPDATE work SET review = 'unknown'", &err));
	db_close(db);

	memset(&err, 0, sizeof err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_int_eq(schema_version(db), SCHEMA_VERSION);
	/* every value carried */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM work WHERE"
	    " work_id = 'w1' AND account_id = 'a1' AND title = '油旋' AND"
	    " published_at = '2026-11-01 18:00' AND genre = '美食' AND"
	    " duration_s = 30 AND visibility = 'self_only' AND review ="
	    " 'pending' AND original = 0 AND infringing = 1 AND commercial ="
	    " 'ad' AND selected = 1"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM work WHERE"
	    " work_id = 'w2' AND published_at IS NULL AND genre IS NULL AND"
	    " duration_s IS NULL AND review = 'approved'"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT sum(plays) FROM daily"), 30);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM snapshot"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM violation"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM work_history"), 1);
	/* the index and the three audit triggers, as before */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'index' AND name = 'work_by_account' AND tbl_name ="
	    " 'work'"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE type = 'trigger' AND tbl_name = 'work'"), 3);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM sqlite_schema"
	    " WHERE name LIKE 'work_v%'"), 0);
	/* unknown is a review now, other words are not */
	ck_assert_msg(db_exec(db, "UPDATE work SET review = 'unknown' WHERE"
	    " work_id = 'w2'", &err), "%s", err.msg);
	ck_assert(!db_exec(db, "UPDATE work SET review = 'maybe'", &err));
	memset(&err, 0, sizeof err);
	/* the label that made it unknown, only with unknown */
	ck_assert_msg(db_exec(db, "UPDATE work SET review_label = '待定' WHERE"
	    " work_id = 'w2'", &err), "%s", err.msg);
	ck_assert(!db_exec(db, "UPDATE work SET review_label = '待定' WHERE"
	    " work_id = 'w1'", &err));
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'work' AND row_key = 'w2' AND"
	    " json_extract(new, '$.review_label') = '待定'"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE"
	    " tbl = 'work' AND row_key = 'w2' AND action = 'update' AND"
	    " json_extract(old, '$.review') = 'approved' AND"
	    " json_extract(new, '$.review') = 'unknown'"), 1);
	/* references still enforced */
	ck_assert_int_eq(test_query_int(db, "PRAGMA foreign_keys"), 1);
	ck_assert(!db_exec(db, "INSERT INTO daily(work_id, day) VALUES"
	    " ('nope', '2026-11-03')", &err));
	memset(&err, 0, sizeof err);
	ck_assert(!db_exec(db, "DELETE FROM work WHERE work_id = 'w1'", &err));
	memset(&err, 0, sizeof err);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM work"), 2);
	db_close(db);
}
END_TEST

START_TEST(db_refuses_newer_schema)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "newer.db");
	struct db *db;
	sqlite3 *raw;
	char *before, *after;
	long nb, na;

	db = db_open(path, DB_OPEN_CREATE, &err);
	ck_assert_ptr_nonnull(db);
	db_close(db);
	ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "PRAGMA journal_mode=DELETE; "
	    "PRAGMA user_version=99", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	test_read_file(path, &before, &nb);
	ck_assert_ptr_null(db_open(path, 0, &err));
	test_err_is(&err, PT_EXIT_DB, "%s was written by a newer partner-tui "
	    "(schema %lld, this program knows %d): upgrade partner-tui; the file "
	    "was left as it is");
	ck_assert_int_eq(err.arg[1].i, 99);
	ck_assert_int_eq(err.arg[2].i, SCHEMA_VERSION);
	test_read_file(path, &after, &na);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(before, after, (size_t)nb) == 0);
	free(before);
	free(after);
}
END_TEST

/* Issue 16, 11: a schema version no partner-tui writes is named as
 * damage, not as "not an error" (-1) or "table meta already exists" (0),
 * and the file is left as it was. */
START_TEST(db_refuses_impossible_schema_versions)
{
	static const char *const versions[] = { "-1", "0" };

	for (int i = 0; i < 2; i++) {
		struct pt_err err = { 0 };
		const char *path = test_path(test_tmp, i ? "zero.db" : "minus.db");
		struct db *db;
		sqlite3 *raw;
		char *before, *after, sql[128];
		long nb, na;

		db = db_open(path, DB_OPEN_CREATE, &err);
		ck_assert_ptr_nonnull(db);
		db_close(db);
		ck_assert_int_eq(sqlite3_open(path, &raw), SQLITE_OK);
		snprintf(sql, sizeof sql, "PRAGMA journal_mode=DELETE; "
		    "PRAGMA user_version=%s", versions[i]);
		ck_assert_int_eq(sqlite3_exec(raw, sql, NULL, NULL, NULL),
		    SQLITE_OK);
		sqlite3_close(raw);
		test_read_file(path, &before, &nb);
		ck_assert_ptr_null(db_open(path, 0, &err));
		test_err_is(&err, PT_EXIT_DB, "%s is a partner-tui database "
		    "with schema version %lld and %lld objects, which no "
		    "partner-tui writes: it is damaged; refusing to touch it "
		    "(restore a backup)");
		ck_assert_str_eq(test_err_str(&err, 0), path);
		ck_assert_int_eq(err.arg[1].i, atoll(versions[i]));
		test_read_file(path, &after, &na);
		ck_assert_int_eq(na, nb);
		ck_assert(memcmp(before, after, (size_t)nb) == 0);
		free(before);
		free(after);
	}
}
END_TEST

static Suite *
schema_suite(void)
{
	Suite *s = suite_create("schema");
	TCase *tc;

	tc = tcase_create("schema");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, db_creates_schema_with_permissions);
	tcase_add_test(tc, db_migrates_empty_sqlite_file);
	tcase_add_test(tc, db_migrates_v1_wallet_and_appeals);
	tcase_add_test(tc, db_migrates_v2_attribute_history);
	tcase_add_test(tc, db_migrates_v3_drops_daily_by_day);
	tcase_add_test(tc, db_migrates_v5_review_unknown);
	tcase_add_test(tc, db_refuses_newer_schema);
	tcase_add_test(tc, db_refuses_impossible_schema_versions);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(schema_suite());
}
