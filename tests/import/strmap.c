/* src/import/strmap.c: the import's string map (caches and the set of
 * touched account days). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "import/strmap.h"
#include "testutil.h"

START_TEST(strmap_empty)
{
	struct strmap m;
	size_t i = 0;

	strmap_init(&m);
	ck_assert_ptr_null(strmap_get(&m, "x"));
	ck_assert_ptr_null(strmap_entry(&m, "x"));
	ck_assert_ptr_null(strmap_next(&m, &i));
	strmap_free(&m);
	strmap_free(&m);	/* freeing twice is harmless */
}
END_TEST

START_TEST(strmap_put_replace_get)
{
	struct strmap m;
	bool added = false;
	const struct strmap_entry *e;

	strmap_init(&m);
	ck_assert(strmap_put(&m, "w1", "acc1", &added));
	ck_assert(added);
	ck_assert(strmap_put(&m, "", "empty key", &added));
	ck_assert(added);
	ck_assert(strmap_put(&m, "w2", NULL, &added));	/* NULL is "" */
	ck_assert_str_eq(strmap_get(&m, "w2"), "");
	ck_assert_str_eq(strmap_get(&m, "w1"), "acc1");
	ck_assert_str_eq(strmap_get(&m, ""), "empty key");
	ck_assert_ptr_null(strmap_get(&m, "w3"));
	ck_assert_ptr_null(strmap_get(&m, "W1"));
	/* Replacing: not added, one entry, the new value. */
	ck_assert(strmap_put(&m, "w1", "acc9", &added));
	ck_assert(!added);
	ck_assert_uint_eq(m.count, 3);
	ck_assert_str_eq(strmap_get(&m, "w1"), "acc9");
	e = strmap_entry(&m, "w1");
	ck_assert_ptr_nonnull(e);
	ck_assert_str_eq(e->key, "w1");
	ck_assert_str_eq(e->value, "acc9");
	/* The map keeps its own copies. */
	char key[8] = "k", val[8] = "v";
	ck_assert(strmap_put(&m, key, val, NULL));
	key[0] = 'x';
	val[0] = 'y';
	ck_assert_str_eq(strmap_get(&m, "k"), "v");
	ck_assert_ptr_null(strmap_get(&m, "x"));
	strmap_free(&m);
	ck_assert_uint_eq(m.count, 0);
	ck_assert_ptr_null(strmap_get(&m, "w1"));
}
END_TEST

/* Many keys: the table grows and rehashes; every key is still found,
 * once, by lookup and by iteration; the table never fills up. Counted in
 * plain C and asserted once (each passing Check assertion reports to the
 * parent process: 100,000 of them are slow under make -j8 check). */
START_TEST(strmap_grows_and_iterates_each_once)
{
	enum { N = 20000 };
	struct strmap m;
	static unsigned char seen[N];
	char key[32], val[32];
	const struct strmap_entry *e;
	size_t i = 0, n = 0;
	long not_added = 0, wrong = 0, twice = 0;

	strmap_init(&m);
	for (int k = 0; k < N; k++) {
		bool added = false;
		snprintf(key, sizeof key, "acc%d|2026-11-%02d", k, k % 28 + 1);
		snprintf(val, sizeof val, "%d", k);
		ck_assert(strmap_put(&m, key, val, &added));
		not_added += !added;
	}
	ck_assert_int_eq(not_added, 0);
	ck_assert_uint_eq(m.count, N);
	ck_assert_uint_gt(m.cap, m.count);
	/* A power of two (the probe masks with cap - 1). */
	ck_assert_uint_eq(m.cap & (m.cap - 1), 0);
	for (int k = 0; k < N; k++) {
		const char *v;
		snprintf(key, sizeof key, "acc%d|2026-11-%02d", k, k % 28 + 1);
		snprintf(val, sizeof val, "%d", k);
		v = strmap_get(&m, key);
		wrong += v == NULL || strcmp(v, val) != 0;
	}
	ck_assert_int_eq(wrong, 0);
	memset(seen, 0, sizeof seen);
	while ((e = strmap_next(&m, &i)) != NULL) {
		int k = atoi(e->value);
		if (k < 0 || k >= N || seen[k]++)
			twice++;
		n++;
	}
	ck_assert_int_eq(twice, 0);
	ck_assert_uint_eq(n, N);
	ck_assert_ptr_null(strmap_next(&m, &i));
	strmap_free(&m);
}
END_TEST

static Suite *
strmap_suite(void)
{
	Suite *s = suite_create("strmap");
	TCase *tc = tcase_create("strmap");

	tcase_add_test(tc, strmap_empty);
	tcase_add_test(tc, strmap_put_replace_get);
	tcase_add_test(tc, strmap_grows_and_iterates_each_once);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(strmap_suite());
}
