/* The database handle: opening per DESIGN §7 (refusing foreign or newer
 * files untouched), WAL, foreign keys, busy waiting, write transactions
 * with BEGIN IMMEDIATE, and a cache of prepared statements. Only files in
 * src/core hold SQL text. */
#ifndef PT_DB_H
#define PT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sqlite3.h>

#include "core/err.h"

/* 'PTUI': marks a partner-tui database in the SQLite header. */
#define DB_APPLICATION_ID 0x50545549

enum db_open_flags {
	DB_OPEN_CREATE = 1 << 0,	/* create the file (0600) if missing */
	DB_OPEN_READONLY = 1 << 1,	/* never write */
	DB_OPEN_NO_MIGRATE = 1 << 2,	/* leave the schema as found (tests of
					 * the migrations: schema_migrate_to) */
};

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

/* Busy timeout: writers queue behind each other instead of failing. */
#define DB_BUSY_TIMEOUT_MS 60000

struct db *db_open(const char *path, unsigned flags, struct pt_err *err);
/* As db_open; a database it creates is shared with `group` (file 0660
 * of that group in a setgid 2770 directory). NULL group: private. */
struct db *db_open_shared(const char *path, unsigned flags, const char *group,
    struct pt_err *err);
void db_close(struct db *db);

/* A prepared statement for a static SQL string, reset and with its
 * bindings cleared, cached for the life of the handle. NULL on error. */
sqlite3_stmt *db_stmt(struct db *db, const char *sql, struct pt_err *err);
/* Runs SQL without parameters (schema, pragmas). */
bool db_exec(struct db *db, const char *sql, struct pt_err *err);

/* BEGIN IMMEDIATE (nested calls only count); commit; roll back. */
bool db_begin(struct db *db, struct pt_err *err);
bool db_commit(struct db *db, struct pt_err *err);
void db_rollback(struct db *db);

/* Sets err from the handle's last error, prefixed by what was being done. */
void db_error(struct db *db, struct pt_err *err, const char *doing);

/* True when another connection has committed since the last call. */
bool db_changed_elsewhere(struct db *db);

/* Binding helpers that treat "missing" as NULL. */
int db_bind_text(sqlite3_stmt *st, int i, const char *s);
int db_bind_int64_or_null(sqlite3_stmt *st, int i, bool present, int64_t v);
int db_bind_double_or_null(sqlite3_stmt *st, int i, bool present, double v);

#endif
