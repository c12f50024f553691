/* src/tui/draw.c: text made safe for the screen (escapes shown, ASCII
 * without UTF-8). */
#include "config.h"

#include <check.h>
#include <stdlib.h>

#include "testutil.h"
#include "tui/draw.h"

START_TEST(draw_clean_escapes_and_ascii)
{
	char *s;

	draw_set_utf8(true);
	s = draw_clean("evil\x1b]0;pwned\a\rX 中");
	ck_assert_str_eq(s, "evil^[]0;pwned^G^MX 中");
	free(s);
	draw_set_utf8(false);
	s = draw_clean("¥5 中文…");
	ck_assert_str_eq(s, "Y5 ????~");
	free(s);
	draw_set_utf8(true);
}
END_TEST

static Suite *
draw_suite(void)
{
	Suite *s = suite_create("draw");
	TCase *tc = tcase_create("draw");

	tcase_add_test(tc, draw_clean_escapes_and_ascii);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(draw_suite());
}
