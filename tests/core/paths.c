/* src/core/paths.c: where the database is by default. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <sys/stat.h>

#include "core/paths.h"
#include "testutil.h"

START_TEST(paths_follow_environment)
{
	struct pt_err err = { 0 };
	char *p;

	setenv("XDG_DATA_HOME", test_tmp, 1);
	unsetenv("PARTNER_TUI_DB");
	p = paths_default_db(&err);
	ck_assert_str_eq(p, test_path(test_tmp, "partner-tui/partner.db"));
	free(p);
	p = paths_demo_db(&err);
	ck_assert_str_eq(p, test_path(test_tmp, "partner-tui/demo.db"));
	free(p);
	{
		struct stat st;
		ck_assert_int_eq(stat(test_path(test_tmp, "partner-tui"), &st), 0);
		ck_assert_int_eq(st.st_mode & 0777, 0700);
	}
	setenv("PARTNER_TUI_DB", "/srv/agency/shared.db", 1);
	p = paths_default_db(&err);
	ck_assert_str_eq(p, "/srv/agency/shared.db");
	free(p);
	unsetenv("PARTNER_TUI_DB");
	setenv("XDG_DATA_HOME", "relative/is/ignored", 1);
	setenv("HOME", test_tmp, 1);
	p = paths_default_db(&err);
	ck_assert_str_eq(p, test_path(test_tmp,
	    ".local/share/partner-tui/partner.db"));
	free(p);
	unsetenv("XDG_DATA_HOME");
}
END_TEST

static Suite *
paths_suite(void)
{
	Suite *s = suite_create("paths");
	TCase *tc;

	tc = tcase_create("paths");
	tcase_add_checked_fixture(tc, test_tmp_setup, test_tmp_teardown);
	tcase_add_test(tc, paths_follow_environment);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(paths_suite());
}
