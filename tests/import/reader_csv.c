/* src/import/reader_csv.c: CSV of the project's tables and the Creator
 * Center's, into a database (values, rejections by line, BOM, CRLF,
 * quoted newlines, GB18030) and from bytes in memory (the format's
 * edges: what is read, what is refused, and where). */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/day.h"
#include "core/exitcode.h"
#include "import/import.h"
#include "testutil.h"
#include "fixture.h"

START_TEST(csv_tables_and_values)
{
	struct import_stats st;

	imp_load_base();
	ck_assert_str_eq(imp_q1("SELECT kind || certification FROM account "
	    "WHERE account_id = 'acc1'"), "personal农技师");
	ck_assert_str_eq(imp_q1("SELECT kind || plan_status || bank_card || "
	    "ifnull(certification, 'none') FROM account WHERE account_id = 'acc2'"),
	    "enterprise_affiliatedjoined0none");
	ck_assert_str_eq(imp_q1("SELECT published_at || '|' || duration_s || '|' || "
	    "title FROM work WHERE work_id = 'w1'"),
	    "2026-11-03 12:30:00|83|标题😀");
	ck_assert_str_eq(imp_q1("SELECT published_at || original || commercial "
	    "FROM work WHERE work_id = 'w2'"), "2026-11-030ad");
	ck_assert_int_eq(imp("daily.csv",
	    "date,work_id,plays,likes,completion_rate,revenue,avg_play_duration\n"
	    "2026-11-03,w1,\"1,234\",1.2万,16.42%,¥12.34,00:01:23\n"
	    "2026/11/4,w1,-,3,0.5,12.34元,83\n", &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_str_eq(imp_q1("SELECT plays || '|' || likes || '|' || "
	    "completion_rate || '|' || revenue_fen || '|' || avg_play_duration "
	    "FROM daily WHERE day = '2026-11-03'"), "1234|12000|0.1642|1234|83.0");
	/* Missing stays NULL, never 0. */
	ck_assert_str_eq(imp_q1("SELECT ifnull(plays, 'NULL') FROM daily "
	    "WHERE day = '2026-11-04'"), "NULL");
	ck_assert_str_eq(imp_q1("SELECT group_concat(account_id || day) FROM "
	    "(SELECT * FROM dirty ORDER BY day)"), "acc12026-11-03,acc12026-11-04");
}
END_TEST

START_TEST(csv_rejections_name_line_and_value)
{
	struct import_stats st;
	static const char bad[] =
	    "date,work_id,plays,completion_rate,revenue,quality\n"
	    "2026-11-03,w1,1,0.1,1,50\n"
	    "2026-11-04,w1,-5,0.1,1,50\n"
	    "2026-11-05,w1,1,120%,1,50\n"
	    "2026-02-30,w1,1,0.1,1,50\n"
	    "2026-11-06,nope,1,0.1,1,50\n"
	    "2026-11-07,w1,1,0.1,1.234,50\n"
	    "2026-11-08,w1,1,0.1,1\n"
	    "2026-11-09,w1,99999999999999999999,0.1,1,50\n"
	    "2026-11-10,w1,1,0.1,1,101\n"
	    "2026-11-11,w1,x,0.1,1,50\n";

	imp_load_base();
	ck_assert_int_eq(imp("bad.csv", bad, &st), PT_EXIT_DATA);
	ck_assert_int_eq(st.rejected, 9);
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:3: plays: negative count (-5)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:4: completion_rate: rate above 100% (120%)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:5: date: no such date (2026-02-30)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:6: work_id: unknown work"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "(nope)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:7: revenue: more precise than a fen (0.01) (1.234)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:8: 5 fields where the header has 6"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:9: plays: number too large"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:10: quality: quality outside 0-100 (101)"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "bad.csv:11: plays: not a number (x)"));
	/* Nothing went in, and the run is recorded as rejected. */
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM daily"), "0");
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM dirty"), "0");
	ck_assert_str_eq(imp_q1("SELECT outcome || rows_rejected FROM import_run "
	    "ORDER BY id DESC LIMIT 1"), "rejected9");
	/* With --skip-bad-rows the good one goes in. */
	{
		struct import_opts o = { .as_of = DAY_NONE, .skip_bad_rows = true };
		ck_assert_int_eq(imp_opts("bad.csv", bad, -1, &o, &st), 0);
		ck_assert_int_eq(st.inserted, 1);
		ck_assert_int_eq(st.rejected, 9);
		ck_assert_str_eq(imp_q1("SELECT outcome FROM import_run ORDER BY "
		    "id DESC LIMIT 1"), "partial");
	}
}
END_TEST

/* A work and day twice in one file: the later row's figures are kept,
 * and the import says which row replaced an earlier one (file and line),
 * in one batch and across the writer's batches (32768 rows) alike. A row
 * repeated as it was changes nothing and is not reported. */
START_TEST(csv_repeated_work_day_reported)
{
	struct import_stats st;
	size_t cap = 40000 * 24, len;
	char *big = malloc(cap), d[DAY_BUFSZ];
	day_t first;

	imp_load_base();
	ck_assert_int_eq(imp("rep.csv", "date,work_id,plays\n"
	    "2026-11-03,w1,5\n"
	    "2026-11-03,w2,6\n"
	    "2026-11-03,w1,7\n"
	    "2026-11-04,w1,8\n"
	    "2026-11-04,w1,8\n", &st), 0);
	ck_assert_int_eq(st.rows, 5);
	ck_has(imp_reports, "rep.csv:4: the same work and day as an earlier "
	    "row: this row's figures replace it (w1 2026-11-03)");
	ck_assert_ptr_null(strstr(imp_reports, "rep.csv:6"));
	ck_assert_ptr_null(strstr(imp_reports, "rep.csv:3"));
	ck_assert_str_eq(imp_q1("SELECT plays FROM daily WHERE work_id = 'w1' "
	    "AND day = '2026-11-03'"), "7");
	/* Far apart: line 2 in the first batch, its repeat in the second. */
	ck_assert_ptr_nonnull(big);
	ck_assert(day_parse_iso("1930-01-01", &first));
	len = (size_t)snprintf(big, cap, "date,work_id,plays\n");
	for (int i = 0; i < 35000; i++)
		len += (size_t)snprintf(big + len, cap - len, "%s,w2,%d\n",
		    day_format(first + i, d), i);
	len += (size_t)snprintf(big + len, cap - len, "1930-01-01,w2,99\n");
	ck_assert_uint_lt(len, cap - 1);
	imp_reports[0] = '\0';
	ck_assert_int_eq(imp("far.csv", big, &st), 0);
	free(big);
	ck_assert_int_eq(st.rows, 35001);
	ck_has(imp_reports, "far.csv:35002: the same work and day as an "
	    "earlier row: this row's figures replace it (w2 1930-01-01)");
	ck_assert_str_eq(imp_q1("SELECT plays FROM daily WHERE work_id = 'w2' "
	    "AND day = '1930-01-01'"), "99");
}
END_TEST

START_TEST(csv_other_rejections)
{
	struct import_stats st;

	imp_load_base();
	ck_assert_int_eq(imp("w.csv", "work_id,account_id,visibility\n"
	    "w3,ghost,public\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "w.csv:2: account_id: unknown account"));
	ck_assert_int_eq(imp("v.csv", "work_id,account_id,visibility\n"
	    "w3,acc1,private\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "v.csv:2: visibility: unknown value; "
	    "expected public, one_day, self_only, deleted or 公开"));
	ck_assert_int_eq(imp("u.csv", "作品ID,账号ID,作品名称\n"
	    "w3,acc1,\"\xff\xfe\"\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "u.csv:2: 作品名称: invalid UTF-8"));
	ck_assert_int_eq(imp("n.csv", "work_id,account_id,title\n"
	    "w3,acc1,\"\xff\xfe\"\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "neither UTF-8 nor GB18030"));
	ck_assert_int_eq(imp("m.csv", "wallet_id,foo\n1,2\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "m.csv:1: the header matches none"));
	ck_assert_int_eq(imp("q.csv", "date,work_id,plays\n2026-11-03,w1,\"1\"2\n",
	    &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "q.csv:2: malformed CSV"));
	ck_assert_int_eq(imp("wa.csv", "账号ID,日期,类型,金额\n"
	    "acc1,2026-11-03,提现,-5\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "wa.csv:2: amount: negative amount"));
	ck_assert_int_eq(imp("ap.csv", "account_id,submitted_on,reviewed_on\n"
	    "acc1,2026-11-03,2026-11-01\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "ap.csv:2: reviewed_on: reviewed "
	    "before it was submitted"));
	/* An ID a spreadsheet turned into a rounded number is refused (its
	 * digits are gone); text that only looks like one is an ID. */
	ck_assert_int_eq(imp("sci.csv", "work_id,account_id\n7.31E+18,acc1\n"
	    "-3E-2,acc1\n1e5,acc1\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "sci.csv:2: work_id: an ID "
	    "written as a number in scientific notation has lost its digits"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "sci.csv:3: work_id:"));
	ck_assert_ptr_nonnull(strstr(imp_reports, "sci.csv:4: work_id:"));
	ck_assert_int_eq(st.rejected, 3);
	ck_assert_int_eq(imp("nsci.csv", "work_id,account_id\ne5,acc1\n"
	    "1E,acc1\n1E+,acc1\n.5e3,acc1\n+1.5e3x,acc1\n", &st), PT_EXIT_OK);
	ck_assert_int_eq(st.inserted, 5);
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM work WHERE work_id IN "
	    "('e5', '1E', '1E+', '.5e3', '+1.5e3x')"), "5");
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM work"), "7");
}
END_TEST

START_TEST(csv_bom_crlf_quoted_newlines)
{
	struct import_stats st;

	ck_assert_int_eq(imp("a.csv", "\xef\xbb\xbf" "account_id,name\r\n"
	    "acc1,\"多行\r\n名字, 带逗号 \"\"引号\"\"\"\r\n\r\n"
	    "acc2,b\r\n", &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_str_eq(imp_q1("SELECT name FROM account WHERE account_id = 'acc1'"),
	    "多行\r\n名字, 带逗号 \"引号\"");
	/* Line numbers count the physical lines, quoted ones included. */
	ck_assert_int_eq(imp("b.csv", "account_id,kind\r\n"
	    "acc1,\"personal\"\r\n"
	    "\"acc\n3\",personal\r\n"
	    "acc4,robot\r\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "b.csv:5: kind: unknown value"));
}
END_TEST

START_TEST(csv_gb18030)
{
	struct import_stats st;
	/* "账号ID,账号名称\nacc1,济南\n" in GB18030. */
	static const char gb[] =
	    "\xd5\xcb\xba\xc5ID,\xd5\xcb\xba\xc5\xc3\xfb\xb3\xc6\n"
	    "acc1,\xbc\xc3\xc4\xcf\n";

	ck_assert_int_eq(imp("gb.csv", gb, &st), 0);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_str_eq(imp_q1("SELECT name FROM account"), "济南");
	/* GBK with CRLF, a quoted field and a byte that is not GB18030 on
	 * line 4: named by its line. */
	ck_assert_int_eq(imp("gb2.csv",
	    "\xd5\xcb\xba\xc5ID,\xd5\xcb\xba\xc5\xc3\xfb\xb3\xc6\r\n"
	    "acc2,\"\xbc\xc3,\xc4\xcf\"\r\n"
	    "acc3,\xbc\xc3\r\n"
	    "acc4,\xff\r\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(imp_reports, "gb2.csv:4: bytes that are "
	    "neither UTF-8 nor GB18030"));
	ck_assert_str_eq(imp_q1("SELECT count(*) FROM account"), "1");
}
END_TEST

/* ---- the format's edges, in memory ---- */

START_TEST(csv_empty_and_header_only)
{
	ck_assert_int_eq(PARSE("e.csv", ""), PT_EXIT_DATA);
	ck_has(mem_err.msg, "e.csv: no header row: the file is empty");
	/* A header and nothing else is a table with no rows, with or
	 * without the last line's end. */
	ck_assert_int_eq(PARSE("h.csv", "date,work_id,plays\n"), 0);
	ck_assert_str_eq(mem_st.table, "daily");
	ck_assert_int_eq(mem_st.rows, 0);
	ck_assert_int_eq(PARSE("h.csv", "date,work_id,plays"), 0);
	ck_assert_str_eq(mem_st.table, "daily");
	ck_assert_int_eq(mem_st.rows, 0);
}
END_TEST

START_TEST(csv_line_ends_blank_lines_and_spaces)
{
	/* Blank lines are skipped; CR alone ends a line (old Mac Excel). */
	ck_assert_int_eq(PARSE("b.csv", "date,work_id,plays\n\n"
	    "2026-11-01,w1,5\n\n"), 0);
	ck_assert_int_eq(mem_st.rows, 1);
	ck_assert_int_eq(PARSE("r.csv", "date,work_id,plays\r"
	    "2026-11-01,w1,5\r2026-11-02,w1,6\r"), 0);
	ck_assert_int_eq(mem_st.rows, 2);
	ck_assert_int_eq(mem_st.rejected, 0);
	/* Spaces around names and values are presentation. */
	ck_assert_int_eq(PARSE("s.csv", " date , work_id ,plays\n"
	    "2026-11-01, w1 , 5\n"), 0);
	ck_assert_str_eq(mem_st.table, "daily");
	ck_assert_int_eq(mem_st.rejected, 0);
}
END_TEST

START_TEST(csv_malformed_quotes_name_the_line)
{
	ck_assert_int_eq(PARSE("u.csv", "date,work_id,plays\n"
	    "2026-11-01,w1,5\n2026-11-02,\"w1,6\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "u.csv:3: malformed CSV");
	ck_has(mem_err.msg, "the file ends inside a quoted field");
	ck_assert_int_eq(PARSE("q.csv", "date,work_id,plays\n"
	    "2026-11-01,w\"1,5\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "q.csv:2: malformed CSV");
	ck_has(mem_err.msg, "a quote inside an unquoted field");
	ck_assert_int_eq(PARSE("a.csv", "date,work_id,plays\n"
	    "2026-11-01,\"w1\"x,5\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "a.csv:2: malformed CSV");
	ck_has(mem_err.msg, "text after a closing quote");
}
END_TEST

START_TEST(csv_ragged_rows_and_nul_rejected)
{
	ck_assert_int_eq(PARSE("m.csv", "date,work_id,plays\n"
	    "2026-11-01,w1,5,6\n2026-11-02,w1\n2026-11-03,w1,7\n"), PT_EXIT_DATA);
	ck_assert_int_eq(mem_st.rows, 3);
	ck_assert_int_eq(mem_st.rejected, 2);
	ck_has(mem_reports, "m.csv:2: 4 fields where the header has 3");
	ck_has(mem_reports, "m.csv:3: 2 fields where the header has 3");
	ck_assert(strstr(mem_reports, "m.csv:4") == NULL);
	ck_has(mem_err.msg, "m.csv: 2 bad rows");
	ck_assert_int_eq(PARSE("n.csv", "date,work_id,plays\n2026-11-01,w\0001,5\n"),
	    PT_EXIT_DATA);
	ck_assert_int_eq(mem_st.rejected, 1);
	ck_has(mem_reports, "n.csv:2: work_id: a NUL byte in the value");
}
END_TEST

START_TEST(csv_header_refusals)
{
	ck_assert_int_eq(PARSE("d.csv", "date,work_id,plays,plays\n"
	    "2026-11-01,w1,5,6\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "d.csv:1: column 'plays' appears twice");
	ck_assert_int_eq(PARSE("x.csv", "foo,bar\n1,2\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "x.csv:1: the header matches none of the known tables");
	/* Another separator is not guessed. */
	ck_assert_int_eq(PARSE("s.csv", "date;work_id;plays\n"
	    "2026-11-01;w1;5\n"), PT_EXIT_DATA);
	ck_has(mem_err.msg, "s.csv:1: the header matches none");
	/* UTF-16 is named, with what to do instead. */
	ck_assert_int_eq(PARSE("w.csv", "\xff\xfe" "d\0a\0t\0e\0\n\0"),
	    PT_EXIT_DATA);
	ck_has(mem_err.msg, "w.csv: UTF-16 text is not read: save it as CSV UTF-8");
}
END_TEST

START_TEST(csv_values_checked_per_cell)
{
	ck_assert_int_eq(PARSE("v.csv", "date,work_id,plays,revenue\n"
	    "2026-11-01,w1,-5,1\n2026-11-02,w1,5,1.234\n2026-02-30,w1,5,1\n"
	    "2026-11-04,w1,1.2万,¥1.20\n"), PT_EXIT_DATA);
	ck_assert_int_eq(mem_st.rows, 4);
	ck_assert_int_eq(mem_st.rejected, 3);
	ck_has(mem_reports, "v.csv:2: plays: negative count (-5)");
	ck_has(mem_reports, "v.csv:3: revenue:");
	ck_has(mem_reports, "(1.234)");
	ck_has(mem_reports, "v.csv:4: date:");
	ck_has(mem_reports, "(2026-02-30)");
	ck_assert(strstr(mem_reports, "v.csv:5") == NULL);
}
END_TEST

static Suite *
reader_csv_suite(void)
{
	Suite *s = suite_create("reader_csv");
	TCase *tc;

	tc = tcase_create("file");
	tcase_add_checked_fixture(tc, imp_setup, imp_teardown);
	tcase_add_test(tc, csv_tables_and_values);
	tcase_add_test(tc, csv_rejections_name_line_and_value);
	tcase_add_test(tc, csv_other_rejections);
	tcase_add_test(tc, csv_repeated_work_day_reported);
	tcase_add_test(tc, csv_bom_crlf_quoted_newlines);
	tcase_add_test(tc, csv_gb18030);
	suite_add_tcase(s, tc);
	tc = tcase_create("edges");
	tcase_add_test(tc, csv_empty_and_header_only);
	tcase_add_test(tc, csv_line_ends_blank_lines_and_spaces);
	tcase_add_test(tc, csv_malformed_quotes_name_the_line);
	tcase_add_test(tc, csv_ragged_rows_and_nul_rejected);
	tcase_add_test(tc, csv_header_refusals);
	tcase_add_test(tc, csv_values_checked_per_cell);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(reader_csv_suite());
}
