/* src/tui/chart.c: rasterising a series into Braille or ASCII cells,
 * gaps and the dashed overlay, nice axis ranges, sparklines. */
#include "config.h"

#include <check.h>
#include <stdint.h>

#include "testutil.h"
#include "tui/chart.h"

static int
count_bits(uint8_t b)
{
	int n = 0;

	for (; b; b >>= 1)
		n += b & 1;
	return n;
}

START_TEST(chart_flat_line_braille)
{
	double v[3] = { 5, 5, 5 };
	struct chart_spec s = { .rows = 2, .cols = 4, .n = 3, .cur = { v, NULL },
	    .ymin = 0, .ymax = 10, .braille = true };
	struct chart_cell cells[8];
	int dots = 0;

	chart_raster(&s, cells);
	/* 8 dots across, value 5 of 0..10 on 8 dot rows: row 4 (= cell row
	 * 1, dot row 0): a flat line through every dot column. */
	for (int c = 0; c < 4; c++) {
		ck_assert_int_eq(cells[c].cur, 0);
		ck_assert_int_eq(cells[4 + c].cur, 0x01 | 0x08);
	}
	for (int i = 0; i < 8; i++)
		dots += count_bits(cells[i].cur);
	ck_assert_int_eq(dots, 8);
	ck_assert_int_eq(chart_col_of(&s, 0), 0);
	ck_assert_int_eq(chart_col_of(&s, 2), 3);
	ck_assert_int_eq(chart_point_at(&s, 3), 2);
}
END_TEST

START_TEST(chart_gap_and_dashed_overlay)
{
	double v[4] = { 0, 10, 10, 0 }, p[4] = { 10, 10, 10, 10 };
	bool has[4] = { true, false, true, true };
	struct chart_spec s = { .rows = 1, .cols = 8, .n = 4, .cur = { v, has },
	    .prev = { p, NULL }, .ymin = 0, .ymax = 10, .braille = false };
	struct chart_cell cells[8];

	chart_raster(&s, cells);
	/* ASCII, one row: only the single row, so every point lands on it;
	 * the gap at point 1 leaves point 0 unconnected. */
	ck_assert_int_eq(cells[0].cur, 1);
	ck_assert_int_eq(cells[1].cur, 0);
	ck_assert_int_eq(cells[2].cur, 0);
	ck_assert_int_eq(cells[5].cur, 1);
	ck_assert_int_eq(cells[7].cur, 1);
	/* The overlay is dashed: columns 0,2,4,6 on, 1,3,5,7 off. */
	for (int c = 0; c < 8; c++)
		ck_assert_int_eq(cells[c].prev, c % 2 == 0 ? 1 : 0);
}
END_TEST

START_TEST(chart_nice)
{
	double lo, hi, st;

	chart_nice_range(13, 87, 4, true, &lo, &hi, &st);
	ck_assert(lo == 0 && hi == 100 && st == 20);
	chart_nice_range(0.95, 1.05, 4, false, &lo, &hi, &st);
	ck_assert(lo <= 0.95 && hi >= 1.05 && st > 0 && st <= 0.05);
	chart_nice_range(5, 5, 3, true, &lo, &hi, &st);
	ck_assert(lo == 0 && hi >= 5 && st > 0);
	chart_nice_range(0, 0, 3, true, &lo, &hi, &st);
	ck_assert(hi > lo);
}
END_TEST

START_TEST(chart_spark)
{
	double v[4] = { 0, 1, 2, 3 };
	bool has[4] = { true, true, false, true };
	char buf[64];

	chart_sparkline(v, has, 4, 4, true, buf, sizeof buf);
	ck_assert_str_eq(buf, "▁▃ █");
	chart_sparkline(v, has, 4, 6, false, buf, sizeof buf);
	ck_assert_str_eq(buf, "  _- @");
}
END_TEST

static Suite *
chart_suite(void)
{
	Suite *s = suite_create("chart");
	TCase *tc = tcase_create("chart");

	tcase_add_test(tc, chart_flat_line_braille);
	tcase_add_test(tc, chart_gap_and_dashed_overlay);
	tcase_add_test(tc, chart_nice);
	tcase_add_test(tc, chart_spark);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(chart_suite());
}
