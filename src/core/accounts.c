#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "core/accounts.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "core/grow.h"

#include "core/sql/accounts.sql.h"

void
accounts_free(struct account_list *l)
{
	for (size_t i = 0; i < l->n; i++) {
		struct account_row *a = &l->items[i];
		free(a->account_id);
		free(a->name);
		free(a->kind);
		free(a->certification);
		free(a->plan_status);
	}
	free(l->items);
	l->items = NULL;
	l->n = 0;
}

static char *
text_or(sqlite3_stmt *st, int col, const char *none)
{
	const char *t = (const char *)sqlite3_column_text(st, col);

	if (t == NULL)
		return none != NULL ? strdup(none) : NULL;
	return strdup(t);
}

/* One row; false out of memory. */
static bool
read_row(sqlite3_stmt *st, struct account_row *a)
{
	memset(a, 0, sizeof *a);
	a->account_id = text_or(st, 0, "");
	a->name = text_or(st, 1, "");
	a->kind = text_or(st, 2, "");
	a->plan_status = text_or(st, 4, "");
	a->celebrity = sqlite3_column_int(st, 5) != 0;
	a->bank_card = sqlite3_column_int(st, 6) != 0;
	a->works = sqlite3_column_int64(st, 7);
	a->open_appeals = sqlite3_column_int64(st, 8);
	if (sqlite3_column_type(st, 3) != SQLITE_NULL &&
	    (a->certification = text_or(st, 3, NULL)) == NULL)
		return false;
	return a->account_id != NULL && a->name != NULL && a->kind != NULL &&
	    a->plan_status != NULL;
}

/* By name, then id: as SQLite's BINARY collation orders them. */
static int
cmp_name(const void *x, const void *y)
{
	const struct account_row *a = x, *b = y;
	int c = strcmp(a->name, b->name);

	return c != 0 ? c : strcmp(a->account_id, b->account_id);
}

bool
accounts_list(struct db *db, enum accounts_order order,
    struct account_list *out, struct pt_err *err)
{
	sqlite3_stmt *st = db_stmt(db, SQL_ACCOUNTS, err);
	size_t cap = 0;
	int rc;

	memset(out, 0, sizeof *out);
	if (st == NULL)
		return false;
	/* a break leaves on a row: db_rows_end says out of memory; the
	 * row is counted before it is read, so a half-read one is freed */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct account_row *a = grow_push(&out->items, &out->n, &cap,
		    sizeof *a);
		if (a == NULL || !read_row(st, a))
			break;
	}
	if (!db_rows_end(db, st, rc, "reading the accounts", err)) {
		accounts_free(out);
		return false;
	}
	if (order == ACCOUNTS_BY_NAME && out->n > 1)
		qsort(out->items, out->n, sizeof *out->items, cmp_name);
	return true;
}

bool
accounts_take(struct db *db, size_t elem,
    void (*take)(void *item, struct account_row *r, const void *arg),
    const void *arg, void **items, size_t *n, struct pt_err *err)
{
	struct account_list l;
	char *p = NULL;

	*items = NULL;
	*n = 0;
	if (!accounts_list(db, ACCOUNTS_BY_ID, &l, err))
		return false;
	if (l.n > 0 && (p = calloc(l.n, elem)) == NULL) {
		accounts_free(&l);
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	for (size_t i = 0; i < l.n; i++)
		take(p + i * elem, &l.items[i], arg);
	*items = p;
	*n = l.n;
	accounts_free(&l);
	return true;
}
