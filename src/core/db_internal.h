/* The database handle as the core sees it: its fields, the cache of
 * prepared statements and the binding helpers. Only src/core (and white-box
 * tests) include this; everything else sees core/db.h's opaque handle. */
#ifndef PT_DB_INTERNAL_H
#define PT_DB_INTERNAL_H

#include <sqlite3.h>

#include "core/day.h"
#include "core/db.h"

struct db_stmt_slot {
	const char *sql;	/* the static string it was prepared from */
	sqlite3_stmt *stmt;
};

struct db {
	sqlite3 *sql;
	char *path;
	bool readonly;		/* opened read-only (asked, or no write access) */
	bool created;		/* the file was created by this open */
	bool immutable;		/* read as a snapshot: no writer can exist */
	int64_t data_version;
	int txn_depth;
	struct db_stmt_slot *stmts;
	size_t nstmts, capstmts;
};

/* A prepared statement for a static SQL string, reset and with its
 * bindings cleared, cached for the life of the handle. NULL on error. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct pt_err *err);
/* Runs SQL without parameters (schema, pragmas). */
bool db_exec(struct db *db, const char *sql, struct pt_err *err);

/* Sets err from the handle's last error, prefixed by what was being done. */
void db_error(struct db *db, struct pt_err *err, const char *doing);

/* Steps a statement that returns no row and resets it; false (err names
 * what was being done) unless it ran to the end. */
bool db_step_done(struct db *db, sqlite3_stmt *st, const char *doing,
    struct pt_err *err);
/* Steps a query for its first row: DB_ROW (read the columns, then
 * sqlite3_reset), DB_NO_ROW or DB_STEP_FAILED (both reset; err set on
 * failure). */
enum { DB_STEP_FAILED = -1, DB_NO_ROW = 0, DB_ROW = 1 };
int db_step_row(struct db *db, sqlite3_stmt *st, const char *doing,
    struct pt_err *err);
/* A value for a statement's parameter, typed: DB_TEXT(s) (NULL binds
 * NULL), DB_INT(n) (any integer, as int64), DB_REAL(r), DB_DAY(d)
 * (DAY_NONE binds NULL); DB_INT_IF and DB_REAL_IF bind NULL unless
 * present. DB_ARGS(a, b, ...) passes them as ?1, ?2, ... to the calls
 * below: the values are converted as by assignment, never through
 * varargs, so a pointer for a number or a number for a text does not
 * compile. */
struct db_arg {
	enum { DB_ARG_TEXT, DB_ARG_INT, DB_ARG_REAL, DB_ARG_DAY } type;
	bool null;
	union {
		const char *text;
		int64_t i;
		double real;
		day_t day;
	} v;
};
#define DB_TEXT(s) ((struct db_arg){ .type = DB_ARG_TEXT, .v.text = (s) })
#define DB_INT(n) ((struct db_arg){ .type = DB_ARG_INT, .v.i = (n) })
#define DB_REAL(r) ((struct db_arg){ .type = DB_ARG_REAL, .v.real = (r) })
#define DB_DAY(d) ((struct db_arg){ .type = DB_ARG_DAY, .v.day = (d) })
#define DB_INT_IF(present, n) ((struct db_arg){ .type = DB_ARG_INT, \
	.null = !(present), .v.i = (n) })
#define DB_REAL_IF(present, r) ((struct db_arg){ .type = DB_ARG_REAL, \
	.null = !(present), .v.real = (r) })
#define DB_ARGS(...) (const struct db_arg[]){ __VA_ARGS__ }, \
	sizeof((const struct db_arg[]){ __VA_ARGS__ }) / sizeof(struct db_arg)

/* db_stmt of sql with the n arguments bound; NULL (err set) when it
 * could not be prepared. */
sqlite3_stmt *db_bound(struct db *db, const char *sql,
    const struct db_arg *args, size_t n, struct pt_err *err);
/* Runs sql, which returns no row, with its arguments: db_step_done of
 * db_bound. */
bool db_run(struct db *db, const char *sql, const struct db_arg *args,
    size_t n, const char *doing, struct pt_err *err);
/* db_step_row of sql with its arguments; *st is the statement (NULL when
 * it could not be prepared: DB_STEP_FAILED). */
int db_row(struct db *db, const char *sql, const struct db_arg *args,
    size_t n, sqlite3_stmt **st, const char *doing, struct pt_err *err);
/* db_step_row of sql with key bound to ?1 (NULL as NULL); *st is the
 * statement (NULL when it could not be prepared: DB_STEP_FAILED). */
int db_lookup(struct db *db, const char *sql, const char *key,
    sqlite3_stmt **st, const char *doing, struct pt_err *err);
/* db_lookup's first column as a flag: false without a row (or for 0).
 * False on a database error (err set). */
bool db_lookup_flag(struct db *db, const char *sql, const char *key,
    bool *out, const char *doing, struct pt_err *err);
/* The first column of a query's first row (no parameters): a count;
 * -1 without a row or on an error (err set, may be NULL, when the
 * statement could not be prepared). */
int64_t db_scalar(struct db *db, const char *sql, struct pt_err *err);
/* Ends a `while ((rc = sqlite3_step(st)) == SQLITE_ROW)` loop: resets st;
 * true when the rows ran out; false with err set on a database error,
 * or out of memory when the loop left on a row (rc SQLITE_ROW). */
bool db_rows_end(struct db *db, sqlite3_stmt *st, int rc, const char *doing,
    struct pt_err *err);

/* Every row of st (bound, not yet stepped) into a new array of
 * elem_size-byte items, each filled by row() (items own no memory).
 * Never NULL on success, even for no rows (free it); NULL with err set
 * on failure. *n is the number of items. */
void *db_read_rows(struct db *db, sqlite3_stmt *st, size_t elem_size,
    void (*row)(sqlite3_stmt *st, void *item, const void *arg),
    const void *arg, size_t *n, const char *doing, struct pt_err *err);

/* A text column copied into dst ("" for NULL), or into a new string
 * (NULL only out of memory; "" for NULL), and a day column (DAY_NONE for
 * NULL or a value that is not a day). */
void db_col_copy(sqlite3_stmt *st, int i, char *dst, size_t size);
char *db_col_strdup(sqlite3_stmt *st, int i);
day_t db_col_day(sqlite3_stmt *st, int i);
/* A number column into *v: false for NULL (*v is then 0). */
bool db_col_int64(sqlite3_stmt *st, int i, int64_t *v);
bool db_col_double(sqlite3_stmt *st, int i, double *v);

/* Binding helpers that treat "missing" as NULL. */
int db_bind_day(sqlite3_stmt *st, int i, day_t d);
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
int db_bind_int64_or_null(sqlite3_stmt *st, int i, bool present, int64_t v);
int db_bind_double_or_null(sqlite3_stmt *st, int i, bool present, double v);

#endif
