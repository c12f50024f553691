/* src/core/text.c: display width, fitting, sanitising, UTF-8. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "testutil.h"

START_TEST(text_width_and_fit)
{
	char out[64];

	ck_assert_int_eq(text_width("abc"), 3);
	ck_assert_int_eq(text_width("济南"), 4);
	ck_assert_int_eq(text_width("e\xcc\x81"), 1);	/* e + combining acute */
	ck_assert_int_eq(text_width("\xf0\x9f\x98\x80"), 2);	/* 😀 */
	ck_assert_int_eq(text_fit(out, sizeof out, "济南短视频运营", 7, "…"), 7);
	ck_assert_str_eq(out, "济南短…");
	/* a wide char never straddles the cut: 6 columns -> 2 chars + … */
	ck_assert_int_eq(text_fit(out, sizeof out, "济南短视频运营", 6, "…"), 5);
	ck_assert_str_eq(out, "济南…");
	ck_assert_int_eq(text_fit(out, sizeof out, "short", 10, "…"), 5);
	ck_assert_str_eq(out, "short");
}
END_TEST

/* A copy cut to its buffer ends on a whole character. */
START_TEST(text_copy_cut_whole_characters)
{
	char b[8];

	text_copy_cut(b, sizeof b, "abc", 3);
	ck_assert_str_eq(b, "abc");
	text_copy_cut(b, sizeof b, "abcdef\nxyz", 6);
	ck_assert_str_eq(b, "abcdef");
	/* 7 bytes fit: two 3-byte characters, not the third's first byte */
	text_copy_cut(b, sizeof b, "泉城美食", strlen("泉城美食"));
	ck_assert_str_eq(b, "泉城");
	text_copy_cut(b, sizeof b, "a泉城美食", strlen("a泉城美食"));
	ck_assert_str_eq(b, "a泉城");
	text_copy_cut(b, 1, "abc", 3);
	ck_assert_str_eq(b, "");
}
END_TEST

/* Characters, not bytes: a bad byte counts as one, a prefix as told. */
START_TEST(text_chars_counts_code_points)
{
	ck_assert_uint_eq(text_chars("", 0), 0);
	ck_assert_uint_eq(text_chars("abc", 3), 3);
	ck_assert_uint_eq(text_chars("泉城美食", strlen("泉城美食")), 4);
	ck_assert_uint_eq(text_chars("a泉城", 4), 2);
	ck_assert_uint_eq(text_chars("x\xff\xfey", 4), 4);
}
END_TEST

START_TEST(text_sanitize_controls)
{
	char *s;

	s = text_sanitize("a\x1b]0;pwned\x07z\r", 0);
	ck_assert_str_eq(s, "a^[]0;pwned^Gz^M");
	free(s);
	s = text_sanitize("x\xc2\x9b" "31m", 0);	/* C1 CSI */
	ck_assert_str_eq(s, "x<U+009B>31m");
	free(s);
	s = text_sanitize("ab\xe2\x80\xae" "cd", 0);	/* RLO */
	ck_assert_str_eq(s, "ab<U+202E>cd");
	free(s);
	s = text_sanitize("bad\xff\xfe!", 0);
	ck_assert_str_eq(s, "bad\\xFF\\xFE!");
	free(s);
	s = text_sanitize("two\nlines\tand tab\x7f", TEXT_ONE_LINE);
	ck_assert_str_eq(s, "two lines and tab^?");
	free(s);
	s = text_sanitize("中文 ok 😀", 0);
	ck_assert_str_eq(s, "中文 ok 😀");
	free(s);
}
END_TEST

START_TEST(text_utf8_validation)
{
	size_t bad = 0;

	ck_assert(text_utf8_valid("中文", strlen("中文"), NULL));
	ck_assert(!text_utf8_valid("ab\xc0\xaf", 4, &bad));	/* overlong */
	ck_assert_int_eq(bad, 2);
	ck_assert(!text_utf8_valid("\xed\xa0\x80", 3, &bad));	/* surrogate */
	ck_assert(!text_utf8_valid("\xe4\xb8", 2, &bad));	/* truncated */
}
END_TEST

/* Issue 16, 8: serialised JSON keeps no raw C1, DEL or bidi control. */
START_TEST(text_json_safe_escapes)
{
	char *s = text_json_safe("{\"t\":\"c1 \xc2\x9b" "31m bidi \xe2\x80\xae"
	    "x\xe2\x80\xac del \x7f ok 长 \xff\"}");

	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "{\"t\":\"c1 \\u009b31m bidi \\u202ex\\u202c "
	    "del \\u007f ok 长 \\ufffd\"}");
	free(s);
}
END_TEST

START_TEST(text_contains_ascii_case)
{
	ck_assert(text_contains("Jinan Farm", "FARM"));
	ck_assert(text_contains("济南泉城", "泉城"));
	ck_assert(text_contains("abc", ""));
	ck_assert(text_contains("abc", NULL));
	ck_assert(!text_contains("abc", "abcd"));
	ck_assert(!text_contains("", "a"));
	/* bytes above ASCII match only as given */
	ck_assert(!text_contains("\xc3\xa9", "\xc3\x89"));
}
END_TEST

static Suite *
text_suite(void)
{
	Suite *s = suite_create("text");
	TCase *tc;

	tc = tcase_create("text");
	tcase_add_test(tc, text_width_and_fit);
	tcase_add_test(tc, text_copy_cut_whole_characters);
	tcase_add_test(tc, text_chars_counts_code_points);
	tcase_add_test(tc, text_sanitize_controls);
	tcase_add_test(tc, text_utf8_validation);
	tcase_add_test(tc, text_json_safe_escapes);
	tcase_add_test(tc, text_contains_ascii_case);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(text_suite());
}
