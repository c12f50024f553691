/* The import module: each reader, rejections with their line numbers,
 * atomicity, idempotency, encodings, snapshot differencing. (The value
 * notations: tests/core/value.c.) */
#include "config.h"

#include <check.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "core/clock.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "core/store.h"
#include "core/value.h"
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
	clock_set_today(0);
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

static day_t
D(const char *s)
{
	day_t d;

	ck_assert_msg(day_parse_iso(s, &d), "bad day %s", s);
	return d;
}

/* Writes name with the given text and imports it. */
static int
imp_opts(const char *name, const char *text, long len,
    struct import_opts *o, struct import_stats *st)
{
	struct pt_err err = { 0 };
	const char *path = test_path(tmp, name);
	int rc;

	test_write_file(path, text, len < 0 ? (long)strlen(text) : len);
	o->report = collect;
	rc = import_file(db, path, o, st, &err);
	if (rc != 0)
		collect(NULL, err.msg);
	return rc;
}

static int
imp(const char *name, const char *text, struct import_stats *st)
{
	struct import_opts o = { .as_of = DAY_NONE };

	return imp_opts(name, text, -1, &o, st);
}

/* A single value of the database, as text ("" for NULL). */
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

static const char accounts_csv[] =
    "account_id,name,kind,certification,plan_status,bank_card\n"
    "acc1,济南农技老李,personal,农技师,joined,yes\n"
    "acc2,泉水文旅,企业关联,,已加入,否\n";
static const char works_csv[] =
    "作品ID,账号ID,作品名称,发布时间,时长,可见性,原创,商业内容\n"
    "w1,acc1,标题😀,2026年11月3日 12:30,00:01:23,公开,是,无\n"
    "w2,acc2,x,2026/11/3,83,public,no,ad\n";

static void
load_base(void)
{
	struct import_stats st;

	ck_assert_int_eq(imp("accounts.csv", accounts_csv, &st), 0);
	ck_assert_int_eq(imp("works.csv", works_csv, &st), 0);
}

/* ---- CSV ---- */

START_TEST(csv_tables_and_values)
{
	struct import_stats st;

	load_base();
	ck_assert_str_eq(q1("SELECT kind || certification FROM account "
	    "WHERE account_id = 'acc1'"), "personal农技师");
	ck_assert_str_eq(q1("SELECT kind || plan_status || bank_card || "
	    "ifnull(certification, 'none') FROM account WHERE account_id = 'acc2'"),
	    "enterprise_affiliatedjoined0none");
	ck_assert_str_eq(q1("SELECT published_at || '|' || duration_s || '|' || "
	    "title FROM work WHERE work_id = 'w1'"),
	    "2026-11-03 12:30:00|83|标题😀");
	ck_assert_str_eq(q1("SELECT published_at || original || commercial "
	    "FROM work WHERE work_id = 'w2'"), "2026-11-030ad");
	ck_assert_int_eq(imp("daily.csv",
	    "date,work_id,plays,likes,completion_rate,revenue,avg_play_duration\n"
	    "2026-11-03,w1,\"1,234\",1.2万,16.42%,¥12.34,00:01:23\n"
	    "2026/11/4,w1,-,3,0.5,12.34元,83\n", &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_str_eq(st.table, "daily");
	ck_assert_str_eq(q1("SELECT plays || '|' || likes || '|' || "
	    "completion_rate || '|' || revenue_fen || '|' || avg_play_duration "
	    "FROM daily WHERE day = '2026-11-03'"), "1234|12000|0.1642|1234|83.0");
	/* Missing stays NULL, never 0. */
	ck_assert_str_eq(q1("SELECT ifnull(plays, 'NULL') FROM daily "
	    "WHERE day = '2026-11-04'"), "NULL");
	ck_assert_str_eq(q1("SELECT group_concat(account_id || day) FROM "
	    "(SELECT * FROM dirty ORDER BY day)"), "acc12026-11-03,acc12026-11-04");
}
END_TEST

START_TEST(csv_idempotent_and_partial_columns)
{
	struct import_stats st;
	const char *daily = "date,work_id,plays,likes\n2026-11-03,w1,10,1\n";

	load_base();
	ck_assert_int_eq(imp("d.csv", daily, &st), 0);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_int_eq(imp("d.csv", daily, &st), 0);
	ck_assert_int_eq(st.inserted + st.updated, 0);
	ck_assert_int_eq(st.unchanged, 1);
	ck_assert_int_eq(imp("accounts.csv", accounts_csv, &st), 0);
	ck_assert_int_eq(st.unchanged, 2);
	/* A file with other columns adds them and keeps the rest. */
	ck_assert_int_eq(imp("r.csv", "日期,作品ID,收益\n2026-11-03,w1,1.5\n",
	    &st), 0);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(q1("SELECT plays || '|' || likes || '|' || revenue_fen "
	    "FROM daily"), "10|1|150");
	ck_assert_str_eq(q1("SELECT count(*) FROM import_run WHERE outcome = "
	    "'ok' AND length(checksum) = 64 AND who <> ''"), "6");
}
END_TEST

/* The wallet is a ledger: two identical rows of a file are two entries;
 * re-importing the file (or a longer export holding it) matches them as
 * a multiset; an entry id (流水号) is an identity of its own. */
START_TEST(wallet_identical_entries_and_multiset_reimport)
{
	struct import_stats st;
	const char *two = "account_id,date,kind,amount\n"
	    "acc1,2026-11-20,compensation,20.00\n"
	    "acc1,2026-11-20,compensation,20.00\n"
	    "acc1,2026-11-20,settlement,3.10\n";
	const char *three = "账号ID,日期,类型,金额\n"
	    "acc1,2026-11-20,补款,20.00\n"
	    "acc1,2026-11-21,结算,1.00\n"
	    "acc1,2026-11-20,补款,20.00\n"
	    "acc1,2026-11-20,补款,20.00\n";

	load_base();
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 3);
	ck_assert_str_eq(q1("SELECT count(*) || '|' || sum(amount_fen) FROM "
	    "wallet WHERE kind = 'compensation'"), "2|4000");
	/* the same file again: nothing new */
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 0);
	ck_assert_int_eq(st.unchanged, 3);
	/* a later export with a third identical entry: only it is new */
	ck_assert_int_eq(imp("w3.csv", three, &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_int_eq(st.unchanged, 2);
	ck_assert_str_eq(q1("SELECT count(*) || '|' || sum(amount_fen) FROM "
	    "wallet WHERE kind = 'compensation'"), "3|6000");
	ck_assert_str_eq(q1("SELECT sum(amount_fen) FROM wallet"), "6410");
	/* entry ids name the entries: they take the ones without an id
	 * first, then are entries of their own */
	ck_assert_int_eq(imp("wid.csv", "account_id,date,kind,amount,流水号\n"
	    "acc1,2026-11-20,compensation,20.00,T1\n"
	    "acc1,2026-11-20,compensation,20.00,T2\n"
	    "acc1,2026-11-20,compensation,20.00,T3\n"
	    "acc1,2026-11-20,compensation,20.00,T4\n", &st), 0);
	ck_assert_int_eq(st.updated, 3);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_str_eq(q1("SELECT count(*) FROM wallet WHERE kind = "
	    "'compensation' AND entry_id IS NOT NULL"), "4");
	ck_assert_int_eq(imp("wid.csv", "account_id,date,kind,amount,entry_id\n"
	    "acc1,2026-11-20,compensation,20.00,T4\n", &st), 0);
	ck_assert_int_eq(st.unchanged, 1);
	/* the multiset still counts them: the first file changes nothing */
	ck_assert_int_eq(imp("w.csv", two, &st), 0);
	ck_assert_int_eq(st.inserted, 0);
	ck_assert_str_eq(q1("SELECT count(*) FROM wallet"), "6");
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

	load_base();
	ck_assert_int_eq(imp("bad.csv", bad, &st), PT_EXIT_DATA);
	ck_assert_int_eq(st.rejected, 9);
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:3: plays: negative count (-5)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:4: completion_rate: rate above 100% (120%)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:5: date: no such date (2026-02-30)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:6: work_id: unknown work"));
	ck_assert_ptr_nonnull(strstr(reports, "(nope)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:7: revenue: more precise than a fen (0.01) (1.234)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:8: 5 fields where the header has 6"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:9: plays: number too large"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:10: quality: quality outside 0-100 (101)"));
	ck_assert_ptr_nonnull(strstr(reports, "bad.csv:11: plays: not a number (x)"));
	/* Nothing went in, and the run is recorded as rejected. */
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "0");
	ck_assert_str_eq(q1("SELECT count(*) FROM dirty"), "0");
	ck_assert_str_eq(q1("SELECT outcome || rows_rejected FROM import_run "
	    "ORDER BY id DESC LIMIT 1"), "rejected9");
	/* With --skip-bad-rows the good one goes in. */
	{
		struct import_opts o = { .as_of = DAY_NONE, .skip_bad_rows = true };
		ck_assert_int_eq(imp_opts("bad.csv", bad, -1, &o, &st), 0);
		ck_assert_int_eq(st.inserted, 1);
		ck_assert_int_eq(st.rejected, 9);
		ck_assert_str_eq(q1("SELECT outcome FROM import_run ORDER BY "
		    "id DESC LIMIT 1"), "partial");
	}
}
END_TEST

START_TEST(csv_other_rejections)
{
	struct import_stats st;

	load_base();
	ck_assert_int_eq(imp("w.csv", "work_id,account_id,visibility\n"
	    "w3,ghost,public\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "w.csv:2: account_id: unknown account"));
	ck_assert_int_eq(imp("v.csv", "work_id,account_id,visibility\n"
	    "w3,acc1,private\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "v.csv:2: visibility: unknown value; "
	    "expected public, one_day, self_only, deleted or 公开"));
	ck_assert_int_eq(imp("u.csv", "作品ID,账号ID,作品名称\n"
	    "w3,acc1,\"\xff\xfe\"\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "u.csv:2: 作品名称: invalid UTF-8"));
	ck_assert_int_eq(imp("n.csv", "work_id,account_id,title\n"
	    "w3,acc1,\"\xff\xfe\"\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "neither UTF-8 nor GB18030"));
	ck_assert_int_eq(imp("m.csv", "wallet_id,foo\n1,2\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "m.csv:1: the header matches none"));
	ck_assert_int_eq(imp("q.csv", "date,work_id,plays\n2026-11-03,w1,\"1\"2\n",
	    &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "q.csv:2: malformed CSV"));
	ck_assert_int_eq(imp("wa.csv", "账号ID,日期,类型,金额\n"
	    "acc1,2026-11-03,提现,-5\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "wa.csv:2: amount: negative amount"));
	ck_assert_int_eq(imp("ap.csv", "account_id,submitted_on,reviewed_on\n"
	    "acc1,2026-11-03,2026-11-01\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "ap.csv:2: reviewed_on: reviewed "
	    "before it was submitted"));
	/* An ID a spreadsheet turned into a rounded number is refused (its
	 * digits are gone); text that only looks like one is an ID. */
	ck_assert_int_eq(imp("sci.csv", "work_id,account_id\n7.31E+18,acc1\n"
	    "-3E-2,acc1\n1e5,acc1\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "sci.csv:2: work_id: an ID written "
	    "as a number in scientific notation has lost its digits"));
	ck_assert_ptr_nonnull(strstr(reports, "sci.csv:3: work_id:"));
	ck_assert_ptr_nonnull(strstr(reports, "sci.csv:4: work_id:"));
	ck_assert_int_eq(st.rejected, 3);
	ck_assert_int_eq(imp("nsci.csv", "work_id,account_id\ne5,acc1\n1E,acc1\n"
	    "1E+,acc1\n.5e3,acc1\n+1.5e3x,acc1\n", &st), PT_EXIT_OK);
	ck_assert_int_eq(st.inserted, 5);
	ck_assert_str_eq(q1("SELECT count(*) FROM work WHERE work_id IN "
	    "('e5', '1E', '1E+', '.5e3', '+1.5e3x')"), "5");
	ck_assert_str_eq(q1("SELECT count(*) FROM work"), "7");
}
END_TEST

START_TEST(csv_atomic_bad_last_row)
{
	struct import_stats st;
	char big[200000];
	size_t n = 0;

	load_base();
	ck_assert_int_eq(imp("d.csv", "date,work_id,plays\n2026-10-01,w1,7\n",
	    &st), 0);
	n += (size_t)snprintf(big + n, sizeof big - n, "date,work_id,plays\n");
	for (int i = 0; i < 2000; i++) {
		char d[DAY_BUFSZ];
		n += (size_t)snprintf(big + n, sizeof big - n, "%s,w1,%d\n",
		    day_format(D("2020-01-01") + i, d), i);
	}
	/* The same day as before, changed: must not survive either. */
	n += (size_t)snprintf(big + n, sizeof big - n, "2026-10-01,w1,8\n");
	n += (size_t)snprintf(big + n, sizeof big - n, "2026-10-02,w1,-1\n");
	ck_assert_int_eq(imp("big.csv", big, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "big.csv:2003: plays: negative count"));
	ck_assert_str_eq(q1("SELECT count(*) || '|' || sum(plays) FROM daily"), "1|7");
	ck_assert_str_eq(q1("SELECT count(*) FROM dirty"), "1");
}
END_TEST

START_TEST(csv_dry_run_writes_nothing)
{
	struct import_opts o = { .as_of = DAY_NONE, .dry_run = true };
	struct import_stats st;

	load_base();
	ck_assert_int_eq(imp_opts("d.csv", "date,work_id,plays\n2026-10-01,w1,7\n",
	    -1, &o, &st), 0);
	ck_assert_int_eq(st.inserted, 1);
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "0");
	ck_assert_str_eq(q1("SELECT outcome FROM import_run ORDER BY id DESC "
	    "LIMIT 1"), "dry_run");
}
END_TEST

START_TEST(csv_bom_crlf_quoted_newlines)
{
	struct import_stats st;

	ck_assert_int_eq(imp("a.csv", "\xef\xbb\xbf" "account_id,name\r\n"
	    "acc1,\"多行\r\n名字, 带逗号 \"\"引号\"\"\"\r\n\r\n"
	    "acc2,b\r\n", &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_str_eq(q1("SELECT name FROM account WHERE account_id = 'acc1'"),
	    "多行\r\n名字, 带逗号 \"引号\"");
	/* Line numbers count the physical lines, quoted ones included. */
	ck_assert_int_eq(imp("b.csv", "account_id,kind\r\n"
	    "acc1,\"personal\"\r\n"
	    "\"acc\n3\",personal\r\n"
	    "acc4,robot\r\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "b.csv:5: kind: unknown value"));
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
	ck_assert_str_eq(q1("SELECT name FROM account"), "济南");
	/* GBK with CRLF, a quoted field and a byte that is not GB18030 on
	 * line 4: named by its line. */
	ck_assert_int_eq(imp("gb2.csv",
	    "\xd5\xcb\xba\xc5ID,\xd5\xcb\xba\xc5\xc3\xfb\xb3\xc6\r\n"
	    "acc2,\"\xbc\xc3,\xc4\xcf\"\r\n"
	    "acc3,\xbc\xc3\r\n"
	    "acc4,\xff\r\n", &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "gb2.csv:4: bytes that are "
	    "neither UTF-8 nor GB18030"));
	ck_assert_str_eq(q1("SELECT count(*) FROM account"), "1");
}
END_TEST

/* ---- JSON ---- */

START_TEST(json_item_endpoints)
{
	struct import_opts o = { .as_of = DAY_NONE, .work = "w1" };
	struct import_stats st;

	load_base();
	ck_assert_int_eq(imp_opts("play.json", "{\"extra\":{\"error_code\":0,"
	    "\"logid\":\"x\"},\"data\":{\"error_code\":0,\"description\":\"\","
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":120},"
	    "{\"date\":\"2026-11-02\",\"play\":80}]}}", -1, &o, &st), 0);
	ck_assert_int_eq(st.inserted, 2);
	ck_assert_int_eq(imp_opts("like.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"like\":7}]},"
	    "\"extra\":{\"error_code\":0}}", -1, &o, &st), 0);
	ck_assert_int_eq(st.updated, 1);
	ck_assert_str_eq(q1("SELECT plays || '|' || likes FROM daily WHERE "
	    "day = '2026-11-01'"), "120|7");
	/* The work from the file when --work is not given. */
	o.work = NULL;
	ck_assert_int_eq(imp_opts("share.json", "{\"item_id\":\"w2\",\"data\":"
	    "{\"error_code\":0,\"result_list\":[{\"date\":\"2026-11-01\","
	    "\"share\":3}]}}", -1, &o, &st), 0);
	ck_assert_str_eq(q1("SELECT shares FROM daily WHERE work_id = 'w2'"), "3");
	ck_assert_int_eq(imp_opts("nowork.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"play\":1}]}}", -1, &o,
	    &st), PT_EXIT_USAGE);
	ck_assert_ptr_nonnull(strstr(reports, "--work ID"));
}
END_TEST

START_TEST(json_errors)
{
	struct import_opts o = { .as_of = DAY_NONE, .work = "w1" };
	struct import_stats st;

	load_base();
	ck_assert_int_eq(imp_opts("e.json", "{\"extra\":{\"error_code\":2190008,"
	    "\"description\":\"access_token过期,请刷新或重新授权\"},\"data\":"
	    "{\"error_code\":2190008,\"description\":\"access_token过期,请刷新或"
	    "重新授权\"}}", -1, &o, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "error 2190008"));
	ck_assert_ptr_nonnull(strstr(reports, "access_token过期"));
	ck_assert_int_eq(imp_opts("b.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-31\",\"play\":1}]}}", -1, &o,
	    &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "b.json:1: date: no such date"));
	ck_assert_int_eq(imp_opts("t.json", "{\"data\":", -1, &o, &st),
	    PT_EXIT_DATA);
	/* Cut short: said so (json-c's own word for it is "continue"). */
	ck_assert_ptr_nonnull(strstr(reports, "t.json: the file ends inside "
	    "the JSON document (byte 8): it was cut short"));
	ck_assert_int_eq(imp_opts("s.json", "{\"data\":}", -1, &o, &st),
	    PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "s.json: not valid JSON"));
	ck_assert_int_eq(imp_opts("u.json", "{\"data\":{\"error_code\":0,"
	    "\"result_list\":[{\"date\":\"2026-11-01\",\"new_play\":1,"
	    "\"new_issue\":0,\"total_issue\":4}]}}", -1, &o, &st), PT_EXIT_DATA);
	ck_assert_ptr_nonnull(strstr(reports, "account-level"));
	ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "0");
}
END_TEST

/* Issue 16, 7: a file that changes while it is read (here: when the
 * importer reports its unknown column, after the first chunk) is refused
 * and nothing is written, whether it grows, shrinks or is rewritten. */
static const char *changing_path;
static int changing_how;

static void
change_file(void *arg, const char *msg)
{
	FILE *f;

	collect(arg, msg);
	if (changing_path == NULL || strstr(msg, "unknown column") == NULL)
		return;
	if (changing_how == 0) {		/* grows */
		f = fopen(changing_path, "a");
		fputs("2026-11-05,w1,9\n", f);
		fclose(f);
	} else if (changing_how == 1) {		/* cut short */
		ck_assert_int_eq(truncate(changing_path, 30), 0);
	} else {				/* rewritten, same size */
		f = fopen(changing_path, "r+");
		fputs("date,work_id,plays,extra\n2026-11-01,w1,8", f);
		fclose(f);
	}
}

START_TEST(file_changed_while_read)
{
	static const char text[] = "date,work_id,plays,extra\n"
	    "2026-11-01,w1,5,x\n2026-11-02,w1,6,x\n";

	load_base();
	for (changing_how = 0; changing_how < 3; changing_how++) {
		struct import_opts o = { .as_of = DAY_NONE, .report = change_file };
		struct import_stats st;
		struct pt_err err = { 0 };

		changing_path = test_path(tmp, "growing.csv");
		test_write_file(changing_path, text, (long)strlen(text));
		reports[0] = '\0';
		ck_assert_int_eq(import_file(db, changing_path, &o, &st, &err),
		    PT_EXIT_DATA);
		ck_assert_msg(strstr(err.msg, "growing.csv: the file changed "
		    "while it was read") != NULL, "%s", err.msg);
		ck_assert_ptr_nonnull(strstr(err.msg, "nothing was imported"));
		ck_assert_str_eq(q1("SELECT count(*) FROM daily"), "0");
		ck_assert_str_eq(q1("SELECT outcome FROM import_run ORDER BY "
		    "id DESC LIMIT 1"), "rejected");
	}
	changing_path = NULL;
}
END_TEST

/* The import reports progress through its callback only: a few times
 * while rows are read and once at the end, and it draws nothing itself. */
static struct import_progress last_progress;
static int progress_calls, progress_finals;
static char progress_file[256];

static void
note_progress(void *arg, const struct import_progress *p)
{
	(void)arg;
	last_progress = *p;
	snprintf(progress_file, sizeof progress_file, "%s", p->file);
	progress_calls++;
	progress_finals += p->final;
}

START_TEST(progress_through_callback_only)
{
	struct import_opts o = { .as_of = DAY_NONE, .progress = note_progress };
	struct import_stats st;
	const char *err_path = test_path(tmp, "stderr.txt");
	size_t len = 0, cap = 64 * 10000;
	char *text = malloc(cap);
	FILE *f;
	int saved;

	load_base();
	len += (size_t)snprintf(text, cap, "date,work_id,plays\n");
	for (int i = 0; i < 9000; i++)
		len += (size_t)snprintf(text + len, cap - len,
		    "2026-%02d-%02d,w1,%d\n", 1 + i / 28 % 12, 1 + i % 28, i);
	fflush(stderr);
	saved = dup(STDERR_FILENO);
	ck_assert_ptr_nonnull(freopen(err_path, "w", stderr));
	progress_calls = progress_finals = 0;
	imp_opts("progress.csv", text, (long)len, &o, &st);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	free(text);
	ck_assert_int_eq(progress_finals, 1);
	ck_assert_int_ge(progress_calls, 3);	/* rows 4096, 8192, the end */
	ck_assert(last_progress.final);
	ck_assert_int_eq(last_progress.rows, 9000);
	ck_assert_int_eq(last_progress.done_bytes, last_progress.total_bytes);
	ck_assert_ptr_nonnull(strstr(progress_file, "progress.csv"));
	f = fopen(err_path, "r");
	ck_assert_int_eq(fgetc(f), EOF);	/* nothing drawn on stderr */
	fclose(f);
}
END_TEST

static Suite *
import_suite(void)
{
	Suite *s = suite_create("import");
	TCase *tc = tcase_create("csv");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, csv_tables_and_values);
	tcase_add_test(tc, csv_idempotent_and_partial_columns);
	tcase_add_test(tc, wallet_identical_entries_and_multiset_reimport);
	tcase_add_test(tc, csv_rejections_name_line_and_value);
	tcase_add_test(tc, csv_other_rejections);
	tcase_add_test(tc, csv_atomic_bad_last_row);
	tcase_add_test(tc, csv_dry_run_writes_nothing);
	tcase_add_test(tc, csv_bom_crlf_quoted_newlines);
	tcase_add_test(tc, csv_gb18030);
	tcase_add_test(tc, progress_through_callback_only);
	suite_add_tcase(s, tc);

	tc = tcase_create("json");
	tcase_add_checked_fixture(tc, setup, teardown);
	tcase_add_test(tc, json_item_endpoints);
	tcase_add_test(tc, json_errors);
	tcase_add_test(tc, file_changed_while_read);
	suite_add_tcase(s, tc);
	return s;
}

int
main(void)
{
	return test_run_suite(import_suite());
}
