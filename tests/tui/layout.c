/* src/tui/layout.c: the screen cut into tabs, body and status line,
 * and too small below 80x24. */
#include "config.h"

#include <check.h>

#include "testutil.h"
#include "tui/layout.h"

START_TEST(layout_sizes)
{
	struct layout l;
	char buf[256];

	layout_compute(80, 24, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "80x24 tabs=0,0,1,80 body=1,0,22,80 status=23,0,1,80");
	layout_compute(132, 43, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "132x43 tabs=0,0,1,132 body=1,0,41,132 "
	    "status=42,0,1,132");
	layout_compute(79, 24, &l);
	ck_assert(l.too_small);
	layout_compute(80, 23, &l);
	ck_assert(l.too_small);
	layout_compute(60, 20, &l);
	layout_describe(&l, buf, sizeof buf);
	ck_assert_str_eq(buf, "60x20 too-small");
	layout_compute(1, 1, &l);
	ck_assert(l.too_small);
}
END_TEST

static Suite *
layout_suite(void)
{
	Suite *s = suite_create("layout");
	TCase *tc = tcase_create("layout");

	tcase_add_test(tc, layout_sizes);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(layout_suite());
}
