/* src/import/reader_csv.c and reader_json.c: the edges of each format,
 * read from bytes in memory through import_parse_buffer (no database):
 * what is read, what is refused, and that every refusal names the file,
 * the line and the value. (Whole imports into a database: check_import,
 * check_import_xlsx.) */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/exitcode.h"
#include "import/import.h"
#include "testutil.h"

static char reports[4096];
static struct import_stats st;
static struct pt_err err;

static void
collect(void *arg, const char *msg)
{
	size_t n = strlen(reports);

	(void)arg;
	snprintf(reports + n, sizeof reports - n, "%s\n", msg);
}

/* Reads len bytes as file `name`; returns the exit code. */
static int
parse(const char *name, const char *bytes, size_t len)
{
	struct import_opts o = { .as_of = DAY_NONE, .report = collect,
	    .work = "w1" };

	reports[0] = '\0';
	memset(&st, 0, sizeof st);
	memset(&err, 0, sizeof err);
	return import_parse_buffer(name, bytes, len, &o, &st, &err);
}
#define PARSE(name, lit) parse(name, lit, sizeof lit - 1)

#define ck_has(hay, needle) \
	ck_assert_msg(strstr(hay, needle) != NULL, "'%s' not in '%s'", \
	    needle, hay)

/* ---- CSV ---- */

START_TEST(csv_empty_and_header_only)
{
	ck_assert_int_eq(PARSE("e.csv", ""), PT_EXIT_DATA);
	ck_has(err.msg, "e.csv: no header row: the file is empty");
	/* A header and nothing else is a table with no rows, with or
	 * without the last line's end. */
	ck_assert_int_eq(PARSE("h.csv", "date,work_id,plays\n"), 0);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_int_eq(st.rows, 0);
	ck_assert_int_eq(PARSE("h.csv", "date,work_id,plays"), 0);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_int_eq(st.rows, 0);
}
END_TEST

START_TEST(csv_line_ends_blank_lines_and_spaces)
{
	/* Blank lines are skipped; CR alone ends a line (old Mac Excel). */
	ck_assert_int_eq(PARSE("b.csv", "date,work_id,plays\n\n"
	    "2026-11-01,w1,5\n\n"), 0);
	ck_assert_int_eq(st.rows, 1);
	ck_assert_int_eq(PARSE("r.csv", "date,work_id,plays\r"
	    "2026-11-01,w1,5\r2026-11-02,w1,6\r"), 0);
	ck_assert_int_eq(st.rows, 2);
	ck_assert_int_eq(st.rejected, 0);
	/* Spaces around names and values are presentation. */
	ck_assert_int_eq(PARSE("s.csv", " date , work_id ,plays\n"
	    "2026-11-01, w1 , 5\n"), 0);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_int_eq(st.rejected, 0);
}
END_TEST

START_TEST(csv_malformed_quotes_name_the_line)
{
	ck_assert_int_eq(PARSE("u.csv", "date,work_id,plays\n"
	    "2026-11-01,w1,5\n2026-11-02,\"w1,6\n"), PT_EXIT_DATA);
	ck_has(err.msg, "u.csv:3: malformed CSV");
	ck_has(err.msg, "the file ends inside a quoted field");
	ck_assert_int_eq(PARSE("q.csv", "date,work_id,plays\n"
	    "2026-11-01,w\"1,5\n"), PT_EXIT_DATA);
	ck_has(err.msg, "q.csv:2: malformed CSV");
	ck_has(err.msg, "a quote inside an unquoted field");
	ck_assert_int_eq(PARSE("a.csv", "date,work_id,plays\n"
	    "2026-11-01,\"w1\"x,5\n"), PT_EXIT_DATA);
	ck_has(err.msg, "a.csv:2: malformed CSV");
	ck_has(err.msg, "text after a closing quote");
}
END_TEST

START_TEST(csv_ragged_rows_and_nul_rejected)
{
	ck_assert_int_eq(PARSE("m.csv", "date,work_id,plays\n"
	    "2026-11-01,w1,5,6\n2026-11-02,w1\n2026-11-03,w1,7\n"), PT_EXIT_DATA);
	ck_assert_int_eq(st.rows, 3);
	ck_assert_int_eq(st.rejected, 2);
	ck_has(reports, "m.csv:2: 4 fields where the header has 3");
	ck_has(reports, "m.csv:3: 2 fields where the header has 3");
	ck_assert(strstr(reports, "m.csv:4") == NULL);
	ck_has(err.msg, "m.csv: 2 bad rows");
	ck_assert_int_eq(PARSE("n.csv", "date,work_id,plays\n2026-11-01,w\0001,5\n"),
	    PT_EXIT_DATA);
	ck_assert_int_eq(st.rejected, 1);
	ck_has(reports, "n.csv:2: work_id: a NUL byte in the value");
}
END_TEST

START_TEST(csv_header_refusals)
{
	ck_assert_int_eq(PARSE("d.csv", "date,work_id,plays,plays\n"
	    "2026-11-01,w1,5,6\n"), PT_EXIT_DATA);
	ck_has(err.msg, "d.csv:1: column 'plays' appears twice");
	ck_assert_int_eq(PARSE("x.csv", "foo,bar\n1,2\n"), PT_EXIT_DATA);
	ck_has(err.msg, "x.csv:1: the header matches none of the known tables");
	/* Another separator is not guessed. */
	ck_assert_int_eq(PARSE("s.csv", "date;work_id;plays\n"
	    "2026-11-01;w1;5\n"), PT_EXIT_DATA);
	ck_has(err.msg, "s.csv:1: the header matches none");
	/* UTF-16 is named, with what to do instead. */
	ck_assert_int_eq(PARSE("w.csv", "\xff\xfe" "d\0a\0t\0e\0\n\0"),
	    PT_EXIT_DATA);
	ck_has(err.msg, "w.csv: UTF-16 text is not read: save it as CSV UTF-8");
}
END_TEST

START_TEST(csv_values_checked_per_cell)
{
	ck_assert_int_eq(PARSE("v.csv", "date,work_id,plays,revenue\n"
	    "2026-11-01,w1,-5,1\n2026-11-02,w1,5,1.234\n2026-02-30,w1,5,1\n"
	    "2026-11-04,w1,1.2万,¥1.20\n"), PT_EXIT_DATA);
	ck_assert_int_eq(st.rows, 4);
	ck_assert_int_eq(st.rejected, 3);
	ck_has(reports, "v.csv:2: plays: negative count (-5)");
	ck_has(reports, "v.csv:3: revenue:");
	ck_has(reports, "(1.234)");
	ck_has(reports, "v.csv:4: date:");
	ck_has(reports, "(2026-02-30)");
	ck_assert(strstr(reports, "v.csv:5") == NULL);
}
END_TEST

/* ---- JSON ---- */

START_TEST(json_envelope_refusals)
{
	ck_assert_int_eq(PARSE("x.json", "{\"extra\":{\"error_code\":0}}"),
	    PT_EXIT_DATA);
	ck_has(err.msg, "x.json: no \"data\" object: not an Open Platform "
	    "data API response");
	ck_assert_int_eq(PARSE("m.json", "{\"data\":{\"error_code\":0}}"),
	    PT_EXIT_DATA);
	ck_has(err.msg, "m.json: \"data\" has neither \"result\" nor "
	    "\"result_list\"");
	ck_assert_int_eq(PARSE("c.json", "{\"data\":{\"error_code\":\"x\","
	    "\"result_list\":[]}}"), PT_EXIT_DATA);
	ck_has(err.msg, "c.json: error_code in data is not an integer (x)");
	ck_assert_int_eq(PARSE("t.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[]}} trailing"), PT_EXIT_DATA);
	ck_has(err.msg, "t.json: text after the JSON document (byte 43)");
	ck_assert_int_eq(PARSE("d.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"total_play\":1}]}}"), PT_EXIT_DATA);
	ck_has(err.msg, "d.json:1: an entry of result_list has no \"date\"");
}
END_TEST

START_TEST(json_result_object_and_list)
{
	/* "result" (one day) and "result_list" (several) both read. */
	ck_assert_int_eq(PARSE("r.json", "{\"data\":{\"error_code\":0,"
	    "\"result\":{\"date\":\"2026-11-01\",\"total_play\":3}}}"), 0);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_int_eq(st.rows, 1);
	ck_assert_int_eq(PARSE("l.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":5},"
	    "{\"date\":\"2026-11-02\",\"total_play\":6}]}}"), 0);
	ck_assert_int_eq(st.rows, 2);
	ck_assert_int_eq(st.rejected, 0);
}
END_TEST

START_TEST(json_counts_must_be_whole_and_positive)
{
	ck_assert_int_eq(PARSE("f.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":5.5}]}}"),
	    PT_EXIT_DATA);
	ck_has(reports, "f.json:1: plays: not an integer (5.5)");
	ck_assert_int_eq(PARSE("n.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"total_play\":-1}]}}"),
	    PT_EXIT_DATA);
	ck_has(reports, "n.json:1: plays: negative count (-1)");
	ck_assert_int_eq(st.rejected, 1);
}
END_TEST

static Suite *
readers_suite(void)
{
	Suite *s = suite_create("readers");
	TCase *tc = tcase_create("csv");

	tcase_add_test(tc, csv_empty_and_header_only);
	tcase_add_test(tc, csv_line_ends_blank_lines_and_spaces);
	tcase_add_test(tc, csv_malformed_quotes_name_the_line);
	tcase_add_test(tc, csv_ragged_rows_and_nul_rejected);
	tcase_add_test(tc, csv_header_refusals);
	tcase_add_test(tc, csv_values_checked_per_cell);
	suite_add_tcase(s, tc);
	tc = tcase_create("json");
	tcase_add_test(tc, json_envelope_refusals);
	tcase_add_test(tc, json_result_object_and_list);
	tcase_add_test(tc, json_counts_must_be_whole_and_positive);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(readers_suite());
}
