/* src/core/grow.c: the growable array, byte buffer and string pool. */
#include "config.h"

#include <check.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/grow.h"
#include "testutil.h"

struct pair {
	int a;
	long b;
};

START_TEST(reserve_grows_and_keeps_items)
{
	struct pair *v = NULL;
	size_t cap = 0;

	for (int i = 0; i < 1000; i++) {
		ck_assert(grow_reserve(&v, &cap, (size_t)i + 1, sizeof *v));
		ck_assert_uint_ge(cap, (size_t)i + 1);
		v[i].a = i;
		v[i].b = -i;
	}
	for (int i = 0; i < 1000; i++) {
		ck_assert_int_eq(v[i].a, i);
		ck_assert_int_eq(v[i].b, -i);
	}
	/* Doubling: 1000 items never need more than twice the room. */
	ck_assert_uint_lt(cap, 2000);
	free(v);
}
END_TEST

START_TEST(reserve_leaves_enough_alone)
{
	int *v = NULL, *before;
	size_t cap = 0;

	ck_assert(grow_reserve(&v, &cap, 5, sizeof *v));
	before = v;
	size_t c = cap;
	ck_assert(grow_reserve(&v, &cap, c, sizeof *v));
	ck_assert_ptr_eq(v, before);
	ck_assert_uint_eq(cap, c);
	ck_assert(grow_reserve(&v, &cap, 0, sizeof *v));
	ck_assert_uint_eq(cap, c);
	/* A jump past double the room gets at least what was asked. */
	ck_assert(grow_reserve(&v, &cap, 10 * c + 3, sizeof *v));
	ck_assert_uint_ge(cap, 10 * c + 3);
	v[10 * c + 2] = 7;
	free(v);
}
END_TEST

START_TEST(reserve_refuses_overflow)
{
	struct pair *v = NULL;
	size_t cap = 0;

	ck_assert(grow_reserve(&v, &cap, 3, sizeof *v));
	v[2].a = 42;
	struct pair *before = v;
	size_t c = cap;
	/* need * elem_size does not fit a size_t: refused, nothing moved. */
	ck_assert(!grow_reserve(&v, &cap, SIZE_MAX / sizeof *v + 1, sizeof *v));
	ck_assert_ptr_eq(v, before);
	ck_assert_uint_eq(cap, c);
	ck_assert(!grow_reserve(&v, &cap, SIZE_MAX, sizeof *v));
	ck_assert_int_eq(v[2].a, 42);
	free(v);
}
END_TEST

START_TEST(push_appends_zeroed_counted)
{
	struct pair *v = NULL, *p;
	size_t n = 0, cap = 0;

	for (int i = 0; i < 100; i++) {
		p = grow_push(&v, &n, &cap, sizeof *v);
		ck_assert_ptr_nonnull(p);
		ck_assert_ptr_eq(p, &v[i]);
		ck_assert_uint_eq(n, (size_t)i + 1);
		/* zeroed even where realloc hands back used memory */
		ck_assert_int_eq(p->a, 0);
		ck_assert_int_eq(p->b, 0);
		p->a = i;
		p->b = -i;
	}
	ck_assert_uint_ge(cap, n);
	for (int i = 0; i < 100; i++)
		ck_assert_int_eq(v[i].a + v[i].b, 0);
	/* n at its limit: refused, nothing counted */
	n = SIZE_MAX;
	ck_assert_ptr_null(grow_push(&v, &n, &cap, sizeof *v));
	ck_assert_uint_eq(n, SIZE_MAX);
	free(v);
}
END_TEST

START_TEST(buf_adds_and_terminates)
{
	struct grow_buf b = { 0 };

	ck_assert_ptr_null(b.s);
	ck_assert(grow_buf_add(&b, "", 0));
	ck_assert_str_eq(b.s, "");
	ck_assert(grow_buf_add(&b, "abcdef", 3));
	ck_assert(grow_buf_addstr(&b, "中文"));
	ck_assert(grow_buf_addf(&b, "<%d|%s>", 42, "x"));
	ck_assert_str_eq(b.s, "abc中文<42|x>");
	ck_assert_uint_eq(b.len, strlen("abc中文<42|x>"));
	for (int i = 0; i < 500; i++)
		ck_assert(grow_buf_addf(&b, "%03d", i));
	ck_assert_uint_eq(b.len, strlen("abc中文<42|x>") + 1500);
	ck_assert_str_eq(b.s + b.len - 6, "498499");
	grow_buf_clear(&b);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_str_eq(b.s, "");
	ck_assert(grow_buf_add(&b, "z", 1));
	ck_assert_str_eq(b.s, "z");
	grow_buf_free(&b);
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
	ck_assert_uint_eq(b.cap, 0);
}
END_TEST

START_TEST(buf_take_hands_over)
{
	struct grow_buf b = { 0 };
	char *s = grow_buf_take(&b);

	/* Nothing added: an empty string, not NULL. */
	ck_assert_ptr_nonnull(s);
	ck_assert_str_eq(s, "");
	free(s);
	ck_assert(grow_buf_addstr(&b, "kept"));
	s = grow_buf_take(&b);
	ck_assert_str_eq(s, "kept");
	ck_assert_ptr_null(b.s);
	ck_assert_uint_eq(b.len, 0);
	free(s);
}
END_TEST

START_TEST(buf_refuses_overflow)
{
	struct grow_buf b = { 0 };

	ck_assert(grow_buf_addstr(&b, "ab"));
	char *before = b.s;
	ck_assert(!grow_buf_add(&b, "x", SIZE_MAX - 2));
	ck_assert_ptr_eq(b.s, before);
	ck_assert_str_eq(b.s, "ab");
	ck_assert_uint_eq(b.len, 2);
	grow_buf_free(&b);
}
END_TEST

/* Pooled strings stay where they are while more are added, long ones
 * too, and all go in one call. */
START_TEST(strings_keep_their_place)
{
	struct grow_strings p = { 0 };
	char *v[3000], big[9000];

	for (int i = 0; i < 3000; i++) {
		char s[16];
		snprintf(s, sizeof s, "w%d", i);
		ck_assert_ptr_nonnull(v[i] = grow_strdup(&p, s));
	}
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	ck_assert_str_eq(grow_strdup(&p, big), big);
	ck_assert_str_eq(grow_strdup(&p, NULL), "");
	for (int i = 0; i < 3000; i++) {
		char s[16];
		snprintf(s, sizeof s, "w%d", i);
		ck_assert_str_eq(v[i], s);
	}
	grow_strings_free(&p);
	ck_assert_ptr_null(p.head);
	grow_strings_free(&p);
}
END_TEST

static Suite *
grow_suite(void)
{
	Suite *s = suite_create("grow");
	TCase *tc = tcase_create("array");

	tcase_add_test(tc, reserve_grows_and_keeps_items);
	tcase_add_test(tc, reserve_leaves_enough_alone);
	tcase_add_test(tc, reserve_refuses_overflow);
	tcase_add_test(tc, push_appends_zeroed_counted);
	suite_add_tcase(s, tc);
	tc = tcase_create("buf");
	tcase_add_test(tc, buf_adds_and_terminates);
	tcase_add_test(tc, buf_take_hands_over);
	tcase_add_test(tc, buf_refuses_overflow);
	tcase_add_test(tc, strings_keep_their_place);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(grow_suite());
}
