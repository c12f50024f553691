/* src/core/err.c: errors as an id (the format, a msgid) and typed
 * arguments; the English text besides. Every error format in src/ is one
 * err_set can record (extracted with xgettext, as po/ is). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"
#include "testutil.h"

/* Issue 16, 11: err_reset may quote the error it replaces. */
START_TEST(err_reset_quotes_itself)
{
	struct pt_err err = { 0 };

	err_set(&err, 3, "no space left on the device; free some space and "
	    "try again");
	err_reset(&err, 4, "the demo data did not import (%s): %s", "x.csv",
	    err.msg);
	ck_assert_int_eq(err.code, 4);
	ck_assert_str_eq(err.id, "the demo data did not import (%s): %s");
	ck_assert_int_eq(err.nargs, 2);
	ck_assert_str_eq(err_arg_str(&err, 0), "x.csv");
	ck_assert_str_eq(err_arg_str(&err, 1), "no space left on the device; "
	    "free some space and try again");
	ck_assert_str_eq(err.msg, "the demo data did not import (x.csv): no "
	    "space left on the device; free some space and try again");
}
END_TEST

/* Issue 12: each conversion the sources use is kept with its type. */
START_TEST(err_set_records_typed_arguments)
{
	struct pt_err err = { 0 };
	size_t z = 42;

	ck_assert(err_set(&err, 3, "%s:%ld: %d %lld %llu %zu %#llx %04o %.3s "
	    "%.2f %c", "f.csv", 7L, -3, -9000000000LL, 18000000000ULL, z,
	    255ULL, 8U, "abcdef", 2.5, 'x'));
	ck_assert_int_eq(err.code, 3);
	ck_assert_int_eq(err.nargs, 11);
	ck_assert(!err.bad);
	ck_assert_str_eq(err_arg_str(&err, 0), "f.csv");
	ck_assert_int_eq(err.arg[1].type, PT_ARG_INT);
	ck_assert_int_eq(err.arg[1].i, 7);
	ck_assert_int_eq(err.arg[2].i, -3);
	ck_assert_int_eq(err.arg[3].i, -9000000000LL);
	ck_assert_int_eq(err.arg[4].type, PT_ARG_UINT);
	ck_assert(err.arg[4].u == 18000000000ULL);
	ck_assert(err.arg[5].u == 42);
	ck_assert(err.arg[6].u == 255);
	ck_assert(err.arg[7].u == 8);
	ck_assert_str_eq(err_arg_str(&err, 8), "abcdef");
	ck_assert_int_eq(err.arg[9].type, PT_ARG_DOUBLE);
	ck_assert(err.arg[9].d == 2.5);
	ck_assert_int_eq(err.arg[10].i, 'x');
	ck_assert_ptr_null(err_arg_str(&err, 1));
	ck_assert_str_eq(err.msg, "f.csv:7: -3 -9000000000 18000000000 42 "
	    "0xff 0010 abc 2.50 x");
}
END_TEST

/* The first cause wins; err_reset and err_copy as they say. */
START_TEST(err_first_cause_wins)
{
	struct pt_err a = { 0 }, b = { 0 };

	ck_assert(err_set(&a, 4, "cannot open %s", "x.db"));
	ck_assert(!err_set(&a, 3, "later %d", 1));
	ck_assert_str_eq(a.id, "cannot open %s");
	err_copy(&b, &a);
	ck_assert_int_eq(b.code, 4);
	ck_assert_str_eq(err_arg_str(&b, 0), "x.db");
	err_set(&a, 3, "x");
	err_reset(&b, 2, "%s '%s' is not a day", "--on", "2026-13-01");
	err_copy(&b, &a);	/* b is set: unchanged */
	ck_assert_int_eq(b.code, 2);
	ck_assert_str_eq(err_arg_str(&b, 1), "2026-13-01");
	err_clear(&b);
	ck_assert_int_eq(b.code, 0);
	ck_assert_ptr_null(b.id);
	ck_assert_int_eq(b.nargs, 0);
	ck_assert_str_eq(b.msg, "");
}
END_TEST

/* err_setn keeps both forms and the count; the English counts as English
 * does; the arguments are the plural's. */
START_TEST(err_setn_keeps_count)
{
	struct pt_err err = { 0 };

	ck_assert(err_setn(&err, 3, 1, "%lu row is bad", "%lu rows are bad",
	    1UL));
	ck_assert_str_eq(err.id, "%lu row is bad");
	ck_assert_str_eq(err.plural, "%lu rows are bad");
	ck_assert_uint_eq(err.n, 1);
	ck_assert(err.arg[0].u == 1);
	ck_assert_str_eq(err.msg, "1 row is bad");
	err_clear(&err);
	err_setn(&err, 3, 5, "%lu row is bad", "%lu rows are bad", 5UL);
	ck_assert_int_eq(err.nargs, 1);
	ck_assert(err.arg[0].u == 5);
	ck_assert_str_eq(err.msg, "5 rows are bad");
}
END_TEST

/* A string argument marked as a msgid; a conversion err_set cannot keep
 * is flagged, never read wrongly. */
START_TEST(err_msgid_and_bad)
{
	struct pt_err err = { 0 };
	void *p = &err;

	err_set(&err, 3, "%s: %s", "appeal not saved", "statement: too short");
	err_arg_msgid(&err, 0);
	ck_assert_int_eq(err.arg[0].type, PT_ARG_MSGID);
	ck_assert_int_eq(err.arg[1].type, PT_ARG_STR);
	ck_assert(err_format_ok("%s:%ld: %zu %.80s %#llx %04o 100%%"));
	ck_assert(!err_format_ok("%p"));
	ck_assert(!err_format_ok("%*d"));
	ck_assert(!err_format_ok("%Lf"));
	ck_assert(!err_format_ok("%1$s"));
	ck_assert(!err_format_ok("%d %d %d %d %d %d %d %d %d %d %d %d %d"));
	err_clear(&err);
	err_set(&err, 3, "at %p", p);
	ck_assert(err.bad);
	ck_assert_int_eq(err.code, 3);
}
END_TEST

/* Appends the C string starting at q (after its opening quote) to out. */
static const char *
unquote(const char *q, char *out, size_t size, size_t *len)
{
	for (; *q != '\0' && *q != '"'; q++) {
		char c = *q;
		if (c == '\\') {
			q++;
			c = *q == 'n' ? '\n' : *q == 't' ? '\t' : *q;
		}
		if (*len + 1 < size)
			out[(*len)++] = c;
	}
	out[*len] = '\0';
	return q;
}

/* Every format given to err_set, err_setn, err_reset, import_reject and
 * appeal's problem() in src/ (xgettext with only those keywords) is one
 * err_set records whole. */
/* Sub-items ride in the error itself: another error's id, arguments and
 * English come back whole, a record its values; copying the error
 * copies them; more than fit drop them all (the English stays). */
START_TEST(err_sub_items_are_the_errors_own)
{
	struct pt_err err = { 0 }, item = { 0 }, copy = { 0 }, got;
	int tag = -1;

	ck_assert(err_setn(&item, 3, 3, "%d day of '%s'",
	    "%d days of '%s'", 3, "w1"));
	ck_assert(err_set(&err, 3, "%s: %s", "not saved", "x"));
	ck_assert_int_eq(err.sub_kind, 0);
	ck_assert(!err_sub_get(&err, 0, &tag, &got));
	err_subs_begin(&err, 7, 1);
	ck_assert(err_sub_add(&err, 4, &item));
	ck_assert(err_sub_record(&err, 5));
	ck_assert(err_sub_int(&err, -42) && err_sub_str(&err, "bob"));
	err_copy(&copy, &err);
	ck_assert_int_eq(copy.sub_kind, 7);
	ck_assert_int_eq(copy.sub_arg, 1);
	ck_assert_int_eq(copy.nsubs, 2);
	ck_assert(err_sub_get(&copy, 0, &tag, &got));
	ck_assert_int_eq(tag, 4);
	test_err_is(&got, 3, "%d day of '%s'");
	ck_assert_str_eq(got.plural, "%d days of '%s'");
	ck_assert_uint_eq(got.n, 3);
	ck_assert_int_eq(got.arg[0].i, 3);
	ck_assert_str_eq(test_err_str(&got, 1), "w1");
	ck_assert_str_eq(got.msg, "3 days of 'w1'");
	ck_assert(err_sub_get(&copy, 1, &tag, &got));
	ck_assert_int_eq(tag, 5);
	ck_assert_int_eq(got.nargs, 2);
	ck_assert(got.id == NULL);
	ck_assert_int_eq(got.arg[0].i, -42);
	ck_assert_str_eq(err_arg_str(&got, 1), "bob");
	ck_assert(!err_sub_get(&copy, 2, &tag, &got));
	/* a new error has none */
	err_reset(&copy, 3, "other");
	ck_assert_int_eq(copy.sub_kind, 0);
	ck_assert_int_eq(copy.nsubs, 0);
	/* too many: none at all */
	for (int i = 0; i < PT_ERR_SUBS - 2; i++)
		ck_assert(err_sub_add(&err, i, &item));
	ck_assert(!err_sub_add(&err, 99, &item));
	ck_assert_int_eq(err.sub_kind, 0);
	ck_assert_int_eq(err.nsubs, 0);
	ck_assert(!err_sub_record(&err, 0));
	ck_assert_str_eq(err.msg, "not saved: x");
}
END_TEST

START_TEST(err_every_format_in_src_is_recorded)
{
	const char *top = getenv("top_srcdir");
	char cmd[8192], line[4096], id[4096];
	size_t len = 0;
	int n = 0, bad = 0;
	bool in_id = false;
	FILE *f;

	snprintf(cmd, sizeof cmd, "cd '%s' && xgettext --keyword= "
	    "--keyword=err_set:3 --keyword=err_reset:3 --keyword=err_setn:4,5 "
	    "--keyword=import_reject:4 --keyword=problem:3 --from-code=UTF-8 "
	    "--omit-header -o - $(find src -name '*.c' | sort)",
	    top != NULL ? top : "../..");
	f = popen(cmd, "r");
	ck_assert_ptr_nonnull(f);
	while (fgets(line, sizeof line, f) != NULL) {
		if (strncmp(line, "msgid \"", 7) == 0 ||
		    strncmp(line, "msgid_plural \"", 14) == 0) {
			len = 0;
			unquote(strchr(line, '"') + 1, id, sizeof id, &len);
			in_id = true;
		} else if (in_id && line[0] == '"')
			unquote(line + 1, id, sizeof id, &len);
		else if (in_id) {
			in_id = false;
			n++;
			if (!err_format_ok(id)) {
				fprintf(stderr, "not recordable: \"%s\"\n", id);
				bad++;
			}
		}
	}
	ck_assert_int_eq(pclose(f), 0);
	ck_assert_int_eq(bad, 0);
	/* the extraction found the sources' formats */
	ck_assert_int_gt(n, 100);
}
END_TEST

static Suite *
err_suite(void)
{
	Suite *s = suite_create("err");
	TCase *tc;

	tc = tcase_create("err");
	tcase_add_test(tc, err_reset_quotes_itself);
	tcase_add_test(tc, err_set_records_typed_arguments);
	tcase_add_test(tc, err_first_cause_wins);
	tcase_add_test(tc, err_setn_keeps_count);
	tcase_add_test(tc, err_msgid_and_bad);
	tcase_add_test(tc, err_sub_items_are_the_errors_own);
	tcase_add_test(tc, err_every_format_in_src_is_recorded);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(err_suite());
}
