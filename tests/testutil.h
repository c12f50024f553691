/* Helpers shared by the Check suites: temporary directories that clean
 * themselves up, days, a database to fill, and the suite runner. */
#ifndef PT_TESTUTIL_H
#define PT_TESTUTIL_H

#include <stdint.h>

#include "core/day.h"
#include "core/err.h"

struct db;

/* A fresh directory under $TMPDIR (or /tmp); removed by test_tmpdir_cleanup. */
char *test_tmpdir(void);
void test_tmpdir_cleanup(char *dir);
/* dir + "/" + name in a static rotating buffer. */
const char *test_path(const char *dir, const char *name);
/* A checked fixture: test_tmp is a fresh directory for each test. */
extern char *test_tmp;
void test_tmp_setup(void);
void test_tmp_teardown(void);

/* The day of "YYYY-MM-DD"; fails the test on anything else. */
day_t test_day(const char *iso);
/* A new database (schema created) at dir/name; fails the test if not. */
struct db *test_db_create(const char *dir, const char *name);
/* Runs SQL (several statements) on db; fails the test with its error. */
void test_db_exec(struct db *db, const char *sql);
/* The first column of the first row of a query, -1 without a row. */
int64_t test_query_int(struct db *db, const char *sql);
/* A whole file in *data (NUL-terminated, free it), its size in *len. */
void test_read_file(const char *path, char **data, long *len);

/* Writes a file with the given bytes; aborts the test on failure. */
void test_write_file(const char *path, const void *data, long len);

/* Asserts that err is set with code and id (its format as written, the
 * msgid: never the words of a locale); test_err_str: its string argument
 * i (the test fails when argument i is not a string). */
void test_err_is(const struct pt_err *err, int code, const char *id);
const char *test_err_str(const struct pt_err *err, int i);

/* Runs one suite the way every check_* program does: C.UTF-8 for the
 * character type, CK_VERBOSITY honoured; the exit status for automake
 * (0 passed, 1 failed). */
struct Suite;
int test_run_suite(struct Suite *suite);

#endif
