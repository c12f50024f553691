/* The accounts: one query answers "which accounts are there" for every
 * list of them (the TUI's account choice, the accounts overview, the
 * engine's and the appeal form's pickers). */
#ifndef PT_ACCOUNTS_H
#define PT_ACCOUNTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/db.h"
#include "core/err.h"
#include "core/grow.h"

/* An account as stored; strings are never NULL except certification. */
struct account_row {
	char *account_id, *name;
	char *kind;		/* personal, enterprise, enterprise_affiliated */
	char *certification;	/* NULL: none */
	char *plan_status;	/* not_joined, pending, joined, rejected */
	bool celebrity, bank_card;
	int64_t works;		/* its works in the database */
	int64_t open_appeals;	/* draft, submitted or approved */
};

struct account_list {
	size_t n;
	struct account_row *items;
	struct grow_strings strings;	/* the items' */
};

enum accounts_order {
	ACCOUNTS_BY_ID,
	ACCOUNTS_BY_NAME,	/* then by id */
};

/* Every account, in the order asked. False (err set, *out empty) on a
 * database error or out of memory. */
bool accounts_list(struct db *db, enum accounts_order order,
    struct account_list *out, struct pt_err *err);
void accounts_free(struct account_list *l);
/* Every account by id, each handed to take() with item i of a new zeroed
 * array of elem-byte items (*items; NULL for none, *n items); the row's
 * strings go with the list: take() copies what it keeps, false when
 * memory runs out. False (err set, nothing allocated) on a database
 * error or out of memory. */
bool accounts_take(struct db *db, size_t elem,
    bool (*take)(void *item, const struct account_row *r, void *arg),
    void *arg, void **items, size_t *n, struct pt_err *err);

#endif
