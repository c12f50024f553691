/* src/core/names.c: enum values to names and back, from one table. */
#include "config.h"

#include <check.h>

#include "core/names.h"
#include "testutil.h"

enum fruit { APPLE, PEAR, PLUM, FIG, FRUIT_COUNT };

static const char *const fruit_names[FRUIT_COUNT] = {
	[APPLE] = "apple",
	[PEAR] = "pear",
	[FIG] = "fig",		/* PLUM has no name */
};

START_TEST(names_both_ways)
{
	int v = -7;

	ck_assert_str_eq(NAMES_NAME(fruit_names, PEAR, "?"), "pear");
	ck_assert_str_eq(NAMES_NAME(fruit_names, FIG, "?"), "fig");
	/* Unnamed, negative and past the end: the caller's word. */
	ck_assert_str_eq(NAMES_NAME(fruit_names, PLUM, "?"), "?");
	ck_assert_str_eq(NAMES_NAME(fruit_names, -1, "?"), "?");
	ck_assert_str_eq(NAMES_NAME(fruit_names, FRUIT_COUNT, ""), "");
	ck_assert_ptr_null(NAMES_NAME(fruit_names, 99, NULL));

	ck_assert(NAMES_PARSE(fruit_names, "fig", &v));
	ck_assert_int_eq(v, FIG);
	ck_assert(NAMES_PARSE(fruit_names, "apple", &v));
	ck_assert_int_eq(v, APPLE);
	v = -7;
	ck_assert(!NAMES_PARSE(fruit_names, "Apple", &v));	/* exact */
	ck_assert(!NAMES_PARSE(fruit_names, "", &v));
	ck_assert(!NAMES_PARSE(fruit_names, NULL, &v));
	ck_assert_int_eq(v, -7);	/* untouched when not found */
	ck_assert_uint_eq(NAMES_COUNT(fruit_names), FRUIT_COUNT);
}
END_TEST

static Suite *
names_suite(void)
{
	Suite *s = suite_create("names");
	TCase *tc = tcase_create("names");

	tcase_add_test(tc, names_both_ways);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(names_suite());
}
