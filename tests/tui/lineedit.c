/* src/tui/lineedit.c, the form's line editor, without curses: wide
 * characters under every editing key, wrapping by display width, pasted
 * text as text. */
#include "config.h"

#include <check.h>
#include <locale.h>
#include <string.h>

#include "tui/lineedit.h"
#include "testutil.h"

static struct lineedit le;

static void
type(const char *s)
{
	ck_assert_int_eq(lineedit_insert(&le, s, strlen(s)), LE_CHANGED);
}

static void
keys(unsigned k, int times)
{
	for (int i = 0; i < times; i++)
		lineedit_key(&le, k);
}

/* The text with a '|' where the cursor is. */
static const char *
shown(void)
{
	static char buf[LINEEDIT_BUFSZ + 2];

	memcpy(buf, le.buf, le.cur);
	buf[le.cur] = '|';
	strcpy(buf + le.cur + 1, le.buf + le.cur);
	return buf;
}

START_TEST(cursor_moves_over_whole_wide_characters)
{
	lineedit_init(&le, false, 0);
	type("ab济南c");
	ck_assert_str_eq(shown(), "ab济南c|");
	keys(LE_LEFT, 1);
	ck_assert_str_eq(shown(), "ab济南|c");
	keys(LE_LEFT, 1);
	ck_assert_str_eq(shown(), "ab济|南c");
	keys(2, 1);	/* Ctrl-B */
	ck_assert_str_eq(shown(), "ab|济南c");
	keys(LE_RIGHT, 1);
	ck_assert_str_eq(shown(), "ab济|南c");
	keys(LE_BACKSPACE, 1);
	ck_assert_str_eq(shown(), "ab|南c");
	keys(LE_DELETE, 1);
	ck_assert_str_eq(shown(), "ab|c");
	type("😀");
	keys(LE_LEFT, 1);
	keys(4, 1);	/* Ctrl-D deletes the 4-byte emoji whole */
	ck_assert_str_eq(shown(), "ab|c");
	keys(127, 2);
	ck_assert_str_eq(shown(), "|c");
	ck_assert_int_eq(lineedit_key(&le, LE_BACKSPACE), LE_MOVED);
	ck_assert_int_eq(le.len, 1);
}
END_TEST

START_TEST(combining_mark_moves_with_its_base)
{
	lineedit_init(&le, false, 0);
	type("xe\xcc\x81y");	/* e + COMBINING ACUTE */
	keys(LE_LEFT, 2);
	ck_assert_str_eq(shown(), "x|e\xcc\x81y");
	keys(LE_DELETE, 1);
	ck_assert_str_eq(shown(), "x|y");
	lineedit_set(&le, "e\xcc\x81", 2);	/* inside the mark: pulled back */
	ck_assert_int_eq(le.cur, 0);
	lineedit_set(&le, "济南", 2);	/* inside 济: back to its start */
	ck_assert_int_eq(le.cur, 0);
	lineedit_set(&le, "济南", 99);
	ck_assert_int_eq(le.cur, 6);
}
END_TEST

START_TEST(home_end_and_kills)
{
	lineedit_init(&le, true, 0);
	type("第一行\n第二行，还有 more words");
	keys(1, 1);	/* Ctrl-A: start of this line, not of the text */
	ck_assert_str_eq(shown(), "第一行\n|第二行，还有 more words");
	keys(5, 1);	/* Ctrl-E */
	ck_assert_str_eq(shown(), "第一行\n第二行，还有 more words|");
	keys(23, 1);	/* Ctrl-W: one word */
	ck_assert_str_eq(shown(), "第一行\n第二行，还有 more |");
	keys(23, 1);
	ck_assert_str_eq(shown(), "第一行\n第二行，还有 |");
	keys(23, 1);	/* a Chinese run up to its comma */
	ck_assert_str_eq(shown(), "第一行\n第二行，|");
	keys(23, 1);
	ck_assert_str_eq(shown(), "第一行\n第二行|");
	keys(LE_LEFT, 2);
	keys(11, 1);	/* Ctrl-K: to the end of the line */
	ck_assert_str_eq(shown(), "第一行\n第|");
	keys(21, 1);	/* Ctrl-U: to the start of the line */
	ck_assert_str_eq(shown(), "第一行\n|");
	keys(LE_HOME, 1);
	keys(LE_LEFT, 1);
	ck_assert_str_eq(shown(), "第一行|\n");
	keys(11, 1);	/* at a line's end Ctrl-K joins the next line */
	ck_assert_str_eq(shown(), "第一行|");
	keys(LE_HOME, 1);
	ck_assert_str_eq(shown(), "|第一行");
	keys(LE_END, 1);
	ck_assert_str_eq(shown(), "第一行|");
}
END_TEST

START_TEST(word_moves)
{
	lineedit_init(&le, false, 0);
	type("作品原创，not copied 请复核");
	keys(LE_HOME, 1);
	keys(LE_WORD_RIGHT, 1);
	ck_assert_str_eq(shown(), "作品原创|，not copied 请复核");
	keys(LE_WORD_RIGHT, 1);
	ck_assert_str_eq(shown(), "作品原创，|not copied 请复核");
	keys(LE_WORD_RIGHT, 2);
	ck_assert_str_eq(shown(), "作品原创，not copied| 请复核");
	keys(LE_WORD_LEFT, 1);
	ck_assert_str_eq(shown(), "作品原创，not |copied 请复核");
	keys(LE_WORD_RIGHT, 3);
	ck_assert_str_eq(shown(), "作品原创，not copied 请复核|");
}
END_TEST

START_TEST(paste_is_text_never_commands)
{
	static const char paste[] = "a\r\nb\x1b[201~c\td\x07\x03\x15"
	    "\xe2\x80\xae" "e\xff" "f";

	lineedit_init(&le, false, 0);
	ck_assert_int_eq(lineedit_insert(&le, paste, sizeof paste - 1), LE_CHANGED);
	/* ESC, BEL, Ctrl-C, Ctrl-U, RLO and a bad byte are dropped; the
	 * newline and tab are spaces; nothing was executed (Ctrl-U did not
	 * clear the line). */
	ck_assert_str_eq(shown(), "a b[201~c def|");
	lineedit_init(&le, true, 0);
	ck_assert_int_eq(lineedit_insert(&le, "x\r\ny\rz\n", 7), LE_CHANGED);
	ck_assert_str_eq(shown(), "x\ny\nz\n|");
	/* Enter is a newline only where there can be lines. */
	lineedit_init(&le, false, 0);
	ck_assert_int_eq(lineedit_key(&le, LE_NEWLINE), LE_IGNORED);
	ck_assert_int_eq(lineedit_key(&le, 27), LE_IGNORED);
	ck_assert_int_eq(lineedit_key(&le, 0x202e), LE_IGNORED);
	ck_assert_int_eq(le.len, 0);
}
END_TEST

START_TEST(limits_cut_at_characters)
{
	lineedit_init(&le, true, 5);
	ck_assert_int_eq(lineedit_insert(&le, "一二三四五六七", strlen("一二三四五六七")),
	    LE_CHANGED);
	ck_assert_str_eq(le.buf, "一二三四五");
	ck_assert_int_eq(lineedit_chars(&le), 5);
	ck_assert_int_eq(lineedit_key(&le, 'x'), LE_REFUSED);
	keys(LE_BACKSPACE, 1);
	ck_assert_int_eq(lineedit_key(&le, 'x'), LE_CHANGED);
	/* The byte limit never splits a character. */
	lineedit_init(&le, true, 0);
	for (int i = 0; i < LINEEDIT_BUFSZ; i++)
		lineedit_insert(&le, "汉", 3);
	ck_assert_int_lt(le.len, LINEEDIT_BUFSZ);
	ck_assert_int_eq(le.len % 3, 0);
}
END_TEST

START_TEST(wraps_by_display_width)
{
	struct lineedit_row rows[16];
	int n, r, c;

	lineedit_init(&le, true, 0);
	type("济南短视频运营的故事");	/* 20 columns */
	n = lineedit_layout(&le, 10, rows, 16, &r, &c);
	/* 5 characters fill 10 columns: the cursor after them starts a row. */
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(rows[0].width, 10);
	ck_assert_int_eq(rows[0].end - rows[0].start, 15);
	ck_assert_int_eq(r, 2);
	ck_assert_int_eq(c, 0);
	/* At an odd width a wide character never straddles the edge. */
	n = lineedit_layout(&le, 9, rows, 16, &r, &c);
	ck_assert_int_eq(n, 3);
	ck_assert_int_eq(rows[0].width, 8);
	ck_assert_int_eq(rows[1].width, 8);
	ck_assert_int_eq(rows[2].width, 4);
	ck_assert_int_eq(r, 2);
	ck_assert_int_eq(c, 4);
	/* Mixed text and a hard newline. */
	lineedit_set(&le, "ab中\ncd", 5);	/* after 中 */
	n = lineedit_layout(&le, 3, rows, 16, &r, &c);
	ck_assert_int_eq(n, 3);		/* "ab", "中", "cd" */
	ck_assert_int_eq(rows[0].width, 2);
	ck_assert_int_eq(rows[1].width, 2);
	ck_assert_int_eq(rows[2].start, 6);
	ck_assert_int_eq(r, 1);
	ck_assert_int_eq(c, 2);
	/* Before a wide character pushed to the next row: on that row. */
	lineedit_set(&le, "ab中\ncd", 2);
	lineedit_layout(&le, 3, rows, 16, &r, &c);
	ck_assert_int_eq(r, 1);
	ck_assert_int_eq(c, 0);
	/* Issue 16, 11: controls are drawn as escapes ("a^[[b<U+202E>c"),
	 * and the cursor counts them as drawn. */
	lineedit_set(&le, "a\x1b[b\xe2\x80\xae" "c", 100);
	n = lineedit_layout(&le, 80, rows, 16, &r, &c);
	ck_assert_int_eq(n, 1);
	ck_assert_int_eq(r, 0);
	ck_assert_int_eq(c, 1 + 2 + 1 + 1 + 8 + 1);
	ck_assert_int_eq(rows[0].width, 14);
	lineedit_set(&le, "a\x1b[b\xe2\x80\xae" "c", 3);	/* before 'b' */
	lineedit_layout(&le, 80, rows, 16, &r, &c);
	ck_assert_int_eq(c, 4);
}
END_TEST

START_TEST(up_down_keep_the_column)
{
	lineedit_init(&le, true, 0);
	le.width = 10;
	type("abcdefghij1234济南\nxy");
	lineedit_set(&le, le.buf, 3);	/* after "abc" */
	ck_assert_int_eq(lineedit_key(&le, LE_DOWN), LE_MOVED);
	ck_assert_str_eq(shown(), "abcdefghij123|4济南\nxy");
	keys(LE_DOWN, 1);	/* the short row: its end */
	ck_assert_str_eq(shown(), "abcdefghij1234济南\nxy|");
	keys(LE_UP, 1);		/* the goal column (3) is kept */
	ck_assert_str_eq(shown(), "abcdefghij123|4济南\nxy");
	keys(LE_UP, 1);
	ck_assert_str_eq(shown(), "abc|defghij1234济南\nxy");
	ck_assert_int_eq(lineedit_key(&le, LE_UP), LE_IGNORED);
	lineedit_init(&le, false, 0);
	ck_assert_int_eq(lineedit_key(&le, LE_DOWN), LE_IGNORED);
}
END_TEST

static Suite *
lineedit_suite(void)
{
	Suite *s = suite_create("lineedit");
	TCase *tc = tcase_create("edit");

	tcase_add_test(tc, cursor_moves_over_whole_wide_characters);
	tcase_add_test(tc, combining_mark_moves_with_its_base);
	tcase_add_test(tc, home_end_and_kills);
	tcase_add_test(tc, word_moves);
	tcase_add_test(tc, paste_is_text_never_commands);
	tcase_add_test(tc, limits_cut_at_characters);
	tcase_add_test(tc, wraps_by_display_width);
	tcase_add_test(tc, up_down_keep_the_column);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(lineedit_suite());
}
