/* The schema, versioned with PRAGMA user_version and migrated forward in
 * one transaction. */
#ifndef PT_SCHEMA_H
#define PT_SCHEMA_H

#include <stdbool.h>

#include "core/err.h"

struct db;

#define SCHEMA_VERSION 9

int schema_version(struct db *db);
/* Brings the database to SCHEMA_VERSION in one transaction. */
bool schema_migrate(struct db *db, struct pt_err *err);
/* The same up to version target (<= SCHEMA_VERSION): tests build an
 * older database with it to test the steps after. */
bool schema_migrate_to(struct db *db, int target, struct pt_err *err);

#endif
