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
	free(l->items);
	grow_strings_free(&l->strings);
	memset(l, 0, sizeof *l);
}

/* A text column kept in the list ("" for NULL); NULL out of memory. */
static char *
keep(struct account_list *l, sqlite3_stmt *st, int col)
{
	return grow_strdup(&l->strings,
	    (const char *)sqlite3_column_text(st, col));
}

/* One row; false out of memory. */
static bool
read_row(struct account_list *l, sqlite3_stmt *st, struct account_row *a)
{
	a->celebrity = sqlite3_column_int(st, 5) != 0;
	a->bank_card = sqlite3_column_int(st, 6) != 0;
	a->works = sqlite3_column_int64(st, 7);
	a->open_appeals = sqlite3_column_int64(st, 8);
	if (sqlite3_column_type(st, 3) != SQLITE_NULL &&
	    (a->certification = keep(l, st, 3)) == NULL)
		return false;
	return (a->account_id = keep(l, st, 0)) != NULL &&
	    (a->name = keep(l, st, 1)) != NULL &&
	    (a->kind = keep(l, st, 2)) != NULL &&
	    (a->plan_status = keep(l, st, 4)) != NULL;
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
	/* a break leaves on a row: db_rows_end says out of memory */
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		struct account_row *a = grow_push(&out->items, &out->n, &cap,
		    sizeof *a);
		if (a == NULL || !read_row(out, st, a))
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
    bool (*take)(void *item, const struct account_row *r, void *arg),
    void *arg, void **items, size_t *n, struct pt_err *err)
{
	struct account_list l;
	char *p = NULL;
	size_t i = 0, count;

	*items = NULL;
	*n = 0;
	if (!accounts_list(db, ACCOUNTS_BY_ID, &l, err))
		return false;
	count = l.n;
	if (count > 0 && (p = calloc(count, elem)) != NULL)
		while (i < count && take(p + i * elem, &l.items[i], arg))
			i++;
	accounts_free(&l);
	if (i < count) {
		free(p);
		err_set(err, PT_EXIT_DB, "out of memory");
		return false;
	}
	*items = p;
	*n = i;
	return true;
}
