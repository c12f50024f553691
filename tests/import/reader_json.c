/* src/import/reader_json.c: the Open Platform's responses, into a
 * database (each endpoint, errors with their description) and from
 * bytes in memory (the envelope's refusals, result and result_list,
 * counts whole and not negative). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/exitcode.h"
#include "import/import.h"
#include "testutil.h"
#include "fixture.h"

START_TEST(json_item_endpoints)
{
	struct import_opts o = { .as_of = DAY_NONE, .work = "w1" };
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp_opts("play.json", "{\"extra\":{\"error_code\":0,"
	    "\"logid\":\"x\"},\"data\":{\"error_code\":0,\"description\":\"\","
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":120},"
	    "{\"date\":\"2026-11-02\",\"play\":80}]}}", -1, &o, &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_int_eq(imp_opts("like.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"like\":7}]},"
	    "\"extra\":{\"error_code\":0}}", -1, &o, &st), 0);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(imp_q1("SELECT plays || '|' || likes FROM daily WHERE "
	    "day = '2026-11-01'"), "120|7");
	/* The work from the file when --work is not given. */
	o.work = NULL;
	ck_assert_int_eq(imp_opts("share.json", "{\"item_id\":\"w2\",\"data\":"
	    "{\"error_code\":0,\"result_list\":[{\"date\":\"2026-11-01\","
	    "\"share\":3}]}}", -1, &o, &st), 0);
	ck_assert_str_eq(imp_q1("SELECT shares FROM daily WHERE work_id = 'w2'"), "3");
	ck_assert_int_eq(imp_opts("nowork.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":1}]}}", -1, &o,
	    &st), PT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(imp_reports, "--work ID"));
}
END_TEST

START_TEST(json_errors)
{
	struct import_opts o = { .as_of = DAY_NONE, .work = "w1" };
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp_opts("e.json", "{\"extra\":{\"error_code\":2190008,"
	    "\"description\":\"access_token过期,请刷新或重新授权\"},\"data\":"
	    "{\"error_code\":2190008,\"description\":\"access_token过期,请刷新或"
	    "重新授权\"}}", -1, &o, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "error 2190008"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "access_token过期"));
	ck_assert_int_eq(imp_opts("b.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-31\",\"play\":1}]}}", -1, &o,
	    &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "b.json:1: date: no such date"));
	ck_assert_int_eq(imp_opts("t.json", "{\"data\":", -1, &o, &st),
	    PT_EXIT_DATA);
	/* Cut short: said so (json-c's own word for it is "continue"). */
	ck_assert_ptr_nonnull(strstr(imp_reports, "t.json: the file ends inside "
	    "the JSON document (byte 8): it was cut short"));
	ck_assert_int_eq(imp_opts("s.json", "{\"data\":}", -1, &o, &st),
	    PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "s.json: not valid JSON"));
	ck_assert_int_eq(imp_opts("u.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"new_play\":1,"
	    "\"new_issue\":0,\"total_issue\":4}]}}", -1, &o, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "account-level"));
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "0");
}
END_TEST

/* A day without data: the platform answers an empty result_list. A
 * daily job importing it must succeed with 0 rows, told so, and need
 * no --work (no row is written). */
START_TEST(json_empty_result_list_is_no_rows)
{
	struct import_opts o = { .as_of = DAY_NONE };
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp_opts("empty.json", "{\"extra\":{\"error_code\":0},"
	    "\"data\":{\"error_code\":0,\"description\":\"\","
	    "\"result_list\":[]}}", -1, &o, &st), 0);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_int_eq(st.rows, 0);
	ck_assert_int_eq(st.rejected, 0);
	ck_assert_ptr_nonnull(strstr(imp_reports, "empty.json: result_list is "
	    "empty: no days to import (0 rows)"));
	ck_assert_ptr_null(strstr(imp_reports, "known tables"));
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "0");
}
END_TEST

/* One date twice in a response: as for a (work, day) twice in a CSV
 * file, the later entry is what is kept, and the report names both. */
START_TEST(json_repeated_date_later_entry_kept)
{
	struct import_opts o = { .as_of = DAY_NONE, .work = "w1" };
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp_opts("dup.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":5},"
	    "{\"date\":\"2026-11-02\",\"play\":6},"
	    "{\"date\":\"2026-11-01\",\"play\":7}]}}", -1, &o, &st), 0);
	ck_assert_int_eq(st.rows, 3);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_ptr_nonnull(strstr(imp_reports, "dup.json:3: date: the same "
	    "day as entry 1: this entry replaces it (2026-11-01)"));
	/* said once: the import's own note of a repeated key stays silent */
	ck_assert_ptr_null(strstr(imp_reports, "an earlier row"));
	ck_assert_str_eq(imp_q1("SELECT count(*) || '|' || sum(plays) FROM "
	    "daily"), "2|13");
	ck_assert_str_eq(imp_q1("SELECT plays FROM daily WHERE day = "
	    "'2026-11-01'"), "7");
}
END_TEST

/* ---- the format's edges, in memory ---- */

START_TEST(json_envelope_refusals)
{
	ck_assert_int_eq(PARSE("x.json", "{\"extra\":{\"error_code\":0}}"),
	    PT_EXIT_DATA);
	ck_has(mem_err.msg, "x.json: no \"data\" object: not an Open Platform "
	    "data API response");
	ck_assert_int_eq(PARSE("m.json", "{\"data\":{\"error_code\":0}}"),
	    PT_EXIT_DATA);
	ck_has(mem_err.msg, "m.json: \"data\" has neither \"result\" nor "
	    "\"result_list\"");
	ck_assert_int_eq(PARSE("c.json", "{\"data\":{\"error_code\":\"x\","
	    "\"result_list\":[]}}"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "c.json: error_code in data is not an integer (x)");
	ck_assert_int_eq(PARSE("t.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[]}} trailing"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "t.json: text after the JSON document (byte 43)");
	ck_assert_int_eq(PARSE("d.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"total_play\":1}]}}"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "d.json:1: an entry of result_list has no \"date\"");
}
END_TEST

START_TEST(json_result_object_and_list)
{
	/* "result" (one day) and "result_list" (several) both read. */
	ck_assert_int_eq(PARSE("r.json", "{\"data\":{\"error_code\":0,"
	    "\"result\":{\"date\":\"2026-11-01\",\"total_play\":3}}}"), 0);
	ck_assert_str_eq(mem_st.table, "daily");
	ck_assert_int_eq(mem_st.rows, 1);
	ck_assert_int_eq(PARSE("l.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":5},"
	    "{\"date\":\"2026-11-02\",\"total_play\":6}]}}"), 0);
	ck_assert_int_eq(mem_st.rows, 2);
	ck_assert_int_eq(mem_st.rejected, 0);
}
END_TEST

START_TEST(json_counts_must_be_whole_and_positive)
{
	ck_assert_int_eq(PARSE("f.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":5.5}]}}"),
	    PT_EXIT_DATA);
	ck_has(mem_reports, "f.json:1: plays: not an integer (5.5)");
	ck_assert_int_eq(PARSE("n.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":-1}]}}"),
	    PT_EXIT_DATA);
	ck_has(mem_reports, "n.json:1: plays: negative count (-1)");
	ck_assert_int_eq(mem_st.rejected, 1);
}
END_TEST

/* The platform sometimes quotes a count: "5" is 5; another string is
 * named as a string, not as "not an integer (5)". */
START_TEST(json_quoted_counts)
{
	ck_assert_int_eq(PARSE("q.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":\"5\"}]}}"),
	    0);
	ck_assert_int_eq(mem_st.rows, 1);
	ck_assert_int_eq(mem_st.rejected, 0);
	ck_assert_int_eq(PARSE("x.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":\"5.0\"},"
	    "{\"date\":\"2026-11-02\",\"play\":\"-2\"},"
	    "{\"date\":\"2026-11-03\",\"play\":\"\"}]}}"), PT_EXIT_DATA);
	ck_has(mem_reports, "x.json:1: plays: a string, not a whole number (5.0)");
	ck_has(mem_reports, "x.json:2: plays: negative count (-2)");
	ck_has(mem_reports, "x.json:3: plays: a string, not a whole number");
	ck_assert_int_eq(mem_st.rejected, 3);
}
END_TEST

static Suite *
reader_json_suite(void)
{
	Suite *s = suite_create("reader_json");
	TCase *tc;

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, imp_setup, imp_teardown);
	tcase_add_test(tc, json_item_endpoints);
	tcase_add_test(tc, json_errors);
	tcase_add_test(tc, json_empty_result_list_is_no_rows);
	tcase_add_test(tc, json_repeated_date_later_entry_kept);
	suite_add_tcase(s, tc);
	tc = tcase_create("edges");
	tcase_add_test(tc, json_envelope_refusals);
	tcase_add_test(tc, json_result_object_and_list);
	tcase_add_test(tc, json_counts_must_be_whole_and_positive);
	tcase_add_test(tc, json_quoted_counts);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(reader_json_suite());
}
