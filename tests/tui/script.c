/* src/tui/script.c: the script file that drives the TUI in tests,
 * each step parsed, an error naming its line. */
#include "config.h"

#include <check.h>
#include <string.h>

#include "testutil.h"
#include "tui/keys.h"
#include "tui/script.h"

START_TEST(script_parse)
{
	const char *path = test_path(test_tmp, "s.txt");
	const char text[] = "# c\n\nkey Tab Left q\ntype ab\nscreen out.txt\n"
	    "model m.txt\nresize 90 30\nwait-change 100\nbogus\nquit\n";
	struct pt_err err = { 0 };
	struct script_step st;
	struct script *s;

	test_write_file(path, text, (long)strlen(text));
	s = script_open(path, &err);
	ck_assert_ptr_nonnull(s);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == '\t' && !st.fkey);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == KEY_LEFT && st.fkey);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'q');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'a');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_KEY && st.ch == 'b');
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_SCREEN);
	ck_assert_str_eq(st.arg, "out.txt");
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_MODEL);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_RESIZE && st.cols == 90 && st.rows == 30);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_RELOAD_WAIT && st.ms == 100);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_ERROR);
	ck_assert_msg(strstr(st.arg, "line 9") != NULL, "%s", st.arg);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_QUIT);
	script_next(s, &st);
	ck_assert(st.kind == SCRIPT_END);
	script_close(s);
	ck_assert_ptr_null(script_open(test_path(test_tmp, "missing"), &err));
	ck_assert_int_eq(err.code, 2);
}
END_TEST

static Suite *
script_suite(void)
{
	Suite *s = suite_create("script");
	TCase *tc = tcase_create("script");

	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, script_parse);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(script_suite());
}
