#include "config.h"

#include <check.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include "engine_fixture.h"
#include "testutil.h"
#include "core/db_internal.h"
#include "core/engine.h"

struct model_params fx_model;
struct db *fx_db;

void
fx_setup(void)
{
	test_tmp_setup();
	modelconf_defaults(&fx_model);
	engine_set_model(&fx_model);
}

void
fx_setup_db(void)
{
	fx_setup();
	fx_model.calib_min_days = 100000;
	engine_set_model(&fx_model);
	fx_db = fx_open(test_tmp, "r.db");
}

void
fx_teardown_db(void)
{
	db_close(fx_db);
	fx_db = NULL;
	test_tmp_teardown();
}

void
fx_rescore(void)
{
	struct pt_err err = { 0 };

	ck_assert_msg(engine_rescore_all(fx_db, &err), "%s", err.msg);
}

double
fx_urand(unsigned *seed)
{
	return (rand_r(seed) + 0.5) / ((double)RAND_MAX + 1);
}

struct db *
fx_open(const char *dir, const char *name)
{
	struct pt_err err = { 0 };
	struct db *db = db_open(test_path(dir, name), DB_OPEN_CREATE, &err);

	ck_assert_msg(db != NULL, "open: %s", err.msg);
	return db;
}

static void
run(struct db *db, char *sql)
{
	char *msg = NULL;

	ck_assert_msg(sql != NULL, "out of memory");
	if (sqlite3_exec(db->sql, sql, NULL, NULL, &msg) != SQLITE_OK)
		ck_abort_msg("%s: %s", sql, msg);
	sqlite3_free(sql);
}

void
fx_sql(struct db *db, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	run(db, sqlite3_vmprintf(fmt, ap));
	va_end(ap);
}

static sqlite3_stmt *
query(struct db *db, const char *fmt, va_list ap)
{
	char *sql = sqlite3_vmprintf(fmt, ap);
	sqlite3_stmt *st;

	ck_assert_msg(sqlite3_prepare_v2(db->sql, sql, -1, &st, NULL) == SQLITE_OK,
	    "%s: %s", sql, sqlite3_errmsg(db->sql));
	ck_assert_msg(sqlite3_step(st) == SQLITE_ROW, "no row: %s", sql);
	sqlite3_free(sql);
	return st;
}

int64_t
fx_int(struct db *db, const char *fmt, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	int64_t v;

	va_start(ap, fmt);
	st = query(db, fmt, ap);
	va_end(ap);
	v = sqlite3_column_type(st, 0) == SQLITE_NULL ? FX_NULL :
	    sqlite3_column_int64(st, 0);
	sqlite3_finalize(st);
	return v;
}

double
fx_double(struct db *db, const char *fmt, ...)
{
	va_list ap;
	sqlite3_stmt *st;
	double v;

	va_start(ap, fmt);
	st = query(db, fmt, ap);
	va_end(ap);
	v = sqlite3_column_type(st, 0) == SQLITE_NULL ? FX_NULLF :
	    sqlite3_column_double(st, 0);
	sqlite3_finalize(st);
	return v;
}

void
fx_account(struct db *db, const char *id, const char *kind, bool celebrity,
    const char *cert, const char *plan)
{
	fx_sql(db, "INSERT INTO account(account_id, name, kind, celebrity, "
	    "certification, plan_status) VALUES (%Q, %Q, %Q, %d, %Q, %Q)", id, id,
	    kind, celebrity, cert, plan);
}

void
fx_work(struct db *db, const char *id, const char *account,
    const char *published_at)
{
	fx_sql(db, "INSERT INTO work(work_id, account_id, title, published_at) "
	    "VALUES (%Q, %Q, %Q, %Q)", id, account, id, published_at);
}

static void
num(char *buf, size_t n, int64_t v)
{
	if (v == FX_NULL)
		snprintf(buf, n, "NULL");
	else
		snprintf(buf, n, "%lld", (long long)v);
}

static void
numf(char *buf, size_t n, double v)
{
	if (v == FX_NULLF)
		snprintf(buf, n, "NULL");
	else
		snprintf(buf, n, "%.17g", v);
}

void
fx_daily(struct db *db, const char *work, const char *day, int64_t plays,
    int64_t pp, int64_t likes, int64_t favorites, double quality, double uv,
    int64_t revenue_fen)
{
	char a[32], b[32], c[32], d[32], e[32], f[32], g[32];

	num(a, sizeof a, plays);
	num(b, sizeof b, pp);
	num(c, sizeof c, likes);
	num(d, sizeof d, favorites);
	numf(e, sizeof e, quality);
	numf(f, sizeof f, uv);
	num(g, sizeof g, revenue_fen);
	fx_sql(db, "INSERT OR REPLACE INTO daily(work_id, day, plays, "
	    "profitable_plays, likes, favorites, quality, user_value, revenue_fen) "
	    "VALUES (%Q, %Q, %s, %s, %s, %s, %s, %s, %s)", work, day, a, b, c, d,
	    e, f, g);
}

void
fx_violation(struct db *db, const char *account, const char *work,
    const char *day, const char *status)
{
	fx_sql(db, "INSERT INTO violation(account_id, work_id, day, kind, status) "
	    "VALUES (%Q, %Q, %Q, 'misjudged', %Q)", account, work, day, status);
}

day_t
fx_day(const char *s)
{
	day_t d;

	ck_assert_msg(day_parse_iso(s, &d), "bad day %s", s);
	return d;
}

void
fx_two_works(struct db *db)
{
	fx_account(db, "a1", "personal", false, NULL, "joined");
	fx_work(db, "w1", "a1", "2026-10-01 12:00:00");
	fx_work(db, "w2", "a1", "2026-10-01");
	/* w1: 10 * 200 * 1 * 1 * 1 = 2000 fen; w2: 1 * 200 * 1 = 200 fen */
	fx_daily(db, "w1", "2026-11-01", 20000, 10000, 300, 100, 60, 1, FX_NULL);
	fx_daily(db, "w2", "2026-11-01", 2000, 1000, 30, 10, 60, 1, 150);
}
