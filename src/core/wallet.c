#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/db_internal.h"
#include "core/engine.h"
#include "core/exitcode.h"
#include "core/grow.h"
#include "core/wallet.h"

#include "core/sql/wallet.sql.h"

fen_t
wallet_signed(const char *kind, fen_t amount)
{
	return strcmp(kind, "withdrawal") == 0 ? -amount : amount;
}

static void
bind_filter(sqlite3_stmt *st, const struct wallet_filter *f)
{
	db_bind_text(st, 1, f->account_id);
	db_bind_day(st, 2, f->from);
	db_bind_day(st, 3, f->to);
}

static void
read_entry(sqlite3_stmt *st, void *item, const void *arg)
{
	struct wallet_entry *e = item;

	(void)arg;
	e->id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, e->account_id, sizeof e->account_id);
	e->day = db_col_day(st, 2);
	db_col_copy(st, 3, e->kind, sizeof e->kind);
	e->amount_fen = sqlite3_column_int64(st, 4);
	e->appeal_id = sqlite3_column_int64(st, 5);
	db_col_copy(st, 6, e->entry_id, sizeof e->entry_id);
}

struct wallet_entry *
wallet_entries(struct db *db, const struct wallet_filter *f, size_t *n,
    fen_t *balance, struct pt_err *err)
{
	struct wallet_entry *v;
	sqlite3_stmt *st;

	*n = 0;
	*balance = 0;
	if ((st = db_stmt(db, SQL_ENTRIES, err)) == NULL)
		return NULL;
	bind_filter(st, f);
	if ((v = db_read_rows(db, st, sizeof *v, read_entry, NULL, n,
	    "reading the wallet", err)) == NULL)
		return NULL;
	if ((st = db_stmt(db, SQL_BALANCE, err)) == NULL) {
		free(v);
		*n = 0;
		return NULL;
	}
	bind_filter(st, f);
	if (sqlite3_step(st) == SQLITE_ROW)
		*balance = sqlite3_column_int64(st, 0);
	sqlite3_reset(st);
	return v;
}

static void
read_diff(sqlite3_stmt *st, void *item, const void *arg)
{
	struct wallet_diff *d = item;

	(void)arg;
	db_col_copy(st, 0, d->account_id, sizeof d->account_id);
	d->day = db_col_day(st, 1);
	d->settlement_fen = sqlite3_column_int64(st, 2);
	d->revenue_known = db_col_int64(st, 3, &d->revenue_fen);
}

struct wallet_diff *
wallet_reconcile(struct db *db, const struct wallet_filter *f, size_t *n,
    struct pt_err *err)
{
	sqlite3_stmt *st;

	*n = 0;
	if ((st = db_stmt(db, SQL_RECONCILE, err)) == NULL)
		return NULL;
	bind_filter(st, f);
	return db_read_rows(db, st, sizeof (struct wallet_diff), read_diff,
	    NULL, n, "reconciling the wallet", err);
}

static void
read_overdue(sqlite3_stmt *st, void *item, const void *arg)
{
	struct wallet_overdue *o = item;
	day_t today = *(const day_t *)arg;

	o->appeal_id = sqlite3_column_int64(st, 0);
	db_col_copy(st, 1, o->account_id, sizeof o->account_id);
	o->compensation_fen = sqlite3_column_int64(st, 2);
	o->expected_pay_on = db_col_day(st, 3);
	o->days_late = o->expected_pay_on == DAY_NONE ? 0 :
	    today - o->expected_pay_on;
}

struct wallet_overdue *
wallet_overdue(struct db *db, const char *account_id, day_t today, size_t *n,
    struct pt_err *err)
{
	char b[DAY_BUFSZ];
	sqlite3_stmt *st;

	*n = 0;
	if ((st = db_bound(db, SQL_OVERDUE, DB_ARGS(DB_TEXT(account_id),
	    DB_TEXT(day_format(today, b)),
	    DB_INT(engine_model()->comp_pay_days)), err)) == NULL)
		return NULL;
	return db_read_rows(db, st, sizeof (struct wallet_overdue),
	    read_overdue, &today, n, "looking for overdue compensations", err);
}
