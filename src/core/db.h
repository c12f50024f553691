/* The database handle: opening per DESIGN §7 (refusing foreign or newer
 * files untouched), WAL, foreign keys, busy waiting, write transactions
 * with BEGIN IMMEDIATE, and a cache of prepared statements. Only files in
 * src/core hold SQL text; this header is what the rest of the program
 * sees (core/db_internal.h is the core's own). */
#ifndef PT_DB_H
#define PT_DB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

/* 'PTUI': marks a partner-tui database in the SQLite header. */
#define DB_APPLICATION_ID 0x50545549

enum db_open_flags {
	DB_OPEN_CREATE = 1 << 0,	/* create the file (0600) if missing */
	DB_OPEN_READONLY = 1 << 1,	/* never write */
	DB_OPEN_NO_MIGRATE = 1 << 2,	/* leave the schema as found (tests of
					 * the migrations: schema_migrate_to) */
};

/* Opaque outside src/core: files of the core include core/db_internal.h
 * for the handle's fields, prepared statements and binding helpers. */
struct db;

/* Busy timeout: writers queue behind each other instead of failing. */
#define DB_BUSY_TIMEOUT_MS 60000

struct db *db_open(const char *path, unsigned flags, struct pt_err *err);
/* As db_open; a database it creates is shared with `group` (file 0660
 * of that group in a setgid 2770 directory). NULL group: private. */
struct db *db_open_shared(const char *path, unsigned flags, const char *group,
    struct pt_err *err);
void db_close(struct db *db);

/* BEGIN IMMEDIATE (nested calls only count); commit; roll back. */
bool db_begin(struct db *db, struct pt_err *err);
bool db_commit(struct db *db, struct pt_err *err);
void db_rollback(struct db *db);

/* True when another connection has committed since the last call. */
bool db_changed_elsewhere(struct db *db);

/* Opened read-only (asked for, or no write access to the file). */
bool db_readonly(const struct db *db);
/* The file it was opened from (another connection opens the same). */
const char *db_filename(const struct db *db);

#endif
