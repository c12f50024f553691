#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/db_internal.h"
#include "core/exitcode.h"
#include "core/history.h"

/* The SQL of each table; the attribute names come from these constant
 * lists only, never from data. */
static const char *const account_attrs[] = { "kind", "celebrity",
    "certification", "plan_status", "bank_card", NULL };
static const char *const work_attrs[] = { "account_id", "visibility",
    "review", "original", "infringing", "commercial", "selected", NULL };

#include "core/sql/history.sql.h"

/* [of]: by table; SQL_VALUE_ON[of][pass]: on or before the day, then the
 * first one. */
static const char *const SQL_VALUE_ON[2][2] = {
	{ SQL_ACCOUNT_VALUE_ON, SQL_ACCOUNT_FIRST_VALUE },
	{ SQL_WORK_VALUE_ON, SQL_WORK_FIRST_VALUE },
};
static const char *const SQL_INSERT[2] = { SQL_ACCOUNT_INSERT,
    SQL_WORK_INSERT };
static const char *const SQL_LIST[2] = { SQL_ACCOUNT_LIST, SQL_WORK_LIST };

static bool
known_attr(enum history_of of, const char *attr)
{
	const char *const *list = of == HISTORY_ACCOUNT ? account_attrs :
	    work_attrs;

	for (int i = 0; list[i] != NULL; i++)
		if (strcmp(list[i], attr) == 0)
			return true;
	return false;
}

bool
history_value_on(struct db *db, enum history_of of, const char *id,
    const char *attr, day_t day, char *buf, size_t size, bool *is_null,
    bool *found, struct pt_err *err)
{
	*found = false;
	*is_null = false;
	if (size > 0)
		buf[0] = '\0';
	/* on or before the day; before the first one, the first one */
	for (int pass = 0; pass < 2 && !*found; pass++) {
		sqlite3_stmt *st;
		int rc;
		if ((st = db_bound(db, SQL_VALUE_ON[of][pass],
		    DB_ARGS(DB_TEXT(id), DB_TEXT(attr)), err)) == NULL)
			return false;
		if (pass == 0)
			db_bind_day(st, 3, day);
		rc = db_step_row(db, st, "reading attribute history", err);
		if (rc == DB_STEP_FAILED)
			return false;
		if (rc == DB_ROW) {
			const char *v = (const char *)sqlite3_column_text(st, 0);
			*found = true;
			*is_null = v == NULL;
			if (size > 0)
				snprintf(buf, size, "%s", v ? v : "");
			sqlite3_reset(st);
		}
	}
	return true;
}

int
history_record(struct db *db, enum history_of of, const char *id,
    const char *attr, const char *value, day_t effective, int64_t import_id,
    struct pt_err *err)
{
	return history_record_stated(db, of, id, attr, value, effective, true,
	    import_id, err);
}

int
history_record_stated(struct db *db, enum history_of of, const char *id,
    const char *attr, const char *value, day_t effective, bool stated,
    int64_t import_id, struct pt_err *err)
{
	char cur[HISTORY_VALUE_SZ], now[CLOCK_ISO_BUFSZ];
	bool is_null, found;
	sqlite3_stmt *st;

	if (!known_attr(of, attr)) {
		err_set(err, PT_EXIT_DB, "no history is kept of '%s'", attr);
		return -1;
	}
	if (value != NULL && value[0] == '\0' && strcmp(attr, "certification") == 0)
		value = NULL;	/* empty certification: none */
	if (!history_value_on(db, of, id, attr, effective, cur, sizeof cur,
	    &is_null, &found, err))
		return -1;
	if (found && (value == NULL ? is_null :
	    !is_null && strcmp(cur, value) == 0))
		return 0;
	if (!found && !stated)
		day_parse_iso(HISTORY_SINCE_ALWAYS, &effective);
	if ((st = db_bound(db, SQL_INSERT[of], DB_ARGS(DB_TEXT(id),
	    DB_TEXT(attr), DB_DAY(effective), DB_TEXT(value)), err)) == NULL)
		return -1;
	if (import_id > 0)
		sqlite3_bind_int64(st, 5, import_id);
	else
		sqlite3_bind_null(st, 5);
	db_bind_text(st, 6, clock_wall_iso(now));
	return db_step_done(db, st, "recording attribute history", err) ? 1 :
	    -1;
}

/* One statement per attribute: db_stmt() caches by the text's address. */
#define SYNC_ACCOUNT(a) { a, "UPDATE account SET " a " = (SELECT value " \
    "FROM account_history WHERE account_id = ?1 AND attr = '" a "' ORDER " \
    "BY effective_on DESC LIMIT 1) WHERE account_id = ?1 AND EXISTS " \
    "(SELECT 1 FROM account_history WHERE account_id = ?1 AND attr = '" \
    a "')" }
#define SYNC_WORK(a) { a, "UPDATE work SET " a " = (SELECT value FROM " \
    "work_history WHERE work_id = ?1 AND attr = '" a "' ORDER BY " \
    "effective_on DESC LIMIT 1) WHERE work_id = ?1 AND EXISTS (SELECT 1 " \
    "FROM work_history WHERE work_id = ?1 AND attr = '" a "')" }

/* review: the label that made it unknown goes with any other value */
#define SYNC_REVIEW_VALUE "(SELECT value FROM work_history WHERE work_id = " \
    "?1 AND attr = 'review' ORDER BY effective_on DESC LIMIT 1)"
#define SYNC_REVIEW { "review", "UPDATE work SET review = " \
    SYNC_REVIEW_VALUE ", review_label = CASE WHEN " SYNC_REVIEW_VALUE \
    " = 'unknown' THEN review_label END WHERE work_id = ?1 AND EXISTS " \
    "(SELECT 1 FROM work_history WHERE work_id = ?1 AND attr = 'review')" }

static const struct {
	const char *attr, *sql;
} sync_sql[] = {
	SYNC_ACCOUNT("kind"), SYNC_ACCOUNT("celebrity"),
	SYNC_ACCOUNT("certification"), SYNC_ACCOUNT("plan_status"),
	SYNC_ACCOUNT("bank_card"),
	SYNC_WORK("account_id"), SYNC_WORK("visibility"), SYNC_REVIEW,
	SYNC_WORK("original"), SYNC_WORK("infringing"), SYNC_WORK("commercial"),
	SYNC_WORK("selected"),
};
#define NSYNC_ACCOUNT 5

bool
history_sync_current(struct db *db, enum history_of of, const char *id,
    const char *attr, struct pt_err *err)
{
	size_t lo = of == HISTORY_ACCOUNT ? 0 : NSYNC_ACCOUNT;
	size_t hi = of == HISTORY_ACCOUNT ? NSYNC_ACCOUNT :
	    sizeof sync_sql / sizeof sync_sql[0];
	sqlite3_stmt *st = NULL;

	for (size_t i = lo; i < hi; i++)
		if (strcmp(sync_sql[i].attr, attr) == 0) {
			if ((st = db_stmt(db, sync_sql[i].sql, err)) == NULL)
				return false;
			break;
		}
	if (st == NULL) {
		err_set(err, PT_EXIT_DB, "no history is kept of '%s'", attr);
		return false;
	}
	db_bind_text(st, 1, id);
	return db_step_done(db, st, "updating the values in force", err);
}

static void
read_entry(sqlite3_stmt *st, void *item, const void *arg)
{
	struct history_entry *e = item;
	const char *v = (const char *)sqlite3_column_text(st, 2);

	(void)arg;
	memset(e, 0, sizeof *e);
	snprintf(e->attr, sizeof e->attr, "%s",
	    (const char *)sqlite3_column_text(st, 0));
	if (!day_parse_iso((const char *)sqlite3_column_text(st, 1),
	    &e->effective_on))
		e->effective_on = DAY_NONE;
	e->is_null = v == NULL;
	snprintf(e->value, sizeof e->value, "%s", v ? v : "");
	e->import_id = sqlite3_column_int64(st, 3);
	snprintf(e->recorded_at, sizeof e->recorded_at, "%s",
	    (const char *)sqlite3_column_text(st, 4));
}

bool
history_list(struct db *db, enum history_of of, const char *id,
    struct history_entry **out, size_t *n, struct pt_err *err)
{
	sqlite3_stmt *st;

	*out = NULL;
	*n = 0;
	if ((st = db_bound(db, SQL_LIST[of], DB_ARGS(DB_TEXT(id)),
	    err)) == NULL)
		return false;
	*out = db_read_rows(db, st, sizeof **out, read_entry, NULL, n,
	    "reading attribute history", err);
	return *out != NULL;
}
