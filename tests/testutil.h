/* Helpers shared by the Check suites: temporary directories that clean
 * themselves up. */
#ifndef PT_TESTUTIL_H
#define PT_TESTUTIL_H

/* A fresh directory under $TMPDIR (or /tmp); removed by test_tmpdir_cleanup. */
char *test_tmpdir(void);
void test_tmpdir_cleanup(char *dir);
/* dir + "/" + name in a static rotating buffer. */
const char *test_path(const char *dir, const char *name);
/* Writes a file with the given bytes; aborts the test on failure. */
void test_write_file(const char *path, const void *data, long len);

/* Runs one suite the way every check_* program does: C.UTF-8 for the
 * character type, CK_VERBOSITY honoured; the exit status for automake
 * (0 passed, 1 failed). */
struct Suite;
int test_run_suite(struct Suite *suite);

#endif
