#include "config.h"

#include <check.h>
#include <stdio.h>
#include <string.h>

#include "core/clock.h"
#include "core/db_internal.h"
#include "testutil.h"
#include "fixture.h"

struct db *imp_db;
char imp_reports[16384];

void
imp_collect(void *arg, const char *msg)
{
	size_t n = strlen(imp_reports);

	(void)arg;
	snprintf(imp_reports + n, sizeof imp_reports - n, "%s\n", msg);
}

void
imp_setup(void)
{
	struct pt_err err = { 0 };

	test_tmp_setup();
	imp_db = db_open(test_path(test_tmp, "t.db"), DB_OPEN_CREATE, &err);
	ck_assert_msg(imp_db != NULL, "%s", err.msg);
	imp_reports[0] = '\0';
	clock_set_today(0);
	ck_assert(clock_set_today_text("2026-11-26", &err));
}

void
imp_teardown(void)
{
	db_close(imp_db);
	imp_db = NULL;
	test_tmp_teardown();
}

int
imp_opts(const char *name, const char *text, long len,
    struct import_opts *o, struct import_stats *st)
{
	struct pt_err err = { 0 };
	const char *path = test_path(test_tmp, name);
	int rc;

	test_write_file(path, text, len < 0 ? (long)strlen(text) : len);
	o->report = imp_collect;
	rc = import_file(imp_db, path, o, st, &err);
	if (rc != 0)
		imp_collect(NULL, err.msg);
	return rc;
}

int
imp(const char *name, const char *text, struct import_stats *st)
{
	struct import_opts o = { .as_of = DAY_NONE };

	return imp_opts(name, text, -1, &o, st);
}

const char *
imp_q1(const char *sql)
{
	static char out[1024];
	sqlite3_stmt *st;

	out[0] = '\0';
	ck_assert_int_eq(sqlite3_prepare_v2(imp_db->sql, sql, -1, &st, NULL),
	    SQLITE_OK);
	if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
		snprintf(out, sizeof out, "%s", sqlite3_column_text(st, 0));
	sqlite3_finalize(st);
	return out;
}

const char imp_accounts_csv[] =
    "account_id,name,kind,certification,plan_status,bank_card\n"
    "acc1,济南农技老李,personal,农技师,joined,yes\n"
    "acc2,泉水文旅,企业关联,,已加入,否\n";
const char imp_works_csv[] =
    "作品ID,账号ID,作品名称,发布时间,时长,可见性,原创,商业内容\n"
    "w1,acc1,标题😀,2026年11月3日 12:30,00:01:23,公开,是,无\n"
    "w2,acc2,x,2026/11/3,83,public,no,ad\n";

void
imp_load_base(void)
{
	struct import_stats st;

	ck_assert_int_eq(imp("accounts.csv", imp_accounts_csv, &st), 0);
	ck_assert_int_eq(imp("works.csv", imp_works_csv, &st), 0);
}

char mem_reports[4096];
struct import_stats mem_st;
struct pt_err mem_err;

static void
mem_collect(void *arg, const char *msg)
{
	size_t n = strlen(mem_reports);

	(void)arg;
	snprintf(mem_reports + n, sizeof mem_reports - n, "%s\n", msg);
}

int
imp_parse_mem(const char *name, const char *bytes, size_t len)
{
	struct import_opts o = { .as_of = DAY_NONE, .report = mem_collect,
	    .work = "w1" };

	mem_reports[0] = '\0';
	memset(&mem_st, 0, sizeof mem_st);
	memset(&mem_err, 0, sizeof mem_err);
	return import_parse_buffer(name, bytes, len, &o, &mem_st, &mem_err);
}
