/* src/import/reader_xlsx.c and Creator Center snapshots: files written by
 * libxlsxwriter here, and a fixture zipped by hand from SpreadsheetML
 * (tests/data/import/make-handmade-xlsx.sh), two different writers. */
#include "config.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifdef HAVE_XLSXWRITER
#include <xlsxwriter.h>
#endif

#include "core/clock.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "import/import.h"
#include "testutil.h"

static char *tmp;
static struct db *db;
static char reports[16384];

static void
collect(void *arg, const char *msg)
{
	size_t n = strlen(reports);

	snprintf(reports + n, sizeof reports - n, "%s\n", msg);
}

static void
setup(void)
{
	struct pt_err err = { 0 };

	tmp = test_tmpdir();
	db = db_open(test_path(tmp, "t.db"), DB_OPEN_CREATE, &err);
	ck_assert_msg(db != NULL, "%s", err.msg);
	reports[0] = '\0';
	ck_assert(clock_set_today_text("2026-11-26", &err));
}

static void
teardown(void)
{
	db_close(db);
	db = NULL;
	test_tmpdir_cleanup(tmp);
	tmp = NULL;
}

static const char *
q1(const char *sql)
{
	static char out[1024];
	sqlite3_stmt *st;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

static int
imp_path(const char *path, const char *account, const char *as_of,
    struct import_stats *st)
{
	struct import_opts o = { .as_of = DAY_NONE, .account = account,
	    .report = collect };
	struct pt_err err = { 0 };
	int rc;

	if (as_of != NULL)
		ck_assert(day_parse_iso(as_of, &o.as_of));
	rc = import_file(db, path, &o, st, &err);
	if (rc != 0)
		collect(NULL, err.msg);
	return rc;
}

static int
imp_text(const char *name, const char *text, struct import_stats *st)
{
	const char *path = test_path(tmp, name);

	test_write_file(path, text, (long)strlen(text));
	return imp_path(path, NULL, NULL, st);
}

static void
load_accounts(void)
{
	struct import_stats st;

	ck_assert_int_eq(imp_text("a.csv", "account_id,name\nacc1,济南\n"
	    "acc2,泉城\n", &st), 0);
}

/* ---- the hand-zipped fixture ---- */

START_TEST(handmade_fixture)
{
	const char *src = getenv("top_srcdir");
	char path[4096];
	struct import_stats st;

	snprintf(path, sizeof path, "%s/tests/data/import/handmade.xlsx",
	    src ? src : "..");
	load_accounts();
	ck_assert_int_eq(imp_path(path, "acc1", "2026-11-21", &st), 0);
	ck_assert_str_eq(st.format, "xlsx");
	ck_assert_str_eq(st.table, "snapshots");
	ck_assert_int_eq(st.inserted, 1);
	/* First sheet in workbook order; rich text without the phonetic
	 * run; date serial with a custom Chinese format. */
	ck_assert_str_eq(q1("SELECT work_id || '|' || title || '|' || "
	    "published_at || '|' || genre || '|' || review FROM work"),
	    "cc-acc1-20261121120000|泉城油旋 外酥里嫩，|2026-11-21 12:00:00|"
	    "视频|approved");
	ck_assert_str_eq(q1("SELECT plays || '|' || likes || '|' || "
	    "favorites || '|' || ifnull(comments, 'NULL') || '|' || "
	    "completion_rate || '|' || completion_rate_5s || '|' || "
	    "ifnull(cover_ctr, 'NULL') || '|' || ifnull(bounce_rate_2s, "
	    "'NULL') || '|' || avg_play_duration || '|' || shares || '|' || "
	    "profile_visits || '|' || followers_gained FROM snapshot"),
	    "2345|12000|300|NULL|0.1642|0.455|NULL|NULL|31.0|40|5|2");
	/* Published on the snapshot's day: that day's values are the totals. */
	ck_assert_str_eq(q1("SELECT day || '|' || plays FROM daily"),
	    "2026-11-21|2345");
	ck_assert_str_eq(q1("SELECT account_id || day FROM dirty"),
	    "acc12026-11-21");
	/* Again: nothing changes. */
	ck_assert_int_eq(imp_path(path, "acc1", "2026-11-21", &st), 0);
	ck_assert_int_eq(st.unchanged, 1);
	/* Without --account: a usage error, nothing written. */
	ck_assert_int_eq(imp_path(path, NULL, "2026-11-22", &st), PT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(reports, "--account"));
	ck_assert_int_eq(imp_path(path, "ghost", "2026-11-22", &st), PT_EXIT_DATA);
	ck_assert_str_eq(q1("SELECT count(*) FROM snapshot"), "1");
	/* Another sheet by name or number: the second holds no table. */
	{
		struct import_opts o = { .as_of = DAY_NONE, .account = "acc1",
		    .sheet = "说明", .report = collect };
		struct pt_err err = { 0 };
		ck_assert_int_eq(import_file(db, path, &o, &st, &err),
		    PT_EXIT_DATA);
		test_err_is(&err, PT_EXIT_DATA, "%s: the header matches none of "
		    "the known tables (accounts, works, daily, violations, "
		    "applications, wallet, appeal results, the Creator Center "
		    "export): see IMPORT FORMATS in partner-tui(1)");
		{
			char where[4200];
			snprintf(where, sizeof where, "%s:1", path);
			ck_assert_str_eq(test_err_str(&err, 0), where);
		}
		err_clear(&err);
		o.sheet = "3";
		ck_assert_int_eq(import_file(db, path, &o, &st, &err),
		    PT_EXIT_USAGE);
		ck_assert_ptr_nonnull(strstr(err.msg, "no sheet '3' (by name, "
		    "or 1 to 2)"));
		err_clear(&err);
		o.sheet = "1";
		ck_assert(day_parse_iso("2026-11-21", &o.as_of));
		ck_assert_int_eq(import_file(db, path, &o, &st, &err), 0);
		ck_assert_int_eq(st.unchanged, 1);
	}
}
END_TEST

START_TEST(not_a_spreadsheet)
{
	struct import_stats st;
	const char *path = test_path(tmp, "bad.xlsx");

	/* A zip signature and nothing after it. */
	test_write_file(path, "PK\3\4garbage", 11);
	ck_assert_int_eq(imp_path(path, "acc1", NULL, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "not a readable xlsx"));
}
END_TEST

#ifdef HAVE_XLSXWRITER

struct cc_row {
	const char *title;
	int y, mo, d, h, mi;
	double plays, likes;
};

/* A Creator Center export as libxlsxwriter writes it: shared strings,
 * numbers, a date cell, every header of DESIGN §4. */
static const char *
write_cc(const char *name, const struct cc_row *rows, int n)
{
	static const char *const hdr[] = { "作品名称", "发布时间", "体裁",
	    "审核状态", "播放量", "完播率", "5s完播率", "封面点击率", "2s跳出率",
	    "平均播放时长", "点赞量", "分享量", "评论量", "收藏量", "主页访问量",
	    "粉丝增量" };
	const char *path = test_path(tmp, name);
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, "作品");
	lxw_format *date = workbook_add_format(wb);

	format_set_num_format(date, "yyyy-mm-dd hh:mm");
	for (int i = 0; i < 16; i++)
		worksheet_write_string(ws, 0, (lxw_col_t)i, hdr[i], NULL);
	for (int r = 0; r < n; r++) {
		lxw_datetime dt = { rows[r].y, rows[r].mo, rows[r].d, rows[r].h,
		    rows[r].mi, 0 };
		lxw_row_t row = (lxw_row_t)(r + 1);
		worksheet_write_string(ws, row, 0, rows[r].title, NULL);
		worksheet_write_datetime(ws, row, 1, &dt, date);
		worksheet_write_string(ws, row, 2, "视频", NULL);
		worksheet_write_string(ws, row, 3, "通过", NULL);
		worksheet_write_number(ws, row, 4, rows[r].plays, NULL);
		worksheet_write_number(ws, row, 5, 0.1642, NULL);
		worksheet_write_string(ws, row, 6, "45.5%", NULL);
		worksheet_write_string(ws, row, 7, "-", NULL);
		worksheet_write_string(ws, row, 8, "--", NULL);
		worksheet_write_string(ws, row, 9, "00:00:31", NULL);
		worksheet_write_number(ws, row, 10, rows[r].likes, NULL);
		/* 11-15 left empty: not in the XML at all */
	}
	/* A second sheet that must not be read. */
	worksheet_write_string(workbook_add_worksheet(wb, "说明"), 0, 0,
	    "ignored", NULL);
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
	return path;
}

START_TEST(snapshot_differencing_out_of_order)
{
	struct import_stats st;
	const struct cc_row d23[] = {
		{ "苹果树修剪 冬季要点\n详细描述", 2026, 11, 20, 12, 30, 1000, 50 },
		{ "新作品 今天发", 2026, 11, 23, 9, 0, 300, 10 },
	};
	const struct cc_row d25[] = {
		{ "苹果树修剪 冬季要点\n详细描述", 2026, 11, 20, 12, 30, 1500, 80 },
		{ "新作品 今天发", 2026, 11, 23, 9, 0, 900, 30 },
	};
	const struct cc_row d24[] = {
		{ "苹果树修剪 冬季要点\n详细描述", 2026, 11, 20, 12, 30, 1200, 60 },
		{ "新作品 今天发", 2026, 11, 23, 9, 0, 500, 15 },
	};
	const struct cc_row d25b[] = {
		{ "苹果树修剪 冬季要点\n详细描述", 2026, 11, 20, 12, 30, 1600, 80 },
	};

	load_accounts();
	/* The day comes from the file name when --as-of is not given. */
	ck_assert_int_eq(imp_path(write_cc("作品列表导出_2026-11-23.xlsx", d23, 2),
	    "acc1", NULL, &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_str_eq(q1("SELECT group_concat(as_of) FROM snapshot"),
	    "2026-11-23,2026-11-23");
	/* Only the work published that day has a daily value yet. */
	ck_assert_str_eq(q1("SELECT group_concat(day || ':' || plays) FROM daily"),
	    "2026-11-23:300");
	ck_assert_int_eq(imp_path(write_cc("b.xlsx", d25, 2), "acc1",
	    "2026-11-25", &st), 0);
	/* No snapshot of 11-24 yet: no difference to take. */
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "1");
	/* The older snapshot arrives last: both days fill in, correctly. */
	ck_assert_int_eq(imp_path(write_cc("c.xlsx", d24, 2), "acc1",
	    "2026-11-24", &st), 0);
	ck_assert_str_eq(q1("SELECT group_concat(x, ' ') FROM (SELECT "
	    "substr(w.title, 1, 3) || d.day || ':' || d.plays || '/' || d.likes "
	    "AS x FROM daily d JOIN work w USING (work_id) ORDER BY w.title, "
	    "d.day)"),
	    "新作品2026-11-23:300/10 新作品2026-11-24:200/5 新作品2026-11-25:400/15 "
	    "苹果树2026-11-24:200/10 苹果树2026-11-25:300/20");
	/* Rates are the export's own; missing stays missing. */
	ck_assert_str_eq(q1("SELECT completion_rate || '|' || "
	    "ifnull(bounce_rate_2s, 'NULL') FROM daily WHERE day = '2026-11-25' "
	    "LIMIT 1"), "0.1642|NULL");
	/* Idempotent. */
	ck_assert_int_eq(imp_path(write_cc("c.xlsx", d24, 2), "acc1",
	    "2026-11-24", &st), 0);
	ck_assert_int_eq(st.unchanged, 2);
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "5");
	/* A corrected later export moves the difference it touches. */
	ck_assert_int_eq(imp_path(write_cc("d.xlsx", d25b, 1), "acc1",
	    "2026-11-25", &st), 0);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(q1("SELECT plays FROM daily d JOIN work w USING "
	    "(work_id) WHERE day = '2026-11-25' AND w.title LIKE '苹果%'"), "400");
	ck_assert_str_eq(q1("SELECT count(*) FROM work"), "2");
	ck_assert_str_eq(q1("SELECT group_concat(day) FROM (SELECT day FROM "
	    "dirty ORDER BY day)"), "2026-11-23,2026-11-24,2026-11-25");
}
END_TEST

START_TEST(snapshot_matches_known_works_by_time_and_title)
{
	struct import_stats st;
	/* Two works published the same minute, told apart by title. */
	const struct cc_row rows[] = {
		{ "油旋 外酥里嫩 #济南美食", 2026, 11, 20, 18, 0, 700, 7 },
		{ "把子肉 肥而不腻", 2026, 11, 20, 18, 0, 900, 9 },
	};

	load_accounts();
	ck_assert_int_eq(imp_text("w.csv", "work_id,account_id,title,published_at\n"
	    "111,acc1,把子肉,2026-11-20 18:00\n"
	    "222,acc1,油旋,2026-11-20 18:00:41\n"
	    "333,acc2,油旋,2026-11-20 18:00\n", &st), 0);
	ck_assert_int_eq(imp_path(write_cc("e.xlsx", rows, 2), "acc1",
	    "2026-11-21", &st), 0);
	ck_assert_str_eq(q1("SELECT group_concat(work_id || ':' || plays) FROM "
	    "(SELECT * FROM snapshot ORDER BY work_id)"), "111:900,222:700");
	ck_assert_str_eq(q1("SELECT count(*) FROM work"), "3");
}
END_TEST

START_TEST(project_tables_in_xlsx)
{
	const char *path = test_path(tmp, "daily.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	lxw_format *date = workbook_add_format(wb);
	lxw_datetime d1 = { 2026, 11, 3, 0, 0, 0 }, d2 = { 2026, 11, 4, 0, 0, 0 };
	struct import_stats st;

	load_accounts();
	ck_assert_int_eq(imp_text("w.csv", "work_id,account_id\n"
	    "7310000000000000001,acc1\n", &st), 0);
	format_set_num_format(date, "yyyy/m/d");
	worksheet_write_string(ws, 0, 0, "日期", NULL);
	worksheet_write_string(ws, 0, 1, "作品ID", NULL);
	worksheet_write_string(ws, 0, 2, "播放量", NULL);
	worksheet_write_string(ws, 0, 3, "完播率", NULL);
	worksheet_write_string(ws, 0, 4, "收益（元）", NULL);
	worksheet_write_datetime(ws, 1, 0, &d1, date);
	/* A 19-digit id must be text: as a number it would lose digits. */
	worksheet_write_string(ws, 1, 1, "7310000000000000001", NULL);
	worksheet_write_number(ws, 1, 2, 1234, NULL);
	worksheet_write_number(ws, 1, 3, 0.25, NULL);
	worksheet_write_number(ws, 1, 4, 12.34, NULL);
	worksheet_write_datetime(ws, 2, 0, &d2, date);
	worksheet_write_string(ws, 2, 1, "7310000000000000001", NULL);
	worksheet_write_number(ws, 2, 2, -5, NULL);
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
	ck_assert_int_eq(imp_path(path, NULL, NULL, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "daily.xlsx:3: 播放量: negative "
	    "count (-5)"));
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "0");
	{
		struct import_opts o = { .as_of = DAY_NONE, .skip_bad_rows = true };
		struct pt_err err = { 0 };
		ck_assert_int_eq(import_file(db, path, &o, &st, &err), 0);
	}
	ck_assert_str_eq(q1("SELECT day || '|' || plays || '|' || "
	    "completion_rate || '|' || revenue_fen FROM daily"),
	    "2026-11-03|1234|0.25|1234");
}
END_TEST

/* A work's day twice in a sheet: the later row's figures are kept and
 * the report names its row, as for CSV. */
START_TEST(repeated_work_day_in_a_sheet)
{
	const char *path = test_path(tmp, "rep.xlsx");
	lxw_workbook *wb = workbook_new(path);
	lxw_worksheet *ws = workbook_add_worksheet(wb, NULL);
	static const double plays[] = { 10, 20, 30 };
	struct import_stats st;

	load_accounts();
	ck_assert_int_eq(imp_text("w.csv", "work_id,account_id\n"
	    "7310000000000000001,acc1\n", &st), 0);
	worksheet_write_string(ws, 0, 0, "日期", NULL);
	worksheet_write_string(ws, 0, 1, "作品ID", NULL);
	worksheet_write_string(ws, 0, 2, "播放量", NULL);
	for (int r = 1; r <= 3; r++) {
		worksheet_write_string(ws, (lxw_row_t)r, 0, r == 2 ?
		    "2026-11-04" : "2026-11-03", NULL);
		worksheet_write_string(ws, (lxw_row_t)r, 1,
		    "7310000000000000001", NULL);
		worksheet_write_number(ws, (lxw_row_t)r, 2, plays[r - 1], NULL);
	}
	ck_assert_int_eq(workbook_close(wb), LXW_NO_ERROR);
	ck_assert_int_eq(imp_path(path, NULL, NULL, &st), 0);
	ck_assert_int_eq(st.rows, 3);
	ck_assert_ptr_nonnull(strstr(reports, "rep.xlsx:4: the same work and "
	    "day as an earlier row: this row's figures replace it "
	    "(7310000000000000001 2026-11-03)"));
	ck_assert_str_eq(q1("SELECT plays FROM daily WHERE day = '2026-11-03'"),
	    "30");
}
END_TEST

#endif

static Suite *
xlsx_suite(void)
{
	Suite *s = suite_create("import_xlsx");
	TCase *tc = tcase_create("xlsx");

	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, handmade_fixture);
	tcase_add_test(tc, not_a_spreadsheet);
#ifdef HAVE_XLSXWRITER
	tcase_add_test(tc, snapshot_differencing_out_of_order);
	tcase_add_test(tc, snapshot_matches_known_works_by_time_and_title);
	tcase_add_test(tc, project_tables_in_xlsx);
	tcase_add_test(tc, repeated_work_day_in_a_sheet);
#endif
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
#ifndef HAVE_XLSXWRITER
	fprintf(stderr, "SKIP: libxlsxwriter-dev is missing: the xlsx "
	    "writer tests do not run (apt-get install libxlsxwriter-dev)\n");
	if (test_run_suite(xlsx_suite()) == 0)
		return 77;	/* counted as skipped, never as passed */
	return 1;
#else
	return test_run_suite(xlsx_suite());
#endif
}
