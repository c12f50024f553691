/* Attribute history with effective days (DESIGN §3 "history"): every
 * change of an account's kind, celebrity, certification, plan status or
 * real-name card, and of a work's account, visibility, review, original,
 * infringing, commercial or selected flag, is kept with the day it took
 * effect. The value in force on a day is the latest recorded on or before
 * it; before the first one, the first one (there is nothing earlier to
 * know). Values are text as the account and work columns store them
 * ("0"/"1" for flags, NULL for no certification). */
#ifndef PT_HISTORY_H
#define PT_HISTORY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/day.h"
#include "core/db.h"
#include "core/err.h"

enum history_of { HISTORY_ACCOUNT, HISTORY_WORK };

#define HISTORY_VALUE_SZ 256

/* Records that attr of id is value (NULL: none) from day effective on.
 * Nothing is written when that is already the value in force that day
 * (a re-import of an unchanged row records nothing). Returns 1 when a
 * change was recorded, 0 when not, -1 on error (err). attr must be one of
 * the attributes above. */
int history_record(struct db *db, enum history_of of, const char *id,
    const char *attr, const char *value, day_t effective, int64_t import_id,
    struct pt_err *err);
/* The day a first value without a stated effective day is recorded on:
 * it is an observation, in force since always (a later back-dated change
 * then splits it). */
#define HISTORY_SINCE_ALWAYS "1970-01-01"
/* Same, where `stated` says whether the effective day came from the data
 * (an effective_on column): the first value of an attribute without one
 * is recorded as in force since always. */
int history_record_stated(struct db *db, enum history_of of, const char *id,
    const char *attr, const char *value, day_t effective, bool stated,
    int64_t import_id, struct pt_err *err);
/* Sets the account's (work's) column attr to its latest recorded value:
 * the row shows the values in force now even after a back-dated change. */
bool history_sync_current(struct db *db, enum history_of of, const char *id,
    const char *attr, struct pt_err *err);
/* The value of attr in force on day: *found false when attr has no
 * history; *is_null for a NULL value. */
bool history_value_on(struct db *db, enum history_of of, const char *id,
    const char *attr, day_t day, char *buf, size_t size, bool *is_null,
    bool *found, struct pt_err *err);

struct history_entry {
	char attr[16];
	day_t effective_on;
	bool is_null;
	char value[HISTORY_VALUE_SZ];
	int64_t import_id;	/* 0 when none */
	char recorded_at[32];
};

/* Every recorded value of id, by attribute then day; *out malloc'd. */
bool history_list(struct db *db, enum history_of of, const char *id,
    struct history_entry **out, size_t *n, struct pt_err *err);

#endif
