/* The appeals' suites' fixture: a database of two accounts, a violation
 * and figures to appeal, an operator reached over SSH, today 2026-11-26. */
#include "config.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "appeal_fixture.h"
#include "core/clock.h"
#include "core/db_internal.h"
#include "testutil.h"

const char *ap_dbpath;

const char AP_STATEMENT[] =
    "该作品为本人原创拍摄的济南街头美食记录，系统误判为搬运，请复核恢复收益。";

struct db *
ap_open_db(void)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(ap_dbpath, DB_OPEN_CREATE, &err);

	ck_assert_msg(db != NULL, "%s", err.msg);
	return db;
}

/* Account a1 with work w1; w1's violation on 2026-11-01 stops it
 * earning for 90 days; w1 has figures for 11-01..11-07 and 2027-01-29/30
 * (a day without figures is "no data yet", never a day that earned
 * nothing), and shows revenue on 2026-11-05 (so that day is not
 * appealable); a2 is clean. */
void
ap_setup(void)
{
	struct pt_err err = { 0 };
	struct db *db;

	test_tmp_setup();
	/* Before the first write: the client address is read once. */
	setenv("SSH_CONNECTION", "192.0.2.7 50000 192.0.2.1 22", 1);
	setenv("USER", "not-the-login", 1);
	ap_dbpath = strdup(test_path(test_tmp, "appeal.db"));
	clock_set_today(test_day("2026-11-26"));
	db = ap_open_db();
	ck_assert_msg(db_exec(db,
	    "INSERT INTO account(account_id, name, plan_status) VALUES"
	    " ('a1', '济南小厨', 'joined'), ('a2', '泉城记', 'joined');"
	    "INSERT INTO work(work_id, account_id, title) VALUES"
	    " ('w1', 'a1', '把子肉'), ('w2', 'a1', '油旋'), ('w9', 'a2', '甜沫');"
	    "INSERT INTO violation(account_id, work_id, day, kind) VALUES"
	    " ('a1', 'w1', '2026-11-01', 'unoriginal');"
	    "INSERT INTO daily(work_id, day, plays, revenue_fen) VALUES"
	    " ('w1', '2026-11-01', 800, 0), ('w1', '2026-11-02', 850, 0),"
	    " ('w1', '2026-11-03', 870, 0), ('w1', '2026-11-06', 700, 0),"
	    " ('w1', '2026-11-07', 650, 0), ('w1', '2027-01-29', 10, NULL),"
	    " ('w1', '2027-01-30', 10, NULL),"
	    " ('w1', '2026-11-04', 900, 0), ('w1', '2026-11-05', 1000, 120),"
	    " ('w9', '2026-11-03', 10, 0);", &err), "%s", err.msg);
	db_close(db);
}

void
ap_teardown(void)
{
	test_tmp_teardown();
	free((char *)ap_dbpath);
	ap_dbpath = NULL;
	clock_set_today(DAY_NONE);
}

void
ap_fill_valid(struct appeal *a)
{
	appeal_init(a);
	strcpy(a->account_id, "a1");
	strcpy(a->work_id, "w1");
	a->first_day = test_day("2026-11-02");
	a->last_day = test_day("2026-11-04");
	a->channel = APPEAL_CH_DIAGNOSIS;
	strcpy(a->category, "误判搬运");
	strcpy(a->statement, AP_STATEMENT);
	strcpy(a->evidence, "原始素材文件 IMG_2041.MOV");
}

int64_t
ap_new_appeal(struct db *db)
{
	struct pt_err err = { 0 };
	struct appeal a;

	ap_fill_valid(&a);
	ck_assert_msg(appeal_create(db, &a, &err), "%s", err.msg);
	ck_assert_int_gt(a.id, 0);
	ck_assert_int_eq(a.version, 1);
	ck_assert_int_eq(a.status, APPEAL_DRAFT);
	return a.id;
}
