/* src/core/db.c: opening (foreign files refused untouched, permissions,
 * shared groups), transactions, the audit trail, changes seen from
 * another connection. */
#include "config.h"

#include <check.h>
#include <fcntl.h>
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/actor.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "testutil.h"

START_TEST(db_refuses_foreign_files_untouched)
{
	struct pt_err err = { 0 };
	const char *text = test_path(test_tmp, "notes.txt");
	const char *other = test_path(test_tmp, "other.db");
	char *before, *after;
	long nb, na;
	sqlite3 *raw;

	test_write_file(text, "just some notes, not a database\n", 32);
	ck_assert_ptr_null(db_open(text, DB_OPEN_CREATE, &err));
	test_err_is(&err, PT_EXIT_DB, "%s is not an SQLite database: refusing "
	    "to touch it; give another path with --db");
	ck_assert_str_eq(test_err_str(&err, 0), text);
	test_read_file(text, &after, &na);
	ck_assert_int_eq(na, 32);
	ck_assert(memcmp(after, "just some notes", 15) == 0);
	free(after);

	/* Another program's SQLite database. */
	ck_assert_int_eq(sqlite3_open(other, &raw), SQLITE_OK);
	ck_assert_int_eq(sqlite3_exec(raw, "CREATE TABLE songs(x); "
	    "INSERT INTO songs VALUES (1)", NULL, NULL, NULL), SQLITE_OK);
	sqlite3_close(raw);
	test_read_file(other, &before, &nb);
	err_clear(&err);
	ck_assert_ptr_null(db_open(other, DB_OPEN_CREATE, &err));
	test_err_is(&err, PT_EXIT_DB, "%s is an SQLite database of another "
	    "program (application id %#llx, %lld objects): refusing to touch "
	    "it; give another path with --db");
	ck_assert_str_eq(test_err_str(&err, 0), other);
	ck_assert(err.arg[1].u == 0);
	ck_assert_int_eq(err.arg[2].i, 1);
	test_read_file(other, &after, &na);
	ck_assert_int_eq(na, nb);
	ck_assert(memcmp(before, after, (size_t)nb) == 0);
	ck_assert_int_ne(access(test_path(test_tmp, "other.db-wal"), F_OK), 0);
	free(before);
	free(after);
}
END_TEST

START_TEST(db_missing_without_create)
{
	struct pt_err err = { 0 };

	ck_assert_ptr_null(db_open(test_path(test_tmp, "nope.db"), 0, &err));
	test_err_is(&err, PT_EXIT_DB, "cannot open database %s: %s%s");
	ck_assert_str_eq(test_err_str(&err, 0), test_path(test_tmp, "nope.db"));
	ck_assert_int_ne(access(test_path(test_tmp, "nope.db"), F_OK), 0);
}
END_TEST

START_TEST(db_audit_trail_records_actor)
{
	struct pt_err err = { 0 };
	struct db *db;
	sqlite3_stmt *st;

	/* A connection reads the address when it opens (whatever earlier
	 * connections of this process saw: CK_FORK=no runs them all in one). */
	setenv("SSH_CONNECTION", "10.1.2.3 5555 10.0.0.1 22", 1);
	db = db_open(test_path(test_tmp, "a.db"), DB_OPEN_CREATE, &err);
	ck_assert_ptr_nonnull(db);
	ck_assert(db_exec(db, "INSERT INTO account(account_id, name) VALUES "
	    "('a1', '济南小厨')", &err));
	ck_assert(db_exec(db, "UPDATE account SET kind='enterprise' WHERE "
	    "account_id='a1'", &err));
	ck_assert(db_exec(db, "UPDATE account SET kind='enterprise' WHERE "
	    "account_id='a1'", &err));	/* no change: no audit row */
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM audit WHERE "
	    "tbl='account' AND row_key='a1'"), 2);
	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, "SELECT who, client, "
	    "json_extract(old,'$.kind'), json_extract(new,'$.kind') FROM audit "
	    "WHERE action='update'", -1, &st, NULL), SQLITE_OK);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_ne((const char *)sqlite3_column_text(st, 0), "");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 1), "10.1.2.3");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 2), "personal");
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 3), "enterprise");
	sqlite3_finalize(st);
	unsetenv("SSH_CONNECTION");
	db_close(db);
}
END_TEST

START_TEST(db_transactions_nest_and_roll_back)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(test_path(test_tmp, "t.db"), DB_OPEN_CREATE, &err);

	ck_assert_ptr_nonnull(db);
	ck_assert(db_begin(db, &err));
	ck_assert(db_begin(db, &err));
	ck_assert(db_exec(db, "INSERT INTO account(account_id) VALUES ('x')", &err));
	ck_assert(db_commit(db, &err));	/* inner: nothing committed yet */
	db_rollback(db);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM account"), 0);
	ck_assert(db_begin(db, &err));
	ck_assert(db_exec(db, "INSERT INTO account(account_id) VALUES ('y')", &err));
	ck_assert(db_commit(db, &err));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM account"), 1);
	db_close(db);
}
END_TEST

START_TEST(db_sees_changes_from_other_connection)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "dv.db");
	struct db *a = db_open(path, DB_OPEN_CREATE, &err);
	struct db *b = db_open(path, 0, &err);

	ck_assert_ptr_nonnull(a);
	ck_assert_ptr_nonnull(b);
	ck_assert(!db_changed_elsewhere(a));
	ck_assert(db_exec(b, "INSERT INTO account(account_id) VALUES ('z')", &err));
	ck_assert(db_changed_elsewhere(a));
	ck_assert(!db_changed_elsewhere(a));
	/* Its own writes are not "elsewhere". */
	ck_assert(db_exec(a, "INSERT INTO account(account_id) VALUES ('w')", &err));
	ck_assert(!db_changed_elsewhere(a));
	db_close(a);
	db_close(b);
}
END_TEST

START_TEST(db_refuses_world_writable_and_foreign_owner)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, "p.db");
	struct db *db = db_open(path, DB_OPEN_CREATE, &err);

	ck_assert_ptr_nonnull(db);
	db_close(db);
	ck_assert_int_eq(chmod(path, 0666), 0);
	ck_assert_ptr_null(db_open(path, 0, &err));
	test_err_is(&err, PT_EXIT_DB, "%s is writable by every user (mode "
	    "%04o): anyone could change the figures; chmod o-w it (or 0600, or "
	    "0660 for a shared group) and try again");
	ck_assert_str_eq(test_err_str(&err, 0), path);
	ck_assert(err.arg[1].u == 0666);
	ck_assert_int_eq(chmod(path, 0600), 0);

	/* A world-writable directory without the sticky bit. */
	err_clear(&err);
	ck_assert_int_eq(chmod(test_tmp, 0777), 0);
	ck_assert_ptr_null(db_open(path, 0, &err));
	test_err_is(&err, PT_EXIT_DB, "the directory of %s is writable by every "
	    "user: anyone could replace the database; chmod o-w the directory "
	    "and try again");
	ck_assert_int_eq(chmod(test_tmp, 01777), 0);	/* like /test_tmp: fine */
	err_clear(&err);
	db = db_open(path, 0, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
	ck_assert_int_eq(chmod(test_tmp, 0700), 0);

	if (geteuid() == 0) {
		/* Another user's private database. */
		ck_assert_int_eq(chown(path, 65534, 65534), 0);
		err_clear(&err);
		ck_assert_ptr_null(db_open(path, 0, &err));
		test_err_is(&err, PT_EXIT_DB, "%s belongs to %s and is not "
		    "shared with a group of yours: ask its owner to share it "
		    "(partner-tui --shared-group GROUP, see partner-tui(1)) or "
		    "use your own with --db");
		ck_assert_str_eq(test_err_str(&err, 0), path);
	}
}
END_TEST

START_TEST(db_shared_group_creation)
{
	struct pt_err err = { 0 };
	const char *dir = test_path(test_tmp, "agency");
	char path[4096];
	struct stat st;
	struct group *gr = getgrgid(getegid());
	struct db *db;

	ck_assert_ptr_nonnull(gr);
	snprintf(path, sizeof path, "%s/shared.db", dir);
	db = db_open_shared(path, DB_OPEN_CREATE, gr->gr_name, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	db_close(db);
	ck_assert_int_eq(stat(path, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 0660);
	ck_assert_int_eq(st.st_gid, gr->gr_gid);
	ck_assert_int_eq(stat(dir, &st), 0);
	ck_assert_int_eq(st.st_mode & 07777, 02770);

	err_clear(&err);
	ck_assert_ptr_null(db_open_shared(test_path(test_tmp, "x/y.db"),
	    DB_OPEN_CREATE, "no-such-group-pt", &err));
	test_err_is(&err, PT_EXIT_USAGE, "group '%s' does not exist: create it "
	    "(groupadd %s) and add the operators to it");
	ck_assert_str_eq(test_err_str(&err, 0), "no-such-group-pt");
}
END_TEST

/* The step helpers every query of the core ends with. */
START_TEST(db_step_helpers)
{
	struct db *db = test_db_create(test_tmp, "s.db");
	struct pt_err err = { 0 };
	sqlite3_stmt *st;
	int rc;

	test_db_exec(db, "CREATE TABLE t(k TEXT PRIMARY KEY, v INTEGER);"
	    "INSERT INTO t VALUES ('a', 1), ('b', 2)");
	st = db_stmt(db, "INSERT INTO t VALUES (?1, 3)", &err);
	ck_assert_ptr_nonnull(st);
	db_bind_text(st, 1, "c");
	ck_assert(db_step_done(db, st, "adding", &err));
	/* A constraint is the data's fault: named with what was done. */
	db_bind_text(st, 1, "a");
	ck_assert(!db_step_done(db, st, "adding", &err));
	test_err_is(&err, PT_EXIT_DATA, "%s: %s");
	ck_assert_str_eq(test_err_str(&err, 0), "adding");
	ck_assert_ptr_nonnull(strstr(test_err_str(&err, 1), "UNIQUE"));

	st = db_stmt(db, "SELECT v FROM t WHERE k = ?1", &err);
	db_bind_text(st, 1, "c");
	ck_assert_int_eq(db_step_row(db, st, "reading", &err), DB_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 3);
	sqlite3_reset(st);
	db_bind_text(st, 1, "z");
	ck_assert_int_eq(db_step_row(db, st, "reading", &err), DB_NO_ROW);
	ck_assert_int_eq(db_lookup(db, "SELECT v FROM t WHERE k = ?1", "b",
	    &st, "reading", &err), DB_ROW);
	ck_assert_int_eq(sqlite3_column_int(st, 0), 2);
	sqlite3_reset(st);
	ck_assert_int_eq(db_lookup(db, "SELECT v FROM t WHERE k = ?1", NULL,
	    &st, "reading", &err), DB_NO_ROW);
	ck_assert_int_eq(db_lookup(db, "SELECT nope FROM t WHERE k = ?1", "b",
	    &st, "reading", &err), DB_STEP_FAILED);
	ck_assert_ptr_null(st);
	ck_assert_int_eq(db_scalar(db, "SELECT count(*) FROM t", NULL), 3);
	ck_assert_int_eq(db_scalar(db, "SELECT v FROM t WHERE 0", NULL), -1);
	ck_assert_int_eq(db_scalar(db, "SELECT nope FROM t", NULL), -1);

	st = db_stmt(db, "SELECT k FROM t ORDER BY k", &err);
	int n = 0;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		n++;
	ck_assert_int_eq(n, 3);
	ck_assert(db_rows_end(db, st, rc, "listing", &err));
	/* Left on a row: the loop stopped for want of memory. */
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	memset(&err, 0, sizeof err);
	ck_assert(!db_rows_end(db, st, SQLITE_ROW, "listing", &err));
	test_err_is(&err, PT_EXIT_DB, "out of memory");
	/* ... and it was reset: it starts again from the first row. */
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert_str_eq((const char *)sqlite3_column_text(st, 0), "a");
	sqlite3_reset(st);
	db_close(db);
}
END_TEST

/* Typed arguments: each binds as its type, in order, the "missing"
 * values (NULL text, DAY_NONE, an absent number) as NULL. */
START_TEST(db_typed_arguments)
{
	struct db *db = test_db_create(test_tmp, "a.db");
	struct pt_err err = { 0 };
	sqlite3_stmt *st;
	day_t d;

	ck_assert(day_parse_iso("2026-11-02", &d));
	test_db_exec(db, "CREATE TABLE t(s TEXT, i INTEGER, x REAL, d TEXT,"
	    " n INTEGER, m REAL)");
	ck_assert(db_run(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	    DB_ARGS(DB_TEXT("甲"), DB_INT(INT64_C(1) << 40), DB_REAL(2.5),
	    DB_DAY(d), DB_INT_IF(true, -3), DB_REAL_IF(true, 0.25)), "adding",
	    &err));
	ck_assert(db_run(db, "INSERT INTO t VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	    DB_ARGS(DB_TEXT(NULL), DB_INT(0), DB_REAL(0), DB_DAY(DAY_NONE),
	    DB_INT_IF(false, 7), DB_REAL_IF(false, 7)), "adding", &err));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM t WHERE"
	    " s = '甲' AND i = 1099511627776 AND typeof(i) = 'integer' AND"
	    " x = 2.5 AND d = '2026-11-02' AND n = -3 AND m = 0.25"), 1);
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM t WHERE"
	    " s IS NULL AND d IS NULL AND n IS NULL AND m IS NULL"), 1);
	ck_assert_int_eq(db_row(db, "SELECT i FROM t WHERE s = ?1 AND d = ?2",
	    DB_ARGS(DB_TEXT("甲"), DB_DAY(d)), &st, "reading", &err), DB_ROW);
	ck_assert_int_eq(sqlite3_column_int64(st, 0), INT64_C(1) << 40);
	sqlite3_reset(st);
	ck_assert_int_eq(db_row(db, "SELECT i FROM t WHERE s = ?1",
	    DB_ARGS(DB_TEXT("乙")), &st, "reading", &err), DB_NO_ROW);
	ck_assert_int_eq(db_row(db, "SELECT nope FROM t WHERE s = ?1",
	    DB_ARGS(DB_TEXT("甲")), &st, "reading", &err), DB_STEP_FAILED);
	ck_assert_ptr_null(st);
	/* a failed write names what was done */
	ck_assert(!db_run(db, "INSERT INTO nowhere VALUES (?1)",
	    DB_ARGS(DB_INT(1)), "adding", &err));
	ck_assert(db_run(db, "DELETE FROM t WHERE n = ?1", DB_ARGS(DB_INT(-3)),
	    "removing", &err));
	ck_assert_int_eq(test_query_int(db, "SELECT count(*) FROM t"), 1);
	db_close(db);
}
END_TEST

static void
read_v(sqlite3_stmt *st, void *item, const void *arg)
{
	*(int *)item = sqlite3_column_int(st, 0) * *(const int *)arg;
}

/* Rows into an array: never NULL when it worked, even with no rows. */
START_TEST(db_number_columns_and_flags)
{
	struct db *db = test_db_create(test_tmp, "n.db");
	struct pt_err err = { 0 };
	sqlite3_stmt *st = db_stmt(db, "SELECT 7, NULL, 2.5, NULL", &err);
	int64_t i = 99;
	double d = 99;
	bool flag;

	ck_assert_ptr_nonnull(st);
	ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
	ck_assert(db_col_int64(st, 0, &i));
	ck_assert_int_eq(i, 7);
	ck_assert(!db_col_int64(st, 1, &i));
	ck_assert_int_eq(i, 0);
	ck_assert(db_col_double(st, 2, &d));
	ck_assert(d == 2.5);
	ck_assert(!db_col_double(st, 3, &d));
	ck_assert(d == 0);
	sqlite3_reset(st);

	/* a flag by key: a row with 1, a row with 0, no row */
	test_db_exec(db, "CREATE TABLE f(k TEXT, v INTEGER);"
	    "INSERT INTO f VALUES ('y', 1), ('n', 0)");
	ck_assert(db_lookup_flag(db, "SELECT v FROM f WHERE k = ?1", "y", &flag,
	    "reading", &err) && flag);
	ck_assert(db_lookup_flag(db, "SELECT v FROM f WHERE k = ?1", "n", &flag,
	    "reading", &err) && !flag);
	flag = true;
	ck_assert(db_lookup_flag(db, "SELECT v FROM f WHERE k = ?1", "z", &flag,
	    "reading", &err) && !flag);
	db_close(db);
}
END_TEST

START_TEST(db_read_rows_arrays)
{
	struct db *db = test_db_create(test_tmp, "r.db");
	struct pt_err err = { 0 };
	sqlite3_stmt *st;
	int *v, times = 10;
	size_t n = 99;

	test_db_exec(db, "CREATE TABLE t(v INTEGER);"
	    "WITH RECURSIVE c(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM c"
	    " WHERE i < 100) INSERT INTO t SELECT i FROM c");
	st = db_stmt(db, "SELECT v FROM t WHERE v > ?1 ORDER BY v", &err);
	sqlite3_bind_int(st, 1, 1000);
	v = db_read_rows(db, st, sizeof *v, read_v, &times, &n, "reading", &err);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(n, 0);
	free(v);
	st = db_stmt(db, "SELECT v FROM t WHERE v > ?1 ORDER BY v", &err);
	sqlite3_bind_int(st, 1, 40);
	v = db_read_rows(db, st, sizeof *v, read_v, &times, &n, "reading", &err);
	ck_assert_ptr_nonnull(v);
	ck_assert_uint_eq(n, 60);
	ck_assert_int_eq(v[0], 410);
	ck_assert_int_eq(v[59], 1000);
	free(v);
	db_close(db);
}
END_TEST

static Suite *
db_suite(void)
{
	Suite *s = suite_create("db");
	TCase *tc;

	tc = tcase_create("db");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, db_refuses_foreign_files_untouched);
	tcase_add_test(tc, db_missing_without_create);
	tcase_add_test(tc, db_audit_trail_records_actor);
	tcase_add_test(tc, db_transactions_nest_and_roll_back);
	tcase_add_test(tc, db_sees_changes_from_other_connection);
	tcase_add_test(tc, db_refuses_world_writable_and_foreign_owner);
	tcase_add_test(tc, db_shared_group_creation);
	tcase_add_test(tc, db_step_helpers);
	tcase_add_test(tc, db_typed_arguments);
	tcase_add_test(tc, db_read_rows_arrays);
	tcase_add_test(tc, db_number_columns_and_flags);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(db_suite());
}
