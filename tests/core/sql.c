/* src/core/sql/: every statement the core keeps there prepares against
 * a database the core has just created at the current schema, so a query
 * naming a missing table or column fails here even when the code path
 * that runs it is rare. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/db_internal.h"
#include "sql_list.h"
#include "testutil.h"

/* Prepares each statement of s->text in turn; on the first failure,
 * false with where and why in msg. */
static bool
prepares(sqlite3 *sql, const struct sql_statement *s, char *msg,
    size_t size)
{
	const char *p = s->text;
	int n = 0;

	while (*p != '\0') {
		sqlite3_stmt *st = NULL;
		const char *tail = p;

		if (sqlite3_prepare_v2(sql, p, -1, &st, &tail) != SQLITE_OK) {
			snprintf(msg, size, "%s:%d: %s: %s", s->file, s->line,
			    s->name, sqlite3_errmsg(sql));
			return false;
		}
		if (st != NULL)
			n++;
		sqlite3_finalize(st);
		p = tail;
	}
	if (n == 0) {
		snprintf(msg, size, "%s:%d: %s: no statement", s->file,
		    s->line, s->name);
		return false;
	}
	return true;
}

/* One database for every statement: made once, before the tests fork. */
static char *dir;
static const char *path;

static void
make_db(void)
{
	dir = test_tmpdir();
	db_close(test_db_create(dir, "sql.db"));
	path = test_path(dir, "sql.db");
}

static void
remove_db(void)
{
	test_tmpdir_cleanup(dir);
}

static int
statements(void)
{
	int n = 0;

	while (sql_statements[n].name != NULL)
		n++;
	return n;
}

/* Statement _i of the list (a test each, so each failure is named). */
START_TEST(sql_statement_prepares)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(path, 0, &err);
	char msg[512];

	ck_assert_msg(db != NULL, "%s", err.msg);
	ck_assert_msg(prepares(db->sql, &sql_statements[_i], msg, sizeof msg),
	    "%s", msg);
	db_close(db);
}
END_TEST

/* The list is the files': every .sql file, 139 statements when it was
 * made (an empty list would leave nothing to prepare). */
START_TEST(sql_list_is_whole)
{
	const struct sql_statement *s;

	ck_assert_int_gt(statements(), 100);
	for (s = sql_statements; s->name != NULL; s++) {
		ck_assert_msg(strncmp(s->file, "src/core/sql/", 13) == 0,
		    "%s", s->file);
		ck_assert(s->line > 0 && *s->text != '\0');
	}
}
END_TEST

/* The check itself: a statement naming a column the schema lacks, or
 * a second statement of a text that is broken, is reported by file,
 * line and name. */
START_TEST(sql_broken_statement_is_named)
{
	static const struct sql_statement bad[] = {
		{ "src/core/sql/x.sql", 7, "SQL_NO_COLUMN",
		    "SELECT no_such_column FROM account" },
		{ "src/core/sql/x.sql", 9, "SQL_SECOND_BAD",
		    "DELETE FROM dirty; DELETE FROM no_such_table" },
		{ "src/core/sql/x.sql", 11, "SQL_EMPTY", "  " },
	};
	struct db *db = test_db_create(test_tmp, "sql.db");
	char msg[512];

	ck_assert(!prepares(db->sql, &bad[0], msg, sizeof msg));
	ck_assert_str_eq(msg, "src/core/sql/x.sql:7: SQL_NO_COLUMN: "
	    "no such column: no_such_column");
	ck_assert(!prepares(db->sql, &bad[1], msg, sizeof msg));
	ck_assert_str_eq(msg, "src/core/sql/x.sql:9: SQL_SECOND_BAD: "
	    "no such table: no_such_table");
	ck_assert(!prepares(db->sql, &bad[2], msg, sizeof msg));
	ck_assert_str_eq(msg, "src/core/sql/x.sql:11: SQL_EMPTY: "
	    "no statement");
	db_close(db);
}
END_TEST

int
main(void)
{
	Suite *suite = suite_create("sql");
	TCase *each = tcase_create("each statement");
	TCase *check = tcase_create("the check");

	tcase_add_unchecked_fixture(each, make_db, remove_db);
	tcase_add_loop_test(each, sql_statement_prepares, 0, statements());
	tcase_add_test(each, sql_list_is_whole);
	tcase_add_checked_fixture(check, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(check, sql_broken_statement_is_named);
	suite_add_tcase(suite, each);
	suite_add_tcase(suite, check);
	return test_run_suite(suite);
}
