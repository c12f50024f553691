#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/engine_internal.h"
#include "core/exitcode.h"
#include "core/report.h"
#include "core/db_internal.h"

/* A stored amount as a sum may take it: an estimate is at most
 * ENGINE_FEN_CAP (1e12) fen a row and never negative, so a value outside
 * that (written by an older version, or by hand) cannot overflow sum()
 * and make every report fail; rescore replaces it. */
#define FEN_SANE(x) "min(max(" x ", 0), 1000000000000)"

static const char SQL_ACCOUNTS[] =
    "SELECT a.account_id, a.name, a.kind, a.plan_status, "
    " (SELECT sum(" FEN_SANE("s.settled_fen") ") FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(" FEN_SANE("s.estimated_fen") ") FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT count(*) FROM work w WHERE w.account_id = a.account_id), "
    " c.base, c.days, c.r2, "
    " (SELECT s.eligible || ' ' || s.reasons FROM account_score s "
    "   WHERE s.account_id = a.account_id AND s.day <= ?2 "
    "   ORDER BY s.day DESC LIMIT 1) "
    "FROM account a LEFT JOIN calibration c ON c.account_id = a.account_id "
    "WHERE ?3 IS NULL OR a.account_id = ?3 ORDER BY a.account_id";
static const char SQL_WORKS[] =
    "SELECT w.work_id, w.account_id, w.title, "
    " (SELECT sum(" FEN_SANE("d.revenue_fen") ") FROM daily d "
    "   WHERE d.work_id = w.work_id AND d.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(" FEN_SANE("s.estimated_fen") ") FROM work_score s "
    "   WHERE s.work_id = w.work_id AND s.day BETWEEN ?1 AND ?2), "
    " (SELECT sum(d.profitable_plays) FROM daily d "
    "   WHERE d.work_id = w.work_id AND d.day BETWEEN ?1 AND ?2), "
    " (SELECT s.eligible || ' ' || s.reasons FROM work_score s "
    "   WHERE s.work_id = w.work_id AND s.day BETWEEN ?1 AND ?2 "
    "   ORDER BY s.day DESC LIMIT 1) "
    "FROM work w WHERE (?3 IS NULL OR w.account_id = ?3) "
    "AND (?4 IS NULL OR w.work_id = ?4) ORDER BY w.account_id, w.work_id";
static const char SQL_DAILY_WORK[] =
    "SELECT d.day, d.plays, d.profitable_plays, d.likes, d.favorites, "
    "d.comments, d.shares, d.revenue_fen, s.estimated_fen "
    "FROM daily d LEFT JOIN work_score s ON s.work_id = d.work_id "
    "AND s.day = d.day WHERE d.work_id = ?3 AND d.day BETWEEN ?1 AND ?2 "
    "ORDER BY d.day";
static const char SQL_DAILY_ACCOUNT[] =
    "SELECT d.day, sum(d.plays), sum(d.profitable_plays), sum(d.likes), "
    "sum(d.favorites), sum(d.comments), sum(d.shares), sum(" FEN_SANE("d.revenue_fen") "), "
    "sum(" FEN_SANE("s.estimated_fen") ") "
    "FROM work w CROSS JOIN daily d ON d.work_id = w.work_id "
    "AND d.day BETWEEN ?1 AND ?2 "
    "LEFT JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day "
    "WHERE ?3 IS NULL OR w.account_id = ?3 "
    "GROUP BY d.day ORDER BY d.day";
/* One account, from the sums the engine kept with each account-day: a
 * row per day of the window (when every scored day of the window has
 * them and none waits for a rescore: SQL_DAILY_KEPT_OK). */
static const char SQL_DAILY_KEPT_OK[] =
    "SELECT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?3) "
    "AND NOT EXISTS (SELECT 1 FROM account_score WHERE account_id = ?3 "
    " AND day BETWEEN ?1 AND ?2 AND NOT sums_kept) "
    "AND NOT EXISTS (SELECT 1 FROM dirty WHERE account_id = ?3 "
    " AND day BETWEEN ?1 AND ?2)";
static const char SQL_DAILY_KEPT[] =
    "SELECT day, plays, profitable_plays, likes, favorites, comments, "
    "shares, revenue_fen, estimated_fen FROM account_score "
    "WHERE account_id = ?3 AND day BETWEEN ?1 AND ?2 ORDER BY day";
/* Else its works by index, not every work of the database. */
static const char SQL_DAILY_ONE_ACCOUNT[] =
    "SELECT d.day, sum(d.plays), sum(d.profitable_plays), sum(d.likes), "
    "sum(d.favorites), sum(d.comments), sum(d.shares), sum(" FEN_SANE("d.revenue_fen") "), "
    "sum(" FEN_SANE("s.estimated_fen") ") "
    "FROM work w CROSS JOIN daily d ON d.work_id = w.work_id "
    "AND d.day BETWEEN ?1 AND ?2 "
    "LEFT JOIN work_score s ON s.work_id = d.work_id AND s.day = d.day "
    "WHERE w.account_id = ?3 "
    "GROUP BY d.day ORDER BY d.day";

static struct report_num
num(sqlite3_stmt *st, int i)
{
	struct report_num n = { false, 0 };

	n.known = eng_col_int(st, i, &n.v);
	return n;
}

static char *
dup_col(sqlite3_stmt *st, int i)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	return strdup(s != NULL ? s : "");
}

/* "1 reasons" / "0 no_violation_90d,..." from the subqueries above. */
static void
eligible_col(sqlite3_stmt *st, int i, bool *has, bool *eligible,
    char **reasons)
{
	const char *s = (const char *)sqlite3_column_text(st, i);

	*has = s != NULL;
	*eligible = s != NULL && s[0] == '1';
	*reasons = strdup(s != NULL && strlen(s) > 2 ? s + 2 : "");
}

static void *
grow(void *p, size_t n, size_t size, size_t *cap)
{
	if (n < *cap)
		return p;
	*cap = *cap ? *cap * 2 : 32;
	return realloc(p, *cap * size);
}

static void
bind_window(sqlite3_stmt *st, const struct report_filter *f, char a[DAY_BUFSZ],
    char b[DAY_BUFSZ])
{
	db_bind_text(st, 1, day_format(f->from, a));
	db_bind_text(st, 2, day_format(f->to, b));
}

/* Ends a row loop: a loop left on SQLITE_ROW stopped for want of memory. */
static bool
finish_rows(struct db *db, sqlite3_stmt *st, int rc, const char *doing,
    struct pt_err *err)
{
	sqlite3_reset(st);
	if (rc == SQLITE_DONE)
		return true;
	if (rc == SQLITE_ROW)
		err_set(err, PT_EXIT_DB, "out of memory");
	else
		db_error(db, err, doing);
	return false;
}

bool
report_accounts(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ACCOUNTS, err);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, f->account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_account *r, *p = grow(out->u.accounts, out->n,
		    sizeof *p, &cap);
		if (p == NULL)
			break;
		out->u.accounts = p;
		r = &p[out->n++];
		memset(r, 0, sizeof *r);
		r->account_id = dup_col(st, 0);
		r->name = dup_col(st, 1);
		r->kind = dup_col(st, 2);
		r->plan_status = dup_col(st, 3);
		r->settled_fen = num(st, 4);
		r->estimated_fen = num(st, 5);
		r->works = sqlite3_column_int(st, 6);
		r->has_calibration = eng_col_double(st, 7, &r->cal_base);
		r->cal_days = sqlite3_column_int(st, 8);
		r->has_r2 = eng_col_double(st, 9, &r->cal_r2);
		eligible_col(st, 10, &r->has_eligible, &r->eligible, &r->reasons);
	}
	if (!finish_rows(db, st, rc, "reading accounts", err)) {
		report_accounts_free(out);
		return false;
	}
	return true;
}

bool
report_works(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_WORKS, err);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, f->account_id);
	db_bind_text(st, 4, f->work_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_work *r, *p = grow(out->u.works, out->n, sizeof *p,
		    &cap);
		if (p == NULL)
			break;
		out->u.works = p;
		r = &p[out->n++];
		memset(r, 0, sizeof *r);
		r->work_id = dup_col(st, 0);
		r->account_id = dup_col(st, 1);
		r->title = dup_col(st, 2);
		r->revenue_fen = num(st, 3);
		r->estimated_fen = num(st, 4);
		r->profitable_plays = num(st, 5);
		eligible_col(st, 6, &r->has_eligible, &r->eligible, &r->reasons);
	}
	if (!finish_rows(db, st, rc, "reading works", err)) {
		report_works_free(out);
		return false;
	}
	return true;
}

/* True when an account's days in the window can be read from the sums
 * kept with its account-days. */
static bool
daily_kept(struct db *db, const struct report_filter *f)
{
	sqlite3_stmt *st = db_stmt(db, SQL_DAILY_KEPT_OK, NULL);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	bool yes = false;

	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, f->account_id);
	if (sqlite3_step(st) == SQLITE_ROW)
		yes = sqlite3_column_int(st, 0) != 0;
	sqlite3_reset(st);
	return yes;
}

bool
report_daily(struct db *db, const struct report_filter *f,
    struct report_rows *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, f->work_id ? SQL_DAILY_WORK :
	    !f->account_id ? SQL_DAILY_ACCOUNT : daily_kept(db, f) ?
	    SQL_DAILY_KEPT : SQL_DAILY_ONE_ACCOUNT, err);
	char a[DAY_BUFSZ], b[DAY_BUFSZ];
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return false;
	bind_window(st, f, a, b);
	db_bind_text(st, 3, f->work_id ? f->work_id : f->account_id);
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct report_day *r, *p = grow(out->u.days, out->n, sizeof *p,
		    &cap);
		if (p == NULL)
			break;
		out->u.days = p;
		r = &p[out->n++];
		r->day = eng_col_day(st, 0);
		r->plays = num(st, 1);
		r->profitable_plays = num(st, 2);
		r->likes = num(st, 3);
		r->favorites = num(st, 4);
		r->comments = num(st, 5);
		r->shares = num(st, 6);
		r->revenue_fen = num(st, 7);
		r->estimated_fen = num(st, 8);
	}
	if (!finish_rows(db, st, rc, "reading daily figures", err)) {
		report_daily_free(out);
		return false;
	}
	return true;
}

void
report_accounts_free(struct report_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct report_account *a = &r->u.accounts[i];
		free(a->account_id);
		free(a->name);
		free(a->kind);
		free(a->plan_status);
		free(a->reasons);
	}
	free(r->u.accounts);
	memset(r, 0, sizeof *r);
}

void
report_works_free(struct report_rows *r)
{
	for (size_t i = 0; i < r->n; i++) {
		struct report_work *w = &r->u.works[i];
		free(w->work_id);
		free(w->account_id);
		free(w->title);
		free(w->reasons);
	}
	free(r->u.works);
	memset(r, 0, sizeof *r);
}

void
report_daily_free(struct report_rows *r)
{
	free(r->u.days);
	memset(r, 0, sizeof *r);
}
